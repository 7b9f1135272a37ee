"""Perceived speed in a real browser (issue #17): Debian's Chromium opens each page and works its main
controls, timing "open → settled" and "action → settled", as ratios to a bare Streamlit page (a title, a
toggle and a slider) served and measured in the same run. Each page's opens alternate with the bare page's, and
its ratio is to the bare opens made beside it: a machine that gets busier or quieter during the run (the
figures drifted by 5-10 % across one run when the bare page was measured only at its start) moves both alike.

Each open's row also says how much JavaScript the browser fetched for it: Streamlit loads an element's code
the first time a page shows one (a plotly chart's is 4.7 MB, a Vega-Lite chart's 0.8 MB), and starting that
code is most of what a page costs beyond the bare page.

"Settled" is the moment the page last changed on screen: a MutationObserver records the time of every change
to the page, and a page counts as settled once nothing has changed for :data:`QUIET` seconds and Streamlit
shows no "running" indicator. So a figure is what a learner sees: from pressing to the last thing that moved.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from bench.measure import Figure
from bench.server import streamlit_server

CHROMIUM = "/usr/bin/chromium"  # Debian's package (apt-get install chromium); never a downloaded browser
QUIET = 0.6  #: seconds without a change on screen that count as settled
RUNS = 3  #: timed repetitions of each action (after one untimed)
OPENS = 5  #: timed opens of each page, each beside a timed open of the bare page (after one untimed of each)
OPEN_TARGET, ACTION_TARGET = 1.3, 2.0  #: most a page may take, as a multiple of the bare page's figure

BARE_PAGE = """import streamlit as st
st.title("Bare page")
on = st.toggle("A switch")
value = st.slider("A slider", 0, 100, 50)
st.write(f"The switch is {'on' if on else 'off'} and the slider at {value}.")
"""

# Records when the page last changed; installed before any of the page's own scripts run.
_WATCH = """
window.__lastChange = performance.now();
new MutationObserver(() => { window.__lastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
_SETTLED = f"""() => !document.querySelector('[data-testid="stStatusWidget"]')
  && performance.now() - window.__lastChange > {QUIET * 1000}"""


def _settled_since(page, start_ms: float) -> float:
    """Wait until the page is settled; seconds from ``start_ms`` (page clock) to its last change."""
    page.wait_for_function(_SETTLED, timeout=120_000, polling=50)
    return (page.evaluate("window.__lastChange") - start_ms) / 1000


def _open(page, url: str, scripts: list[int] | None = None) -> float:
    """Open ``url``; seconds to settled. ``scripts`` (if given) gets the size of every script fetched."""
    if scripts is not None:
        page.on("requestfinished", lambda request: scripts.append(request.sizes()["responseBodySize"])
                if request.resource_type == "script" else None)
    page.goto(url)
    page.wait_for_selector("h1", timeout=120_000)
    return _settled_since(page, 0.0)  # performance.now() counts from the start of navigation


def _act(page, action: Callable) -> float:
    start = page.evaluate("performance.now()")
    action(page)
    return _settled_since(page, start)


def _slider(label: str, key: str = "ArrowRight") -> Callable:
    """Move the slider called ``label`` one step with the keyboard, as a learner can."""
    return lambda page: page.get_by_role("slider", name=label).press(key)


def _click(text: str) -> Callable:
    """Click the control (toggle, checkbox, radio option) whose words are ``text``."""
    return lambda page: page.get_by_text(text, exact=True).first.click()


#: page → its main controls: (what the learner does, how, how to undo it so every run starts alike)
ACTIONS: dict[str, list[tuple[str, Callable, Callable]]] = {
    "": [],
    "convolution": [("pixel column", _slider("Pixel column"), _slider("Pixel column", "ArrowLeft"))],
    "iris": [("neurons slider", _slider("Neurons in hidden layer 1"),
              _slider("Neurons in hidden layer 1", "ArrowLeft"))],
    "mnist": [("invert toggle", _click("Train with inverted copies"), _click("Train with inverted copies"))],
    "noise": [("copies slider", _slider("Number of copies Jane sends"),
               _slider("Number of copies Jane sends", "ArrowLeft")),
              ("noise kind", _click("Uniform: flat fuzz"), _click("Gaussian: bell-curve fuzz"))],
    "kmeans": [("groups slider", _slider("Number of groups (k)"), _slider("Number of groups (k)", "ArrowLeft"))],
    "ethics": [("'I don't know' threshold", _slider("Say 'I don't know' below this confidence"),
                _slider("Say 'I don't know' below this confidence", "ArrowLeft"))],
}
BARE_ACTIONS = [("toggle", _click("A switch"), _click("A switch")),
                ("slider", _slider("A slider"), _slider("A slider", "ArrowLeft"))]


@contextmanager
def _fresh_page(browser):
    """A page in a fresh browser context (nothing cached) that records when it last changed."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(_WATCH)
    try:
        yield context.new_page()
    finally:
        context.close()


def _opening(browser, url: str, scripts: list[int] | None = None) -> float:
    """One open of ``url`` in a fresh page, in seconds to settled."""
    with _fresh_page(browser) as page:
        return _open(page, url, scripts)


def _actions(browser, url: str, actions) -> dict[str, list[float]]:
    """Each action's times on one open of ``url``: one untimed, then :data:`RUNS` timed, each undone after."""
    times = {name: [] for name, _, _ in actions}
    with _fresh_page(browser) as page:
        _open(page, url)
        for name, action, undo in actions:
            for timed in (False, *[True] * RUNS):
                seconds = _act(page, action)
                _act(page, undo)
                if timed:
                    times[name].append(seconds)
    return times


def _opens_beside_bare(browser, url: str, bare_url: str) -> tuple[list[float], list[float], float]:
    """:data:`OPENS` opens of ``url``, each right after an open of the bare page, so a machine getting busier
    or quieter during the run moves both alike (after one untimed open of each: the first visit warms the
    server's caches, as the first learner in a room does); and the megabytes of JavaScript one open fetched."""
    scripts: list[int] = []
    _opening(browser, bare_url)
    _opening(browser, url, scripts)
    bare, page = [], []
    for _ in range(OPENS):
        bare.append(_opening(browser, bare_url))
        page.append(_opening(browser, url))
    return page, bare, sum(scripts) / 1e6


def perceived_speed() -> list[Figure]:
    """Every page's open and main controls in Chromium, each as a ratio to the bare page measured alike: each
    page's opens against the bare page's opened alternately with them, the controls against the bare page's
    toggle and slider."""
    from playwright.sync_api import sync_playwright

    rows, bare_opens = [], []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        Path(folder, "bare.py").write_text(BARE_PAGE)
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            with streamlit_server(script="bare.py", cwd=Path(folder)) as bare, streamlit_server() as app:
                bare_js: list[int] = []
                _opening(browser, bare.url, bare_js)
                bare_times = _actions(browser, bare.url, BARE_ACTIONS)
                reference_action = statistics.median([t for samples in bare_times.values() for t in samples])
                for slug, actions in ACTIONS.items():
                    opens, beside, js = _opens_beside_bare(browser, f"{app.url}/{slug}", bare.url)
                    bare_opens += beside
                    reference_open = statistics.median(beside)
                    ratio = statistics.median(opens) / reference_open
                    rows.append(Figure(f"/{slug} open → settled (Chromium; {js:.1f} MB of JavaScript)", opens,
                                       f"≤ {OPEN_TARGET}× bare", ratio <= OPEN_TARGET,
                                       f"{reference_open * 1000:.0f} ms", ratio))
                    for name, samples in _actions(browser, f"{app.url}/{slug}", actions).items():
                        ratio = statistics.median(samples) / reference_action
                        rows.append(Figure(f"/{slug} {name} → settled", samples, f"≤ {ACTION_TARGET}× bare",
                                           ratio <= ACTION_TARGET, f"{reference_action * 1000:.0f} ms", ratio))
        finally:
            browser.close()
    figures = [Figure(f"bare page open → settled (Chromium; {sum(bare_js) / 1e6:.1f} MB of JavaScript)",
                      bare_opens, "reference")]
    figures += [Figure(f"bare page {name} → settled", samples, "reference") for name, samples in bare_times.items()]
    return figures + rows
