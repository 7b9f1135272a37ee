"""Hostile and broken input through every upload widget in the app (AppTest).

Every file of the corpus (tests/corpus, see make_corpus.EXPECTED) goes through every picture uploader:
/convolution ("upload"), /mnist ("mnist_upload", after choosing "Upload a photo") and /noise
("noise_upload"). Refused files must show load_image's own sentence as an error, accepted ones a sensible
result, and the page must keep working (change a control, rerun, no exception). Then bad CSV files on
/kmeans ("km_upload") and bad JSON files on /ethics ("ethics_import").

Streamlit 1.67's AppTest sets an upload directly: ``app.file_uploader(key=...).set_value((name, bytes,
mime))`` hands the page an UploadedFile built from those bytes, the same object a browser upload gives.
One AppTest per page (module scope): the pages are re-run for each file, as they would be for a user who
keeps uploading, which is also the cheaper way to run ~50 uploads on a small machine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import pytest
from streamlit.testing.v1 import AppTest

from lib import ethics
from lib.images import ImageError, load_image
from tests.conftest import ROOT, open_question, unfold
from tests.convolution.test_convolution_page import captions as convolution_captions
from tests.corpus.make_corpus import EXPECTED, HERE as CORPUS


def texts(app: AppTest, kind: str) -> list[str]:
    return [element.value for element in getattr(app, kind)]


@dataclass(frozen=True)
class Uploader:
    page: str
    key: str
    choose: Callable[[AppTest], object]  #: brings the uploader on screen
    extensions: tuple[str, ...] | None  #: the widget's ``type=``; None accepts any file name
    accepted: Callable[[AppTest], bool]  #: what a user sees once a picture has been taken
    afterwards: Callable[[AppTest], object]  #: an ordinary interaction that must still work


def _mnist_answer(app: AppTest) -> bool:
    """An answer, or (for a blank picture such as a one-colour frame) a warning that says why there is none."""
    return bool(app.warning) or any(header.value.startswith(("It's a", "I don't know")) for header in app.subheader)


PICTURE_UPLOADERS = {
    "convolution": Uploader(
        "pages/1_convolution.py", "upload",
        choose=lambda app: app.button_group(key="source").set_value("upload").run(),
        extensions=None,
        accepted=lambda app: any(c.startswith("Upload your own picture") for c in convolution_captions(app)),
        afterwards=lambda app: app.button(key="step_next").click().run()),
    "mnist": Uploader(
        "pages/3_mnist.py", "mnist_upload",
        choose=lambda app: app.radio(key="mnist_source").set_value("upload").run(),
        extensions=None,
        accepted=_mnist_answer,
        afterwards=lambda app: app.slider(key="mnist_threshold").set_value(
            60 if app.slider(key="mnist_threshold").value != 60 else 40).run()),
    "noise": Uploader(
        "pages/4_noise.py", "noise_upload",
        choose=lambda app: app.radio(key="noise_source").set_value("upload").run(),
        extensions=("png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"),
        accepted=lambda app: not app.error and not any("Choose a picture to send" in t for t in texts(app, "info")),
        afterwards=lambda app: app.slider(key="noise_copies").set_value(
            5 if app.slider(key="noise_copies").value != 5 else 6).run()),
}
CORPUS_FILES = sorted(EXPECTED)


@pytest.fixture(scope="module")
def page_apps():
    """One AppTest per page, opened through the app (pages use st.page_link) on first use."""
    apps: dict[str, AppTest] = {}

    def open_page(page: str) -> AppTest:
        if page not in apps:
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
            app.switch_page(page).run()
            assert not app.exception, app.exception
            apps[page] = unfold(app)  # every step open: each uploader and control is drawn
        return apps[page]

    return open_page


def upload(app: AppTest, key: str, name: str, data: bytes, mime: str = "application/octet-stream") -> AppTest:
    app.file_uploader(key=key).set_value((name, data, mime)).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def refusal_message(name: str) -> str | None:
    """load_image's own sentence for a file it refuses (the page must show exactly that), else None."""
    try:
        load_image(CORPUS / name)
    except ImageError as error:
        return str(error)
    return None


@pytest.mark.parametrize("name", CORPUS_FILES)
@pytest.mark.parametrize("where", sorted(PICTURE_UPLOADERS))
def test_every_corpus_file_through_every_picture_uploader(page_apps, where, name):
    uploader = PICTURE_UPLOADERS[where]
    app = page_apps(uploader.page)
    uploader.choose(app)
    # The browser refuses file names outside the widget's `type=` before uploading; what gets through is
    # hostile *content* under an allowed name, so that is what we send.
    file_name = name if uploader.extensions is None or name.rsplit(".", 1)[-1] in uploader.extensions \
        else f"{name}.png"
    upload(app, uploader.key, file_name, (CORPUS / name).read_bytes())

    message = refusal_message(name)
    assert (message is None) == (EXPECTED[name] != "error")
    if message is None:
        assert uploader.accepted(app), (where, name, texts(app, "error"), texts(app, "warning"))
    else:
        assert any(message in text for text in texts(app, "error")), (where, name, texts(app, "error"))

    uploader.afterwards(app)
    assert not app.exception, [e.value for e in app.exception]
    if where == "convolution":
        assert app.success  # the step-through still computes a result
    if message is None:
        assert uploader.accepted(app)


#: Corpus pictures that load but are one grey after conversion: /noise says so rather than hide nothing.
FLAT_PICTURES = ("animated.gif", "one-pixel.png", "wide-12000x8.png")


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_noise_says_when_an_upload_has_nothing_to_find(page_apps, name):
    uploader = PICTURE_UPLOADERS["noise"]
    app = page_apps(uploader.page)
    uploader.choose(app)
    file_name = name if name.rsplit(".", 1)[-1] in uploader.extensions else f"{name}.png"
    upload(app, uploader.key, file_name, (CORPUS / name).read_bytes())
    flat = [w.value for w in app.warning if "one flat colour" in w.value]
    assert bool(flat) == (name in FLAT_PICTURES), (name, texts(app, "warning"))


# --- /kmeans: bad CSV files -------------------------------------------------------------------------------

FORMULA = "=cmd|' /C calc'!A0"
SCRIPT_HEADERS = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"

#: name -> (file bytes, kind of message shown, words in it); kind None means the file is accepted.
BAD_CSV = {
    "empty": (b"", "error", "The file is empty"),
    "binary junk": (bytes(range(256)) * 40, "error", "not a CSV text file"),
    "no numeric columns": (b"name,colour\nann,red\nbob,blue\ncat,green\n", "error",
                           "No column in this file holds numbers"),
    "one row": (b"a,b\n1,2\n", "error", "fewer than two rows"),
    "NaN and inf": (b"a,b\n1,2\nnan,inf\n3,-inf\n5,6\n7,1\n", "warning", "Left out 2 row(s)"),
    "10001 rows": (("x,y\n" + "1,2\n" * 10_001).encode(), "error", "the most this page takes is 10,000"),
    "21 columns": ((",".join(f"c{i}" for i in range(21)) + "\n" + ",".join("1" * 21) + "\n").encode() * 3,
                   "error", "the most this page takes is 20"),
    "semicolons": (b"length;weight\n1;2\n3;4\n5;7\n8;1\n", None, ""),
    "European export": ("Länge;Gewicht\n12,5;3,25\n-0,5;4\n7,1;0,75\n8;1,5\n".encode("utf-8"), None, ""),
    "tabs and decimal commas": (b"length\tweight\n12,5\t3,25\n0,5\t4\n7,1\t0,75\n", None, ""),
    "formula injection": (f"length,weight\n1,2\n{FORMULA},4\n5,6\n7,8\n".encode(), "warning",
                          "`length` is mostly numbers but has text in it"),
    "HTML in headers": ((",".join(SCRIPT_HEADERS) + "\n1,2\n3,4\n5,1\n").encode(), None, ""),
    "not UTF-8": ("größe,gewicht\n1,2\n3,4\n5,1\n".encode("latin-1"), None, ""),
    "one giant field": (b"a,b\n" + b"x" * 200_000 + b",1\n1,2\n", "error", "could not be read as CSV"),
}


@pytest.fixture(scope="module")
def kmeans_app(page_apps) -> AppTest:
    app = page_apps("pages/5_kmeans.py")
    app.radio(key="km_source").set_value("upload").run()
    return app


def measurement_choice(app: AppTest):
    return next(box for box in app.multiselect if box.label.startswith("Measurements (number columns)"))


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_bad_csv_files_on_kmeans(kmeans_app, case):
    data, kind, words = BAD_CSV[case]
    app = upload(kmeans_app, "km_upload", f"{case}.csv", data, "text/csv")
    if kind is None:
        assert not app.error, texts(app, "error")
        assert len(measurement_choice(app).value) == 2
    else:
        assert any(words in text for text in texts(app, kind)), (texts(app, "error"), texts(app, "warning"))
    if case == "HTML in headers":  # the column names are offered as plain labels, exactly as written
        assert measurement_choice(app).options == list(SCRIPT_HEADERS)
    # The page keeps working: the example data is one click away.
    app.radio(key="km_source").set_value("garden").run()
    assert not app.exception and not app.error
    app.radio(key="km_source").set_value("upload").run()


# --- /ethics: bad JSON files ------------------------------------------------------------------------------

def _export(**changes) -> bytes:
    document = {"format": ethics.FORMAT, "version": ethics.FORMAT_VERSION, "project": "Loans",
                "answers": {ethics.ITEMS[0].id: {"answer": "yes", "note": "checked"}}}
    return json.dumps({**document, **changes}).encode()


SCRIPT_NOTE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"

#: name -> (file bytes, words in the error shown); words None means the file is loaded.
BAD_JSON = {
    "not JSON": (b"this is not json {", "This file is not valid JSON"),
    "binary": (bytes(range(256)), "not text (UTF-8)"),
    "wrong format header": (_export(format="someone-elses-tool"), "was not saved by this checklist"),
    "wrong version": (_export(version=99), "format version `99`"),
    "huge": (_export(project="x" * (ethics.MAX_FILE_BYTES + 1)), "a checklist export is at most 1 MB"),
    "deeply nested": (b"[" * 150_000, "nested far too deeply"),
    "nested junk answer": (_export(answers={ethics.ITEMS[0].id: {"answer": {"a": [[1, {"b": None}]]}, "note": ""}}),
                           "it must be one of"),
    "unknown item": (_export(answers={"<b>evil</b>": {"answer": "yes", "note": ""}}), "Unknown checklist item"),
    "a list": (b"[1, 2, 3]", "was not saved by this checklist"),
    "HTML in answers": (_export(project=SCRIPT_NOTE[:30],
                                answers={ethics.ITEMS[0].id: {"answer": "no", "note": SCRIPT_NOTE}}), None),
}


@pytest.fixture(scope="module")
def ethics_app(page_apps) -> AppTest:
    return page_apps("pages/6_ethics.py")


@pytest.mark.parametrize("case", sorted(BAD_JSON))
def test_bad_json_files_on_ethics(ethics_app, case):
    data, words = BAD_JSON[case]
    before = json.dumps(ethics_app.session_state["ethics_answers"], sort_keys=True)
    app = upload(ethics_app, "ethics_import", f"{case}.json", data, "application/json")
    if words is None:
        assert any("Loaded 1 answers" in text for text in texts(app, "success")), texts(app, "error")
        assert open_question(app, ethics.ITEMS[0].id).text_input(key=f"ethics_note_{ethics.ITEMS[0].id}").value \
            == SCRIPT_NOTE
        app.session_state["ethics_answers"] = ethics.empty_answers()  # back to a clean slate for the next case
    else:
        assert any(words in text and text.startswith("Your answers were kept") for text in texts(app, "error")), \
            texts(app, "error")
        assert json.dumps(app.session_state["ethics_answers"], sort_keys=True) == before
    app.file_uploader(key="ethics_import").set_value(None).run()
    # The page keeps working: answer an item.
    open_question(app, ethics.ITEMS[1].id).radio(key=f"ethics_answer_{ethics.ITEMS[1].id}").set_value("not sure").run()
    assert not app.exception, [e.value for e in app.exception]
