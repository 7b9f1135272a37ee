"""lib.ethics: the checklist's content, the answers' JSON round trip, the Markdown export, and imports
that must be refused with a readable message."""

import json
import subprocess
import sys

import pytest

from lib import ethics
from lib.ethics.content import SOURCES
from tests.conftest import ROOT

ITEMS = ethics.ITEMS


def sample_answers() -> dict:
    answers = ethics.empty_answers("Digit reader – v2 ✓")
    for n, entry in enumerate(ITEMS[:8]):
        answers["answers"][entry.id] = {"answer": ethics.ANSWER_CHOICES[n % 4], "note": f"note {n}: *not* <b>bold</b>"}
    answers["answers"][ITEMS[9].id] = {"answer": None, "note": "only a note so far\nsecond line"}
    return answers


def test_checklist_has_the_five_stages_and_at_least_twenty_items():
    assert [s.id for s in ethics.CHECKLIST] == ["collecting", "storing", "analysing", "modelling", "deploying"]
    assert len(ITEMS) >= 20
    assert len({entry.id for entry in ITEMS}) == len(ITEMS), "item ids must be unique"


@pytest.mark.parametrize("entry", ITEMS, ids=[entry.id for entry in ITEMS])
def test_every_item_has_every_field_filled_in(entry):
    for field in ("id", "question", "kid_question", "why", "example", "source"):
        value = getattr(entry, field)
        assert isinstance(value, str) and value.strip(), f"{entry.id}.{field} is empty"
    assert entry.kid_question != entry.question
    # Every source names one of the cited works.
    assert any(name in entry.source for name, _ in SOURCES), entry.source


def test_the_transcripts_examples_are_all_in_the_checklist():
    examples = " ".join(entry.example for entry in ITEMS).lower()
    for phrase in ("computer says no", "darker skin", "covid cat", "age of one person", "dog"):
        assert phrase in examples


def test_json_round_trip():
    answers = sample_answers()
    assert ethics.from_json(ethics.to_json(answers)) == answers
    assert ethics.from_json(ethics.to_json(answers).encode("utf-8")) == answers  # an upload's bytes
    empty = ethics.empty_answers()
    assert ethics.from_json(ethics.to_json(empty)) == empty


def test_json_saved_with_a_byte_order_mark_is_read():
    # Windows Notepad saves UTF-8 with a byte-order mark in front.
    answers = sample_answers()
    text = ethics.to_json(answers)
    assert ethics.from_json(b"\xef\xbb\xbf" + text.encode("utf-8")) == answers
    assert ethics.from_json("\ufeff" + text) == answers


def test_json_names_its_format_so_other_files_are_recognised():
    document = json.loads(ethics.to_json(sample_answers()))
    assert document["format"] == ethics.FORMAT and document["version"] == ethics.FORMAT_VERSION


def test_markdown_contains_every_answered_item_and_its_note_as_plain_text():
    answers = sample_answers()
    text = ethics.to_markdown(answers)
    for item_id, given in answers["answers"].items():
        question = ethics.item(item_id).question
        assert f"**{question}** ({item_id})" in text
        first_line = given["note"].splitlines()[0]
        assert first_line.replace("*", "\\*").replace("<", "\\<").replace(">", "\\>") in text
    assert "<b>" not in text and "*not*" not in text  # notes cannot inject HTML or formatting
    assert "second line" in text
    assert "# Ethics checklist: Digit reader – v2 ✓" in text


def test_markdown_shows_each_answer_as_what_it_is():
    answers = ethics.empty_answers("x")
    given = {"collect-who": "yes", "collect-consent": "no", "collect-appropriate": "not applicable",
             "collect-balanced": "not sure"}
    for item_id, answer in given.items():
        answers["answers"][item_id] = {"answer": answer, "note": ""}
    text = ethics.to_markdown(answers)
    shown = {entry.id: text.split(f"({entry.id})", 1)[1].split("\n", 2)[1].strip() for entry in ITEMS}
    assert shown["collect-who"] == "Answer: **yes**"
    assert shown["collect-consent"] == "Answer: **no**"  # a "no" is not ticked as if it passed
    assert shown["collect-appropriate"] == "Answer: **not applicable**"
    assert shown["collect-balanced"] == "Answer: **open (not sure)**"
    assert shown["store-secure"] == "Answer: **open (not answered)**"
    assert "[x]" not in text and "[ ]" not in text
    assert "## Collecting data (3 of 5 settled)" in text


def test_progress_and_open_items():
    answers = ethics.empty_answers()
    answers["answers"]["store-secure"] = {"answer": "not applicable", "note": ""}
    answers["answers"]["store-forget"] = {"answer": "not sure", "note": "ask legal"}
    counts = {section.id: (settled, total) for section, settled, total in ethics.progress(answers)}
    assert counts["storing"] == (1, 3) and counts["collecting"] == (0, 5)
    open_ids = [entry.id for _, entry in ethics.open_items(answers)]
    assert "store-forget" in open_ids and "store-secure" not in open_ids
    assert len(open_ids) == len(ITEMS) - 1


def _export_with(**changes) -> str:
    document = json.loads(ethics.to_json(sample_answers()))
    document.update(changes)
    return json.dumps(document)


BAD_FILES = {
    "not json": (b"this is a text file", "not valid JSON"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "not text"),
    "json list": (b"[1, 2, 3]", "not saved by this checklist"),
    "another tool": (json.dumps({"name": "package", "version": "1.0"}).encode(), "not saved by this checklist"),
    "future version": (_export_with(version=99).encode(), "version `99`"),
    "unknown id": (_export_with(answers={"A.1": {"answer": "yes", "note": ""}}).encode(), "Unknown checklist item"),
    "missing note": (_export_with(answers={"collect-who": {"answer": "yes"}}).encode(), "exactly the fields"),
    "missing answers": (json.dumps({"format": ethics.FORMAT, "version": 1, "project": "x"}).encode(),
                        "answers are missing"),
    "wrong answer": (_export_with(answers={"collect-who": {"answer": "maybe", "note": ""}}).encode(), "one of yes"),
    "note not text": (_export_with(answers={"collect-who": {"answer": "yes", "note": 5}}).encode(), "not text"),
    "long note": (_export_with(answers={"collect-who": {"answer": "yes", "note": "x" * 5000}}).encode(), "limit"),
    "project not text": (_export_with(project=["x"]).encode(), "project name"),
    "extra field": (_export_with(extra=1).encode(), "does not know: `extra`"),
    "huge file": (b" " * (ethics.MAX_FILE_BYTES + 1) + b"{}", "at most"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_imports_raise_a_readable_value_error(case):
    data, expected = BAD_FILES[case]
    with pytest.raises(ValueError, match=expected):
        ethics.from_json(data)


def test_exports_refuse_answers_that_do_not_fit_the_shape():
    with pytest.raises(ValueError, match="exactly the keys"):
        ethics.to_json({"answers": {}})
    with pytest.raises(ValueError, match="Unknown checklist item"):
        ethics.to_markdown({"project": "", "answers": {"nope": {"answer": "yes", "note": ""}}})


def test_the_package_api_is_the_notebook_api_and_loads_neither_streamlit_nor_tensorflow():
    script = (
        "import importlib, pkgutil, sys; import lib.ethics as ethics; "
        "[importlib.import_module(m.name) for m in pkgutil.iter_modules(ethics.__path__, 'lib.ethics.')]; "
        "assert ethics.CHECKLIST and all(callable(getattr(ethics, name)) for name in "
        "('to_json', 'from_json', 'to_markdown')); "
        "assert set(ethics.__all__) <= set(dir(ethics)); "
        "print(sorted(m for m in ('streamlit', 'tensorflow', 'keras') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_kids_get_a_short_list_of_the_checklists_own_questions():
    from lib.ethics.content import KID_CHECKLIST

    assert 6 <= len(ethics.KID_ITEMS) <= 8 and len(set(KID_CHECKLIST)) == len(KID_CHECKLIST)
    assert [entry.id for entry in ethics.KID_ITEMS] == list(KID_CHECKLIST)  # KeyError above if an id is wrong
    for entry in ethics.KID_ITEMS:  # short questions a child can answer yes or no
        assert entry.kid_question.endswith("?") and len(entry.kid_question.split()) <= 12, entry.kid_question
    given = ethics.empty_answers()
    given["answers"] = {"model-groups": {"answer": "yes", "note": ""}, "store-secure": {"answer": "no", "note": ""},
                        "deploy-human": {"answer": "not sure", "note": ""}}
    assert ethics.settled_count(given, ethics.KID_ITEMS) == 1 and ethics.settled_count(given) == 2
