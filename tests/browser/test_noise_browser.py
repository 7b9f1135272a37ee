"""The noise page in a real browser: the copies and the combine slider work as a user drives them, at
desktop and phone width; screenshots go to tests/screenshots/noise-*.png."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, assert_no_sideways_scroll, open_step

TITLE = "Secret spy messages"


def _open(page: Page, url: str) -> None:
    page.goto(f"{url}/noise")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)


def _settle(page: Page) -> None:
    # Streamlit reruns finish asynchronously; wait until it no longer shows its "running" indicator.
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def _screenshot_whole_page(page: Page, size: dict, name: str) -> None:
    # Streamlit scrolls inside its own container, so a "full page" screenshot would stop at the window:
    # make the window as tall as the page instead.
    page.set_viewport_size(size)
    # Every step, drawn when opened; two hold charts.
    for step in ("1 · Look", "2 · Would", "3 · Why", "4 · Measure it", "5 · When averaging is not enough"):
        details = page.get_by_test_id("stExpander").filter(has_text=step).locator("details").first
        if not details.evaluate("element => element.open"):
            details.locator("summary").click()
            _settle(page)
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2, timeout=30_000)
    page.wait_for_timeout(500)
    height = page.evaluate("document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight + 200")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(500)
    page.screenshot(path=SCREENSHOTS / f"noise-{name}.png")
    page.set_viewport_size(size)


def _combine_slider(page: Page):
    return page.get_by_test_id("stSlider").filter(has_text="How many copies to combine").get_by_role("slider")


def test_combining_copies_reveals_the_secret_on_desktop_and_phone(page: Page, shared_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    _open(page, shared_server)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"after combining 1 \(one copy"))).to_be_visible()
    open_step(page, "1 · Look at the copies")  # the steps are drawn only when opened
    expect(page.get_by_text(re.compile(r"The first 20 of the 20 copies"))).to_be_visible()
    _screenshot_whole_page(page, DESKTOP, "desktop")

    # Move the combine slider to its first stop with the keyboard, as a user can.
    slider = _combine_slider(page)
    slider.focus()
    page.keyboard.press("Home")
    _settle(page)
    expect(page.get_by_text(re.compile(r"after combining 1 \(one copy"))).to_be_visible()
    for _ in range(3):  # one step at a time: see lib/ui/links.py's link write-back (rapid presses can snap back)
        page.keyboard.press("ArrowRight")
        _settle(page)
    expect(page.get_by_text(re.compile(r"after combining 4 \(one copy"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert_no_sideways_scroll(page, "/noise")
    _screenshot_whole_page(page, PHONE, "phone")


def test_typing_a_message_with_an_emoji_says_what_the_font_lacks(page: Page, shared_server):
    page.set_viewport_size(PHONE)
    _open(page, shared_server)
    page.get_by_role("button", name="Change the secret").click()
    page.get_by_text("Type your own message").click()
    _settle(page)
    box = page.get_by_role("textbox", name="Your secret message")
    box.fill("HI 😀")
    box.press("Enter")
    _settle(page)
    expect(page.get_by_text(re.compile("font cannot draw"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
