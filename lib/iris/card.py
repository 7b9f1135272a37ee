"""The model card of the learner's iris network (issue #18): what it learned from, its test accuracy overall and
per species, the test flowers it got wrong or was unsure of (near the border between two species), what it is
not for, and its design, filled in from the learner's own run (:func:`model_card`). The format is
:class:`lib.model_card.ModelCard`'s. Plain Python, no Streamlit; a trained network's model is called (Keras).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from lib.iris.handout import design_rows
from lib.iris.model import FEATURES, SPECIES, IrisConfig, TrainResult, per_species_accuracy, split
from lib.model_card import ClassScore, ModelCard

#: A test flower the network got right but gave less than this probability lies near the border between two
#: species: a slightly different flower would flip its answer.
BORDER = 0.8
#: Wrong test flowers the card names one by one (the rest are counted).
MOST_NAMED = 5
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


def _flower(x: np.ndarray) -> str:
    return f"petals {x[_PETAL_LENGTH]:.1f} × {x[_PETAL_WIDTH]:.1f} cm"


def _counts(y: np.ndarray) -> str:
    counts = np.bincount(np.asarray(y, dtype=int), minlength=len(SPECIES))
    return ", ".join(f"{n} {name}" for n, name in zip(counts, SPECIES))


def failures(probabilities: np.ndarray, X_test: np.ndarray, y_test: np.ndarray) -> tuple[tuple[str, str], ...]:
    """What the network gets wrong, from its ``probabilities`` (N, 3) for the test flowers ``X_test`` (N, 4) of
    species ``y_test``: each wrong flower (the first :data:`MOST_NAMED`, most sure first), then the right ones
    it was less than :data:`BORDER` sure of (near a border), then why (versicolor and virginica overlap)."""
    probabilities, y_test = np.asarray(probabilities), np.asarray(y_test)
    answers, sure = probabilities.argmax(axis=1), probabilities.max(axis=1)
    wrong = np.flatnonzero(answers != y_test)
    wrong = wrong[np.argsort(-sure[wrong], kind="stable")]
    # Grown-ups get each wrong flower (its petals, how sure); kids each kind of mistake once, counted.
    found = [(f"A test {SPECIES[y_test[i]]} ({_flower(X_test[i])}) called {SPECIES[answers[i]]}, {sure[i]:.0%} "
              "sure.", "") for i in wrong[:MOST_NAMED]]
    if len(wrong) > MOST_NAMED:
        found.append((f"{len(wrong) - MOST_NAMED} more test flowers wrong.", ""))
    mixed = Counter((int(y_test[i]), int(answers[i])) for i in wrong)
    found += [("", f"{n} {SPECIES[true]} it called {SPECIES[said]}.") for (true, said), n in sorted(mixed.items())]
    if not len(wrong):
        found.append((f"None of the {len(y_test)} test flowers.", "No secret flower: it got them all right!"))
    unsure = np.flatnonzero((answers == y_test) & (sure < BORDER))
    if len(unsure):
        pairs = sorted({tuple(sorted(np.argsort(-probabilities[i])[:2])) for i in unsure})
        between = " or ".join(f"{SPECIES[a]} and {SPECIES[b]}" for a, b in pairs)
        s = "s" if len(unsure) > 1 else ""
        named = "; ".join(_flower(X_test[i]) for i in unsure[:MOST_NAMED])
        named += "; …" if len(unsure) > MOST_NAMED else ""
        found.append((f"Near the border: {len(unsure)} test flower{s} it got right but was less than {BORDER:.0%} "
                      f"sure of, between {between} ({named}). A slightly different flower would flip its answer.",
                      f"It was not sure about {len(unsure)} more secret flower{s}: each looks a bit like both "
                      f"{between}."))
    return (*found, OVERLAP)


def model_card(config: IrisConfig, seed: int, result: TrainResult | None = None, *,
               made: date | None = None) -> ModelCard:
    """The card of the iris network with design ``config`` and ``seed``: trained (``result``, the run the page
    shows; its test accuracy, per-species accuracy and mistakes) or not yet (``None``: the card says so). ``made``
    is the day it was trained (today by default)."""
    if result is None:
        X_train, X_test, y_train, y_test = split(config, seed)
    else:
        X_train, X_test, y_train, y_test = result.X_train, result.X_test, result.y_train, result.y_test
    layers = " → ".join(map(str, config.layer_sizes))
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    title = (f"Model card: the iris network {layers}", "Report card: the flower robot")
    learned_from = (f"{len(y_train)} of the 150 irises R. A. Fisher published in 1936 ({_counts(y_train)}): four "
                    "ruler measurements of each in cm (sepal length and width, petal length and width), and its "
                    "species.",
                    f"{len(y_train)} iris flowers someone measured with a ruler, and the name of each one's kind.")
    never_saw = (f"The {len(y_test)} test flowers, kept back to mark it ({_counts(y_test)}); any other kind of "
                 f"flower; and flowers outside the sizes it learned from (petals {low[_PETAL_LENGTH]:.1f}–"
                 f"{high[_PETAL_LENGTH]:.1f} cm long and {low[_PETAL_WIDTH]:.1f}–{high[_PETAL_WIDTH]:.1f} cm wide).",
                 f"The {len(y_test)} secret flowers it is tested on, and every other kind of flower in the world.")
    settings = design_rows(config, seed)
    if any(share < 1 for share in config.species_fraction):
        settings.append(("Share of each species' training flowers kept",
                         ", ".join(f"{name} {share:.0%}" for name, share in zip(SPECIES, config.species_fraction))))
    common = dict(title=title, learned_from=learned_from, never_saw=never_saw,
                  held_out=(f"the {len(y_test)} test flowers", f"the {len(y_test)} secret flowers"),
                  class_column=("species", "kind"), count_column=("test flowers", "secret flowers"), not_for=NOT_FOR,
                  made=made or date.today(), settings=tuple(settings))
    if result is None:
        return ModelCard(overall=None, failures=(UNTRAINED,), **common)
    per_species = per_species_accuracy(result.model, X_test, y_test)
    counts = np.bincount(y_test, minlength=len(SPECIES))
    return ModelCard(overall=float(result.test_accuracy),
                     per_class=tuple(ClassScore(name, float(a), int(n))
                                     for name, a, n in zip(SPECIES, per_species, counts)),
                     failures=failures(result.predict_proba(X_test), X_test, y_test), **common)
