"""The model card of the learner's iris network (issue #18): what it learned from, its test accuracy overall and
per species, the test flowers it got wrong or was unsure of (near the border between two species), what it is
not for, and its design, filled in from the learner's own run (:func:`model_card`). A network trained on the
learner's own table (``config.data``) gets the same card in words for any table: its classes, its rows
described by its own columns, the table's name. The format is :class:`lib.model_card.ModelCard`'s. Plain
Python, no Streamlit; a trained network's model is called (Keras).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from lib.handout import code_span
from lib.iris.handout import design_rows
from lib.iris.model import FEATURES, SPECIES, IrisConfig, TrainResult, per_species_accuracy, split
from lib.model_card import ClassScore, ModelCard

#: A test flower the network got right but gave less than this probability lies near the border between two
#: species: a slightly different flower would flip its answer.
BORDER = 0.8
#: Wrong test flowers the card names one by one (the rest are counted).
MOST_NAMED = 5
#: An own table's columns a row is described by (and whose ranges are given); the rest are left to "…".
MOST_COLUMNS = 4
_PETAL_LENGTH, _PETAL_WIDTH = FEATURES.index("petal length (cm)"), FEATURES.index("petal width (cm)")

NOT_FOR = (
    ("Flowers that are not one of these three irises: it always answers setosa, versicolor or virginica, however "
     "unlike them the flower is (a daisy, a rose).",
     "Any other flower: it always says one of its three kinds, even for a daisy."),
    ("Measurements in other units, by eye or from a photo: it expects a ruler's centimetres, in the range it "
     "learned from.", "Measuring in inches, or guessing sizes from a photo."),
    ("Decisions that matter (a rare plant, a survey) without a botanist checking: 150 flowers from one old "
     "data set are a lesson, not a field guide.", "Anything important, without asking a flower expert."),
)
OVERLAP = ("Versicolor and virginica overlap in every measurement, so the flowers between them are where it "
           "errs; setosa stands apart.",
           "Some versicolor and virginica flowers look almost the same, so it mixes those two up.")
UNTRAINED = ("Everything, for now: untrained, its answers are guesses. Train it and this card fills in.",
             "Everything, for now: the robot has not learned yet. Train it!")
#: An own table's "why" under its mistakes: nothing is known about its classes but the numbers.
OWN_OVERLAP = ("Classes whose rows have similar values in every column it learned from are where it errs: a column "
               "that tells them apart helps more than a bigger network.",
               "If two classes have almost the same numbers, it mixes them up.")


@dataclass(frozen=True)
class _Items:
    """How the card names the test examples: a noun ("flower", "row"), the class names as the card shows them,
    one example described in words, and why it errs."""

    noun: str
    classes: Sequence[str]
    describe: Callable[[np.ndarray], str]
    overlap: tuple[str, str]


def _flower(x: np.ndarray) -> str:
    return f"petals {x[_PETAL_LENGTH]:.1f} × {x[_PETAL_WIDTH]:.1f} cm"


def _first(items: list[str]) -> str:
    """The first :data:`MOST_COLUMNS` of ``items`` joined, "…" for the rest."""
    return ", ".join(items[:MOST_COLUMNS] + (["…"] if len(items) > MOST_COLUMNS else []))


def _items(config: IrisConfig) -> _Items:
    """The irises' words, or an own table's: its class names and column names as code spans (the learner's
    text, never Markdown), a row described by its first columns' values."""
    if config.data is None:
        return _Items("flower", SPECIES, _flower, OVERLAP)
    columns = list(map(code_span, config.data.inputs))
    return _Items("row", tuple(map(code_span, config.data.classes)),
                  lambda x: _first([f"{name} {value:g}" for name, value in zip(columns, x)]), OWN_OVERLAP)


def _kind(noun: str, count: int) -> str:
    """After a class name: nothing for a species ("3 setosa"), else the noun ("3 `Adelie` rows")."""
    return "" if noun == "flower" else f" {noun}{'s' if count != 1 else ''}"


def _either(names: Sequence[str]) -> str:
    """``names`` as "a, b or c"."""
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else list(names))


def _counts(y: np.ndarray, classes: Sequence[str] = SPECIES) -> str:
    counts = np.bincount(np.asarray(y, dtype=int), minlength=len(classes))
    return ", ".join(f"{n} {name}" for n, name in zip(counts, classes))


def failures(probabilities: np.ndarray, X_test: np.ndarray, y_test: np.ndarray,
             items: _Items | None = None) -> tuple[tuple[str, str], ...]:
    """What the network gets wrong, from its ``probabilities`` (N, classes) for the test examples ``X_test``
    (N, inputs) of classes ``y_test``: each wrong example (the first :data:`MOST_NAMED`, most sure first), then
    the right ones it was less than :data:`BORDER` sure of (near a border), then why. ``items`` names them (the
    iris flowers by default: petal sizes, and versicolor and virginica overlap)."""
    items = items or _Items("flower", SPECIES, _flower, OVERLAP)
    noun, classes, describe = items.noun, items.classes, items.describe
    probabilities, y_test = np.asarray(probabilities), np.asarray(y_test)
    answers, sure = probabilities.argmax(axis=1), probabilities.max(axis=1)
    wrong = np.flatnonzero(answers != y_test)
    wrong = wrong[np.argsort(-sure[wrong], kind="stable")]
    # Grown-ups get each wrong example (what it is, how sure); kids each kind of mistake once, counted.
    found = [(f"A test {classes[y_test[i]]}{_kind(noun, 1)} ({describe(X_test[i])}) called {classes[answers[i]]}, "
              f"{sure[i]:.0%} sure.", "") for i in wrong[:MOST_NAMED]]
    if len(wrong) > MOST_NAMED:
        found.append((f"{len(wrong) - MOST_NAMED} more test {noun}s wrong.", ""))
    mixed = Counter((int(y_test[i]), int(answers[i])) for i in wrong)
    found += [("", f"{n} {classes[true]}{_kind(noun, n)} it called {classes[said]}.")
              for (true, said), n in sorted(mixed.items())]
    if not len(wrong):
        found.append((f"None of the {len(y_test)} test {noun}s.", f"No secret {noun}: it got them all right!"))
    unsure = np.flatnonzero((answers == y_test) & (sure < BORDER))
    if len(unsure):
        pairs = sorted({tuple(sorted(np.argsort(-probabilities[i])[:2])) for i in unsure})
        between = " or ".join(f"{classes[a]} and {classes[b]}" for a, b in pairs)
        s = "s" if len(unsure) > 1 else ""
        named = "; ".join(describe(X_test[i]) for i in unsure[:MOST_NAMED])
        named += "; …" if len(unsure) > MOST_NAMED else ""
        found.append((f"Near the border: {len(unsure)} test {noun}{s} it got right but was less than {BORDER:.0%} "
                      f"sure of, between {between} ({named}). A slightly different {noun} would flip its answer.",
                      f"It was not sure about {len(unsure)} more secret {noun}{s}: each looks a bit like both "
                      f"{between}."))
    return (*found, items.overlap)


def _own_words(config: IrisConfig, X_train: np.ndarray, y_train: np.ndarray, y_test: np.ndarray,
               classes: Sequence[str]) -> dict:
    """The card's text fields for a network trained on an own table (``config.data``), in words for any table."""
    data, layers = config.data, " → ".join(map(str, config.layer_sizes))
    table = f"your table {code_span(data.name)}" if data.name.strip() else "the table you typed in"
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    ranges = _first([f"{code_span(name)} {lo:g}–{hi:g}" for name, lo, hi in zip(data.inputs, low, high)])
    return dict(
        title=(f"Model card: the network {layers} on {table}", "Report card: the robot that learned your table"),
        learned_from=(f"{len(y_train)} of the {len(data.table)} rows of {table} ({_counts(y_train, classes)}): "
                      f"{len(data.inputs)} number columns ({', '.join(map(code_span, data.inputs))}) and, for each "
                      f"row, its class in {code_span(data.label)}.",
                      f"{len(y_train)} rows of your table, and the class of each one."),
        never_saw=(f"The {len(y_test)} test rows, kept back to mark it ({_counts(y_test, classes)}); anything that "
                   f"is not one of its {len(classes)} classes; and values outside the ranges it learned from "
                   f"({ranges}).",
                   f"The {len(y_test)} secret rows it is tested on, and everything that is not in your table."),
        held_out=(f"the {len(y_test)} test rows", f"the {len(y_test)} secret rows"),
        class_column=(code_span(data.label) or "class", "class"), count_column=("test rows", "secret rows"),
        not_for=((f"Anything that is not one of its classes: it always answers {_either(classes)}, however "
                  "unlike them the row is.", "Anything that is not one of its classes: it always picks one."),
                 ("Rows measured another way (other units, tools, places or times) or far outside the ranges it "
                  "learned from: it knows only the rows it was given.",
                  "Numbers measured in another way than your table's."),
                 (f"Decisions that matter (about people, animals, money or health) without an expert checking: "
                  f"{len(data.table)} rows are a lesson, not a proof. Who made the table, and who or what is missing "
                  "from it?", "Anything important, without asking an expert.")))


def _iris_words(config: IrisConfig, X_train: np.ndarray, y_train: np.ndarray, y_test: np.ndarray) -> dict:
    """The card's text fields for the iris network."""
    layers = " → ".join(map(str, config.layer_sizes))
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    return dict(
        title=(f"Model card: the iris network {layers}", "Report card: the flower robot"),
        learned_from=(f"{len(y_train)} of the 150 irises R. A. Fisher published in 1936 ({_counts(y_train)}): four "
                      "ruler measurements of each in cm (sepal length and width, petal length and width), and its "
                      "species.",
                      f"{len(y_train)} iris flowers someone measured with a ruler, and the name of each one's kind."),
        never_saw=(f"The {len(y_test)} test flowers, kept back to mark it ({_counts(y_test)}); any other kind of "
                   f"flower; and flowers outside the sizes it learned from (petals {low[_PETAL_LENGTH]:.1f}–"
                   f"{high[_PETAL_LENGTH]:.1f} cm long and {low[_PETAL_WIDTH]:.1f}–{high[_PETAL_WIDTH]:.1f} cm "
                   "wide).",
                   f"The {len(y_test)} secret flowers it is tested on, and every other kind of flower in the world."),
        held_out=(f"the {len(y_test)} test flowers", f"the {len(y_test)} secret flowers"),
        class_column=("species", "kind"), count_column=("test flowers", "secret flowers"), not_for=NOT_FOR)


def model_card(config: IrisConfig, seed: int, result: TrainResult | None = None, *,
               made: date | None = None) -> ModelCard:
    """The card of the iris network with design ``config`` and ``seed``: trained (``result``, the run the page
    shows; its test accuracy, per-class accuracy and mistakes) or not yet (``None``: the card says so). ``made``
    is the day it was trained (today by default). With an own table (``config.data``) the card speaks of its
    rows, columns and classes, the learner's names shown as code spans."""
    if result is None:
        X_train, X_test, y_train, y_test = split(config, seed)
    else:
        X_train, X_test, y_train, y_test = result.X_train, result.X_test, result.y_train, result.y_test
    items = _items(config)
    common = (_iris_words(config, X_train, y_train, y_test) if config.data is None else
              _own_words(config, X_train, y_train, y_test, items.classes))
    settings = design_rows(config, seed)
    if any(share < 1 for share in config.species_fraction):
        what = "species' training flowers" if config.data is None else "class's training rows"
        settings.append((f"Share of each {what} kept",
                         ", ".join(f"{name} {share:.0%}" for name, share in zip(items.classes,
                                                                                  config.species_fraction))))
    common |= dict(made=made or date.today(), settings=tuple(settings))
    if result is None:
        return ModelCard(overall=None, failures=(UNTRAINED,), **common)
    per_class = per_species_accuracy(result.model, X_test, y_test)
    counts = np.bincount(y_test, minlength=len(items.classes))
    return ModelCard(overall=float(result.test_accuracy),
                     per_class=tuple(ClassScore(name, float(a), int(n))
                                     for name, a, n in zip(items.classes, per_class, counts)),
                     failures=failures(result.predict_proba(X_test), X_test, y_test, items), **common)
