"""The k-means page in a real browser: step k-means in the playground, add items and place starting centroids by
clicking the chart, and screenshots at desktop and phone size (tests/screenshots/kmeans-*.png)."""

import os
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, SCREENSHOTS, SVG_PICTURE, screenshot_desktop_and_phone, streamlit_server

HEADING = "Garden bug detective"
# A shared two-core machine can take several seconds per rerun; fragment reruns show no status widget.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="module")
def server():
    """A server without Streamlit's file watcher. The stepping view is a fragment, and a source file changing
    on disk (other work in the same checkout) makes the watcher drop pending fragment reruns, so a click on
    "Step" would be lost; the watcher has no use here anyway (runOnSave is off)."""
    saved = os.environ.get("STREAMLIT_SERVER_FILE_WATCHER_TYPE")
    os.environ["STREAMLIT_SERVER_FILE_WATCHER_TYPE"] = "none"
    try:
        with streamlit_server() as running:
            yield running.url
    finally:
        if saved is None:
            del os.environ["STREAMLIT_SERVER_FILE_WATCHER_TYPE"]
        else:
            os.environ["STREAMLIT_SERVER_FILE_WATCHER_TYPE"] = saved


def _settle(page: Page) -> None:
    # Streamlit reruns finish asynchronously; wait until it no longer shows its "running" indicator.
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def _open(page: Page, url: str) -> None:
    page.goto(f"{url}/kmeans")
    expect(page.get_by_role("heading", name=HEADING, level=1)).to_be_visible(timeout=60_000)
    _settle(page)


def _click_chart(page: Page, left: float, top: float) -> None:
    """A click at this fraction of the playground chart's plotting area (inside its axes' frame)."""
    area = page.get_by_test_id("stMain").get_by_test_id(SVG_PICTURE).first.locator("path.frame")
    area.scroll_into_view_if_needed()
    box = area.bounding_box()
    page.mouse.click(box["x"] + box["width"] * left, box["y"] + box["height"] * top)
    _settle(page)


def test_step_through_kmeans(page: Page, server):
    page.set_viewport_size(DESKTOP)
    _open(page, server)
    page.get_by_role("button", name="Step: assign").click()
    _settle(page)
    expect(page.get_by_text("Every item joined its nearest centroid", exact=False)).to_be_visible()
    page.get_by_role("button", name="Step: update").click()  # the one Step button alternates the two moves
    _settle(page)
    expect(page.get_by_text("Each centroid moved to the middle", exact=False)).to_be_visible()
    page.get_by_role("button", name=re.compile("Run to the end")).click()
    _settle(page)
    expect(page.get_by_text("finds the same groups", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "kmeans-run-desktop.png", full_page=True)


def test_click_the_scatter_to_place_starting_centroids(page: Page, server):
    page.set_viewport_size(DESKTOP)
    _open(page, server)
    page.get_by_role("button", name="More settings").click()
    page.get_by_text("I'll choose", exact=True).click()
    _settle(page)
    expect(page.get_by_text("3 of 3 starting centroids still to place")).to_be_visible()
    page.keyboard.press("Escape")  # close the popover
    for left, top, remaining in ((0.15, 0.85, 2), (0.6, 0.85, 1), (0.75, 0.3, 0)):
        _click_chart(page, left, top)
        if remaining:
            expect(page.get_by_text(f"{remaining} of 3 starting centroids still to place")).to_be_visible()
    expect(page.get_by_text("Starting centroids placed", exact=False)).to_be_visible()
    page.get_by_role("button", name=re.compile("Run to the end")).click()
    _settle(page)
    expect(page.get_by_text("Finished after", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_click_the_chart_to_add_items(page: Page, server):
    page.set_viewport_size(DESKTOP)
    _open(page, server)
    page.get_by_text("Add items by clicking the chart").click()
    _settle(page)
    _click_chart(page, 0.1, 0.1)  # empty space, top left: a heavy, short item no garden has
    expect(page.get_by_text("You added 1 item(s)", exact=False)).to_be_visible()
    _click_chart(page, 0.15, 0.15)
    expect(page.get_by_text("You added 2 item(s)", exact=False)).to_be_visible()
    page.get_by_role("button", name="Run to the end").click()
    _settle(page)
    expect(page.get_by_text("Finished after", exact=False)).to_be_visible()
    page.get_by_role("button", name="Remove my items").click()
    _settle(page)
    expect(page.get_by_text("You added", exact=False)).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_screenshots_desktop_and_phone(page: Page, server):
    page.set_viewport_size(DESKTOP)
    _open(page, server)
    page.get_by_text("Reveal what each item really is").click()
    _settle(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "kmeans-desktop.png", full_page=True)
    page.get_by_text("4 · When k-means goes wrong").click()  # the steps are drawn only once opened
    _settle(page)
    page.get_by_text("See it happen (two pictures)").click()
    _settle(page)
    expect(page.get_by_test_id(SVG_PICTURE).filter(has_text="Not scaled")).not_to_have_count(0)
    screenshot_desktop_and_phone(page, "kmeans-bugs", "/kmeans")
    page.screenshot(path=SCREENSHOTS / "kmeans-phone.png", full_page=True)
