"""Every page opens by its own URL on a freshly started server, with the app's navigation (proper titles,
not file names) and no exception; screenshots at desktop and phone size go to tests/screenshots/."""

import re

import pytest
from playwright.sync_api import Page, expect

from lib.topics import REFERENCE, TOPICS
from tests.browser.conftest import DESKTOP, screenshot_desktop_and_phone, wait_until_settled

NAV_LABELS = ["Home"] + [item.title for item in (*TOPICS, *REFERENCE)]
PAGES = [("", "Machine learning, hands on")] + [(item.slug, item.title) for item in (*TOPICS, *REFERENCE)]


def _open(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible(timeout=30_000)
    wait_until_settled(page)


@pytest.mark.parametrize("slug, heading", PAGES, ids=[slug or "home" for slug, _ in PAGES])
def test_deep_link_on_a_fresh_server(page: Page, fresh_server, slug, heading):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{fresh_server}/{slug}", heading)

    sidebar = page.get_by_test_id("stSidebar")
    links = sidebar.get_by_test_id("stPageLink")
    expect(links).to_have_count(len(NAV_LABELS))
    # Each link's text is its Material icon's name, then its label; the label is the last line.
    assert [text.strip().splitlines()[-1] for text in links.all_inner_texts()] == NAV_LABELS
    # Streamlit's own file-name navigation must not appear, not even briefly on a first deep link.
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page).to_have_title(re.compile(re.escape(heading if slug else "ML workshop companion")))

    name = slug or "home"
    screenshot_desktop_and_phone(page, name, f"/{slug}")


def test_navigation_links_move_between_pages(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, shared_server, "Machine learning, hands on")
    for item in TOPICS:
        page.get_by_test_id("stSidebar").get_by_role("link", name=item.title).click()
        expect(page.get_by_role("heading", name=item.title, level=1)).to_be_visible(timeout=30_000)
        assert page.url.rstrip("/").endswith(f"/{item.slug}")
        expect(page.get_by_test_id("stException")).to_have_count(0)
