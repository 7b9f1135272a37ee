"""Playground first (issue #17): on a page's first screen, its main control and the picture it changes sit
side by side, and working the control changes the picture with no scrolling; on a phone the picture is
within the first two screens; kid mode is a short path (under about 350 words)."""

from typing import Callable, NamedTuple

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, open_at, wait_until_settled
from tests.browser.test_mnist_browser import draw_a_one

KID_WORDS = 350  #: most words a page may show in kid mode (what is on screen: closed expanders do not count)


class Playground(NamedTuple):
    title: str  #: the page's title
    control: str  #: the main control's label (a slider's, or a radio option's)
    caption: str  #: the caption of the picture it changes (for a chart: the chart's title)
    #: "image", "chart" (Plotly), "vega" (Vega-Lite), "svg" (an SVG picture) or "picker" (the /convolution pixel picker)
    kind: str = "image"
    role: str = "slider"  #: the control's role: a slider is worked with ArrowRight, a radio option is clicked
    first: Callable[[Page], None] | None = None  #: what the learner does before the control has a picture to change


#: page → its playground
PLAYGROUNDS = {
    "noise": Playground("Secret spy messages", "How many copies to combine", "Average of the first copy: itself"),
    "kmeans": Playground("Garden bug detective", "Number of groups (k)", "k-means at work", "svg"),
    "convolution": Playground("Image kernels", "Pixel column", "The course's 5×5 example: 5 × 5 pixels", "picker"),
    "iris": Playground("Iris network", "Neurons in hidden layer 1", "Your network: measurements in, species out",
                       "svg"),
    "ethics": Playground("Before you trust a model", "Say 'I don't know' below this confidence",
                         "What the digit networks think the dog is", "svg"),
    # Draw a digit, then switch the ink: the 28×28 picture the network sees swaps its colours.
    "mnist": Playground("Handwritten digits", "Black on white", "What the network sees", role="radio",
                        first=draw_a_one),
}

#: kind of picture → (its Streamlit test id, how to read what it shows)
KINDS = {"image": ("stImage", "el => el.querySelector('img').getAttribute('src')"),
         "chart": ("stPlotlyChart", "el => el.querySelector('.main-svg').innerHTML"),
         "vega": ("stVegaLiteChart", "el => el.querySelector('svg').innerHTML"),
         "svg": ("stBidiComponentIsolated", "el => el.shadowRoot.querySelector('svg').outerHTML"),
         # A custom component (components v2) draws in its own shadow root: where its marks are and its captions.
         "picker": ("stBidiComponentIsolated",
                    "el => [...el.shadowRoot.querySelectorAll('.mark, figcaption')].map(m => m.getAttribute('style') "
                    "+ m.textContent).join()")}


def _within(page: Page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _pictures(page: Page, kind: str):
    return page.get_by_test_id("stMain").get_by_test_id(KINDS[kind][0])


def _shown(locator, kind: str) -> str:
    return locator.evaluate(KINDS[kind][1])


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_the_main_control_and_its_picture_share_the_first_screen(page: Page, shared_server, slug):
    title, control, caption, kind, role, first = PLAYGROUNDS[slug]
    open_at(page, f"{shared_server}/{slug}", title)
    if first is not None:
        first(page)
        wait_until_settled(page)
    widget = page.get_by_role(role, name=control)
    boxes = _pictures(page, kind)
    expect(boxes.filter(has_text=caption)).to_have_count(1, timeout=30_000)  # a chart's text comes with plotly
    where = next(n for n, box in enumerate(boxes.all()) if caption in _shown(box, kind) + box.text_content())
    picture = boxes.nth(where)
    assert _within(page, widget, DESKTOP["height"]) and _within(page, picture, DESKTOP["height"])
    before = _shown(picture, kind)
    if role == "slider":
        widget.press("ArrowRight")
    else:
        page.get_by_test_id("stRadioGroup").get_by_text(control, exact=True).click()
    wait_until_settled(page)
    pictures = _pictures(page, kind)
    assert _shown(pictures.nth(where), kind) != before  # the picture answered, where it was
    assert _within(page, pictures.nth(where), DESKTOP["height"])
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop") == 0

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert _within(page, pictures.nth(where), 2 * PHONE["height"])


@pytest.mark.parametrize("slug", PLAYGROUNDS)
def test_kid_mode_is_a_short_path(page: Page, shared_server, slug):
    title = PLAYGROUNDS[slug].title
    open_at(page, f"{shared_server}/{slug}?kids=on", title)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    words = page.evaluate("document.querySelector('[data-testid=stMain]').innerText.split(/\\s+/)"
                          ".filter(Boolean).length")
    assert words <= KID_WORDS, f"/{slug} shows {words} words in kid mode"
