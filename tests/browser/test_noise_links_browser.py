"""/noise lesson links in a real browser: a link opens the page with that secret message, noise and copies
(an exercise's question on top, sections hidden), changing a control puts the new value in the address bar;
screenshots of the linked page (desktop, phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, open_at, screenshot_desktop_and_phone, wait_until_settled


def _open(page: Page, url: str) -> None:
    open_at(page, url, "Secret spy messages")
    # Settled is not yet drawn: wait for the sidebar's switch and the first picture before looking.
    expect(page.get_by_text("Simpler words")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMain").get_by_test_id("stImage").first).to_be_visible(timeout=30_000)


def test_a_link_sets_the_page_up_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/noise?source=message&message=HELLO%20JOHN&copies=50&combine=30&lesson=2"
                "&hide=beyond,science")
    expect(page.get_by_text("Exercise 2: Subtracting.")).to_be_visible()
    page.get_by_role("button", name="Change the secret").click()  # the secret's controls wait in a popover
    expect(page.get_by_label("Your secret message", exact=True).and_(page.get_by_test_id("stTextInputField"))).to_have_value("HELLO JOHN")
    page.keyboard.press("Escape")
    expect(page.get_by_text("The first 20 of the 50 copies", exact=False)).to_be_visible()
    expect(page.get_by_text("after combining 30", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="When averaging is not enough")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "noise-link", "/noise from a link")

    page.set_viewport_size(DESKTOP)
    page.get_by_text("Uniform: flat fuzz").click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"kind=uniform"))
    assert "message=HELLO" in page.url and "copies=50" in page.url and "hide=beyond" in page.url


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/noise?kids=on&picture=smiley&copies=40")
    expect(page.get_by_text("scribbles random dots", exact=False).first).to_be_visible()
    expect(page.get_by_label("Random seed", exact=True)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "noise-kids", "/noise in kid mode")
