"""Playground first (issue #17): on a page's first screen, its main control and the picture it changes sit
side by side, and working the control changes the picture with no scrolling; on a phone the picture is
within the first two screens; kid mode is a short path (under about 350 words)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, open_at, wait_until_settled

KID_WORDS = 350  #: most words a page may show in kid mode (what is on screen: closed expanders do not count)

#: page → (its title, the main control's label, the caption of the picture it changes[, "chart" when that picture
#: is a plotly chart, found by its title, rather than an image])
PLAYGROUNDS = {
    "noise": ("Secret spy messages", "How many copies to combine", "Average of the first copy: itself"),
    "iris": ("Iris network", "Neurons in hidden layer 1", "Your network: measurements in, species out", "chart"),
}


def _within(page: Page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _boxes(page: Page, kind: str):
    """Every picture of this kind in the page's main area: images (with their captions) or plotly charts."""
    return page.get_by_test_id("stMain").get_by_test_id("stPlotlyChart" if kind == "chart" else "stImage")


def _shown(boxes, kind: str):
    """The part of each box that is the picture itself: an image, or the whole chart."""
    return boxes if kind == "chart" else boxes.get_by_role("img")


def _looks(picture, kind: str) -> str | None:
    """What the picture shows: an image's source, a chart's text (its labels and numbers)."""
    return picture.text_content() if kind == "chart" else picture.get_attribute("src")


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_the_main_control_and_its_picture_share_the_first_screen(page: Page, shared_server, slug):
    title, control, caption, kind = (*PLAYGROUNDS[slug], "image")[:4]
    open_at(page, f"{shared_server}/{slug}", title)
    slider = page.get_by_role("slider", name=control)
    boxes = _boxes(page, kind)
    if kind == "chart":  # a chart draws its text once plotly has loaded
        expect(boxes.filter(has_text=caption)).to_have_count(1, timeout=30_000)
    picture = _shown(boxes.filter(has_text=caption), kind)
    assert _within(page, slider, DESKTOP["height"]) and _within(page, picture, DESKTOP["height"])
    where = next(n for n, text in enumerate(boxes.all_text_contents()) if caption in text)
    pictures = _shown(boxes, kind)
    before = _looks(picture, kind)
    slider.press("ArrowRight")
    wait_until_settled(page)
    assert _looks(pictures.nth(where), kind) != before  # the picture answered, where it was
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
