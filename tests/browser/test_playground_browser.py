"""Playground first (issue #17): on a page's first screen, its main control and the picture it changes sit
side by side, and working the control changes the picture with no scrolling; on a phone the picture is
within the first two screens; kid mode is a short path (under about 350 words)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, open_at, wait_until_settled

KID_WORDS = 350  #: most words a page may show in kid mode (what is on screen: closed expanders do not count)

#: page → (its title, the main control's label, the caption of the picture it changes)
PLAYGROUNDS = {
    "noise": ("Secret spy messages", "How many copies to combine", "Average of the first copy: itself"),
    "convolution": ("Image kernels", "Pixel column", "The course's 5×5 example: 5 × 5 pixels"),
}


def _within(page: Page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _picture(page: Page, caption: str):
    return page.get_by_test_id("stImage").filter(has_text=caption).get_by_role("img")


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_the_main_control_and_its_picture_share_the_first_screen(page: Page, shared_server, slug):
    title, control, caption = PLAYGROUNDS[slug]
    open_at(page, f"{shared_server}/{slug}", title)
    slider = page.get_by_role("slider", name=control)
    picture = _picture(page, caption)
    assert _within(page, slider, DESKTOP["height"]) and _within(page, picture, DESKTOP["height"])
    boxes = page.get_by_test_id("stMain").get_by_test_id("stImage")
    where = next(n for n, text in enumerate(boxes.all_inner_texts()) if caption in text)
    pictures = boxes.get_by_role("img")
    before = picture.get_attribute("src")
    slider.press("ArrowRight")
    wait_until_settled(page)
    assert pictures.nth(where).get_attribute("src") != before  # the picture answered, where it was
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
