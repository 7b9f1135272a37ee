"""Model cards (issue #18): a short, honest description of one trained network, in plain words and in kid words,
in the one format /iris, /mnist, /ethics and their handouts share.

A card says what the network learned from and what it has never seen, how well it does on examples held out
from its training (overall and for each class), what it gets wrong, what it should not be used for, and when
and how it was made. Each text field is a ``(plain, kid)`` pair, like the pages' words; the numbers are filled
in by each topic from its own results (:mod:`lib.iris.card`, :mod:`lib.mnist.card`). :meth:`ModelCard.to_markdown`
is what a page shows (the app's own words, and any name a learner chose, such as an own table's classes,
only inside a code span: :func:`lib.handout.code_span`) and :meth:`ModelCard.add_to` puts the same
into a :class:`lib.handout.Handout`. Plain Python, no Streamlit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from lib.handout import Handout, markdown_table

Words = tuple[str, str]  #: (plain words, kid words)

#: The card's parts, in order, as (plain, kid) headings.
LEARNED_FROM: Words = ("What it learned from", "What it learned from")
NEVER_SAW: Words = ("What it has never seen", "What it never saw")
HOW_WELL: Words = ("How well it does on examples it never trained on", "Its score on the secret test")
GETS_WRONG: Words = ("What it gets wrong", "What fools it")
NOT_FOR: Words = ("Do not use it for", "Don't use it for")
MADE: Words = ("Made", "Made on")
SETTINGS_COLUMNS = ("setting", "value")
NOT_TRAINED: Words = ("Not measured: it has not been trained yet, so its weights are random and its answers are "
                      "guesses.", "No score yet: the robot has not learned anything, so it only guesses.")


@dataclass(frozen=True)
class ClassScore:
    """How well the network does on one class (a species, a digit) of the held-out examples."""

    name: str  #: the class as the page names it, e.g. "setosa" or "7"
    accuracy: float  #: share of that class's held-out examples it gets right; NaN when there are none
    count: int  #: how many held-out examples of that class there are


@dataclass(frozen=True)
class ModelCard:
    """One network's card. Text fields are ``(plain, kid)`` pairs; ``overall`` is None for a network not
    trained yet (the card then says so instead of a score)."""

    title: Words  #: which network, e.g. ("The iris network (4 → 10 → 10 → 3)", "The flower robot")
    learned_from: Words  #: its training data
    never_saw: Words  #: what was kept from it, and what it was never meant for
    held_out: Words  #: what ``overall`` was measured on, e.g. ("the 38 test flowers", "the 38 secret flowers")
    overall: float | None  #: share of ``held_out`` it gets right
    class_column: Words  #: the per-class table's first column, e.g. ("species", "kind of flower")
    count_column: Words  #: its second column, e.g. ("test flowers", "secret flowers")
    per_class: tuple[ClassScore, ...] = ()
    other_tests: tuple[tuple[Words, float], ...] = ()  #: (what else it was tested on, share right)
    #: What it gets wrong, one sentence each; one wording may be "" (a line only plain or only kid words need).
    failures: tuple[Words, ...] = ()
    not_for: tuple[Words, ...] = ()  #: uses to stay away from, one sentence each (same rule)
    made: date = date(1970, 1, 1)  #: when it was trained
    settings: tuple[tuple[str, str], ...] = ()  #: (setting, value) rows, shown in plain mode only
    decimals: int = 1  #: of a percentage in plain words, as the page shows it (kid words: whole percents)

    def _blocks(self, kids: bool) -> list[str]:
        """The card's body as Markdown blocks (everything but its title)."""
        def say(words: Words) -> str:
            return words[1] if kids else words[0]

        def percent(share: float) -> str:
            return _percent(share, kids, self.decimals)

        blocks = [f"**{say(LEARNED_FROM)}.** {say(self.learned_from)}",
                  f"**{say(NEVER_SAW)}.** {say(self.never_saw)}"]
        if self.overall is None:
            blocks.append(f"**{say(HOW_WELL)}.** {say(NOT_TRAINED)}")
        else:
            blocks.append(f"**{say(HOW_WELL)}.** **{percent(self.overall)}** of {say(self.held_out)} right.")
            if self.per_class:
                rows = [(score.name, score.count, percent(score.accuracy)) for score in self.per_class]
                blocks.append(markdown_table(rows, [say(self.class_column), say(self.count_column), "right"]))
            if self.other_tests:
                blocks.append(_bullets(f"{say(what)}: **{percent(share)}** right"
                                       for what, share in self.other_tests))
        if self.failures:
            blocks.append(f"**{say(GETS_WRONG)}:**\n\n" + _bullets(map(say, self.failures)))
        if self.not_for:
            blocks.append(f"**{say(NOT_FOR)}:**\n\n" + _bullets(map(say, self.not_for)))
        made = f"**{say(MADE)}** {self.made.day} {self.made:%B %Y}"
        if kids or not self.settings:
            blocks.append(made + ".")
        else:
            blocks.append(made + ", with these settings:")
            blocks.append(markdown_table(self.settings, SETTINGS_COLUMNS))
        return blocks

    def to_markdown(self, kids: bool, level: int = 4) -> str:
        """The card as Markdown, headed by its title at heading ``level`` (4: ``####``), in kid words when
        ``kids``. Only the app's own words and numbers are in it, a learner's names in code spans, so a page may
        render it as Markdown."""
        return "\n\n".join([f"{'#' * level} {self.title[kids]}", *self._blocks(kids)])

    def add_to(self, handout: Handout, kids: bool) -> Handout:
        """Append the card to ``handout`` under a heading of its own (its title), in kid words when ``kids``."""
        handout.heading(self.title[kids])
        for block in self._blocks(kids):
            handout.text(block)
        return handout


def _percent(share: float, kids: bool, decimals: int) -> str:
    """A share as the pages show it: ``decimals`` in plain words, whole percents for kids; a dash for NaN."""
    if math.isnan(share):
        return "–"
    if kids:  # whole percents, but never a rounded-up 100% for a class it gets some wrong
        return "100%" if share >= 1 else f"{min(round(100 * share), 99)}%"
    return f"{share:.{decimals}%}"


def _bullets(items) -> str:
    """A Markdown list; an empty item (a line one wording leaves out) is skipped."""
    return "\n".join(f"- {item}" for item in items if item)
