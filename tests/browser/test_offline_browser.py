"""Offline means offline: a tour of every page asks no host but the app's own server for anything.

A workshop room may have no internet, and a children's workshop must not report each page view to a third
party. Every request the browser makes (pages, scripts, fonts, pictures, the tab icon, websockets) is
recorded; anything addressed elsewhere is refused, as it would be offline, and fails the test.
"""

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from lib.topics import REFERENCE, TOPICS
from tests.browser.conftest import DESKTOP, open_at, wait_until_settled

PAGES = [("", "Machine learning, hands on")] + [(item.slug, item.title) for item in (*TOPICS, *REFERENCE)]
#: Addresses with no host, which never leave the browser.
LOCAL_SCHEMES = ("data", "blob", "about")


def test_a_tour_of_every_page_asks_only_the_app_server(page: Page, shared_server):
    server = urlsplit(shared_server).netloc
    asked: list[str] = []
    elsewhere: list[str] = []

    def record(url: str) -> None:
        asked.append(url)
        parts = urlsplit(url)
        if parts.scheme not in LOCAL_SCHEMES and parts.netloc != server:
            elsewhere.append(url)

    page.on("request", lambda request: record(request.url))
    page.on("websocket", lambda socket: record(socket.url))
    # Offline, a request for another host fails: refuse it here too, so the test never needs a network.
    page.route(lambda url: urlsplit(url).netloc not in ("", server), lambda route: route.abort())
    page.set_viewport_size(DESKTOP)
    for slug, heading in PAGES:
        open_at(page, f"{shared_server}/{slug}", heading)
        page.keyboard.press("End")  # whatever loads only when scrolled into view
        wait_until_settled(page)
        # The tab icon is set by the page once it has run: wait for it to be in place before moving on.
        expect(page.locator("link[rel='shortcut icon']")).to_have_count(1)
        page.wait_for_timeout(500)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Share this view").click()
    sidebar.get_by_role("button", name="Show the QR code big").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    wait_until_settled(page)

    assert any(urlsplit(url).netloc == server for url in asked)  # the listener saw the tour
    assert not elsewhere, f"asked hosts other than the app's server: {sorted(set(elsewhere))}"
