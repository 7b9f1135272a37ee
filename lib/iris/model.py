"""The course's first neural network: classify irises from four ruler measurements (4 → 10 → 10 → 3).

The data is scikit-learn's bundled copy of the 150 irises. :class:`IrisConfig` holds one network design
and training run (its defaults are the course's); :func:`train` builds and trains it with Keras and
returns a :class:`TrainResult`. TensorFlow is imported inside the functions that build or call a model,
so importing this module stays light.

Speed: the course's ``tf.data`` stream (``repeat().shuffle(1000).batch(32)``) is made up front as one NumPy
array (every training flower once per pass, passes shuffled) and Keras runs a whole epoch per call into the
compiled graph (``steps_per_execution``): 0.5–0.75× the course code's time (bench/bench_iris.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import numpy as np

from lib.iris.data import FEATURES, SPECIES, dataset, load_iris_frame, plane

if TYPE_CHECKING:
    from lib.iris.own_data import OwnData

ACTIVATIONS: tuple[str, ...] = ("relu", "sigmoid", "tanh", "linear")

#: The course's three example flowers (``predict_X``) and the species a botanist gave them
#: (``predict_true_labels``), which the model never sees.
EXAMPLE_FLOWERS = np.array([[5.1, 3.3, 1.7, 0.5], [5.9, 3.0, 4.2, 1.5], [6.9, 3.1, 5.4, 2.1]])
EXAMPLE_LABELS: tuple[str, ...] = ("setosa", "versicolor", "virginica")

#: Beyond this many flowers shown in one run, the up-front training stream would use too much memory.
MAX_SAMPLES_SHOWN = 2_000_000


@dataclass(frozen=True)
class IrisConfig:
    """One network design and training run. Frozen and hashable, so it can key a cache.

    The defaults are the course's: 4 inputs → 10 ReLU → 10 ReLU → 3 softmax outputs, Adam (learning rate
    0.001), sparse categorical cross-entropy, 10 epochs of 150 batches of 32 flowers drawn from the
    shuffled, repeated training set, and 25% of the flowers held back as the test set. Impossible values
    raise ``ValueError`` with a hint.

    ``data`` is a learner's own table (:func:`lib.iris.own_data.own_data`) instead of the 150 irises: the network
    then has one input per chosen column and one output per class, and "species" means those classes.
    """

    hidden_layers: tuple[int, ...] = (10, 10)  #: neurons in each hidden layer; () for none
    activation: str = "relu"  #: of the hidden layers (the output layer is always softmax)
    learning_rate: float = 0.001
    epochs: int = 10
    steps_per_epoch: int = 150  #: batches per epoch
    batch_size: int = 32
    test_fraction: float = 0.25  #: share of the 150 flowers held back for testing
    #: share of each species' training flowers kept (imbalanced-data demo); the test set is untouched. With
    #: ``data``, one share per class (shares that keep everything fit any number of classes)
    species_fraction: tuple[float, ...] = (1.0, 1.0, 1.0)
    #: keep only this many training flowers (tiny-training-set demo), taken from the species in turn
    train_size: int | None = None
    data: OwnData | None = None  #: a learner's own table; None for the iris flowers

    def __post_init__(self) -> None:
        layers = tuple(int(n) for n in self.hidden_layers)
        object.__setattr__(self, "hidden_layers", layers)
        fractions = tuple(float(f) for f in self.species_fraction)
        if all(f == 1 for f in fractions):
            fractions = (1.0,) * len(self.classes)
        object.__setattr__(self, "species_fraction", fractions)
        if len(layers) > 3 or any(not 1 <= n <= 256 for n in layers):
            raise ValueError("hidden_layers takes 0 to 3 layers of 1 to 256 neurons each, e.g. (10, 10).")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}; got {self.activation!r}.")
        if not 0 < self.learning_rate <= 10:
            raise ValueError("learning_rate must be above 0 and at most 10 (the course uses 0.001).")
        for name, low, high in (("epochs", 1, 500), ("steps_per_epoch", 1, 1000), ("batch_size", 1, 1024)):
            if not low <= getattr(self, name) <= high:
                raise ValueError(f"{name} must be a whole number from {low} to {high}.")
        if self.epochs * self.steps_per_epoch * self.batch_size > MAX_SAMPLES_SHOWN:
            raise ValueError(f"epochs × steps_per_epoch × batch_size must stay under {MAX_SAMPLES_SHOWN:,}: "
                             "lower one of them.")
        if not 0.05 <= self.test_fraction <= 0.9:
            raise ValueError("test_fraction must be from 0.05 to 0.9, so both sets keep some flowers.")
        if len(self.species_fraction) != len(self.classes) or any(not 0 <= f <= 1 for f in self.species_fraction):
            raise ValueError(f"species_fraction takes {len(self.classes)} shares from 0 to 1, one per species.")
        if self.train_size is not None and self.train_size < 1:
            raise ValueError("train_size must be at least 1 flower, or None to keep every training flower.")

    @property
    def features(self) -> tuple[str, ...]:
        """The network's inputs: the four iris measurements, or the own table's input columns."""
        return FEATURES if self.data is None else self.data.inputs

    @property
    def classes(self) -> tuple[str, ...]:
        """The network's outputs: the three species, or the own table's classes."""
        return SPECIES if self.data is None else self.data.classes

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """Neurons per layer from input to output, e.g. (4, 10, 10, 3)."""
        return (len(self.features), *self.hidden_layers, len(self.classes))

    @property
    def parameter_count(self) -> int:
        """Weights plus biases: each neuron has one weight per input and one bias."""
        sizes = self.layer_sizes
        return sum((inputs + 1) * outputs for inputs, outputs in zip(sizes, sizes[1:]))


def split(config: IrisConfig = IrisConfig(), seed: int = 0) -> tuple[np.ndarray, ...]:
    """``X_train, X_test, y_train, y_test`` as the run with this config and seed uses them: a shuffled
    train/test split (the course's ``train_test_split``), then the training set thinned per species
    (``species_fraction``) and cut to ``train_size``. Raises ``ValueError`` if no training flower is left."""
    from sklearn.model_selection import train_test_split

    X, y = dataset(config.data)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=config.test_fraction, random_state=seed)
    rng = np.random.default_rng(seed)
    kept = []
    for label, fraction in enumerate(config.species_fraction):
        members = rng.permutation(np.flatnonzero(y_train == label))
        kept.append(members[: int(round(fraction * len(members)))])
    # Take the species in turn, so even a tiny training set holds every species that is left.
    order = [index for turn in zip(*_padded(kept)) for index in turn if index >= 0]
    if config.train_size is not None:
        order = order[: config.train_size]
    if not order:
        raise ValueError("No training flowers are left: raise species_fraction or train_size.")
    chosen = np.array(order)
    return X_train[chosen], X_test, y_train[chosen], y_test


def _padded(groups: list[np.ndarray]) -> list[np.ndarray]:
    longest = max(len(group) for group in groups)
    return [np.concatenate([group, -np.ones(longest - len(group), dtype=int)]) for group in groups]


@dataclass
class Progress:
    """What :func:`train` reports after each epoch: the curves so far, one value per finished epoch."""

    epoch: int  #: epochs finished, 1 to ``epochs``
    epochs: int
    history: dict[str, list[float]]  #: ``loss``, ``accuracy``, ``test_loss``, ``test_accuracy``
    weights: list | None = None  #: the network after this epoch, as ``lib.iris.network.Weights``


@dataclass
class TrainResult:
    """A trained network with its training curves and the exact data it was trained and tested on."""

    config: IrisConfig
    seed: int
    model: object  #: a ``keras.Sequential``; :meth:`predict_proba` and :meth:`predict` call it
    history: dict[str, list[float]]  #: per epoch: ``loss``, ``accuracy``, ``test_loss``, ``test_accuracy``
    test_accuracy: float
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    seconds: float = field(default=0.0)  #: wall time of the training run
    #: the network after each epoch (``lib.iris.network.Weights``), for drawing a replay as it learned
    snapshots: list = field(default_factory=list)

    def predict_proba(self, X) -> np.ndarray:
        """Each species' probability, shape (N, 3), for flowers ``X`` (N, 4) in cm: :func:`predict_proba`."""
        return predict_proba(self.model, X)

    def predict(self, X) -> np.ndarray:
        """The most probable species for each flower of ``X``, shape (N,): 0 setosa, 1 versicolor, 2 virginica."""
        return self.predict_proba(X).argmax(axis=1)


def build_model(config: IrisConfig = IrisConfig()):
    """The untrained, compiled Keras network for ``config`` (Adam, sparse categorical cross-entropy)."""
    import keras

    inputs, *_, outputs = config.layer_sizes
    layers = [keras.Input((inputs,))]
    layers += [keras.layers.Dense(units, activation=config.activation) for units in config.hidden_layers]
    layers.append(keras.layers.Dense(outputs, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.Adam(config.learning_rate),
                  metrics=["accuracy"], steps_per_execution=config.steps_per_epoch)
    return model


def training_stream(X: np.ndarray, y: np.ndarray, samples: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``samples`` flowers drawn the way ``repeat().shuffle()`` draws them: whole passes over the training
    set, each in a fresh random order."""
    rng = np.random.default_rng(seed)
    passes = -(-samples // len(X))
    order = np.concatenate([rng.permutation(len(X)) for _ in range(passes)])[:samples]
    return X[order].astype("float32"), y[order]


def train(config: IrisConfig = IrisConfig(), seed: int = 0,
          on_progress: Callable[[Progress], None] | None = None) -> TrainResult:
    """Split the data, build the network and train it, calling ``on_progress`` after every epoch.

    ``seed`` fixes the split, the starting weights and the order flowers are shown in, so the same
    config and seed give the same network. Not thread-safe on its own (TensorFlow's seed is global):
    servers run trainings one at a time (see :func:`lib.iris.cache.train_cached`).
    """
    import time

    import keras
    import tensorflow as tf

    from lib.iris.network import layer_parameters

    start = time.perf_counter()
    X_train, X_test, y_train, y_test = split(config, seed)
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    model = build_model(config)
    xs, ys = training_stream(X_train, y_train, config.epochs * config.steps_per_epoch * config.batch_size, seed)
    history: dict[str, list[float]] = {"loss": [], "accuracy": [], "test_loss": [], "test_accuracy": []}
    snapshots = []

    class Report(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            for key in ("loss", "accuracy"):
                history[key].append(float(logs[key]))
                history[f"test_{key}"].append(float(logs[f"val_{key}"]))
            snapshots.append(layer_parameters(model))
            if on_progress is not None:
                on_progress(Progress(epoch + 1, config.epochs, {k: list(v) for k, v in history.items()},
                                     snapshots[-1]))

    model.fit(xs, ys, batch_size=config.batch_size, epochs=config.epochs, steps_per_epoch=config.steps_per_epoch,
              shuffle=False, validation_data=(X_test.astype("float32"), y_test),
              validation_batch_size=len(X_test), callbacks=[Report()], verbose=0)
    return TrainResult(config, seed, model, history, history["test_accuracy"][-1],
                       X_train, y_train, X_test, y_test, time.perf_counter() - start, snapshots)


def predict_proba(model, X) -> np.ndarray:
    """The network's probability for each species, shape (N, 3), for flowers ``X`` of shape (N, 4) in cm (with
    an own table: (N, classes) for rows of (N, inputs)). Calls the model directly (one batched call; much
    faster than ``model.predict`` for small inputs)."""
    X = np.asarray(X, dtype="float32")
    if X.ndim == 1:
        X = X[None, :]
    inputs = _inputs(model)
    if X.ndim != 2 or X.shape[1] != inputs:
        names = f" ({', '.join(FEATURES)})" if inputs == len(FEATURES) else ""
        raise ValueError(f"X needs one row per flower and {inputs} columns{names}; got shape {X.shape}.")
    if not np.isfinite(X).all():
        raise ValueError("X holds missing or infinite measurements: give every flower "
                         f"{'four' if inputs == len(FEATURES) else inputs} numbers.")
    return np.asarray(model(X, training=False))


def _inputs(model) -> int:
    return int(model.inputs[0].shape[-1])


def _outputs(model) -> int:
    return int(model.outputs[0].shape[-1])


def per_species_accuracy(model, X, y) -> np.ndarray:
    """Share of each species' flowers the model gets right, shape (3,) (one per class of an own table); NaN
    for a species with no flowers."""
    y = np.asarray(y)
    predicted = predict_proba(model, X).argmax(axis=1) if len(y) else np.array([], dtype=int)
    return np.array([np.mean(predicted[y == label] == label) if np.any(y == label) else np.nan
                     for label in range(_outputs(model))])


def confusion(model, X, y) -> np.ndarray:
    """Confusion matrix, shape (3, 3) (classes × classes for an own table): row = true species, column =
    predicted species, entries = flowers."""
    predicted = predict_proba(model, X).argmax(axis=1)
    matrix = np.zeros((_outputs(model), _outputs(model)), dtype=int)
    np.add.at(matrix, (np.asarray(y), predicted), 1)
    return matrix


def prediction_line(probabilities: np.ndarray, expected: str) -> str:
    """One flower's verdict the course's way: ``✓ Prediction is 'setosa' (97.8%), expected 'setosa'``."""
    best = int(np.argmax(probabilities))
    mark = "✓" if SPECIES[best] == expected else "✗"
    return f"{mark} Prediction is '{SPECIES[best]}' ({100 * probabilities[best]:.1f}%), expected '{expected}'"


def example_lines(model) -> list[str]:
    """The course's three example flowers judged by ``model``; the expected species is only printed."""
    return [prediction_line(p, label) for p, label in zip(predict_proba(model, EXAMPLE_FLOWERS), EXAMPLE_LABELS)]


def decide(probabilities: np.ndarray, threshold: float) -> int | None:
    """The species index the network is sure enough about (probability at least ``threshold``), else None:
    "I don't know" instead of a guess."""
    best = int(np.argmax(probabilities))
    return best if probabilities[best] >= threshold else None


def decision_grid(model, x_feature: int, y_feature: int, fixed, resolution: int = 120, data: OwnData | None = None):
    """The network's probabilities over a grid of two features (the others held at ``fixed``), in one
    batched call. Returns ``xs`` (resolution,), ``ys`` (resolution,) and probabilities
    (resolution, resolution, 3) indexed ``[y, x]``; the grid spans the data's range (the irises', or the own
    table ``data``'s) plus a margin."""
    xs, ys, flowers = plane(x_feature, y_feature, fixed, resolution, data)
    return xs, ys, predict_proba(model, flowers).reshape(resolution, resolution, -1)


#: The overfitting demo: nine training flowers, a big network (3 × 64 neurons), a high learning rate and
#: many epochs. Training accuracy reaches 100% and training loss falls to zero while the test loss climbs.
OVERFIT_CONFIG = IrisConfig(hidden_layers=(64, 64, 64), learning_rate=0.01, epochs=40, steps_per_epoch=5,
                            batch_size=9, train_size=9)
OVERFIT_SEED = 1
