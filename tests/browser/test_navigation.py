"""Every page opens by its own URL on a freshly started server, with the app's navigation (proper titles,
not file names) and no exception; screenshots at desktop and phone size go to tests/screenshots/."""

import re

import pytest
from playwright.sync_api import Page, expect

from lib.topics import REFERENCE, TOPICS
from tests.browser.conftest import DESKTOP, screenshot_desktop_and_phone, wait_until_settled

NAV_LABELS = ["Home"] + [item.title for item in (*TOPICS, *REFERENCE)]
PAGES = [("", "Machine learning, hands on")] + [(item.slug, item.title) for item in (*TOPICS, *REFERENCE)]


def _open(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible(timeout=30_000)
    wait_until_settled(page)


@pytest.mark.parametrize("slug, heading", PAGES, ids=[slug or "home" for slug, _ in PAGES])
def test_deep_link_on_a_fresh_server(page: Page, fresh_server, slug, heading):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{fresh_server}/{slug}", heading)

    sidebar = page.get_by_test_id("stSidebar")
    links = sidebar.get_by_test_id("stPageLink")
    expect(links).to_have_count(len(NAV_LABELS))
    # Each link's text is its Material icon's name, then its label; the label is the last line.
    assert [text.strip().splitlines()[-1] for text in links.all_inner_texts()] == NAV_LABELS
    # Streamlit's own file-name navigation must not appear, not even briefly on a first deep link.
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page).to_have_title(re.compile(re.escape(heading if slug else "ML workshop companion")))

    name = slug or "home"
    screenshot_desktop_and_phone(page, name, f"/{slug}")


def test_navigation_links_move_between_pages(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, shared_server, "Machine learning, hands on")
    for item in TOPICS:
        page.get_by_test_id("stSidebar").get_by_role("link", name=item.title).click()
        expect(page.get_by_role("heading", name=item.title, level=1)).to_be_visible(timeout=30_000)
        assert page.url.rstrip("/").endswith(f"/{item.slug}")
        expect(page.get_by_test_id("stException")).to_have_count(0)


_FRAME = '''import streamlit as st
pages = [st.Page("home.py", title="Home", default=True),
         st.Page("pages/4_noise.py", title="Secret spy messages", url_path="noise")]
page = st.navigation(pages, position="hidden")
st.set_page_config(page_title=f"{page.title} · frame")
page.run()
'''


@pytest.mark.parametrize("folder", ["pages", "topics"])
def test_why_the_app_keeps_the_pages_folder_rather_than_st_navigation(page: Page, tmp_path, folder):
    """Issue #16 asked for ``st.navigation`` with the entry script as the frame, if deep links pasted into a
    fresh server still show the right page and title. They do only when the page files are *not* in a
    ``pages/`` folder beside the entry script: Streamlit still discovers that folder, and a deep link to a
    page whose URL matches a file there runs the file on its own, without the frame (no page config, no
    sidebar), so the tab shows the file's name. The app keeps its pages in ``pages/`` (one file per topic,
    as the project's layout says), so it keeps Streamlit's classic navigation with its own sidebar
    (:mod:`lib.ui`). If this test fails after a Streamlit upgrade, st.navigation has become usable here."""
    from bench.server import streamlit_server

    (tmp_path / "home.py").write_text('import streamlit as st\nst.title("Home")\n')
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "4_noise.py").write_text('import streamlit as st\nst.title("Noise")\n')
    (tmp_path / "app.py").write_text(_FRAME.replace("pages/", f"{folder}/"))
    with streamlit_server(script="app.py", cwd=tmp_path) as server:
        page.goto(f"{server.url}/noise?copies=50")
        expect(page.get_by_role("heading", name="Noise", level=1)).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1000)  # the title is set after the page's first run
        framed = "Secret spy messages · frame"
        if folder == "pages":
            assert page.title() != framed  # the trap: the frame did not run
        else:
            expect(page).to_have_title(framed)
