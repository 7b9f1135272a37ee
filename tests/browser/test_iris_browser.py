"""The iris page in a real browser: press Train, watch the progress bar and curves update epoch by epoch,
then open the steps and see the verdicts; a second learner watches the same run replayed; screenshots at
desktop and phone size go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import (DESKTOP, SCREENSHOTS, SVG_PICTURE, open_at, open_step,
                                   screenshot_desktop_and_phone, wait_until_settled)

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


TRAINED = re.compile(r"After \d+ epochs")  #: the playground's line once a network is trained


def train_iris(page: Page) -> None:
    """Press Train and wait for the trained network."""
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(TRAINED)).to_be_visible(timeout=180_000)
    wait_until_settled(page)


def test_training_curves_appear_and_update(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/iris")
    expect(page.get_by_role("heading", name="Iris network", level=1)).to_be_visible(timeout=60_000)
    _settle(page)
    expect(page.get_by_text("Press Train the network")).to_be_visible(timeout=120_000)
    charts_before = 3  # the playground's network, decision map and curves
    expect(page.get_by_test_id(SVG_PICTURE)).to_have_count(charts_before, timeout=60_000)

    page.evaluate(WATCH_PROGRESS)
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(re.compile(r"Epoch \d+ of 10"))).to_be_visible(timeout=120_000)
    expect(page.get_by_text(TRAINED)).to_be_visible(timeout=120_000)
    _settle(page)

    epochs_seen = page.evaluate("Array.from(window.__epochs).map(Number)")
    assert len(set(epochs_seen)) >= 2, f"the progress only showed epochs {epochs_seen}"
    open_step(page, "4 ·")  # the full training curves
    expect(page.get_by_test_id(SVG_PICTURE)).to_have_count(charts_before + 1, timeout=60_000)
    open_step(page, "5 ·")  # a step's browser code (here plotly's and the code box's) loads as it opens
    expect(page.get_by_text("Test accuracy", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("✓ Prediction is 'setosa'")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    screenshot_desktop_and_phone(page, "iris-trained", "/iris")


# Records, while the page says it is replaying, how many points the playground's growing loss/accuracy chart has.
WATCH_REPLAY = """
() => {
  window.__replayPoints = [];
  const count = () => {
    if (!document.body.innerText.includes("replaying its training")) return;
    for (const picture of document.querySelectorAll('[data-testid="stBidiComponentIsolated"]')) {
      const svg = picture.shadowRoot && picture.shadowRoot.querySelector("svg");
      if (svg && svg.textContent.includes("Learning, epoch by epoch")) {  // the playground's curves (SVG)
        window.__replayPoints.push(svg.querySelectorAll("polyline ~ circle").length);
      }
    }
  };
  new MutationObserver(count).observe(document.body, {subtree: true, childList: true, characterData: true});
}
"""


def test_a_second_learner_watches_the_curves_grow_in_a_replay(browser, shared_server):
    link = f"{shared_server}/iris?epochs=12&steps=10&seed=617"  # a run no other test trains
    first = browser.new_page()  # each page its own browser context: two learners
    open_at(first, link, "Iris network")
    train_iris(first)
    open_step(first, "4 ·")
    expect(first.get_by_text("Solid: training flowers")).to_be_visible(timeout=60_000)
    expect(first.get_by_text("you watched a replay")).to_have_count(0)  # the first learner trained it live
    first.close()

    second = browser.new_page()
    open_at(second, link, "Iris network")
    expect(second.get_by_text("Press Train the network")).to_be_visible()  # no result before pressing Train
    expect(second.get_by_text(TRAINED)).to_have_count(0)
    second.evaluate(WATCH_PROGRESS)
    second.evaluate(WATCH_REPLAY)
    second.get_by_role("button", name="Train the network").click()
    expect(second.get_by_text("This design was already trained on this server; replaying its training.")
           ).to_be_visible(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    second.screenshot(path=SCREENSHOTS / "iris-replay-desktop.png")
    expect(second.get_by_text(TRAINED)).to_be_visible(timeout=30_000)
    wait_until_settled(second)
    open_step(second, "4 ·")
    expect(second.get_by_text("so you watched a replay of that run")).to_be_visible(timeout=60_000)

    # Each frame's chart is drawn afresh, so between frames it is briefly empty (0 points): leave those out.
    points = [n for n in second.evaluate("window.__replayPoints") if n]
    epochs = second.evaluate("Array.from(window.__epochs).map(Number)")
    # A busy browser may merge some frames, but the curves must be seen part-drawn, then longer.
    assert len(set(points)) >= 2 and points == sorted(points), f"the replayed curves showed {points} points"
    assert len(set(epochs)) >= 2 and min(epochs) < 12, f"the replay's progress only showed epochs {epochs}"
    expect(second.get_by_test_id("stException")).to_have_count(0)
    second.close()
