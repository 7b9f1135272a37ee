"""Four live demos of checklist items, run with the models of the app's other pages.

Each demo answers one question of :data:`lib.ethics.CHECKLIST` with a real model instead of a story:
a digit network names a digit for a dog, a network trained on white-on-black digits fails on
black-on-white ones, an iris network trained without most of one species gets that species wrong, and
k-means puts a coin into a group of garden bugs. The model modules (:mod:`lib.mnist`, :mod:`lib.iris`,
:mod:`lib.kmeans.garden`) are imported inside the functions, so importing this module loads no TensorFlow; a
missing module or model file surfaces as ``ImportError``/``FileNotFoundError`` for the page to explain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from lib import DATA_DIR


@dataclass(frozen=True)
class Demo:
    """One live demo: which checklist item it shows, which page's model it needs, and what to notice."""

    key: str  #: stable name, used for widget keys
    title: str
    item_id: str  #: the checklist item it illustrates
    needs: str  #: the page whose model it uses, named for the "not available yet" message
    lesson: str  #: what to notice


#: The four demos, in the page's order: the dog is the page's playground, the others its steps. A title names
#: the experiment, never its outcome (the learner guesses first); ``lesson`` is what to notice afterwards.
DEMOS: tuple[Demo, ...] = (
    Demo("dog", "A dog for the digit networks", "model-dont-know", "Handwritten digits",
         "Both networks were only ever shown digits, so they can only answer with a digit – even for a dog. "
         "An 'I don't know' has to be designed in, for example a minimum confidence."),
    Demo("polarity", "Black digits on white paper", "collect-who", "Handwritten digits",
         "The same 200 test digits, shown as they are and with black and white swapped. The network that only "
         "saw white-on-black digits fails on the swapped ones; the one trained on both kinds does not."),
    Demo("iris", "Too few flowers of one species", "model-groups", "Iris network",
         "Train the iris network twice: on all training flowers, then with most of one species left out. "
         "Check the accuracy for each species, not only the overall score."),
    Demo("garden", "A stranger in the garden", "model-dont-know", "Garden bug detective",
         "k-means always gives every object one of its groups – it has no group called 'none of these'."),
)


def demo(key: str) -> Demo:
    """The demo with this key; ``KeyError`` if there is none."""
    return next(entry for entry in DEMOS if entry.key == key)


# --- digits ----------------------------------------------------------------------------------------------

DOG_PHOTO = DATA_DIR / "custom-digits" / "dog.png"
#: The real digit the dog playground offers instead of the dog: a 9 of the MNIST test set that both shipped
#: networks read correctly, yet less surely than they name a digit for the dog.
REAL_DIGIT = 1414
#: How many of the polarity demo's test digits the page shows as a picture.
SAMPLE = 8


def dog_as_digit() -> np.ndarray:
    """The dog photo as the digit networks see it: 28×28 greys in [0, 1], prepared like any drawn digit."""
    from lib import mnist
    from lib.images import load_image

    return np.asarray(mnist.to_mnist(load_image(DOG_PHOTO)), dtype=np.float32)


def real_digit(x_test: np.ndarray) -> np.ndarray:
    """The test set's :data:`REAL_DIGIT` as 28×28 greys in [0, 1] (``x_test`` in [0, 1] or 0-255)."""
    digit = np.asarray(x_test[REAL_DIGIT], dtype=np.float32)
    return digit / 255.0 if digit.max() > 1 else digit


def dog_probabilities(model, picture: np.ndarray | None = None) -> np.ndarray:
    """The network's ten digit probabilities for the course's dog photo, or for another 28×28 ``picture``
    (they always add up to one)."""
    from lib import mnist

    picture = dog_as_digit() if picture is None else np.asarray(picture, dtype=np.float32)
    return np.asarray(mnist.predict(model, picture[np.newaxis]))[0]


def sample_digits(x_test: np.ndarray, swapped: bool, n: int = SAMPLE) -> np.ndarray:
    """The first ``n`` test digits (n × 28 × 28 greys in [0, 1]), black and white swapped if asked: what the
    networks are shown in the polarity demo."""
    digits = np.asarray(x_test[:n], dtype=np.float32)
    digits = digits / 255.0 if digits.max() > 1 else digits
    return 1.0 - digits if swapped else digits


def polarity_accuracy(model, x_test: np.ndarray, y_test: np.ndarray, n: int = 200) -> tuple[float, float]:
    """Accuracy on the first ``n`` test digits as they are (white on black) and inverted (black on white).
    ``x_test`` may hold pixels in [0, 1] or 0-255."""
    from lib import mnist

    x, y = np.asarray(x_test[:n], dtype=np.float32), np.asarray(y_test[:n])
    if x.max() > 1:
        x = x / 255.0
    as_is = float(np.mean(np.argmax(mnist.predict(model, x), axis=1) == y))
    swapped = float(np.mean(np.argmax(mnist.predict(model, mnist.invert(x)), axis=1) == y))
    return as_is, swapped


# --- iris ------------------------------------------------------------------------------------------------

SPECIES = ("setosa", "versicolor", "virginica")


def fraction_without(species: int, keep: float) -> tuple[float, float, float]:
    """``IrisConfig.species_fraction`` keeping only ``keep`` (0–1] of one species' training flowers."""
    if species not in range(3):
        raise ValueError(f"species must be 0, 1 or 2 ({', '.join(SPECIES)}), not {species!r}.")
    if not 0 < keep <= 1:
        raise ValueError(f"keep is the fraction of flowers kept, above 0 and at most 1; got {keep!r}.")
    return tuple(keep if index == species else 1.0 for index in range(3))


#: The shares of one species' training flowers the page offers to keep.
KEEP_CHOICES = (0.05, 0.1, 0.2, 0.5, 1.0)
#: Shipped results of :func:`iris_species_accuracy` for every setting the page offers (seed 0), made by
#: ``scripts/make_ethics_iris.py`` so the page needs no training.
IRIS_RESULTS = DATA_DIR / "ethics" / "iris_species_accuracy.json"


def fraction_label(species_fraction) -> str:
    """The key of one setting in :data:`IRIS_RESULTS`, e.g. ``"1,0.1,1"``."""
    return ",".join(f"{float(f):g}" for f in species_fraction)


def shipped_iris_accuracy(species_fraction) -> np.ndarray | None:
    """The shipped per-species accuracy for this setting, or ``None`` if it was not precomputed."""
    if not IRIS_RESULTS.exists():
        return None
    shipped = json.loads(IRIS_RESULTS.read_text())
    found = shipped.get(fraction_label(species_fraction))
    return None if found is None else np.asarray(found, dtype=float)


def iris_species_accuracy(species_fraction: tuple[float, float, float], seed: int = 0,
                          on_progress=None, on_wait=None) -> np.ndarray:
    """Train the iris network keeping ``species_fraction`` of each species; its accuracy per species on
    the (untouched) test flowers. Trains through :func:`lib.iris.cache.train_cached`: once per setting
    per server, one training at a time, ``on_wait(runs_ahead)`` while queued, ``on_progress`` per epoch."""
    from lib import iris
    from lib.iris.cache import train_cached

    config = iris.IrisConfig(species_fraction=species_fraction)
    result = train_cached(config, seed, on_progress=on_progress, on_wait=on_wait)
    return np.asarray(iris.per_species_accuracy(result.model, result.X_test, result.y_test), dtype=float)


# --- garden ----------------------------------------------------------------------------------------------

FEATURES = ("width_mm", "length_mm", "weight_g")
#: Plain names of the garden robot's measurements, with their units.
FEATURE_NAMES = {"width_mm": "width (mm)", "length_mm": "length (mm)", "weight_g": "weight (g)"}

#: Things the garden robot was never meant to measure, by the id the page's "stranger" setting stores (its
#: lesson file names each one for the learner): (width mm, length mm, weight g), typical sizes.
STRANGERS: dict[str, tuple[float, float, float]] = {
    "coin": (20.3, 20.3, 3.56),  # a 1p coin
    "snail": (25.0, 30.0, 8.0),  # a garden snail
    "ant": (1.5, 5.0, 0.004),
}


@dataclass(frozen=True)
class StrangerResult:
    group: int  #: the k-means group it was put in
    group_kind: str  #: the kind most of that group's members are
    group_size: int
    ranges: dict[str, tuple[float, float]]  #: each measurement's (min, max) among the group's members
    outside: tuple[str, ...]  #: measurements where the stranger lies outside the group's range


def garden_stranger(stranger: str, k: int = 3, seed: int = 0) -> StrangerResult:
    """Fit k-means (k groups, scaled features) to the garden data, then ask which group the stranger
    (an id, a key of :data:`STRANGERS`) falls into, and how unlike that group's members it is."""
    from lib.kmeans import garden

    if stranger not in STRANGERS:
        raise ValueError(f"Unknown stranger {stranger!r}; choose one of {', '.join(STRANGERS)}.")
    table = garden.load_garden()
    X = table[list(FEATURES)].to_numpy(dtype=float)
    fitted = garden.fit(X, k, seed=seed)
    measured = np.asarray([STRANGERS[stranger]], dtype=float)
    group = int(np.asarray(fitted.predict(measured))[0])
    members = np.asarray(fitted.labels) == group
    ranges = {feature: (float(X[members, i].min()), float(X[members, i].max())) for i, feature in enumerate(FEATURES)}
    outside = tuple(feature for i, feature in enumerate(FEATURES)
                    if not ranges[feature][0] <= measured[0, i] <= ranges[feature][1])
    kind = str(table.loc[members, "kind"].mode().iloc[0])
    return StrangerResult(group, kind, int(members.sum()), ranges, outside)
