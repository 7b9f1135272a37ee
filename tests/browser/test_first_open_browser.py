"""A page's first open fetches only the browser code of what it shows (issue #17's open ≤ 1.3× the bare page):
no plotly, no Vega-Lite where the first screen draws SVG, no drop-down or text field.

Streamlit fetches an element's code the first time a page shows one, and a plotly chart anywhere on a page,
even in a closed expander, costs 4.7 MB of JavaScript, about 0.9 s on this machine (bench/results.md): so no
page may show a plotly chart until the learner opens the step that holds it (``lib.ui.unfolded``). The
learner's home page and the playgrounds use images, SVG pictures (``lib.svg``) and Vega-Lite charts instead; a
page whose first screen draws only SVG pictures fetches no Vega-Lite code either (0.8 MB).
"""

import pytest
from playwright.sync_api import Page

from lib.topics import TOPICS
from tests.browser.conftest import DESKTOP, open_at

PAGES = [("", "Machine learning, hands on"), *((item.slug, item.title) for item in TOPICS)]


#: Pages whose first screen draws its charts as SVG pictures only.
SVG_FIRST = ("iris", "ethics")


def _first_open_scripts(page: Page, url: str, title: str) -> list[str]:
    """The names of the script files a first open of ``url`` fetched."""
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url.rsplit("/", 1)[-1])
            if request.resource_type == "script" else None)
    page.set_viewport_size(DESKTOP)
    open_at(page, url, title)
    page.wait_for_timeout(1000)
    return fetched


@pytest.mark.parametrize("slug, title", PAGES, ids=[slug or "home" for slug, _ in PAGES])
def test_a_first_open_fetches_no_plotly_code(page: Page, shared_server, slug, title):
    plotly = [name for name in _first_open_scripts(page, f"{shared_server}/{slug}", title)
              if name.startswith("PlotlyChart")]
    assert not plotly, f"/{slug} fetched plotly's code ({plotly}) on its first open"


@pytest.mark.parametrize("slug", SVG_FIRST)
def test_a_first_screen_of_svg_pictures_fetches_no_vega_lite_code(page: Page, shared_server, slug):
    title = next(item.title for item in TOPICS if item.slug == slug)
    vega = [name for name in _first_open_scripts(page, f"{shared_server}/{slug}", title)
            if name.startswith(("ArrowVegaLiteChart", "loadVegaEmbed", "vega"))]
    assert not vega, f"/{slug} fetched Vega-Lite's code ({vega}) on its first open"


#: The code of a drop-down and of a text or number field: each cost a page's open 110-190 ms (bench/results.md,
#: 16:33), so first screens use radio buttons, pills and sliders, and the fields wait in the steps that use them.
HEAVY_WIDGETS = ("Selectbox", "useSyncComboBoxEnterTargetFocus", "TextInput", "NumberInput", "TextArea")


@pytest.mark.parametrize("slug, title", PAGES, ids=[slug or "home" for slug, _ in PAGES])
def test_a_first_open_fetches_no_drop_down_or_text_field_code(page: Page, shared_server, slug, title):
    heavy = [name for name in _first_open_scripts(page, f"{shared_server}/{slug}", title)
             if name.startswith(HEAVY_WIDGETS)]
    assert not heavy, f"/{slug} fetched a drop-down's or a text field's code ({heavy}) on its first open"
