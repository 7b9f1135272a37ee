"""The course's MNIST convolutional network: model, training, the two shipped models, prediction (the digits
themselves come from :mod:`lib.mnist.data`).

The lesson it carries: a network trained only on white digits on black answers confidently, and wrongly,
for black digits on white; adding colour-inverted copies of the training digits (the course's
``INVERT = True``) fixes most of it. The two shipped models in ``data/models/`` are the two sides of that
switch and are made by ``scripts/train_mnist.py``.

Predicting needs no TensorFlow: :func:`load_network` returns the shipped network as a
:class:`lib.mnist.numpy_cnn.NumpyCNN`, and :func:`predict`, :func:`first_layer_kernels`, :func:`feature_maps`
and :func:`layer_table` take either that or a Keras model. TensorFlow is imported only inside the functions that
train or load Keras models, so importing this module stays instant.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from lib import DATA_DIR
from lib.mnist.data import check_images, invert, load_test_set
from lib.mnist.numpy_cnn import NumpyCNN

MODELS_DIR = DATA_DIR / "models"
#: The two networks' names in plain words, keyed like everything else here by "trained with inverted copies?".
NETWORK_NAMES: dict[bool, str] = {False: "plain (white-on-black digits only)", True: "with inverted copies"}
#: The shipped models, keyed by "trained with inverted copies?".
MODEL_PATHS: dict[bool, Path] = {False: MODELS_DIR / "mnist_plain.keras", True: MODELS_DIR / "mnist_invert.keras"}
#: The same two models' weights as NumPy arrays, for :func:`load_network` (no TensorFlow needed).
WEIGHTS_PATHS: dict[bool, Path] = {inverted: path.with_name(f"{path.stem}_weights.npz")
                                   for inverted, path in MODEL_PATHS.items()}
#: Both shipped models' probabilities on the test set and its inverted copy, saved with the models so the page
#: shows test-set results without 10,000 predictions on its first visit.
TEST_PROBABILITIES_PATH = MODELS_DIR / "mnist_test_probabilities.npz"
SEED = 2024  # every training's default seed, so runs are repeatable
SHIPPED_EPOCHS = 4  #: passes over the training digits that made the two shipped models (scripts/train_mnist.py)
BATCH_SIZE = 128  # the course's batch size

#: One row per layer of the course's network: name, output shape, what it does in plain words.
LAYER_NOTES = [
    ("Convolution 1: 16 filters of 5×5, ReLU", (28, 28, 16),
     "Slides 16 small 5×5 pattern detectors over the picture; 'same' padding keeps it 28×28."),
    ("Max pooling 1: 2×2, stride 2", (14, 14, 16),
     "Keeps the strongest response in each 2×2 square: half the size, small shifts matter less."),
    ("Convolution 2: 32 filters of 5×5, ReLU", (14, 14, 32),
     "Combines the first layer's strokes into 32 larger shapes (loops, corners, bars)."),
    ("Max pooling 2: 2×2, stride 2", (7, 7, 32),
     "Halves the size again, leaving a 7×7 map of where each shape was found."),
    ("Flatten", (1568,), "Lays the 7×7×32 maps out in one line of 1,568 numbers: no longer an image."),
    ("Dense: 128 neurons, ReLU", (128,), "Every neuron looks at all 1,568 numbers and weighs the evidence."),
    ("Dropout 40%", (128,), "While training only, silences 40% of those neurons at random so none is relied on."),
    ("Dense: 10 neurons, softmax", (10,), "One neuron per digit; softmax turns their scores into probabilities."),
]


def build_model(compile: bool = True):
    """The course's network: Conv 16×5×5 → pool → Conv 32×5×5 → pool → Dense 128 → Dropout 0.4 →
    Dense 10 softmax; Adam and sparse categorical cross-entropy unless ``compile=False``.
    Input (N, 28, 28, 1) in [0, 1]."""
    import keras

    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(16, 5, padding="same", activation="relu", name="conv1"),
        keras.layers.MaxPool2D(2, 2, padding="same", name="pool1"),
        keras.layers.Conv2D(32, 5, padding="same", activation="relu", name="conv2"),
        keras.layers.MaxPool2D(2, 2, padding="same", name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(128, activation="relu", name="dense"),
        keras.layers.Dropout(0.4, name="dropout"),
        keras.layers.Dense(10, activation="softmax", name="digits"),
    ], name="mnist_cnn")
    if compile:
        model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def layer_table(model) -> list[dict]:
    """One row per layer: what it is, its output shape, how many numbers that is, its learned parameters,
    and one line on what it does."""
    counts = (model.parameter_counts() if isinstance(model, NumpyCNN)
              else [layer.count_params() for layer in model.layers])
    return [{"layer": label, "output shape": " × ".join(map(str, shape)), "outputs": math.prod(shape),
             "parameters": count, "what it does": note} for count, (label, shape, note) in zip(counts, LAYER_NOTES)]


def set_seed(seed: int = SEED) -> None:
    """Make training repeatable: seed Python, NumPy and TensorFlow, and use deterministic kernels."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


@dataclass
class Progress:
    """What a training run reports as it goes (to ``train``'s ``on_progress``)."""

    epoch: int  #: 1-based epoch in progress
    epochs: int
    step: int  #: batches done in this epoch
    steps: int  #: batches per epoch
    #: Curves so far: "seen" (training images seen), "loss", "accuracy" (running averages within the epoch),
    #: and per finished epoch "epoch", "val_loss", "val_accuracy" when validation data was given.
    history: dict[str, list[float]] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        """Share of the whole run done, 0 to 1."""
        return ((self.epoch - 1) * self.steps + self.step) / (self.epochs * self.steps)


def train(x: np.ndarray, y: np.ndarray, *, epochs: int = 1, seed: int = SEED,
          validation: tuple[np.ndarray, np.ndarray] | None = None,
          on_progress: Callable[[Progress], None] | None = None, report_every: int = 20):
    """Train a fresh course network on images ``x`` (N, 28, 28) in [0, 1] and digits ``y``.

    Shuffles every epoch, batches of 128, deterministic for a given ``seed``. ``on_progress(Progress)`` is
    called every ``report_every`` batches and at the end of every epoch. Returns ``(model, history)``.
    """
    x, y = check_images(x), np.asarray(y)
    if len(x) != len(y) or len(x) == 0:
        raise ValueError(f"Need as many labels as images (got {len(x)} images, {len(y)} labels), at least one.")
    if not 1 <= epochs <= 50:
        raise ValueError(f"epochs must be between 1 and 50, got {epochs}.")
    import keras

    set_seed(seed)
    model = build_model()
    steps = math.ceil(len(x) / BATCH_SIZE)
    history: dict[str, list[float]] = {"seen": [], "loss": [], "accuracy": []}

    class Reporter(keras.callbacks.Callback):
        epoch = 0

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch + 1

        def on_train_batch_end(self, batch, logs=None):
            if (batch + 1) % report_every and batch + 1 != steps:
                return
            history["seen"].append(float(((self.epoch - 1) * steps + batch + 1) * BATCH_SIZE))
            history["loss"].append(float(logs["loss"]))
            history["accuracy"].append(float(logs["accuracy"]))
            if on_progress and batch + 1 != steps:  # the epoch's end is reported once, with validation
                on_progress(Progress(self.epoch, epochs, batch + 1, steps, history))

        def on_epoch_end(self, epoch, logs=None):
            history.setdefault("epoch", []).append(float(epoch + 1))
            for name in ("val_loss", "val_accuracy"):
                if name in logs:
                    history.setdefault(name, []).append(float(logs[name]))
            if on_progress:
                on_progress(Progress(epoch + 1, epochs, steps, steps, history))

    validation_data = None if validation is None else (check_images(validation[0])[..., None], validation[1])
    model.fit(x[..., None], y, batch_size=BATCH_SIZE, epochs=epochs, shuffle=True, verbose=0,
              validation_data=validation_data, callbacks=[Reporter()])
    return model, history


def save_model(model, path: Path | str) -> None:
    """Save weights and architecture only (no optimizer state), so the file stays small (about 0.9 MB)."""
    bare = build_model(compile=False)
    bare.set_weights(model.get_weights())
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    bare.save(path)


def load_model(invert: bool):
    """The shipped Keras model (uncompiled) trained without (``False``) or with (``True``) inverted copies of
    the digits; ``FileNotFoundError`` saying how to make it if its file is missing. Imports TensorFlow."""
    path = MODEL_PATHS[bool(invert)]
    if not path.exists():
        raise FileNotFoundError(f"The trained model {path.name} is missing from {path.parent}; "
                                "make it with `python scripts/train_mnist.py`.")
    import keras

    return keras.saving.load_model(path, compile=False)


def load_network(invert: bool) -> NumpyCNN:
    """The same shipped model as :func:`load_model`, as a NumPy network: loads in milliseconds (~5 ms),
    predicts without TensorFlow. The page predicts with this one. ``FileNotFoundError`` naming
    ``scripts/train_mnist.py --export-weights`` if the weights file (:data:`WEIGHTS_PATHS`) is missing."""
    path = WEIGHTS_PATHS[bool(invert)]
    if not path.exists():
        raise FileNotFoundError(f"The trained weights {path.name} are missing from {path.parent}; "
                                "make them with `python scripts/train_mnist.py --export-weights`.")
    return NumpyCNN.load(path)


def predict(model, images: np.ndarray) -> np.ndarray:
    """Probabilities (N, 10) for images (N, 28, 28) or a single (28, 28) image, floats in [0, 1].

    ``model`` is a :class:`NumpyCNN` (see :func:`load_network`) or a Keras model. A Keras model is called
    directly (compiled once per model, then ~1-5 ms per digit): for a handful of images that is many times
    faster than ``model.predict``. ``ValueError`` for other shapes, or for 0-255 pixel values.
    """
    if isinstance(model, NumpyCNN):
        return model.predict(check_images(images))
    x = check_images(images)[..., None]
    forward = _forward(model)
    return np.concatenate([np.asarray(forward(x[i:i + 1024])) for i in range(0, max(len(x), 1), 1024)])


_FORWARD = weakref.WeakKeyDictionary()  # model -> its compiled forward pass


def _forward(model):
    """The model's forward pass compiled once as a TensorFlow graph (any batch size): one image then takes
    about 1 ms instead of the ~8 ms of an eager ``model(x)`` call."""
    if model not in _FORWARD:
        import tensorflow as tf

        def forward(x):
            return model(x, training=False)

        _FORWARD[model] = tf.function(forward, input_signature=[tf.TensorSpec([None, 28, 28, 1], tf.float32)],
                                      autograph=False)
    return _FORWARD[model]


def test_probabilities(invert_model: bool, inverted_digits: bool) -> np.ndarray:
    """The shipped model's probabilities (10000, 10) on the test digits, or on their inverted copies; read
    from :data:`TEST_PROBABILITIES_PATH` when present, computed otherwise."""
    key = _probabilities_key(invert_model, inverted_digits)
    if TEST_PROBABILITIES_PATH.exists():
        with np.load(TEST_PROBABILITIES_PATH) as saved:
            if key in saved:
                return saved[key]
    x_test, _ = load_test_set()
    return predict(load_network(invert_model), invert(x_test) if inverted_digits else x_test)


def save_test_probabilities(models: dict, path: Path | str = TEST_PROBABILITIES_PATH) -> None:
    """Save ``{invert_model: model}``'s test-set probabilities (normal and inverted digits) for the page."""
    x_test, _ = load_test_set()
    probabilities = {_probabilities_key(invert_model, flipped): predict(model, invert(x_test) if flipped else x_test)
                     for invert_model, model in models.items() for flipped in (False, True)}
    np.savez_compressed(path, **probabilities)


def _probabilities_key(invert_model: bool, inverted_digits: bool) -> str:
    return f"{'invert' if invert_model else 'plain'}_model_on_{'inverted' if inverted_digits else 'normal'}_digits"


def accuracy(model, x: np.ndarray, y: np.ndarray) -> float:
    """Share of images whose most likely digit is the label."""
    return float(np.mean(predict(model, x).argmax(axis=1) == np.asarray(y)))


def first_layer_kernels(model) -> np.ndarray:
    """The 16 learned 5×5 filters of the first convolution, shaped (16, 5, 5)."""
    if isinstance(model, NumpyCNN):
        return model.first_layer_kernels()
    kernel = np.asarray(model.get_layer("conv1").get_weights()[0])  # (5, 5, 1, 16)
    return np.transpose(kernel[:, :, 0, :], (2, 0, 1))


def feature_maps(model, image: np.ndarray) -> dict[str, np.ndarray]:
    """What each convolution layer makes of one (28, 28) image: ``{"conv1": (16, 28, 28), "conv2": (32, 14, 14)}``."""
    if isinstance(model, NumpyCNN):
        return model.feature_maps(check_images(image))
    x = check_images(image)[:1, ..., None]
    maps = {}
    for layer in model.layers:
        x = layer(x, training=False)
        if layer.name in ("conv1", "conv2"):
            maps[layer.name] = np.transpose(np.asarray(x)[0], (2, 0, 1))
        if layer.name == "conv2":
            break
    return maps
