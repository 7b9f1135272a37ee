"""The /ethics notebook (lib.notebooks, issue #18): the checklist answers as a Markdown list and as Python, run top
to bottom offline with nbclient; without answers it is the empty checklist; answers as a dict or as the page's
JSON export; a bad export gives the empty checklist with a note; notes show as typed, never as Markdown."""

import nbformat

from lib import notebooks
from lib.ethics import ITEMS, to_json
from tests.notebook_runner import run

ANSWERS = {"project": "Digit *reader*", "answers": {
    "collect-who": {"answer": "no", "note": "only adults [link](http://x)"},
    "model-dont-know": {"answer": "yes", "note": ""}}}


def markdown_of(text: str) -> str:
    return "\n".join(cell.source for cell in nbformat.reads(text, as_version=4).cells if cell.cell_type == "markdown")


def test_without_answers_it_is_the_empty_checklist(tmp_path):
    text = notebooks.build("ethics", {})
    assert "Nothing is answered yet" in markdown_of(text)
    assert markdown_of(text).count("Answer: **open (not answered)**") == len(ITEMS)
    ran = run(text, tmp_path)
    assert not ran.errors() and f"0 of {len(ITEMS)} questions settled" in ran.printed


def test_the_answers_are_a_markdown_list_and_python(tmp_path):
    for given in (ANSWERS, to_json(ANSWERS)):
        text = notebooks.build("ethics", {"answers": given, "dog": "off"})
        shown = markdown_of(text)
        assert "Ethics checklist: Digit \\*reader\\*" in shown
        assert "Answer: **no**  \n  Note: only adults \\[link\\]\\(http://x\\)" in shown
        assert "- Show them the dog: **off**" in shown
    ran = run(text, tmp_path)
    assert not ran.errors()
    assert f"2 of {len(ITEMS)} questions settled" in ran.printed
    assert "- Does the data include every kind of person" not in ran.printed  # settled, so not listed as open


def test_a_bad_export_gives_the_empty_checklist_and_says_why():
    text = notebooks.build("ethics", {"answers": '{"format": "something else"}'})
    assert "could not be used" in markdown_of(text) and "Nothing is answered yet" in markdown_of(text)
