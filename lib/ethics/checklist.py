"""The ethics checklist as data, and a project's answers to it: progress, Markdown and JSON export, import.

Answers are one plain dict, so they fit in ``st.session_state``, a JSON file or a notebook::

    {"project": "Digit reader", "answers": {"collect-who": {"answer": "no", "note": "only adults"}}}

``answers`` maps an item id from :data:`CHECKLIST` to its ``answer`` (one of :data:`ANSWER_CHOICES`, or
``None`` while only a note has been written) and its ``note`` (free text, possibly empty). Items nobody
has touched are simply absent. :func:`to_json` writes this dict with a small header naming this tool and
the format version; :func:`from_json` reads it back, checking every part, so that
``from_json(to_json(a)) == a`` and a bad file never half-loads. Its error messages are Markdown for the
page to show, quoting anything taken from the file as a code span, so it shows as it is.
"""

from __future__ import annotations

import json
import re

from lib.ethics.content import CHECKLIST, KID_CHECKLIST, Item, Section
from lib.handout import code_span, escape_markdown

#: The four possible answers, in the order the page offers them.
ANSWER_CHOICES: tuple[str, ...] = ("yes", "no", "not applicable", "not sure")
#: Answers that settle an item; "not sure" (or no answer) leaves it open.
SETTLED = ("yes", "no", "not applicable")

#: Written into every export so that another tool's JSON is recognised and refused.
FORMAT = "ml-workshop-ethics-checklist"
FORMAT_VERSION = 1

#: Limits on what an import may contain: generous for real notes, small enough to refuse junk quickly.
#: The file limit is whole megabytes (as Streamlit measures them) so the page's uploader can state and
#: enforce the same one; it holds any export, even every note at its longest in escaped characters.
MAX_FILE_MB = 1
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_NOTE_CHARS = 2_000
MAX_PROJECT_CHARS = 200

#: Every item of every section, in checklist order.
ITEMS: tuple[Item, ...] = tuple(entry for section in CHECKLIST for entry in section.items)
_BY_ID: dict[str, Item] = {entry.id: entry for entry in ITEMS}
#: Kid mode's detective questions (:data:`lib.ethics.content.KID_CHECKLIST`), in their order.
KID_ITEMS: tuple[Item, ...] = tuple(_BY_ID[item_id] for item_id in KID_CHECKLIST)


def item(item_id: str) -> Item:
    """The checklist item with this id; ``KeyError`` if there is none."""
    return _BY_ID[item_id]


def empty_answers(project: str = "") -> dict:
    """A fresh answers dict for a project: nothing answered yet."""
    return {"project": project, "answers": {}}


def _settled(answers: dict, item_id: str) -> bool:
    return answers["answers"].get(item_id, {}).get("answer") in SETTLED


def progress(answers: dict) -> list[tuple[Section, int, int]]:
    """For each section, in order: ``(section, settled items, all items)``. "Not sure" does not count."""
    return [(section, sum(_settled(answers, entry.id) for entry in section.items), len(section.items))
            for section in CHECKLIST]


def settled_count(answers: dict, items=ITEMS) -> int:
    """How many of ``items`` (every item unless told) are settled: answered yes, no or not applicable."""
    return sum(_settled(answers, entry.id) for entry in items)


def open_items(answers: dict) -> list[tuple[Section, Item]]:
    """Items still open (unanswered or "not sure"), in checklist order."""
    return [(section, entry) for section in CHECKLIST for entry in section.items
            if not _settled(answers, entry.id)]


# --- Markdown -------------------------------------------------------------------------------------------

def answer_words(answer: str | None) -> str:
    """An answer as a record shows it: yes, no or not applicable as given; an unanswered or "not sure"
    item says it is still open, so it cannot be read as passed."""
    return {None: "open (not answered)", "not sure": "open (not sure)"}.get(answer, answer)


def _escape(text: str) -> list[str]:
    """User text as Markdown lines that print as typed: no links, emphasis, lists or HTML."""
    return [escape_markdown(line.strip()) for line in text.strip().splitlines()]


def to_markdown(answers: dict) -> str:
    """The checklist with this project's answers and notes, as Markdown to keep next to the project's code.

    Each item shows its answer in words (:func:`answer_words`), with no tick boxes: a ticked "no" would read
    as passed. Notes and the project name are escaped so they show as typed, never as links, formatting or
    HTML.
    """
    _check_answers(answers)
    project = " ".join(_escape(answers["project"])) or "(unnamed project)"
    lines = [f"# Ethics checklist: {project}", "",
             "Questions to ask before trusting a model, from the ML workshop companion "
             "(after the deon checklist, https://deon.drivendata.org).", ""]
    for section, settled, total in progress(answers):
        lines += [f"## {section.title} ({settled} of {total} settled)", ""]
        for entry in section.items:
            given = answers["answers"].get(entry.id, {})
            # Two trailing spaces end a line inside a list item; two leading ones keep it in the item.
            item_lines = [f"- **{entry.question}** ({entry.id})",
                          f"  Answer: **{answer_words(given.get('answer'))}**"]
            note = _escape(given.get("note", ""))
            if note:
                item_lines += [f"  Note: {note[0]}"] + [f"  {line}" for line in note[1:]]
            lines.append("  \n".join(item_lines))
        lines.append("")
    return "\n".join(lines)


# --- JSON -----------------------------------------------------------------------------------------------

def file_stem(project: str) -> str:
    """A saved file's name (without extension) for ``project``: safe on every system, at most 56 characters."""
    return "ethics-checklist-" + (re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-")[:40] or "project")


def to_json(answers: dict) -> str:
    """The answers as JSON text with a header naming this tool; read back with :func:`from_json`."""
    _check_answers(answers)
    document = {"format": FORMAT, "version": FORMAT_VERSION, "project": answers["project"],
                "answers": answers["answers"]}
    return json.dumps(document, indent=2, ensure_ascii=False)


def from_json(text: str | bytes) -> dict:
    """Read answers written by :func:`to_json`; ``ValueError`` with a readable message for anything else.

    A UTF-8 byte-order mark in front is skipped. Refused: files over :data:`MAX_FILE_BYTES`, text that is not UTF-8 JSON, another tool's JSON (no
    matching ``format`` header), a newer format version, unknown item ids, missing or extra fields,
    answers outside :data:`ANSWER_CHOICES`, over-long notes or project names, and absurdly deep nesting.
    """
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > MAX_FILE_BYTES:
        raise ValueError(f"This file is {size:,} bytes; a checklist export is at most {MAX_FILE_MB} MB "
                         f"({MAX_FILE_BYTES:,} bytes). Choose a JSON file saved from this page.")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("This file is not text (UTF-8). Choose a JSON file saved from this page.") from None
    text = text.removeprefix("\ufeff")  # the byte-order mark Windows Notepad puts in front of UTF-8
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"This file is not valid JSON ({error.msg}, line {error.lineno}). "
                         "Choose a JSON file saved from this page.") from None
    except RecursionError:
        # A small file of nothing but "[[[[..." exhausts Python's stack in the JSON parser.
        raise ValueError("This file is nested far too deeply to be a checklist export. "
                         "Choose a JSON file saved from this page.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("This JSON file was not saved by this checklist (its 'format' is not "
                         f"{FORMAT!r}). Choose a JSON file saved from this page.")
    if document.get("version") != FORMAT_VERSION:
        raise ValueError(f"This file uses format version {code_span(repr(document.get('version'))[:40])}; this "
                         f"page reads version {FORMAT_VERSION}.")
    extra = sorted(set(document) - {"format", "version", "project", "answers"})
    if extra:
        raise ValueError("This file has fields this page does not know: "
                         f"{', '.join(code_span(name[:40]) for name in extra[:5])}.")
    answers = {"project": document.get("project"), "answers": document.get("answers")}
    _check_answers(answers)
    return answers


def _check_answers(answers: dict) -> None:
    """Raise ``ValueError`` saying what is wrong unless ``answers`` has exactly the documented shape."""
    if not isinstance(answers, dict) or set(answers) != {"project", "answers"}:
        raise ValueError("Answers must be a dict with exactly the keys 'project' and 'answers'.")
    project, given = answers["project"], answers["answers"]
    if not isinstance(project, str):
        raise ValueError("The project name is missing or is not text.")
    if len(project) > MAX_PROJECT_CHARS:
        raise ValueError(f"The project name has {len(project):,} characters; the limit is {MAX_PROJECT_CHARS}.")
    if not isinstance(given, dict):
        raise ValueError("The answers are missing or are not a mapping from item id to answer.")
    unknown = [key for key in given if key not in _BY_ID]
    if unknown:
        shown = ", ".join(code_span(key[:40]) for key in unknown[:5])
        raise ValueError(f"Unknown checklist item(s): {shown}. The file may come from a different checklist.")
    for item_id, entry in given.items():
        if not isinstance(entry, dict) or set(entry) != {"answer", "note"}:
            raise ValueError(f"Item {item_id!r} must have exactly the fields 'answer' and 'note'.")
        if entry["answer"] is not None and entry["answer"] not in ANSWER_CHOICES:
            raise ValueError(f"Item {item_id!r} has the answer {code_span(str(entry['answer'])[:40])}; it must be "
                             f"one of {', '.join(ANSWER_CHOICES)} (or null when not answered yet).")
        if not isinstance(entry["note"], str):
            raise ValueError(f"The note of item {item_id!r} is not text.")
        if len(entry["note"]) > MAX_NOTE_CHARS:
            raise ValueError(f"The note of item {item_id!r} has {len(entry['note']):,} characters; "
                             f"the limit is {MAX_NOTE_CHARS:,}.")
