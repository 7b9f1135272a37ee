"""Phone size (390×844, touch) and kid mode in a real browser: what only a browser shows.

- Plotly's toolbar (shown all the time on a touch screen, which has no hover) never covers a chart's title,
  and the iris training charts' titles (Vega-Lite) overlap neither each other nor the plots.
- /mnist's course tables show their answer columns at 390 px.
- Kid mode's slider handles are really bigger, and it does not shrink /mnist's "N of 9 right" metrics.
- The drawing canvas can be cleared with a visible button by a finger.
Screenshots go to tests/screenshots/phone-*.png.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, SCREENSHOTS, SVG_PICTURE, wait_until_settled
from tests.browser.conftest import open_step as open_iris_step
from tests.browser.test_hostile_browser import ANSWER, open_mnist, stroke
from tests.browser.test_iris_browser import train_iris
from tests.browser.test_mnist_browser import open_step

# Each chart's toolbar and title boxes, in page coordinates, after scrolling the chart into view.
CHART_BOXES = """e => {
  const box = x => { const r = x.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const bar = e.querySelector('.modebar');
  const title = e.querySelector('.g-gtitle .gtitle');
  return {bar: bar && bar.getBoundingClientRect().width > 0 ? box(bar) : null,
          title: title && title.textContent ? [title.textContent, box(title)] : null,
          annotations: [...e.querySelectorAll('.annotation-text')].map(a => [a.textContent, box(a)]),
          plots: [...e.querySelectorAll('.draglayer .nsewdrag')].map(box)};
}"""


def overlap(a, b) -> bool:
    """Whether two boxes (left, top, right, bottom) share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture
def phone(browser):
    """A page in a phone's browser: 390×844, touch screen, no mouse hover."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def open_page(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible(timeout=180_000)
    wait_until_settled(page, timeout=180_000)


def chart_boxes(page: Page) -> list[dict]:
    charts = page.get_by_test_id("stPlotlyChart")
    found = []
    for index in range(charts.count()):
        chart = charts.nth(index)
        if not chart.is_visible():  # on a tab not open
            continue
        chart.scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        found.append(chart.evaluate(CHART_BOXES))
    return found


@pytest.mark.parametrize(("slug", "heading"), [("iris", "Iris network"), ("mnist", "Handwritten digits"),
                                               ("kmeans", "Garden bug detective")])
def test_the_chart_toolbar_never_covers_a_title_on_a_phone(phone: Page, shared_server, slug, heading):
    open_page(phone, f"{shared_server}/{slug}", heading)
    if slug == "kmeans":  # its one plotly chart is the 3-D one, in step 1 behind its own expander (issue #17)
        phone.get_by_text("1 · How many groups can you see?").click()
        wait_until_settled(phone)
        phone.get_by_text("All three measurements at once (3-D)").click()
        wait_until_settled(phone)
    if slug == "mnist":  # its charts wait in the steps below the playground, drawn once opened (issue #17)
        for step in ("unsure", "inside", "mistakes"):
            open_step(phone, step)
    if slug == "iris":  # its one plotly chart is in the data step, drawn once opened (issue #17)
        open_iris_step(phone, "1 ·")
    expect(phone.get_by_test_id("stPlotlyChart").first).to_be_visible(timeout=180_000)
    boxes = chart_boxes(phone)
    # /kmeans's one plotly chart is the 3-D one in step 1; /iris's other charts are Vega-Lite (no toolbar).
    least = 1 if slug in ("kmeans", "iris") else 3
    assert sum(1 for b in boxes if b["bar"]) >= least, f"/{slug}: too few charts with a toolbar to check"
    for chart in boxes:
        if chart["bar"] and chart["title"]:
            text, title = chart["title"]
            assert not overlap(chart["bar"], title), f"/{slug}: the toolbar covers the title “{text}”"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / f"phone-{slug}-charts.png")


# An SVG picture's titles (its bold texts) and plot areas (each axes' frame), in page coordinates.
SVG_BOXES = """e => {
  const box = x => { const r = x.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const svg = e.shadowRoot.querySelector('svg');
  return {titles: [...svg.querySelectorAll('text[font-weight=bold]')].map(t => [t.textContent, box(t)]),
          plots: [...svg.querySelectorAll('path.frame')].map(box)};
}"""


def test_iris_training_chart_titles_stay_clear_on_a_phone(phone: Page, shared_server):
    open_page(phone, f"{shared_server}/iris", "Iris network")
    train_iris(phone)
    open_iris_step(phone, "4 ·")
    curves = phone.get_by_test_id(SVG_PICTURE).filter(has_text="Training, epoch by epoch")
    expect(curves).to_have_count(1)  # the step's curves (SVG: no toolbar to cover anything)
    curves.scroll_into_view_if_needed()
    phone.wait_for_timeout(200)
    chart = curves.evaluate(SVG_BOXES)
    titles = [(text, box) for text, box in chart["titles"] if text.startswith(("Loss", "Accuracy"))]
    assert len(titles) == 2 and len(chart["plots"]) == 2
    (first, first_box), (second, second_box) = titles
    assert not overlap(first_box, second_box), f"“{first}” and “{second}” overlap"
    for text, box in titles:
        assert 0 <= box[0] and box[2] <= PHONE["width"], f"“{text}” runs off the screen"
        for plot in chart["plots"]:
            assert not overlap(box, plot), f"“{text}” lies on a plot"


# The columns a data grid draws (it draws on a canvas, and keeps an accessibility table of the columns in view).
GRID_COLUMNS = "e => [...e.querySelectorAll('th[role=columnheader]')].map(h => h.textContent)"
SCROLL_GRID_RIGHT = "e => { const s = e.querySelector('.dvn-scroller'); s.scrollLeft = s.scrollWidth; }"


def test_mnist_tables_show_their_answers_on_a_phone(phone: Page, shared_server):
    open_page(phone, f"{shared_server}/mnist", "Handwritten digits")
    open_step(phone, "course")
    grids = phone.get_by_test_id("stDataFrame")
    expect(grids.nth(1)).to_be_visible(timeout=180_000)
    # The course table, then the two networks side by side: (answer columns, the last column).
    for index, (answers, last) in enumerate([(("answer", "verdict"), "9"),
                                             (("plain network", "with inverted copies"), "what it is")]):
        grid = grids.nth(index)
        grid.scroll_into_view_if_needed()
        phone.wait_for_timeout(300)
        shown = grid.evaluate(GRID_COLUMNS)
        for column in answers:
            # In view and not cut by the edge: another column follows it on screen.
            assert column in shown[:-1], f"the column “{column}” is off the screen at 390 px (shown: {shown})"
        grid.evaluate(SCROLL_GRID_RIGHT)  # the rest is a swipe away
        phone.wait_for_timeout(300)
        assert grid.evaluate(GRID_COLUMNS)[-1] == last
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / "phone-mnist-tables.png")


# A slider's handle in Streamlit 1.67 is the element holding its value label; the metric's value text.
HANDLE_SIZES = """() => [...document.querySelectorAll('[data-testid=stSliderThumbValue]')].map(v => {
  const r = v.parentElement.getBoundingClientRect(); return [r.width, r.height]; })"""
METRIC_SIZES = """() => [...document.querySelectorAll('[data-testid=stMetricValue]')].map(v =>
  parseFloat(getComputedStyle(v.querySelector('p') || v).fontSize))"""


def test_kid_mode_has_bigger_slider_handles_and_keeps_big_metrics(phone: Page, shared_server):
    measured = {}
    for mode, query in (("normal", ""), ("kids", "?kids=on")):
        open_page(phone, f"{shared_server}/mnist{query}", "Handwritten digits")
        for step in ("course", "unsure"):  # the metrics and the threshold slider wait in the first two steps
            open_step(phone, step, kids=mode == "kids")
        expect(phone.get_by_test_id("stMetricValue").first).to_be_visible(timeout=180_000)
        expect(phone.get_by_test_id("stSliderThumbValue").first).to_be_attached(timeout=60_000)
        measured[mode] = phone.evaluate(HANDLE_SIZES), phone.evaluate(METRIC_SIZES)
    (normal_handles, normal_metrics), (kid_handles, kid_metrics) = measured["normal"], measured["kids"]
    assert kid_handles and all(w >= 24 and h >= 24 for w, h in kid_handles), f"kid-mode handles: {kid_handles}"
    assert all(w < 24 for w, _ in normal_handles), "normal mode's handles are the usual small ones"
    assert len(kid_metrics) == 2 and min(kid_metrics) >= max(normal_metrics), (
        f"kid mode shrinks the “N of 9 right” metrics: {kid_metrics} px against {normal_metrics} px")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.get_by_test_id("stMetricValue").first.scroll_into_view_if_needed()
    phone.screenshot(path=SCREENSHOTS / "phone-mnist-kids-metrics.png")


# How many pixels of the drawing differ from the first one (the background): 0 on an empty canvas.
INKED_PIXELS = """canvas => {
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] !== pixels[0] || pixels[i + 3] !== pixels[3]) inked++;
  return inked;
}"""


def inked(page: Page) -> int:
    # The strokes' canvas (below it the background's, above it the one taking the pointer), in a shadow root.
    return page.locator("canvas.dc-canvas.lower-canvas").first.evaluate(INKED_PIXELS)


def test_a_finger_can_clear_the_drawing(browser, shared_server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        open_mnist(page, shared_server)
        cdp = context.new_cdp_session(page)

        def finger(points):  # touchStart/Move/End, exactly as a phone's touch screen delivers them
            cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [dict(zip("xy", points[0]))]})
            for point in points[1:]:
                cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [dict(zip("xy", point))]})
                page.wait_for_timeout(15)
            cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

        stroke(page, finger)
        expect(page.get_by_role("heading", name=ANSWER)).to_be_visible(timeout=60_000)
        assert inked(page) > 0
        clear = page.get_by_role("button", name="Clear", exact=True)
        expect(clear).to_be_in_viewport()  # right by the square, no hovering needed
        clear.tap()
        expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=60_000)
        wait_until_settled(page)
        expect(page.get_by_role("heading", name=ANSWER)).to_have_count(0)
        assert inked(page) == 0, "the square still shows the old drawing"
        clear.scroll_into_view_if_needed()
        expect(page.get_by_text("toolbar above the canvas")).to_have_count(0)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "phone-mnist-cleared.png")
        stroke(page, finger)  # and the fresh square draws
        expect(page.get_by_role("heading", name=ANSWER)).to_be_visible(timeout=60_000)
    finally:
        context.close()
