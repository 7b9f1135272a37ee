"""Playground first (issue #17): on a page's first screen, its main control and the picture it changes sit
side by side, and working the control changes the picture with no scrolling; on a phone the picture is
within the first two screens; kid mode is a short path (under about 350 words)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, open_at, wait_until_settled

KID_WORDS = 350  #: most words a page may show in kid mode (what is on screen: closed expanders do not count)

#: page → (its title, the main control's label, the caption of the picture it changes, or for a chart
#: (``"chart"``) the chart's title)
PLAYGROUNDS = {
    "noise": ("Secret spy messages", "How many copies to combine", "Average of the first copy: itself", "image"),
    "kmeans": ("Garden bug detective", "Number of groups (k)", "k-means at work", "chart"),
    "convolution": ("Image kernels", "Pixel column", "The course's 5×5 example: 5 × 5 pixels", "image"),
    "iris": ("Iris network", "Neurons in hidden layer 1", "Your network: measurements in, species out", "chart"),
    "ethics": ("Before you trust a model", "Say 'I don't know' below this confidence",
               "What the digit networks think the dog is", "chart"),
}

#: kind of picture → (its Streamlit test id, how to read what it shows)
KINDS = {"image": ("stImage", "el => el.querySelector('img').getAttribute('src')"),
         "chart": ("stPlotlyChart", "el => el.querySelector('.main-svg').innerHTML")}


def _within(page: Page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _pictures(page: Page, kind: str):
    return page.get_by_test_id("stMain").get_by_test_id(KINDS[kind][0])


def _shown(locator, kind: str) -> str:
    return locator.evaluate(KINDS[kind][1])


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_the_main_control_and_its_picture_share_the_first_screen(page: Page, shared_server, slug):
    title, control, caption, kind = PLAYGROUNDS[slug]
    open_at(page, f"{shared_server}/{slug}", title)
    slider = page.get_by_role("slider", name=control)
    boxes = _pictures(page, kind)
    expect(boxes.filter(has_text=caption)).to_have_count(1, timeout=30_000)  # a chart's text comes with plotly
    where = next(n for n, text in enumerate(boxes.all_text_contents()) if caption in text)
    picture = boxes.nth(where)
    assert _within(page, slider, DESKTOP["height"]) and _within(page, picture, DESKTOP["height"])
    before = _shown(picture, kind)
    slider.press("ArrowRight")
    wait_until_settled(page)
    pictures = _pictures(page, kind)
    assert _shown(pictures.nth(where), kind) != before  # the picture answered, where it was
    assert _within(page, pictures.nth(where), DESKTOP["height"])
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop") == 0

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert _within(page, pictures.nth(where), 2 * PHONE["height"])


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_kid_mode_is_a_short_path(page: Page, shared_server, slug):
    title = PLAYGROUNDS[slug][0]
    open_at(page, f"{shared_server}/{slug}?kids=on", title)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    words = page.evaluate("document.querySelector('[data-testid=stMain]').innerText.split(/\\s+/)"
                          ".filter(Boolean).length")
    assert words <= KID_WORDS, f"/{slug} shows {words} words in kid mode"
