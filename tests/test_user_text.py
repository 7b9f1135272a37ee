"""User text is shown as text everywhere Streamlit renders Markdown: messages (success, info, warning, error,
toast), Markdown, captions, headings, and widgets' labels and help. Whatever a user typed, uploaded or named a file reaches them only
inside a code span (lib.handout.code_span), because Streamlit's Markdown turns bare web addresses into links
and draws ``:red[…]`` colours even when they are escaped.

Each page is driven through every way user text gets in (typed text, an imported file, uploaded file names,
a CSV's column names), then every Markdown text on the page is scanned: no part of the user's text may be
outside a code span."""

import io
import json
import re

import pytest
from markdown_it import MarkdownIt
from PIL import Image
from streamlit.testing.v1 import AppTest

from lib import ethics
from lib.handout import code_span
from tests.conftest import ROOT, open_question, unfold

MARKER = "evil"  # in every hostile text below, and nowhere in the app's own words
HOSTILE = "**bold** [x](http://evil.test) <b>b</b> :red[r] _it_"
SHORT = "**b** [x](http://evil.test) :red[r]"  # fits /noise's 40-character message box
FILE_STEM = "**bold** [x](http://evil.test) _it_"

#: Fields of an element that Streamlit renders as Markdown: a message's text, a widget's label and help.
MARKDOWN_FIELDS = ("body", "label", "help")

_RENDER = MarkdownIt("commonmark")


def outside_code(markdown: str) -> str:
    """The HTML ``markdown`` renders to, without its code spans and code blocks: what is interpreted."""
    return re.sub(r"<code>.*?</code>", "", _RENDER.render(markdown), flags=re.DOTALL)


def markdown_texts(app: AppTest) -> list[tuple[str, str]]:
    """(element type, text) for every Markdown text on the page."""
    found = []
    for node in app._tree:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        for name in MARKDOWN_FIELDS:
            if name in proto.DESCRIPTOR.fields_by_name and isinstance(getattr(proto, name), str):
                found.append((node.type, getattr(proto, name)))
    return found


def assert_user_text_is_literal(app: AppTest, expect_shown: bool = False) -> None:
    assert not app.exception, app.exception
    shown = [(kind, text) for kind, text in markdown_texts(app) if MARKER in text]
    leaks = [(kind, text) for kind, text in shown if MARKER in outside_code(text)]
    assert not leaks, f"user text rendered as Markdown: {leaks}"
    if expect_shown:
        assert shown, "the page was expected to show the user's text"


def open_page(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return unfold(app)  # every step open: user text shown anywhere on the page is checked


def png(size=(120, 90), colour="orange") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


# --- the helper ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [HOSTILE, "`tick` and ``two``", "`edge`", "a\\*b $x$", "two\nlines  here",
                                  "<script>alert(1)</script>"])
def test_a_code_span_shows_its_text_as_written(text):
    tokens = _RENDER.parseInline(code_span(text))[0].children
    assert [t.type for t in tokens] == ["code_inline"]
    assert tokens[0].content == " ".join(text.split())


def test_empty_text_gives_no_code_span():
    assert code_span("  \n") == ""


# --- every page ---------------------------------------------------------------------------------------------

def test_ethics_project_name_typed_imported_and_printed():
    app = open_page("pages/6_ethics.py")
    unfold(app, "ethics_save").text_input(key="ethics_project").input(HOSTILE).run()
    open_question(app, "collect-who").text_input(key="ethics_note_collect-who").input(HOSTILE).run()
    assert_user_text_is_literal(app)
    saved = ethics.empty_answers(HOSTILE)
    saved["answers"]["collect-who"] = {"answer": "no", "note": HOSTILE}
    app.file_uploader(key="ethics_import").upload(f"{FILE_STEM}.json", ethics.to_json(saved).encode(),
                                                  "application/json").run()
    assert app.success, "the import was expected to succeed"
    assert_user_text_is_literal(app, expect_shown=True)  # "Loaded 1 answers for …"
    app.toggle(key="ethics_printable").set_value(True).run()
    assert_user_text_is_literal(app)


@pytest.mark.parametrize("document", [
    {"format": ethics.FORMAT, "version": HOSTILE, "project": "", "answers": {}},
    {"format": ethics.FORMAT, "version": 1, "project": "", "answers": {HOSTILE: {"answer": "yes", "note": ""}}},
    {"format": ethics.FORMAT, "version": 1, "project": "", "answers": {"collect-who": {"answer": HOSTILE,
                                                                                        "note": ""}}},
    {"format": ethics.FORMAT, "version": 1, "project": "", "answers": {}, HOSTILE: 1},
], ids=["version", "item id", "answer", "field"])
def test_ethics_refused_imports_quote_the_file_literally(document):
    app = open_page("pages/6_ethics.py")
    app.file_uploader(key="ethics_import").upload(f"{FILE_STEM}.json", json.dumps(document).encode(),
                                                  "application/json").run()
    assert app.error, "the import was expected to be refused"
    assert_user_text_is_literal(app, expect_shown=True)


UPLOADS = {  # page, how to reach its uploader (widget kind, key, value), the uploader's key
    "convolution": ("pages/1_convolution.py", ("button_group", "source", "upload"), "upload"),
    "mnist": ("pages/3_mnist.py", ("radio", "mnist_source", "upload"), "mnist_upload"),
    "noise": ("pages/4_noise.py", ("radio", "noise_source", "upload"), "noise_upload"),
}


@pytest.mark.parametrize("page", UPLOADS)
def test_uploaded_file_names_good_and_bad(page):
    path, (kind, key, value), uploader = UPLOADS[page]
    app = open_page(path)
    getattr(app, kind)(key=key).set_value(value).run()
    for content in (png(), b"not a picture at all", b""):
        app.file_uploader(key=uploader).upload(f"{FILE_STEM}.png", content, "image/png").run()
        assert_user_text_is_literal(app)


def test_noise_typed_message():
    app = open_page("pages/4_noise.py")
    app.radio(key="noise_source").set_value("message").run()
    for message in (SHORT, SHORT + " ß€"):  # the second has characters the font cannot draw
        app.text_input(key="noise_message").input(message).run()
        assert_user_text_is_literal(app)


def csv(*rows) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode()


def test_kmeans_csv_file_name_columns_and_cluster_names():
    app = open_page("pages/5_kmeans.py")
    app.radio(key="km_source").set_value("upload").run()
    data = csv(("width", HOSTILE.replace(",", " "), "kind"), ("1", "2", "a"), ("2", "3", "b"), ("3", "x", "a"),
               ("4", "5", "b"), ("5", "6", "a"), ("6", "7", "b"))
    app.file_uploader(key="km_upload").upload(f"{FILE_STEM}.csv", data, "text/csv").run()
    assert_user_text_is_literal(app, expect_shown=True)  # the column with text in it is named in a warning
    good = csv(("width", HOSTILE.replace(",", " ")), ("1", "2"), ("2", "3"), ("3", "4"), ("8", "9"), ("9", "9"))
    app.file_uploader(key="km_upload").upload(f"{FILE_STEM}.csv", good, "text/csv").run()
    assert_user_text_is_literal(unfold(app))  # the naming step, drawn once opened, for the new data
    for cluster in range(2):
        name = app.text_input(key=f"km_name_{cluster}")
        name.input(SHORT[:30]).run()
    assert_user_text_is_literal(app, expect_shown=True)  # "The new item belongs to cluster …: it is a …"


def test_iris_own_table_columns_and_classes():
    app = open_page("pages/2_iris.py")
    app.radio(key="iris_source").set_value("own").run()
    hostile = HOSTILE.replace(",", " ")
    typo = csv(("width", hostile, "kind"), *((str(k), "x" if k == 2 else str(k % 5), "ab"[k % 2]) for k in range(12)))
    app.file_uploader(key="iris_own_upload").upload(f"{FILE_STEM}.csv", typo, "text/csv").run()
    assert_user_text_is_literal(app, expect_shown=True)  # the column with text in it, named in the error
    good = csv(("width", hostile, "kind"),
               *((str(k), str(k % 5), SHORT.replace(",", " ") if k % 2 else "b") for k in range(12)))
    app.file_uploader(key="iris_own_upload").upload(f"{FILE_STEM}.csv", good, "text/csv").run()
    assert_user_text_is_literal(app, expect_shown=True)  # its columns and classes, in the line saying it is ready
    app.button(key="iris_train").click().run()
    assert_user_text_is_literal(unfold(app))  # every step, drawn for the trained network on the table
