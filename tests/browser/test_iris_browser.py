"""The iris page in a real browser: press Train, watch the progress bar and curves update epoch by epoch,
then see the verdicts; screenshots at desktop and phone size go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, screenshot_desktop_and_phone

# Records every "Epoch N of M" the progress bar shows, however briefly, and how many charts were on the page.
WATCH_PROGRESS = """
() => {
  window.__epochs = new Set();
  new MutationObserver(() => {
    for (const match of document.body.innerText.matchAll(/Epoch (\\d+) of \\d+/g)) window.__epochs.add(match[1]);
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}
"""


def _settle(page: Page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=120_000)


def test_training_curves_appear_and_update(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/iris")
    expect(page.get_by_role("heading", name="Iris network", level=1)).to_be_visible(timeout=60_000)
    _settle(page)
    expect(page.get_by_text("Press Train the network")).to_be_visible(timeout=120_000)
    charts_before = page.get_by_test_id("stPlotlyChart").count()

    page.evaluate(WATCH_PROGRESS)
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(re.compile(r"Epoch \d+ of 10"))).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Test accuracy", exact=True)).to_be_visible(timeout=120_000)
    _settle(page)

    epochs_seen = page.evaluate("Array.from(window.__epochs).map(Number)")
    assert len(set(epochs_seen)) >= 2, f"the progress only showed epochs {epochs_seen}"
    assert page.get_by_test_id("stPlotlyChart").count() > charts_before
    expect(page.get_by_text("✓ Prediction is 'setosa'")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    screenshot_desktop_and_phone(page, "iris-trained", "/iris")
