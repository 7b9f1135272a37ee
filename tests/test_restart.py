"""The notice a learner gets after their server process went away (lib.restart, lib.ui.restart): pure parts, and
the page deciding from the browser's cookie. The real thing (a replica killed under a Chromium tab, the tab
landing on the other one) is in tests/test_hosting.py."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from lib import restart
from lib.ui import restart as ui_restart
from tests.conftest import ROOT

OTHER = "0123456789abcdef"  #: another server process's id


def test_each_process_has_one_random_id():
    assert re.fullmatch(r"[0-9a-f]{16}", restart.SERVER_ID)
    assert restart.SERVER_ID != OTHER


def test_the_cookie_script_holds_only_the_servers_id():
    script = restart.cookie_script(OTHER)
    assert f"{restart.COOKIE}={OTHER};" in script
    assert "Path=/" in script and f"Max-Age={restart.COOKIE_MAX_AGE}" in script and "SameSite=Lax" in script
    # A constant template: the id is the only part that changes.
    assert restart.cookie_script(restart.SERVER_ID) == script.replace(OTHER, restart.SERVER_ID)
    assert restart.cookie_script() == restart.cookie_script(restart.SERVER_ID)
    for bad in ("", "0123", OTHER.upper(), OTHER + "0", "';alert(1);'", "<script>alert(1)</script>"):
        with pytest.raises(ValueError):
            restart.cookie_script(bad)


@pytest.mark.parametrize("previous, has_settings, said", [
    (None, True, False),  # a first visit: this browser never had a session
    ("", True, False),
    ("same", True, False),  # another session on the same process (a reload, a second tab)
    (OTHER, True, True),  # moved here from another process, with settings in the link
    (OTHER, False, False),  # moved, but nothing came back from the link
])
def test_when_the_notice_is_said(previous, has_settings, said):
    server_id = "fedcba9876543210"
    previous = server_id if previous == "same" else previous
    assert restart.should_say_restarted(previous, has_settings, server_id) is said
    assert restart.moved_from_another_server(previous, server_id) is (previous not in (None, "", server_id))


def _open(monkeypatch, cookie: str | None, page_file: str | None, query: dict | None = None) -> AppTest:
    """A page opened in a fresh session by a browser that brought ``cookie`` (None: no cookie)."""
    monkeypatch.setattr(ui_restart, "_browser_cookie", lambda: cookie)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if page_file:
        app.switch_page(page_file)
    app.query_params.update(query or {})
    app.run()
    assert not app.exception, app.exception
    return app


def _said(app: AppTest) -> bool:
    return any(info.value == restart.NOTICE for info in app.info)


def _cookie_scripts(app: AppTest) -> int:
    return sum(1 for element in app.get("html") if restart.COOKIE in element.proto.body)


def test_a_browser_from_another_process_with_settings_in_its_link_is_told(monkeypatch):
    app = _open(monkeypatch, OTHER, "pages/4_noise.py", {"copies": "50", "kind": "uniform"})
    assert _said(app) and _cookie_scripts(app) == 1, "told, and the browser learns this process's id"
    app.run()  # the learner moves on the same page: still said
    assert _said(app)
    app.switch_page("pages/5_kmeans.py").run()  # another page: no longer
    assert not _said(app) and not app.exception
    app.switch_page("pages/4_noise.py").run()
    assert not _said(app), "said once per session"


def test_nothing_is_said_on_a_first_visit_a_reload_or_without_settings(monkeypatch):
    first = _open(monkeypatch, None, "pages/4_noise.py", {"copies": "50"})
    assert not _said(first) and _cookie_scripts(first) == 1
    reload = _open(monkeypatch, restart.SERVER_ID, "pages/4_noise.py", {"copies": "50"})
    assert not _said(reload) and _cookie_scripts(reload) == 0, "the browser already holds this process's id"
    bare = _open(monkeypatch, OTHER, None)
    assert not _said(bare) and _cookie_scripts(bare) == 1
