"""/iris lesson links in a real browser: a link opens the page with its design, changing a control puts the
new value in the address bar; screenshots of the linked page (desktop, phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import (DESKTOP, SVG_PICTURE, downloaded_text, open_at, screenshot_desktop_and_phone,
                                   wait_until_settled)


def _open(page: Page, url: str) -> None:
    open_at(page, url, "Iris network")


def test_a_link_opens_the_design_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/iris?layers=1&n1=16&activation=tanh&seed=7&lesson=4")
    expect(page.get_by_text("Exercise 4: Ten flowers.")).to_be_visible()
    page.get_by_test_id("stPopover").get_by_role("button", name="More settings").click()  # the seed lives there
    seed = page.get_by_label("Random seed", exact=True)
    expect(seed).to_have_value("7", timeout=90_000)  # the first visit to a server loads the page's libraries
    expect(page.get_by_role("radio", name="tanh", exact=True)).to_be_checked()
    # A link to an exercise opens every step, so the design step shows its count of weights.
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{(4 + 1) * 16 + (16 + 1) * 3}")
    page.locator("summary", has_text="3 · Design the network").scroll_into_view_if_needed()
    screenshot_desktop_and_phone(page, "iris-link", "/iris from a link")

    page.set_viewport_size(DESKTOP)
    seed.fill("12")
    seed.press("Enter")
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"seed=12"))
    assert "layers=1" in page.url and "activation=tanh" in page.url and "lesson=4" in page.url
    wait_until_settled(page)  # the address changes as the rerun starts; the button is redrawn at its end
    record = downloaded_text(page, "Download my results (Markdown)")
    assert record.startswith("# My iris network") and "| Random seed | 12 |" in record


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/iris?kids=on")
    expect(page.get_by_text("garden robot").first).to_be_visible()
    expect(page.get_by_test_id("stSlider").filter(has_text="Hidden layers")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Learning rate", exact=True)).to_have_count(0)
    expect(page.get_by_test_id(SVG_PICTURE).first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("3 · Design the network")).to_have_count(0)  # a shorter path
    expect(page.locator("summary", has_text="2 · Secret test flowers")).to_be_visible()
    screenshot_desktop_and_phone(page, "iris-kids", "/iris in kid mode")
