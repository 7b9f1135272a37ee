"""lib.ui.warm: the first page opened on a server warms every page's caches once, in the background."""

import threading

from lib.ui import warm


def test_every_warmer_runs_outside_a_page():
    assert warm.warm() == []


def test_warming_starts_once_per_server_and_never_under_apptest(monkeypatch):
    started = []
    monkeypatch.setattr(warm, "_started", threading.Lock())
    monkeypatch.setattr(warm.threading, "Thread", lambda target, name, daemon: type(
        "FakeThread", (), {"start": lambda self: started.append(target)})())
    monkeypatch.setattr(warm, "serving", lambda: False)
    assert not warm.in_background() and not started
    monkeypatch.setattr(warm, "serving", lambda: True)
    assert warm.in_background() and started == [warm.warm]
    assert not warm.in_background() and len(started) == 1


def test_a_failing_warmer_is_reported_and_the_others_still_run(monkeypatch):
    ran = []

    def broken():
        raise OSError("disk gone")

    monkeypatch.setattr(warm, "WARMERS", (broken, lambda: ran.append("next")))
    assert warm.warm() == ["broken: OSError: disk gone"] and ran == ["next"]


def test_pandas_is_whole_before_the_warmers_start():
    """The warmers and a page's first chart both import pandas: loaded half on each thread, one of them met a
    partially initialised module. A fresh interpreter, so no other test has imported pandas already."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import sys, threading\n"
              "from lib.ui import warm\n"
              "seen = []\n"
              "warm.serving = lambda: True\n"
              "threading.Thread = lambda target, name, daemon: type('T', (), {'start': lambda self: seen.append(\n"
              "    hasattr(sys.modules.get('pandas'), 'Series'))})()\n"
              "warm.in_background()\n"
              "print(seen)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[True]", result.stderr
