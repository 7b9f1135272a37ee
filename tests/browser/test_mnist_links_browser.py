"""/mnist lesson links in a real browser: the issue's example link opens the page set up for exercise 2 with
"Train it yourself" hidden, changing a control puts the new value in the address bar; screenshots of the
linked page (desktop, phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from lib.mnist import content as words
from tests.browser.conftest import DESKTOP, open_at, screenshot_desktop_and_phone, wait_until_settled
from tests.browser.test_mnist_browser import open_step


def _open(page: Page, url: str) -> None:
    open_at(page, url, "Handwritten digits", timeout=180_000)


def test_the_issue_link_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/mnist?invert=on&lesson=2&hide=train")
    expect(page.get_by_text("Exercise 2: The door-number 9.")).to_be_visible()
    expect(page.get_by_text("Answering now: the network with inverted copies")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^It's a \d"))).to_be_visible()
    expect(page.get_by_text(words.STEPS["mistakes"][0])).to_be_visible()  # the exercise opens every step
    expect(page.get_by_text(words.STEPS["train"][0])).to_have_count(0)
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "mnist-link", "/mnist from a link")

    page.set_viewport_size(DESKTOP)
    page.get_by_text("Train with inverted copies", exact=True).first.click()  # the toggle, before the words naming it
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"invert=off"))
    assert "lesson=2" in page.url and "hide=train" in page.url


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/mnist?kids=on&source=course&image=dog")
    open_step(page, "course", kids=True)
    page.get_by_text("What happened?").first.click()  # the why, in kid words, waits in the first step's expander
    expect(page.get_by_text("chalkboards").first).to_be_visible()
    expect(page.get_by_text("Always a number.").first).to_be_visible()
    expect(page.get_by_text(words.STEPS["inside"][True])).to_have_count(0)
    expect(page.get_by_text(words.STEPS["unsure"][True])).to_be_visible()
    screenshot_desktop_and_phone(page, "mnist-kids", "/mnist in kid mode")
