"""Playground first (issue #17): on a page's first screen, its main control and the picture it changes sit
side by side, and working the control changes the picture with no scrolling; on a phone the picture is
within the first two screens; kid mode is a short path (under about 350 words)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, open_at, wait_until_settled

KID_WORDS = 350  #: most words a page may show in kid mode (what is on screen: closed expanders do not count)

#: page → (its title, the main control's label, the caption of the picture it changes[, what that picture is:
#: "image" (the default), or "chart" for a Plotly chart, whose title is then the caption])
PLAYGROUNDS = {
    "noise": ("Secret spy messages", "How many copies to combine", "Average of the first copy: itself"),
    "ethics": ("Before you trust a model", "Say 'I don't know' below this confidence",
               "What the digit networks think the dog is", "chart"),
}
BOXES = {"image": "stImage", "chart": "stPlotlyChart"}  #: each kind of picture's box (test id)


def _within(page: Page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _shown(box, kind: str):
    """The picture in a box: an image's <img>, or the whole chart."""
    return box.get_by_role("img") if kind == "image" else box


def _look(box, kind: str) -> str:
    """What the picture shows: an image's source, a chart's drawing."""
    return box.get_by_role("img").get_attribute("src") if kind == "image" else box.inner_html()


def _answered(page: Page, box, kind: str, before: str) -> bool:
    for _ in range(20):  # a chart redraws itself a moment after the page has run
        if _look(box, kind) != before:
            return True
        page.wait_for_timeout(250)
    return False


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_the_main_control_and_its_picture_share_the_first_screen(page: Page, shared_server, slug):
    title, control, caption, *kind = PLAYGROUNDS[slug]
    kind = kind[0] if kind else "image"
    open_at(page, f"{shared_server}/{slug}", title)
    slider = page.get_by_role("slider", name=control)
    boxes = page.get_by_test_id("stMain").get_by_test_id(BOXES[kind])
    expect(boxes.filter(has_text=caption)).to_have_count(1, timeout=30_000)  # a chart draws after the page ran
    where = next(n for n, text in enumerate(boxes.all_inner_texts()) if caption in text)
    picture = boxes.nth(where)
    assert _within(page, slider, DESKTOP["height"]) and _within(page, _shown(picture, kind), DESKTOP["height"])
    before = _look(picture, kind)
    slider.press("ArrowRight")
    wait_until_settled(page)
    assert _answered(page, picture, kind, before)  # the picture answered, where it was
    assert _within(page, _shown(picture, kind), DESKTOP["height"])
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop") == 0

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert _within(page, _shown(picture, kind), 2 * PHONE["height"])


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_kid_mode_is_a_short_path(page: Page, shared_server, slug):
    title = PLAYGROUNDS[slug][0]
    open_at(page, f"{shared_server}/{slug}?kids=on", title)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    words = page.evaluate("document.querySelector('[data-testid=stMain]').innerText.split(/\\s+/)"
                          ".filter(Boolean).length")
    assert words <= KID_WORDS, f"/{slug} shows {words} words in kid mode"
