"""Shared Streamlit page helpers: every page starts with :func:`page_setup`.

This is the one module in :mod:`lib` that needs Streamlit; the logic modules never import it.

Navigation: the app keeps Streamlit's classic ``pages/`` folder (each file gets its own URL, which
works when pasted into a fresh tab on a fresh server) but hides Streamlit's automatic sidebar, whose
labels are file names, and draws its own from :data:`lib.topics.TOPICS` with proper titles.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from lib.topics import TOPICS, topic

APP_TITLE = "ML workshop companion"
HOME_ICON = ":material/home:"


def page_setup(slug: str | None) -> None:
    """Configure the page (browser-tab title, icon, wide layout), draw the sidebar navigation and the
    page heading. ``slug`` is the topic's URL path (see :mod:`lib.topics`), or ``None`` for the home page.
    Call it first on every page."""
    current = topic(slug) if slug else None
    st.set_page_config(
        page_title=f"{current.title} · {APP_TITLE}" if current else APP_TITLE,
        page_icon=current.icon if current else HOME_ICON,
        layout="wide",
        initial_sidebar_state="auto",
    )
    _sidebar_navigation()
    if current:
        st.title(current.title, anchor=False)
        st.markdown(current.summary)


def _sidebar_navigation() -> None:
    with st.sidebar:
        st.page_link("app.py", label="Home", icon=HOME_ICON)
        for item in TOPICS:
            st.page_link(item.page_file, label=item.title, icon=item.icon)
        st.caption("Works offline: every model and data set ships with the app.")


def challenges(items: Sequence[tuple[str, str]]) -> None:
    """The "Try this" list a page ends with: numbered questions, each answer behind "Show the answer" so a
    learner tries first. ``items`` are (question, answer) pairs in Markdown."""
    for number, (question, answer) in enumerate(items, start=1):
        st.markdown(f"**{number}.** {question}")
        with st.expander("Show the answer"):
            st.markdown(answer)
