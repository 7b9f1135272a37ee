"""Offline means offline: a tour of every page asks no host but the app's own server for anything; and the
big QR code, projected for a room to scan, fits the window.

A workshop room may have no internet, and a children's workshop must not report each page view to a third
party. Every request the browser makes (pages, scripts, fonts, pictures, the tab icon, websockets) is
recorded; anything addressed elsewhere is refused, as it would be offline, and fails the test.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from lib.topics import REFERENCE, TOPICS
from tests.browser.conftest import DESKTOP, SCREENSHOTS, open_at, wait_until_settled

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


@pytest.mark.parametrize("size", [DESKTOP, {"width": 1024, "height": 768}], ids=["1280x800", "1024x768"])
def test_the_big_qr_code_fits_the_window_and_scans(page: Page, shared_server, size):
    """Projected for the room to scan: the whole dialog, QR code and address, is on screen without scrolling,
    even for a long classroom link (a denser code, and an address over two lines)."""
    open_at(page, f"{shared_server}/noise?copies=50&combine=40&kind=uniform&strength=1.5&lesson=1&hide=peek,uploads"
                  "&lock=copies,kind,strength", "Secret spy messages")
    page.set_viewport_size(size)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Share this view").click()
    sidebar.get_by_role("button", name="Show the QR code big").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    qr = dialog.get_by_role("img", name="QR code of this page's link")
    expect(qr).to_be_visible()
    page.wait_for_timeout(1000)  # the dialog's opening animation
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"big-qr-{size['width']}x{size['height']}.png")
    box, picture = dialog.bounding_box(), qr.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (box, size)
    # Scannable: the whole code on screen, square (not squashed), big enough to scan from across a room.
    assert box["y"] <= picture["y"] and picture["y"] + picture["height"] <= box["y"] + box["height"], (picture, box)
    assert abs(picture["width"] - picture["height"]) <= 2 and picture["height"] >= 300, picture
