"""Lesson links: each page's learning goal, URL settings, hideable sections and exercises, as data.

A page's lesson lives beside its topic's code in ``lib/<slug>/lesson.toml`` (see :func:`lesson_file`). It says which controls are *meaningful* enough to
travel in the page's URL (so a link reproduces what the sender saw, as TensorFlow Playground does), which
sections an instructor may hide, and the page's "Try this" exercises, each able to set the page up for
itself. Plain Python, no Streamlit: :mod:`lib.ui` applies it to widgets, :mod:`lib.workshop_handout` prints
it, and a notebook can read it.

A URL such as ``/mnist?invert=on&threshold=70&lesson=2&hide=train&lock=invert`` reads as

- ``invert=on``, ``threshold=70``: settings (only those not at their default are ever written);
- ``lesson=2``: open at exercise 2, with that exercise's own settings unless the URL gives others (a
  learner's address keeps what they changed since; an instructor's classroom link never names them);
- ``hide=train``: sections or controls a learner does not see; ``lock=invert``: controls they cannot change
  (``lock=all`` locks every setting);
- ``kids=on``: simpler words (kept across pages for the rest of the visit).

Invalid values never raise: :meth:`Lesson.read` falls back to the default and returns a sentence saying so.

TOML format (every key but ``goal`` optional)::

    goal = "What a learner takes away."
    kids_goal = "The same for children."

    [settings.invert]              # URL name
    key = "mnist_invert"           # the control's session-state key
    default = false                # bool → on/off; int/float → number; string → one of `choices`,
                                   # or free text (printable, any script) when there are none
    label = "Train with inverted copies"   # the control's name on the page, in notices and pickers
    help = "Adds a black-on-white copy of every training digit."   # beside the control (its tooltip)
    # kids_label, kids_help        # the same in kid words (default: label, help)
    # term = "data augmentation"   # a glossary word whose explanation follows the help
    kids = false                   # its control is not shown in kid mode (default: shown)
    # max_length = 40              # free text only: longest text a link may carry (default MAX_TEXT)

    [settings.threshold]
    key = "mnist_threshold"
    default = 50
    low = 0                        # bounds of a number (a link outside them is refused)
    high = 99
    step = 1                       # its slider's step

    [settings.paper]
    key = "mnist_paper"
    default = "dark"               # a choice is stored as a stable value, never as the words shown for it
    choices = ["dark", "light"]    # URL words are the values in lower-case-with-dashes ("salt_pepper" →
                                   # "salt-pepper"); or a table, URL word → value: { "0.1" = 0.1, all = "all" }
    labels = { dark = "White pen on black (like MNIST)", light = "Black pen on white (like paper)" }
                                   # what the control shows for each choice, by URL word (default: the value)
    # kids_choices = ["dark"]      # the choices kid mode offers, by URL word (default: all of them)

    [sections]                     # URL name = what it is
    train = "Train it yourself"

    [[exercise]]
    title = "Black ink on white paper"
    question = "Draw a 7 in black on white …"
    answer = "Off, the plain network …"
    settings = { paper = "light", invert = "off" }
    # kids = false                 # not offered in kid mode; set automatically when a setting it names is
                                   # not shown to kids (see Exercise.for_kids)
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lib.settings import ON, OFF, RESERVED, Notice, Said, Setting, url_word

__all__ = ["RESERVED", "Classroom", "Exercise", "Lesson", "Notice", "Said", "Setting", "lesson", "lesson_file", "load",
           "url_word"]

LIB_DIR = Path(__file__).resolve().parent

@dataclass(frozen=True)
class Exercise:
    """One "Try this" challenge; ``settings`` (URL name → URL text) set the page up for it."""

    number: int
    title: str
    question: str
    answer: str
    settings: Mapping[str, str] = field(default_factory=dict)
    for_kids: bool = True  #: offered in kid mode: every control it needs is shown there


@dataclass(frozen=True)
class Classroom:
    """What an instructor's link asks of the page, beyond its settings."""

    lesson: Exercise | None = None
    hide: frozenset[str] = frozenset()
    lock: frozenset[str] = frozenset()
    kids: bool | None = None  #: None when the link does not say

    def then(self, newer: Classroom, query: Mapping[str, Any]) -> Classroom:
        """This classroom updated by a link opened later in the same visit: the instructor's hiding, locking
        and kid mode last for the visit unless the newer ``query`` names them again."""
        return Classroom(newer.lesson,
                         newer.hide if "hide" in query else self.hide,
                         newer.lock if "lock" in query else self.lock,
                         newer.kids if newer.kids is not None else self.kids)


@dataclass(frozen=True)
class Lesson:
    """A page's goal, URL settings, hideable sections and exercises (see the module docstring)."""

    slug: str
    goal: str
    kids_goal: str = ""
    settings: tuple[Setting, ...] = ()
    sections: Mapping[str, str] = field(default_factory=dict)
    exercises: tuple[Exercise, ...] = ()

    def setting(self, name: str) -> Setting:
        for candidate in self.settings:
            if candidate.name == name:
                return candidate
        raise KeyError(f"/{self.slug} has no setting {name!r}; it has {', '.join(self.names) or 'none'}.")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.settings)

    @property
    def defaults(self) -> dict[str, Any]:
        """Session-state key → default value, for every setting."""
        return {s.key: s.default for s in self.settings}

    def read(self, query: Mapping[str, str | list[str]], current: Mapping[str, Any] | None = None
             ) -> tuple[dict[str, Any], Classroom, list[str]]:
        """Settings (session-state key → value, every setting present), the classroom options and notices
        (one plain sentence per value in ``query`` that could not be used, whose earlier value then stays).

        Values start from ``current`` (session-state key → value; the defaults when ``None``), then the
        exercise's own settings, then the URL's."""
        notices: list[str] = []
        classroom = self._classroom(query, notices)
        start = {**self.defaults, **{k: v for k, v in (current or {}).items() if k in self.defaults}}
        values = self.baseline(classroom.lesson, start)
        wanted = {name: text for name, text in _single(query).items() if name not in RESERVED}
        for name, text in wanted.items():
            try:
                setting = self.setting(name)
                values[setting.key] = setting.parse(text)
            except KeyError:
                notices.append(Notice("This page has no setting called ", Said(name), ", so it was ignored."))
            except ValueError as error:
                notices.append(Notice(error.args[0], ", so the link's value was ignored."))
        return values, classroom, notices

    def baseline(self, exercise: Exercise | None = None, start: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Session-state key → the value a link with no settings gives: the default (or ``start``'s value),
        or the exercise's own."""
        values = dict(self.defaults if start is None else start)
        for name, text in (exercise.settings if exercise else {}).items():
            setting = self.setting(name)
            values[setting.key] = setting.parse(text)
        return values

    def to_query(self, state: Mapping[str, Any], exercise: Exercise | None = None) -> dict[str, str]:
        """URL parameters for the settings in ``state`` (session-state key → value) that differ from the
        :meth:`baseline`, so a link stays short and still reproduces ``state`` exactly."""
        baseline = self.baseline(exercise)
        return {s.name: s.format(state[s.key]) for s in self.settings
                if s.key in state and state[s.key] != baseline[s.key]}

    def exercises_for(self, kids: bool) -> tuple[Exercise, ...]:
        """The exercises offered in kid mode (``kids=True``) or in the full page."""
        return tuple(e for e in self.exercises if e.for_kids or not kids)

    def classroom_link(self, state: Mapping[str, Any], classroom: Classroom) -> dict[str, str]:
        """URL parameters of an instructor's link: the settings in ``state`` except those the chosen exercise
        sets itself (its own values win), then the exercise, hidden and locked names."""
        exercise = classroom.lesson
        own = set(exercise.settings) if exercise else set()
        params = {name: text for name, text in self.to_query(state, exercise).items() if name not in own}
        if exercise:
            params["lesson"] = str(exercise.number)
        if classroom.hide:
            params["hide"] = ",".join(sorted(classroom.hide))
        if classroom.lock:
            params["lock"] = "all" if classroom.lock == set(self.names) else ",".join(sorted(classroom.lock))
        return params

    def _classroom(self, query: Mapping[str, str | list[str]], notices: list[str]) -> Classroom:
        query = _single(query)
        lesson = None
        if "lesson" in query:
            text = query["lesson"].strip()
            if text.isdigit() and 1 <= int(text) <= len(self.exercises):
                lesson = self.exercises[int(text) - 1]
            else:
                notices.append(Notice("There is no exercise ", Said(text), " on this page (it has "
                                      f"{len(self.exercises)}), so the page opened as usual."))
        hide = self._names(query.get("hide", ""), (*self.names, *self.sections), "hide", notices)
        lock = self._names(query.get("lock", ""), (*self.names, "all"), "lock", notices)
        if "all" in lock:
            lock = frozenset(self.names)
        kids = None
        if "kids" in query:
            word = query["kids"].strip().lower()
            kids = True if word in ON else False if word in OFF else None
            if kids is None:
                notices.append(Notice("“kids” can be on or off, not ", Said(query["kids"]), ", so it was ignored."))
        return Classroom(lesson, hide, lock, kids)

    def _names(self, text: str, known: tuple[str, ...], verb: str, notices: list[str]) -> frozenset[str]:
        asked = [name.strip() for name in text.split(",") if name.strip()]
        unknown = [name for name in asked if name not in known]
        if unknown:
            names = [part for n in unknown for part in (", ", Said(n))][1:]
            notices.append(Notice("Nothing called ", *names, f" to {verb} on this page (it can {verb}: "
                                  f"{', '.join(known) or 'nothing'})."))
        return frozenset(name for name in asked if name in known)


def _single(query: Mapping[str, str | list[str]]) -> dict[str, str]:
    """Query parameters as one string each (the last, as browsers do, when a name is repeated)."""
    return {name: (value[-1] if value else "") if isinstance(value, list) else str(value)
            for name, value in query.items()}


def load(path: Path, slug: str | None = None) -> Lesson:
    """Read and check one lesson file; ``ValueError`` saying what to fix in it."""
    slug = slug or path.stem
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path.name} is not valid TOML: {error}") from None
    if not str(data.get("goal", "")).strip():
        raise ValueError(f"{path.name} needs a non-empty `goal`.")
    settings = tuple(Setting.from_toml(name, spec, path.name) for name, spec in data.get("settings", {}).items())
    lesson = Lesson(slug, data["goal"].strip(), data.get("kids_goal", "").strip(), settings,
                    dict(data.get("sections", {})))
    exercises = []
    for number, spec in enumerate(data.get("exercise", []), start=1):
        missing = [k for k in ("title", "question", "answer") if not str(spec.get(k, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: exercise {number} needs {', '.join(missing)}.")
        wanted = {name: str(text) for name, text in spec.get("settings", {}).items()}
        for_kids = bool(spec.get("kids", True)) and all(
            lesson.setting(name).kids for name in wanted if name in lesson.names)
        offered = [name for name, text in wanted.items() if for_kids and name in lesson.names
                   and lesson.setting(name).kids_choices and url_word(text) not in lesson.setting(name).kids_choices]
        if offered:
            raise ValueError(f"{path.name}: exercise {number} is offered in kid mode but sets {', '.join(offered)} "
                             "to a choice kid mode does not offer: add it to kids_choices, or set kids = false.")
        exercise = Exercise(number, spec["title"].strip(), spec["question"].strip(), spec["answer"].strip(),
                            wanted, for_kids)
        for name, text in exercise.settings.items():
            try:
                lesson.setting(name).parse(text)
            except (KeyError, ValueError) as error:
                raise ValueError(f"{path.name}: exercise {number}: {error}") from None
        exercises.append(exercise)
    return Lesson(slug, lesson.goal, lesson.kids_goal, settings, lesson.sections, tuple(exercises))


def lesson_file(slug: str) -> Path:
    """Where the lesson of the page at ``/slug`` lives: beside its topic's code, ``lib/<slug>/lesson.toml``,
    or, for a page without a topic package (the glossary), ``lib/<slug>_lesson.toml``."""
    beside_the_code = LIB_DIR / slug / "lesson.toml"
    return beside_the_code if beside_the_code.exists() else LIB_DIR / f"{slug}_lesson.toml"


@cache
def lesson(slug: str) -> Lesson:
    """The lesson of the page at ``/slug`` (read once); a page without a lesson file gets an empty one."""
    path = lesson_file(slug)
    return load(path, slug) if path.exists() else Lesson(slug, goal="")
