"""The /ethics page's notebook (issue #18, :func:`lib.notebooks.build`): the learner's checklist answers as a
Markdown list (every question with its answer and note), and the same answers as a Python dict with a cell
that counts what is settled and lists what is still open, to keep next to a project's own code.

Answers never travel in the page's link (they can be long and private): the page hands them to
:func:`lib.notebooks.build` as ``settings["answers"]`` (the dict of :mod:`lib.ethics.checklist`, or its JSON
export). Without them the notebook is the empty checklist, ready to fill in."""

from __future__ import annotations

import pprint
import re
from collections.abc import Mapping
from typing import Any

from lib.ethics.checklist import ANSWER_CHOICES, ITEMS, empty_answers, from_json, to_json, to_markdown
from lib.notebooks import Topic, code, markdown


def answers_of(given: Any, notes: list[str] | None = None) -> dict:
    """``given`` (an answers dict, its JSON export, or None) as a checked answers dict; anything unusable
    gives the empty checklist, with a note saying why."""
    notes = [] if notes is None else notes
    if given is None:
        return empty_answers()
    try:
        return from_json(given if isinstance(given, (str, bytes)) else to_json(given))
    except (ValueError, TypeError, AttributeError, KeyError) as error:
        notes.append(f"The answers could not be used ({error}), so this is the empty checklist.")
        return empty_answers()


def cells(settings: Mapping[str, Any], answers=None) -> Topic:
    """The notebook's cells: the checklist with ``answers`` (see :func:`answers_of`)."""
    notes: list[str] = []
    answers = answers_of(answers, notes)
    written = sum(1 for entry in answers["answers"].values() if entry["answer"] is not None or entry["note"])
    # One heading level down, so the first cell's title stays the notebook's only top-level heading.
    checklist = re.sub(r"^#", "##", to_markdown(answers), flags=re.MULTILINE)
    python = pprint.pformat(answers, width=110, sort_dicts=False)  # every text written with repr: safe as code
    result = [
        markdown("The checklist with your answers so far. " + (
            f"You answered or wrote a note on {written} of {len(ITEMS)} questions." if written else
            "Nothing is answered yet: it is the empty checklist, ready to fill in.") +
            " To carry on answering on the page, load the page's *Download as JSON* file there again."),
        markdown(checklist),
        markdown(f"""
## Your answers as Python

The same answers as data, to keep next to your project's code and fill in as it grows. Each answer is one of
{", ".join(f"`{choice}`" for choice in ANSWER_CHOICES)}, or `None` while it is open."""),
        code(f"""
answers = {python}

QUESTIONS = {{
{chr(10).join(f"    {item.id!r}: {item.question!r}," for item in ITEMS)}
}}

settled = [key for key, given in answers["answers"].items() if given["answer"] in ("yes", "no", "not applicable")]
print(f"{{len(settled)}} of {{len(QUESTIONS)}} questions settled. Still open:")
for key, question in QUESTIONS.items():
    if key not in settled:
        print(f"- {{question}}")"""),
    ]
    return Topic(result, (), tuple(notes))
