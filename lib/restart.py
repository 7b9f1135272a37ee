"""Noticing that a learner's browser was moved to a fresh server process: the pure parts of
:func:`lib.ui.restart.say_if_restarted`.

Streamlit keeps each session in the process that served it. When that process goes away (a replica crashes
or is scaled down, a node is drained, the one container restarts), the browser reconnects, lands on another
process and starts a fresh session there; the page's settings come back from the lesson link in the address
bar (:mod:`lib.ui.links`), but trained models and uploads are gone. The page then says so, in one sentence.

How it is noticed: every server process has a random :data:`SERVER_ID`. Each page run whose browser does not
carry this process's id yet sends a small script that stores it in the :data:`COOKIE` cookie; the browser sends
that cookie with its websocket, where Streamlit shows it to the session (``st.context.cookies``). A session
whose browser brings another process's id therefore had a session on another process before. The cookie is the
browser's, not the tab's (a server cannot read a tab's sessionStorage), and lives for :data:`COOKIE_MAX_AGE`.
"""

from __future__ import annotations

import re
import secrets

#: This server process's id: new each time a process starts, the same for all its sessions.
SERVER_ID = secrets.token_hex(8)
COOKIE = "workshop_server"  #: the browser cookie holding the id of the process that served it last
COOKIE_MAX_AGE = 12 * 3600  #: seconds: a workshop day, like the load balancer's route cookie
NOTICE = "The server was restarted; your settings came back from the link."
_ID = re.compile(r"[0-9a-f]{16}")


def cookie_script(server_id: str | None = None) -> str:
    """The ``<script>`` that stores ``server_id`` (this process's :data:`SERVER_ID` unless given) in the
    browser's :data:`COOKIE`. Built only from an id this module made (16 hex digits, checked), never from
    anything a browser sent."""
    server_id = SERVER_ID if server_id is None else server_id
    if not _ID.fullmatch(server_id):
        raise ValueError("a server id is 16 hexadecimal digits")
    # The style hides the element holding the script, which would otherwise leave a gap above the title.
    return ('<style>[data-testid="stElementContainer"]:has(script[data-workshop-server]) { display: none; }</style>'
            f"<script data-workshop-server>document.cookie = '{COOKIE}={server_id}; Path=/; "
            f"Max-Age={COOKIE_MAX_AGE}; SameSite=Lax';</script>")


def moved_from_another_server(previous: str | None, server_id: str | None = None) -> bool:
    """True when the browser's cookie (``previous``, ``None`` without one) names another server process than
    ``server_id`` (this process's :data:`SERVER_ID` unless given): the browser had a session on a process
    that is not this one."""
    return bool(previous) and previous != (SERVER_ID if server_id is None else server_id)


def should_say_restarted(previous: str | None, address_has_settings: bool, server_id: str | None = None) -> bool:
    """Whether a session's first page says :data:`NOTICE`: the browser comes from another server process and
    the page was opened with settings in its link (so there is something that came back from it)."""
    return moved_from_another_server(previous, server_id) and address_has_settings
