"""Before you trust a model (the /ethics page): a lifecycle checklist, a project's answers to it, and live
demos of its questions run with the models of the app's other pages. Plain Python, no Streamlit; importing
it loads no TensorFlow (the demos import their models inside the functions that need them).

Modules:
    content   - the checklist (and kid mode's six detective questions from it) and what it rests on:
                principles, practical questions, data rules, sources
    words     - the page's own sentences around them: introduction, widget help, demo results, messages
    checklist - a project's answers: progress, Markdown and JSON export, and import
    demos     - four live demos of checklist items with the digit, iris and k-means models
    charts    - the demos' bar charts (SVG pictures from plain lists)
    handout   - the page's "download my results" record, with the worked example's model card
    lesson.toml - the page's URL settings, hideable sections and exercises
"""

from lib.ethics.checklist import (ANSWER_CHOICES, FORMAT, FORMAT_VERSION, ITEMS, KID_ITEMS, MAX_FILE_BYTES,
                                  MAX_FILE_MB, MAX_NOTE_CHARS, MAX_PROJECT_CHARS, answer_words, empty_answers,
                                  file_stem, from_json, item, open_items, progress, settled_count, to_json,
                                  to_markdown)
from lib.ethics.content import CHECKLIST, Item, Section

__all__ = ["ANSWER_CHOICES", "CHECKLIST", "FORMAT", "FORMAT_VERSION", "ITEMS", "KID_ITEMS", "MAX_FILE_BYTES",
           "MAX_FILE_MB", "MAX_NOTE_CHARS", "MAX_PROJECT_CHARS", "Item", "Section", "answer_words", "empty_answers",
           "file_stem", "from_json", "item", "open_items", "progress", "settled_count", "to_json", "to_markdown"]
