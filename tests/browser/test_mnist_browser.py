"""The digit page in a real browser: draw a stroke on the canvas and get a prediction, in both polarities
(switching the ink keeps the drawing and swaps its colours); flip the invert toggle (the address follows); Undo
and Clear empty the square; no sideways scrolling on a phone. Screenshots go to tests/screenshots/mnist-*.png."""

import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from lib.mnist import content as words
from tests.browser.conftest import (DESKTOP, PHONE, SCREENSHOTS, assert_no_sideways_scroll, downloaded_text, open_at,
                                   wait_until_settled)
from tests.browser.conftest import open_step as open_labelled_step

TITLE = "Handwritten digits"


def _wait(page: Page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def open_step(page: Page, name: str, kids: bool = False) -> None:
    """Open /mnist's step ``name`` (its question in ``words.STEPS``) below the playground."""
    open_labelled_step(page, words.STEPS[name][kids], timeout=180_000)


def draw_a_one(page: Page) -> None:
    # Fabric.js stacks two canvases; the upper one takes the pointer. The canvas can be replaced while we
    # scroll to it (a rerun), and the old one detach: then look it up again.
    canvas = page.locator("canvas.upper-canvas").first
    for attempt in range(3):
        try:
            expect(canvas).to_be_visible(timeout=30_000)
            canvas.scroll_into_view_if_needed(timeout=10_000)
            break
        except PlaywrightError:
            if attempt == 2:
                raise
            page.wait_for_timeout(1_000)
    box = canvas.bounding_box()
    x = box["x"] + box["width"] / 2
    page.mouse.move(x, box["y"] + box["height"] * 0.15)
    page.mouse.down()
    for step in range(1, 21):
        page.mouse.move(x + step * 0.5, box["y"] + box["height"] * (0.15 + step * 0.035))
    page.mouse.up()


def test_draw_a_digit_and_get_a_prediction(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/mnist")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=60_000)
    # The first visit loads TensorFlow and both models behind a spinner; a busy machine needs patience.
    expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=180_000)
    _wait(page)
    draw_a_one(page)
    answer = page.get_by_role("heading", name=re.compile(r"^(It's a \d|I don't know)"))
    expect(answer).to_be_visible(timeout=60_000)
    expect(page.get_by_text("What the network sees", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "mnist-drawn-desktop.png", full_page=True)

    page.get_by_text("Train with inverted copies", exact=True).first.click()  # the toggle, before the words naming it
    _wait(page)
    expect(page.get_by_text("Answering now: the network with inverted copies")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"invert=on"))  # the playground reran alone, and wrote the address
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # Black on white: the same drawing, its colours swapped, still an answer (polarity kept).
    seen = page.get_by_test_id("stImage").filter(has_text="What the network sees").get_by_role("img")
    before = seen.get_attribute("src")
    page.get_by_test_id("stRadioGroup").get_by_text("Black on white", exact=True).click()
    _wait(page)
    expect(answer).to_be_visible(timeout=60_000)
    expect(seen).not_to_have_attribute("src", before, timeout=30_000)  # its colours swapped
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "mnist-drawn-black-on-white-desktop.png")

    # Undo takes back the only stroke; a new one, then Clear, empties the square again.
    page.get_by_test_id("stButton").get_by_role("button", name="Undo").click()  # the page's, not the canvas toolbar's
    _wait(page)
    expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=30_000)
    draw_a_one(page)
    expect(answer).to_be_visible(timeout=60_000)
    page.get_by_test_id("stButton").get_by_role("button", name="Clear").click()
    _wait(page)
    expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=30_000)
    draw_a_one(page)
    expect(answer).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(800)
    assert_no_sideways_scroll(page, "/mnist")
    page.screenshot(path=SCREENSHOTS / "mnist-drawn-phone.png", full_page=True)


def test_the_model_card_step_and_the_card_in_the_downloaded_record(page: Page, shared_server):
    """The card is drawn in the step as a table among its text, and the record, built on the download's own
    thread when pressed, carries it (a Streamlit call there would fail the download silently)."""
    open_at(page, f"{shared_server}/mnist?invert=on", TITLE, timeout=180_000)
    open_step(page, "card")
    card = "Model card: the digit network trained with inverted copies"
    expect(page.get_by_role("heading", name=card)).to_be_visible(timeout=60_000)
    expect(page.locator("strong", has_text="99.25%")).to_be_visible()  # Markdown drawn, not shown as text
    expect(page.get_by_text("The same test digits inverted (black on white):")).to_be_visible()
    expect(page.get_by_role("table").filter(has_text="test digits")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    record = downloaded_text(page, "Download my results (Markdown)")
    assert "## Model card: the digit network trained with inverted copies" in record
    assert "**99.25%** of the 10,000 MNIST test digits right" in record
