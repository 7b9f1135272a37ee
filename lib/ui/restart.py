"""On screen: "The server was restarted; your settings came back from the link." when a learner's browser lands
on a fresh server process (another replica, or the one server restarted) with settings in its link. How it is
noticed: :mod:`lib.restart`."""

from __future__ import annotations

import streamlit as st

from lib import restart

_CHECKED = "_server_checked"  # session state: this session's first run has looked at the cookie
_SAY_ON = "_restart_notice_page"  # session state: the page (slug) that shows the notice


def say_if_restarted(slug: str) -> None:
    """Call at the top of every page, after its link is applied (:func:`lib.ui.links.apply_link`): on a
    session's first run, show the notice when the browser comes from another server process and the address
    holds settings; keep it on that page until the learner opens another one. Then, unless the browser
    already carries this process's id, send the script that stores it."""
    state = st.session_state
    previous = _browser_cookie()
    if _CHECKED not in state:
        state[_CHECKED] = True
        # The address as the page just wrote it back: the settings the page now shows that are not defaults.
        if restart.should_say_restarted(previous, address_has_settings=bool(st.query_params)):
            state[_SAY_ON] = slug
    if state.get(_SAY_ON) == slug:
        st.info(restart.NOTICE, icon=":material/restart_alt:")
    else:
        state.pop(_SAY_ON, None)
    if previous != restart.SERVER_ID:
        st.html(restart.cookie_script(), unsafe_allow_javascript=True)


def _browser_cookie() -> str | None:
    """The server id the browser brought, as it sent it when this session's websocket connected (fixed for the
    session's life), or ``None``."""
    return st.context.cookies.get(restart.COOKIE)
