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
    key = "mnist_invert"           # the widget's session-state key
    default = false                # bool → on/off; int/float → number; string → one of `choices`,
                                   # or free text (printable, any script) when there are none
    label = "Train with inverted copies"
    kids = false                   # its control is not shown in kid mode (default: shown)
    # max_length = 40              # free text only: longest text a link may carry (default MAX_TEXT)

    [settings.threshold]
    key = "mnist_threshold"
    default = 50
    low = 0
    high = 99

    [settings.paper]
    key = "mnist_paper"
    default = "White pen on black (like MNIST)"
    choices = { dark = "White pen on black (like MNIST)", light = "Black pen on white (like paper)" }
    # or a list: choices = ["Draw", "Upload a photo"]  (URL words are then lower-case-with-dashes)

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

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LIB_DIR = Path(__file__).resolve().parent

#: URL parameters that are not settings: they set up a classroom rather than a control.
CLASSROOM_PARAMS = ("lesson", "hide", "lock", "kids")

_ON, _OFF = ("on", "true", "1", "yes"), ("off", "false", "0", "no")
MAX_TEXT = 200  #: longest free-text setting a link may carry (a search, a short message)


def url_word(text: str) -> str:
    """A choice's name as it appears in a URL: lower case, runs of other characters turned into one dash."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


class Said(str):
    """Words that came from a link (a value, a name): a :class:`Notice` quotes them and keeps them apart."""


class Notice(str):
    """A plain sentence about something in a link the page could not use. As a string it reads as shown to the
    learner, with the link's words in “quotes”; :attr:`pieces` keeps those words (flagged ``True``) apart from
    the app's own, so a page can show them as text and never as markup (:mod:`lib.ui` does)."""

    pieces: tuple[tuple[str, bool], ...]

    def __new__(cls, *parts: str) -> Notice:
        pieces = []
        for part in parts:
            pieces.extend(part.pieces if isinstance(part, Notice) else [(str(part), isinstance(part, Said))])
        notice = super().__new__(cls, "".join(f"“{text}”" if said else text for text, said in pieces))
        notice.pieces = tuple(pieces)
        return notice


@dataclass(frozen=True)
class Setting:
    """One control whose value travels in the URL as ``name=<text>``."""

    name: str  #: URL parameter name, e.g. "invert"
    key: str  #: the widget's session-state key, e.g. "mnist_invert"
    default: Any  #: bool, int, float or str (a choice, or free text without choices): how the URL is read
    label: str = ""  #: what the control is called on the page (for notices and the instructor's pickers)
    choices: Mapping[str, Any] = field(default_factory=dict)  #: URL word → value, for a choice
    low: float | None = None  #: smallest allowed number (inclusive)
    high: float | None = None  #: largest allowed number (inclusive)
    kids: bool = True  #: whether kid mode shows this setting's control
    max_length: int = 0  #: free text: the longest a link may carry (0: :data:`MAX_TEXT`)

    def parse(self, text: str) -> Any:
        """The value that URL text ``text`` stands for; ``ValueError`` with a plain sentence if none. Free text
        may be any printable text, letters of every language included."""
        text = str(text).strip()
        if self.choices:
            for word, value in self.choices.items():
                if text.lower() in (word, url_word(value)):
                    return value
            raise ValueError(Notice(f"{self.title} can be {', '.join(self.choices)}, not ", Said(text)))
        if isinstance(self.default, str):
            longest = self.max_length or MAX_TEXT
            if len(text) > longest or not text.isprintable():
                raise ValueError(f"{self.title} must be plain text (letters in any language, digits, spaces and "
                                 f"signs, no line breaks) of at most {longest} characters")
            return text
        if isinstance(self.default, bool):
            if text.lower() in _ON:
                return True
            if text.lower() in _OFF:
                return False
            raise ValueError(Notice(f"{self.title} can be on or off, not ", Said(text)))
        number_type = int if isinstance(self.default, int) else float
        try:
            value = number_type(text)
        except ValueError:
            raise ValueError(Notice(f"{self.title} must be a {'whole ' if number_type is int else ''}number, "
                                    "not ", Said(text))) from None
        if not math.isfinite(value) or (self.low is not None and value < self.low) or (
                self.high is not None and value > self.high):
            raise ValueError(Notice(f"{self.title} must be between {_plain(self.low)} and {_plain(self.high)}, "
                                    "not ", Said(text)))
        return value

    def format(self, value: Any) -> str:
        """The URL text for ``value`` (the inverse of :meth:`parse`)."""
        if self.choices:
            return next((word for word, choice in self.choices.items() if choice == value), url_word(value))
        if isinstance(self.default, bool):
            return "on" if value else "off"
        return _plain(value)

    @property
    def title(self) -> str:
        return f"“{self.label or self.name}”"


def _plain(number: float | None) -> str:
    return "any" if number is None else f"{number:g}" if isinstance(number, float) else str(number)


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
        wanted = {name: text for name, text in _single(query).items() if name not in CLASSROOM_PARAMS}
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
            kids = True if word in _ON else False if word in _OFF else None
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
    settings = tuple(_setting(name, spec, path) for name, spec in data.get("settings", {}).items())
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
        exercise = Exercise(number, spec["title"].strip(), spec["question"].strip(), spec["answer"].strip(),
                            wanted, for_kids)
        for name, text in exercise.settings.items():
            try:
                lesson.setting(name).parse(text)
            except (KeyError, ValueError) as error:
                raise ValueError(f"{path.name}: exercise {number}: {error}") from None
        exercises.append(exercise)
    return Lesson(slug, lesson.goal, lesson.kids_goal, settings, lesson.sections, tuple(exercises))


def _setting(name: str, spec: Mapping[str, Any], path: Path) -> Setting:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name in CLASSROOM_PARAMS:
        raise ValueError(f"{path.name}: setting name {name!r} must be lower-case letters/digits and not one "
                         f"of {', '.join(CLASSROOM_PARAMS)}.")
    if "key" not in spec or "default" not in spec:
        raise ValueError(f"{path.name}: setting {name!r} needs `key` and `default`.")
    choices = spec.get("choices", {})
    if isinstance(choices, list):
        choices = {url_word(value): value for value in choices}
    setting = Setting(name, spec["key"], spec["default"], spec.get("label", ""), dict(choices),
                      spec.get("low"), spec.get("high"), bool(spec.get("kids", True)), int(spec.get("max_length", 0)))
    if choices and setting.default not in choices.values():
        raise ValueError(f"{path.name}: setting {name!r}: default {setting.default!r} is not one of its choices.")
    return setting


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
