"""Shared test set-up: make the repository importable as it is when the app runs."""

import json
import re
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tensorflow_loaded_after(steps: str = "pass", timeout: float = 180) -> bool:
    """Open the app in a fresh interpreter (``app``, an AppTest already run on the home page), run ``steps``
    (Python statements on ``app``), check nothing raised, and say whether TensorFlow or Keras got imported.
    A fresh interpreter, so modules other tests imported cannot hide an import the page made."""
    script = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        f"app = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=120).run(); "
        f"{steps}; assert not app.exception, app.exception; "
        "print('tensorflow' in sys.modules or 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1] == "True"


#: The AppTest widget lists a URL-bound control can be found in.
BOUND_WIDGET_KINDS = ("selectbox", "select_slider", "radio", "slider", "number_input", "checkbox", "toggle", "pills",
                      "text_input", "multiselect")


def open_with_link(page_file: str | None, query=None, timeout: float = 120):
    """An AppTest of ``page_file`` (e.g. "pages/3_mnist.py"; None for home) opened through a link carrying
    ``query`` (a dict of URL parameters), as a fresh visitor would; asserts it ran without an exception."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout).run()
    if page_file:
        app.switch_page(page_file)
    app.query_params.update(query or {})
    app.run()
    assert not app.exception, app.exception
    return app


def unfold(app, *names: str):
    """Open the steps drawn only while open (``lib.ui.unfolded``) called ``names`` on an AppTest and run it;
    with no names, every such step on the page, again until no new one appears (steps inside steps)."""
    from lib.ui import OPEN

    opened: set[str] = set()
    while True:
        keys = {OPEN + name for name in names} or {key for key in list(app.session_state)
                                                   if key.startswith(OPEN)}
        if not keys - opened:
            return app
        for key in keys - opened:
            app.session_state[key] = True
        opened |= keys
        app.run()
        assert not app.exception, app.exception
        if names:
            return app


@contextmanager
def training_elsewhere():
    """Hold the server's training slot from another thread, as another learner's run would, until the block
    ends. Yields the queue lengths seen meanwhile (sampled every 10 ms), to tell who joined or left the line."""
    from lib.training import TRAINING

    holding, release, seen = threading.Event(), threading.Event(), []

    def hold():
        with TRAINING.turn():
            holding.set()
            while not release.wait(0.01):
                seen.append(TRAINING.queue_length)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert holding.wait(timeout=10)
    try:
        yield seen
    finally:
        release.set()
        thread.join(timeout=10)


def bound_controls(app, slug: str) -> dict:
    """URL name → value of every URL-bound control the page drew (those its lesson file lists)."""
    from lib import lessons

    found = {}
    for setting in lessons.lesson(slug).settings:
        for kind in BOUND_WIDGET_KINDS:
            widgets = [w for w in getattr(app, kind) if w.key == setting.key]
            if widgets:
                found[setting.name] = widgets[0].value
    return found


def texts(app, kind: str = "markdown") -> str:
    """All the text of one kind of element on an AppTest page ("markdown", "caption", "warning", …), joined."""
    return "\n".join(element.value for element in getattr(app, kind))


def svg_pictures(app) -> dict[str, str]:
    """The SVG pictures on an AppTest page (lib.ui.svg_picture), by key: each one's markup (AppTest cannot run a
    custom component; it keeps its data)."""
    return {element.key: json.loads(element.proto.json)["svg"] for element in app.get("bidi_component")
            if element.proto.component_name == "ml_workshop_svg_picture"}


def unescaped(markdown: str) -> str:
    """Markdown source as the reader sees it: code spans' backticks and backslash escapes
    (lib.handout.code_span, escape_markdown) removed."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"`([^`]*)`", r"\1", markdown))


def open_question(app, item_id: str):
    """Open the /ethics checklist section (a step drawn only while open) that holds question ``item_id``."""
    from lib import ethics
    from lib.ui.ethics import section_step

    return unfold(app, *(section_step(s) for s in ethics.CHECKLIST if any(e.id == item_id for e in s.items)))


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """What the page's download buttons would give when pressed, by file name: AppTest keeps no server to
    press them on, so each deferred download's function is recorded as the page registers it. Call one to
    build the file as the button would, off the script's thread."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}
    register = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **options):
        made[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **options)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made
