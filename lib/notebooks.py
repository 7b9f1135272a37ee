"""Take it home (issue #18): a Jupyter notebook that does again what a learner did on a topic page, with that
page's settings, so it runs at home and its code can be read and changed.

:func:`build` is the one entry point: ``build("noise", {"copies": "50"})`` gives the ``.ipynb`` text for the
/noise page opened with ``?copies=50``. Settings are read exactly as the page reads its link
(:meth:`lib.lessons.Lesson.read`): a value the page would refuse is left at its default, and the notebook's
first cell says so. Each topic writes its own cells in ``lib/<topic>/notebook.py`` (a ``cells`` function of
the parsed settings and the packages its code imports); this module adds what every notebook shares, its
first Markdown cell (what it is, the page and settings it came from with their lesson link, and the
``pip install`` line with the project's pinned versions), and assembles the notebook with ``nbformat``.

Plain Python: no Streamlit, and building a notebook imports no TensorFlow (only running one does). Nothing a
notebook does downloads anything, except where its own cell says so (Keras's MNIST loader, when the MNIST
file is not beside the notebook).
"""

from __future__ import annotations

import base64
import importlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from lib import lessons
from lib.handout import escape_markdown
from lib.topics import TOPICS, topic

#: The repository, where the requirements files are.
ROOT = Path(__file__).resolve().parent.parent
#: Where the project pins its packages: the app's own file first, then the test file (scipy is pinned there).
REQUIREMENTS = (ROOT / "requirements.txt", ROOT / "requirements-test.txt")
#: The address a lesson link names when the caller gives none: the app on the learner's own computer.
LOCAL_ADDRESS = "http://localhost:8501"
#: The pages that have a notebook: every workshop topic.
SLUGS: tuple[str, ...] = tuple(item.slug for item in TOPICS)
#: A setting that is not in any link but that a notebook may carry: the /ethics checklist answers.
ANSWERS = "answers"


@dataclass(frozen=True)
class Cell:
    """One notebook cell: ``kind`` is "markdown" or "code", ``source`` its text."""

    kind: str
    source: str


def markdown(text: str) -> Cell:
    """A Markdown cell (written by the app; escape anything a learner typed with :func:`escape_markdown`)."""
    return Cell("markdown", _dedent(text))


def code(text: str) -> Cell:
    """A code cell (quote anything a learner typed with ``repr``, never paste it in as code)."""
    return Cell("code", _dedent(text))


@dataclass(frozen=True)
class Topic:
    """What a topic's notebook module hands back: its cells, the packages its code imports (names as pip
    knows them, e.g. "scikit-learn") and sentences for the first cell (what it could not carry over)."""

    cells: list[Cell]
    packages: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def build(slug: str, settings: Mapping[str, Any], weights=None, *, link: str | None = None, data=None) -> str:
    """The ``.ipynb`` text (nbformat 4 JSON) of a notebook that reproduces the page ``/slug`` with ``settings``.

    ``settings`` is the page's URL settings as its lesson link carries them (URL name → URL text, e.g.
    ``{"invert": "on"}``; ``{}`` for the defaults); values the page would refuse are left at their default and
    named in the first cell. For /ethics, ``settings["answers"]`` may hold the checklist answers (the dict of
    :mod:`lib.ethics.checklist`, or its JSON export); without it the notebook is an empty checklist.
    ``weights`` (/iris only, optional) is the network the page trained with these settings, as
    :data:`lib.iris.network.Weights`: the notebook then carries it and can skip training. ``link`` is the
    view's address for the first cell; by default the page on :data:`LOCAL_ADDRESS` with these settings.
    ``data`` (/iris only, optional) is the learner's own table (:class:`lib.iris.own_data.OwnData`), which no
    link carries: the notebook then carries it as CSV text and trains on it.
    ``KeyError`` for a page without a notebook, ``ValueError`` for weights that do not fit the design."""
    import nbformat

    if slug not in SLUGS:
        raise KeyError(f"No notebook for /{slug}; pages with one: {', '.join(SLUGS)}.")
    lesson = lessons.lesson(slug)
    query = {name: value for name, value in settings.items() if name != ANSWERS}
    values, _classroom, notices = lesson.read(query)
    chosen = {setting.name: values[setting.key] for setting in lesson.settings}
    extra: dict[str, Any] = {}
    if slug == "ethics":
        extra["answers"] = settings.get(ANSWERS)
    if weights is not None:
        if slug != "iris":
            raise ValueError(f"Only the /iris notebook carries trained weights, not /{slug}'s.")
        extra["weights"] = weights
    if data is not None:
        if slug != "iris":
            raise ValueError(f"Only the /iris notebook carries an own table, not /{slug}'s.")
        extra["data"] = data
    made: Topic = importlib.import_module(f"lib.{slug}.notebook").cells(chosen, **extra)
    params = lesson.to_query(values)
    if link is None:
        from lib.workshop_handout import page_address

        link = page_address(LOCAL_ADDRESS, slug, params)
    first = _first_cell(slug, lesson, values, link, [*map(str, notices), *made.notes], made.packages)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [_nbformat_cell(cell) for cell in (first, *made.cells)]
    notebook.metadata.update({
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "ml_workshop": {"page": f"/{slug}", "settings": params, "link": link},
    })
    nbformat.validate(notebook)
    return nbformat.writes(notebook)


def _nbformat_cell(cell: Cell):
    import nbformat

    if cell.kind == "markdown":
        return nbformat.v4.new_markdown_cell(cell.source)
    return nbformat.v4.new_code_cell(cell.source)


def _first_cell(slug: str, lesson: lessons.Lesson, values: Mapping[str, Any], link: str, notes: Sequence[str],
                packages: Sequence[str]) -> Cell:
    page = topic(slug)
    changed = [f"- {escape_markdown(s.label or s.name)}: **{escape_markdown(_shown(s, values[s.key]))}**"
               for s in lesson.settings if values[s.key] != s.default]
    lines = [f"# {page.title}: take it home", "",
             f"This notebook does again what you did on the **{page.title}** page (`/{slug}`) of the ML workshop "
             "companion, with the same settings, so you can run it at home, read its code and change it.", "",
             f"[Open the same view in the app again](<{link}>) (while the app runs at that address): <{link}>", "",
             "**Settings:** " + ("everything else as the page starts." if changed else "as the page starts.")]
    if changed:
        lines[-1:] = ["**Settings** (everything else as the page starts):", "", *changed]
    if notes:
        lines += ["", *[f"*Note:* {escape_markdown(note)}" for note in notes]]
    pins = requirement_pins(packages)
    run = ("**How to run it.** You need Python 3.11 (the workshop's) and something that opens notebooks: "
           "JupyterLab (`pip install jupyterlab`), VS Code or Google Colab.")
    if pins:
        lines += ["", run + " Install the packages it uses, at the versions the workshop used:", "", "```",
                  "pip install " + " ".join(f'"{pin}"' if "=" in pin else pin for pin in pins), "```"]
    else:
        lines += ["", run + " It uses nothing beyond Python itself."]
    lines += ["", "Then run the cells from the top (in JupyterLab: *Run → Run All Cells*). Change a number in a "
                  "cell and run it again to see what it does.", "",
              f"*Made by the ML workshop companion on {date.today():%d %B %Y}.*"]
    return markdown("\n".join(lines))


def _shown(setting, value) -> str:
    """A setting's value in the words its control shows (a choice's label; on/off for a switch)."""
    if setting.choices:
        return setting.label_for(value)
    if isinstance(setting.default, bool):
        return "on" if value else "off"
    return setting.format(value)


def requirement_pins(packages: Sequence[str]) -> list[str]:
    """``packages`` (as pip names them) with the version the project pins for each, as requirement lines
    without their platform markers, e.g. ``"scikit-learn==1.9.1"``; a package the project does not pin keeps
    its bare name. TensorFlow is named ``tensorflow`` (the package for every platform), not ``tensorflow-cpu``."""
    pinned: dict[str, str] = {}
    for path in REQUIREMENTS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            requirement = line.split("#", 1)[0].split(";", 1)[0].strip()
            match = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*==\s*(\S+)", requirement)
            if match:
                pinned.setdefault(match[1].lower(), f"{match[1]}=={match[2]}")
    return [pinned.get(name.lower(), name) for name in packages]


# Helpers the topics' notebook modules share: numbers and pictures written into code cells.

def number(value: float, digits: int = 9) -> str:
    """A number as Python source: whole numbers without a point, others with ``digits`` significant digits
    (9 keep every float32 exactly)."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.{digits}g}"


def grid(values, indent: int = 4, digits: int = 9) -> str:
    """A 1-D or 2-D array as a Python list literal, one row per line (for ``np.array(...)``)."""
    array = np.asarray(values)
    pad = " " * indent
    if array.ndim == 1:
        return "[" + ", ".join(number(v, digits) for v in array) + "]"
    if array.ndim != 2:
        raise ValueError(f"grid writes 1-D or 2-D arrays, not shape {array.shape}.")
    width = max((len(number(v, digits)) for v in array.ravel()), default=1)
    rows = [pad + "[" + ", ".join(number(v, digits).rjust(width) for v in row) + "]," for row in array]
    return "[\n" + "\n".join(rows) + "\n" + " " * max(0, indent - 4) + "]"


def png_text(pixels: np.ndarray) -> str:
    """A ``uint8`` picture as a PNG file written in base64 text, to carry inside a code cell; lossless."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.asarray(pixels, dtype=np.uint8)).save(buffer, format="PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def wrapped(text: str, width: int = 100, indent: int = 4) -> str:
    """Long text (base64) as a parenthesised run of string literals, ``width`` characters a line."""
    pad = " " * indent
    parts = [text[i:i + width] for i in range(0, len(text), width)] or [""]
    return "(\n" + "\n".join(f'{pad}"{part}"' for part in parts) + "\n)"


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n")
