"""/kmeans lesson links in a real browser: a link opens with its k, scaling and bug; changing k puts the new
value in the address bar; screenshots of the linked page (desktop, phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, downloaded_text, open_at, screenshot_desktop_and_phone, wait_until_settled

HEADING = "Garden bug detective"


def _open(page: Page, url: str) -> None:
    open_at(page, url, HEADING)


def test_a_link_opens_its_settings_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/kmeans?k=4&scale=off&init=random&seed=2")
    k = page.get_by_role("slider", name="Number of groups (k)")
    expect(k).to_have_value("4", timeout=90_000)
    page.get_by_role("button", name="More settings").click()  # the secondary choices sit in a popover
    expect(page.get_by_role("switch", name="Scale the measurements (standardise)")).not_to_be_checked()
    expect(page.get_by_role("radio", name="random", exact=True)).to_be_checked()
    expect(page.get_by_label("Random seed", exact=True)).to_have_value("2")
    screenshot_desktop_and_phone(page, "kmeans-link", "/kmeans from a link")

    page.set_viewport_size(DESKTOP)
    page.keyboard.press("Escape")
    k.focus()
    k.press("ArrowRight")
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"k=5"))
    assert "scale=off" in page.url and "init=random" in page.url and "seed=2" in page.url
    wait_until_settled(page)  # the address changes as the rerun starts; the button is redrawn at its end
    record = downloaded_text(page, "Download my results (Markdown)")
    assert record.startswith("# My k-means groups") and "| Number of groups (k) | 5 |" in record


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/kmeans?kids=on")
    expect(page.get_by_text("sort them into groups").first).to_be_visible()
    expect(page.get_by_role("slider", name="Number of groups (k)")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Starting centroids", exact=True)).to_have_count(0)
    expect(page.get_by_text("How many groups should k-means find?")).to_have_count(0)
    expect(page.get_by_text("1 · How many groups can you see?")).to_be_visible()  # a step, closed
    screenshot_desktop_and_phone(page, "kmeans-kids", "/kmeans in kid mode")
