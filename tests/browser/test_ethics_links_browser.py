"""/ethics lesson links in a real browser: a link opens the page with its demos and their settings, changing
a control puts the new value in the address bar (answers never); screenshots of the linked page (desktop,
phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from lib.ethics import words
from tests.browser.conftest import DESKTOP, open_at, open_step, screenshot_desktop_and_phone, wait_until_settled


def _open(page: Page, url: str) -> None:
    open_at(page, url, "Before you trust a model")


def test_a_link_opens_the_demos_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/ethics?garden=on&stranger=ant&lesson=1&hide=sources")
    expect(page.get_by_text("Exercise 1: Where to say 'I don't know'.")).to_be_visible()
    expect(page.get_by_text("k-means puts an ant in group", exact=False)).to_be_visible(timeout=60_000)
    # The dog demo is on: exercise 1 opens it.
    expect(page.get_by_text("with your rule:", exact=False).first).to_be_visible(timeout=60_000)
    expect(page.get_by_text(words.SOURCES_HEADING)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "ethics-link", "/ethics from a link")

    page.set_viewport_size(DESKTOP)
    open_step(page, "Collecting data ·")
    card = page.locator(".st-key-ethics_item_collect-who")
    card.get_by_test_id("stRadioOption").filter(has_text="no").first.click()
    wait_until_settled(page)
    assert "answer" not in page.url and "collect" not in page.url  # answers never travel in the link
    page.get_by_text("Printable view").click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"printable=on"))
    assert "stranger=ant" in page.url and "lesson=1" in page.url and "hide=sources" in page.url


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/ethics?kids=on&polarity=on")
    expect(page.get_by_text("Be a detective", exact=False)).to_be_visible()
    expect(page.get_by_role("strong").filter(has_text="Did you test it on everyone who will use it?")).to_be_visible()
    expect(page.get_by_text(words.SOURCES_HEADING)).to_have_count(0)
    screenshot_desktop_and_phone(page, "ethics-kids", "/ethics in kid mode")
