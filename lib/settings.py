"""One setting of a lesson (see :mod:`lib.lessons`): a control whose value travels in the page's URL.

A :class:`Setting` knows how its value is read from and written to a link (:meth:`Setting.parse`,
:meth:`Setting.format`), and everything the page needs to draw its control, so the page names the setting
once: its session-state key, label, help (and both in kid words), bounds, step and the labels of its choices.
A choice is stored as a stable value (an id such as ``"salt_pepper"``, or a number), never as the words the
control shows for it. Plain Python, no Streamlit: :mod:`lib.ui.controls` draws it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ON, OFF = ("on", "true", "1", "yes"), ("off", "false", "0", "no")  #: how a link says a switch is on or off
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
    help: str = ""  #: what the control does, shown beside it as its tooltip
    kids_help: str = ""  #: the same in kid words ("": :attr:`help`)
    kids_label: str = ""  #: the control's name in kid words ("": :attr:`label`)
    term: str = ""  #: a glossary word whose explanation follows the help (see :mod:`lib.glossary`)
    step: float | None = None  #: a number's step on its slider or input
    labels: Mapping[str, str] = field(default_factory=dict)  #: URL word → what the control shows for that choice
    kids_choices: tuple[str, ...] = ()  #: URL words of the choices kid mode offers (empty: all of them)

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
            if text.lower() in ON:
                return True
            if text.lower() in OFF:
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

    @property
    def options(self) -> list[Any]:
        """The values a choice can take, in the lesson file's order."""
        return list(self.choices.values())

    def options_in(self, kids: bool, current: Any = None) -> list[Any]:
        """The values the control offers: in kid mode (``kids``) only :attr:`kids_choices`, in the lesson file's
        order, with ``current`` too if it is another choice (a link chose it), so what is shown is offered."""
        if not kids or not self.kids_choices:
            return self.options
        return [value for word, value in self.choices.items() if word in self.kids_choices or value == current]

    def label_for(self, value: Any) -> str:
        """What the control shows for choice ``value``: its label from the lesson file, else the value itself."""
        return self.labels.get(self.format(value), value if isinstance(value, str) else self.format(value))

    def label_in(self, kids: bool) -> str:
        """The control's name, in kid words when ``kids``."""
        return (self.kids_label if kids else "") or self.label or self.name

    def help_in(self, kids: bool) -> str:
        """What the control does, in kid words when ``kids``."""
        return (self.kids_help if kids else "") or self.help

    @classmethod
    def from_toml(cls, name: str, spec: Mapping[str, Any], where: str) -> Setting:
        """The setting ``[settings.<name>]`` of a lesson file (``where`` names it in errors); ``ValueError``
        saying what to fix."""
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name in RESERVED:
            raise ValueError(f"{where}: setting name {name!r} must be lower-case letters/digits and not one "
                             f"of {', '.join(RESERVED)}.")
        if "key" not in spec or "default" not in spec:
            raise ValueError(f"{where}: setting {name!r} needs `key` and `default`.")
        unknown = sorted(set(spec) - _TOML_KEYS)
        if unknown:
            raise ValueError(f"{where}: setting {name!r} has unknown {', '.join(unknown)}; it may have "
                             f"{', '.join(sorted(_TOML_KEYS))}.")
        choices = spec.get("choices", {})
        if isinstance(choices, list):
            choices = {url_word(value): value for value in choices}
        setting = cls(name, spec["key"], spec["default"], spec.get("label", ""), dict(choices), spec.get("low"),
                      spec.get("high"), bool(spec.get("kids", True)), int(spec.get("max_length", 0)),
                      spec.get("help", ""), spec.get("kids_help", ""), spec.get("kids_label", ""),
                      spec.get("term", ""), spec.get("step"), dict(spec.get("labels", {})),
                      tuple(spec.get("kids_choices", ())))
        if choices and setting.default not in choices.values():
            raise ValueError(f"{where}: setting {name!r}: default {setting.default!r} is not one of its choices.")
        if set(setting.kids_choices) - set(choices) or (
                setting.kids_choices and setting.format(setting.default) not in setting.kids_choices):
            raise ValueError(f"{where}: setting {name!r}: kids_choices must be URL words of its choices, its "
                             "default among them.")
        if set(setting.labels) - set(choices):
            raise ValueError(f"{where}: setting {name!r}: labels {', '.join(sorted(set(setting.labels) - set(choices)))} "
                             "name no choice (label the choices by their URL words).")
        return setting


#: URL parameters that are not settings: they set up a classroom rather than a control.
RESERVED = ("lesson", "hide", "lock", "kids")
_TOML_KEYS = {"key", "default", "label", "choices", "low", "high", "kids", "max_length", "help", "kids_help",
              "kids_label", "term", "step", "labels", "kids_choices"}


def _plain(number: float | None) -> str:
    return "any" if number is None else f"{number:g}" if isinstance(number, float) else str(number)
