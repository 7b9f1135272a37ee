"""Browser-test fixtures: Debian's Chromium for Playwright, and a real Streamlit server on 127.0.0.1
(bench.server's, the one the benchmarks use).

The browser is /usr/bin/chromium from apt-get (test.sh installs it); Playwright's own browser download
is never used. A missing browser fails the run rather than skipping the tests.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bench.server import streamlit_server
from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
SVG_PICTURE = "stBidiComponentIsolated"  #: the test id of an SVG picture (lib.ui.svg_picture; its own shadow root)
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No browser at {CHROMIUM}: install Debian's Chromium with `apt-get install chromium`.")
    # The closed network refuses Chromium's background connections; these flags stop it trying.
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": flags}


@pytest.fixture
def fresh_server():
    """A server started for this test alone: the first request it ever serves is the test's."""
    with streamlit_server() as server:
        yield server.url


@pytest.fixture(scope="session")
def shared_server():
    """One server for tests that do not care whether it is fresh."""
    with streamlit_server() as server:
        yield server.url


def assert_no_sideways_scroll(page, where: str) -> None:
    """Fail if the page is wider than the viewport (a phone user would have to scroll sideways)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where} scrolls sideways by {overflow}px at {page.viewport_size['width']}px wide"


def wait_until_settled(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the page: no "running" indicator and no spinner, seen twice
    half a second apart (the indicator appears only once a run has been going for a moment)."""
    from playwright.sync_api import expect

    for _ in range(2):
        page.wait_for_timeout(500)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout)
        expect(page.get_by_test_id("stSpinner")).to_have_count(0, timeout=timeout)


def open_step(page, label, timeout: float = 60_000) -> None:
    """Open the step (an expander drawn only once opened, ``lib.ui.unfolded``) whose label contains ``label``
    (text or a compiled pattern), and wait until its content is drawn."""
    from playwright.sync_api import expect

    summary = page.locator("summary", has_text=label).first
    summary.click()
    expect(summary.locator("xpath=..")).to_have_attribute("open", "")
    wait_until_settled(page, timeout=timeout)


def screenshot_desktop_and_phone(page, name: str, where: str) -> None:
    """Save ``{name}-desktop.png`` at the current (desktop) size, then switch to phone width, check nothing
    scrolls sideways there, and save ``{name}-phone.png``; both whole-page, in SCREENSHOTS."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert_no_sideways_scroll(page, where)
    page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)


def open_at(page, url: str, heading: str, timeout: float = 120_000) -> None:
    """Open ``url`` at desktop size and wait for the page titled ``heading`` to finish running (the first visit
    to a server loads the page's libraries, hence the generous ``timeout``)."""
    from playwright.sync_api import expect

    page.set_viewport_size(DESKTOP)
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible(timeout=timeout)
    wait_until_settled(page, timeout=timeout)


def open_record(page) -> None:
    """Open a topic page's last step, where its "download my results" and notebook buttons are (a step drawn
    only while open, ``lib.ui.end_of_page``), unless it is open already."""
    from lib.ui import RECORD_STEP

    summary = page.locator("summary", has_text=re.compile("|".join(map(re.escape, RECORD_STEP)))).first
    if summary.locator("xpath=..").get_attribute("open") is None:
        open_step(page, re.compile("|".join(map(re.escape, RECORD_STEP))))


def downloaded_text(page, label: str) -> str:
    """Press the download button labelled ``label`` (opening the page's record step first, if it holds it)
    and return the downloaded file's text."""
    if label.startswith(("Download my results", "Download a notebook")):
        open_record(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=label).click()
    return Path(download.value.path()).read_text(encoding="utf-8")
