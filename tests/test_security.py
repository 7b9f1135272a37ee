"""Security promises of issue #9, each with a test:

* nothing a user sends is rendered as HTML (the source never passes non-constant text to
  ``unsafe_allow_html=True`` or ``st.html``; uploaded script and image tags come back as plain text);
* uploads are never written to disk (every file opened for writing while uploads are handled is recorded);
* the upload size limit and XSRF protection stay on in .streamlit/config.toml.

The server side of the last point (an 11 MB upload refused, an upload without the XSRF token rejected with
403) needs a running server and a browser: tests/browser/test_hostile_browser.py.
"""

from __future__ import annotations

import ast
import io
import json
import os
import sys
import time
import tomllib
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from streamlit.testing.v1 import AppTest

from lib import ethics
from tests.conftest import ROOT, unfold

SOURCES = sorted([ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("lib/**/*.py")])
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


# --- nothing from a user is rendered as HTML ---------------------------------------------------------------

def _html_calls(tree: ast.AST):
    """(line, description, first argument) of every call that renders raw HTML."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                     for k in node.keywords)
        if unsafe or name == "html":  # st.html, components.html, st.components.v1.html
            body = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg in ("body", "html")),
                                                       None)
            yield node.lineno, f"{name}(...{', unsafe_allow_html=...' if unsafe else ''})", body


def _constant_text(node) -> bool:
    """A string literal, or a module-level NAME bound to one (constant CSS kept in a variable)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


#: Functions allowed to build raw HTML, each with no argument: what they put in the markup is made by the server
#: alone and checked by their own tests. lib.restart.cookie_script: 16 hex digits of a per-process random id
#: (tests/test_restart.py).
HTML_BUILDERS = {"cookie_script"}


def _built_safely(node) -> bool:
    """A call without arguments to one of :data:`HTML_BUILDERS` (``restart.cookie_script()``)."""
    if not isinstance(node, ast.Call) or node.args or node.keywords:
        return False
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    return name in HTML_BUILDERS


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_raw_html_is_only_ever_constant_text(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    constants = {target.id for node in tree.body if isinstance(node, ast.Assign) and _constant_text(node.value)
                 for target in node.targets if isinstance(target, ast.Name)}
    bad = [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what, body in _html_calls(tree)
           if not (_constant_text(body) or (isinstance(body, ast.Name) and body.id in constants)
                   or _built_safely(body))]
    assert not bad, "Raw HTML built from non-constant text (user input could become markup):\n" + "\n".join(bad)


def test_the_html_check_catches_what_it_should():
    caught = lambda code: [what for _, what, body in _html_calls(ast.parse(code))
                           if not (_constant_text(body) or _built_safely(body))]
    assert caught("st.markdown(f'<b>{name}</b>', unsafe_allow_html=True)")
    assert caught("st.html(user_text)")
    assert caught("components.html(page)")
    assert not caught("st.markdown('<style>p {color: red}</style>', unsafe_allow_html=True)")
    assert not caught("st.markdown(text)") and not caught("st.markdown(text, unsafe_allow_html=False)")
    assert not caught("st.html(restart.cookie_script(), unsafe_allow_javascript=True)")
    assert caught("st.html(restart.cookie_script(user_text))") and caught("st.html(page_script())")


def _elements(node):
    """Every element of an AppTest tree, depth first."""
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _elements(child)
    else:
        yield node


def _where_text_shows(app: AppTest, needle: str) -> list[tuple[str, bool]]:
    """(element type, renders raw HTML?) for every element whose proto mentions ``needle``."""
    found = []
    for element in _elements(app._tree):
        proto = getattr(element, "proto", None)
        if proto is None or needle not in str(proto):
            continue
        raw = getattr(proto, "allow_html", False) or element.type in ("html", "iframe", "components_iframe")
        found.append((element.type, bool(raw)))
    return found


def _open(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def test_script_in_a_csv_shows_as_plain_text():
    app = _open("pages/5_kmeans.py")
    app.radio(key="km_source").set_value("upload").run()
    csv = f"{SCRIPT},{IMG},kind\n1,2,{SCRIPT}\n3,4,{IMG}\n5,1,{SCRIPT}\n".encode()
    app.file_uploader(key="km_upload").set_value(("evil.csv", csv, "text/csv")).run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    for needle in (SCRIPT, IMG):
        shown = _where_text_shows(app, needle)
        assert shown, f"{needle} should appear (as a column name) somewhere"
        assert not any(raw for _, raw in shown), shown


def test_script_in_a_checklist_import_shows_as_plain_text():
    app = unfold(_open("pages/6_ethics.py"), "ethics_save")  # the import is in a step drawn only while open
    first = ethics.ITEMS[0].id
    document = {"format": ethics.FORMAT, "version": ethics.FORMAT_VERSION, "project": f"{IMG} {SCRIPT}",
                "answers": {first: {"answer": "yes", "note": f"{SCRIPT} and {IMG}"}}}
    app.file_uploader(key="ethics_import").set_value(("evil.json", json.dumps(document).encode(),
                                                      "application/json")).run()
    assert not app.exception and any("Loaded 1 answers" in s.value for s in app.success)
    for needle in (SCRIPT, IMG):
        shown = _where_text_shows(app, needle)
        assert ("text_input", False) in shown, shown  # the note, in its own text box
        assert not any(raw for _, raw in shown), shown


# --- uploads are never written to disk ---------------------------------------------------------------------

_WRITES: list | None = None  # the open-for-writing events recorded while a `recording_writes()` block runs
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _audit(event: str, args) -> None:
    # Python's audit hooks see every open (builtins.open, io.open, os.open, Pillow's, pandas', ...) with its
    # mode or flags, which patching one function would not. A hook cannot be removed, so it only records
    # while _WRITES is a list.
    if _WRITES is None or event != "open":
        return
    path, mode, flags = args
    if isinstance(path, int):
        return  # an already-open descriptor: its opening was recorded, if it happened here
    writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITE_FLAGS)
    if writing:
        _WRITES.append(str(path))


sys.addaudithook(_audit)


@contextmanager
def recording_writes():
    global _WRITES
    _WRITES = []
    try:
        yield _WRITES
    finally:
        _WRITES = None


MARKER = "upload-marker-7f3c9a"  #: in every test upload, so a copy of it on disk can be recognised


def _files_touched_since(start: float, *folders: Path):
    """Files under ``folders`` created or changed since ``start`` (skipping the venv, git and node_modules)."""
    for folder in folders:
        for where, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in (".venv", ".git", "node_modules", "__pycache__")]
            for name in files:
                path = Path(where, name)
                try:
                    if path.stat().st_mtime >= start and path.stat().st_size < 50_000_000:
                        yield path
                except OSError:  # gone already, or not ours to read
                    continue


def _png(side: int) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", MARKER)
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((side, side)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


UPLOAD_FLOWS = [
    ("pages/1_convolution.py", lambda app: app.button_group(key="source").set_value("upload").run(),
     "upload", ("mine.png", _png(300), "image/png")),
    ("pages/3_mnist.py", lambda app: app.radio(key="mnist_source").set_value("upload").run(),
     "mnist_upload", ("digit.png", _png(120), "image/png")),
    ("pages/4_noise.py", lambda app: app.radio(key="noise_source").set_value("upload").run(),
     "noise_upload", ("secret.png", _png(200), "image/png")),
    ("pages/5_kmeans.py", lambda app: app.radio(key="km_source").set_value("upload").run(),
     "km_upload", ("mine.csv", f"a,{MARKER}\n1,2\n3,4\n5,1\n8,8\n".encode(), "text/csv")),
    ("pages/6_ethics.py", lambda app: unfold(app, "ethics_save"),
     "ethics_import", ("saved.json", ethics.to_json(ethics.empty_answers(MARKER)).encode(), "application/json")),
]


@pytest.mark.parametrize("page, choose, key, upload", UPLOAD_FLOWS, ids=[flow[0][6:-3] for flow in UPLOAD_FLOWS])
def test_uploads_are_never_written_to_disk(page, choose, key, upload):
    app = _open(page)
    choose(app)
    assert MARKER.encode() in upload[1]
    start = time.time() - 1  # file systems keep coarse times
    with recording_writes() as writes:
        app.file_uploader(key=key).set_value(upload).run()
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    # 1. This process opened nothing for writing while it handled the upload.
    assert writes == [], f"files opened for writing while handling the upload: {writes}"
    # 2. No file changed since then in the repository, /tmp or the working directory holds the upload.
    # (Other people's programs write there too on a shared machine, so look for the upload, not for change.)
    copies = {str(path) for path in _files_touched_since(start, ROOT, Path("/tmp"), Path.cwd())
              if MARKER.encode() in _read(path)}
    assert not copies, f"the upload was written to {copies}"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_the_write_checks_see_writes(tmp_path):
    start = time.time() - 1
    with recording_writes() as writes:
        (tmp_path / "a.bin").write_bytes(b"x")
        os.close(os.open(tmp_path / "b.bin", os.O_WRONLY | os.O_CREAT))
        (tmp_path / "a.bin").read_bytes()
    assert writes == [str(tmp_path / "a.bin"), str(tmp_path / "b.bin")]
    (tmp_path / "copy.csv").write_text(f"a,{MARKER}\n")
    assert tmp_path / "copy.csv" in set(_files_touched_since(start, tmp_path))


# --- limits stay on ----------------------------------------------------------------------------------------

def test_upload_limit_and_xsrf_protection_stay_on():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server = config["server"]
    assert server["maxUploadSize"] == 10, "uploads are capped at 10 MB (lib.images.MAX_BYTES matches)"
    assert server["enableXsrfProtection"] is True
    from lib.images import MAX_BYTES
    from lib.kmeans.upload import MAX_BYTES as TABLE_MAX_BYTES
    assert MAX_BYTES == TABLE_MAX_BYTES == server["maxUploadSize"] * 1024 * 1024
