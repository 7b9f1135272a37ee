"""A page's first open fetches only the browser code of what it shows (issue #17's open ≤ 1.3× the bare page).

Streamlit fetches an element's code the first time a page shows one, and a plotly chart anywhere on a page,
even in a closed expander, costs 4.7 MB of JavaScript, about 0.9 s on this machine (bench/results.md): so no
page may show a plotly chart until the learner opens the step that holds it (``lib.ui.unfolded``). The
learner's home page and the playgrounds use images and Vega-Lite charts instead.
"""

import pytest
from playwright.sync_api import Page

from lib.topics import TOPICS
from tests.browser.conftest import DESKTOP, open_at

PAGES = [("", "Machine learning, hands on"), *((item.slug, item.title) for item in TOPICS)]


@pytest.mark.parametrize("slug, title", PAGES, ids=[slug or "home" for slug, _ in PAGES])
def test_a_first_open_fetches_no_plotly_code(page: Page, shared_server, slug, title):
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/", 1)[-1])
            if request.resource_type == "script" else None)
    page.set_viewport_size(DESKTOP)
    open_at(page, f"{shared_server}/{slug}", title)
    page.wait_for_timeout(1000)
    plotly = [name for name in fetched if name.startswith("PlotlyChart")]
    assert not plotly, f"/{slug} fetched plotly's code ({plotly}) on its first open"
