"""The /iris page's notebook (issue #18, :func:`lib.notebooks.build`): the course's Keras code for the iris
flowers with the learner's design (hidden layers and their sizes, activation, learning rate, epochs, batches per
epoch, batch size, seed, test share, training flowers), trained on scikit-learn's bundled iris data, then the
course's example flowers predicted, with the page's "I don't know" threshold. With a learner's own table
(:mod:`lib.iris.own_data`, which no link carries) the notebook carries the table as CSV text in a cell and trains
the same network on it, one input per chosen column and one output per class.

The run is the page's run: the same split, the same order of flowers and the same seed, so the notebook reaches
the page's test accuracy (tests/iris/test_iris_notebook.py checks it). Given the page's trained weights, the
notebook carries them too and can skip training (``TRAIN = False``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lib.handout import escape_markdown
from lib.iris.model import IrisConfig
from lib.iris.own_data import OwnData
from lib.notebooks import Cell, Topic, code, grid, markdown


def config_of(settings: Mapping[str, Any], data: OwnData | None = None) -> IrisConfig:
    """The page's :class:`~lib.iris.model.IrisConfig` for its parsed settings (URL name → value), on the
    learner's own table ``data`` if given."""
    flowers = settings["flowers"]
    return IrisConfig(hidden_layers=tuple(settings[f"n{k + 1}"] for k in range(settings["layers"])),
                      activation=settings["activation"], learning_rate=settings["lr"], epochs=settings["epochs"],
                      steps_per_epoch=settings["steps"], batch_size=settings["batch"],
                      test_fraction=settings["test"], train_size=None if flowers == "all" else int(flowers), data=data)


def cells(settings: Mapping[str, Any], weights=None, data: OwnData | None = None) -> Topic:
    """The notebook's cells for the page's parsed settings; ``weights`` (optional) the page's trained network,
    (kernel, bias) per layer, input side first (``lib.iris.network.Weights``); ``data`` (optional) the learner's
    own table, which the notebook then carries and trains on instead of the irises."""
    config = config_of(settings, data)
    seed, threshold = int(settings["seed"]), settings["threshold"]
    flat = _flat(weights, config) if weights is not None else None
    layers = "".join(f"tf.keras.layers.Dense({units}, activation=ACTIVATION),\n    " for units in config.hidden_layers)
    things = "flowers" if data is None else "rows"
    n_in, *_, n_out = config.layer_sizes
    result = [
        markdown(f"""
## Your network's settings

The course's network is 4 inputs → 10 → 10 → 3 outputs; yours is **{" → ".join(map(str, config.layer_sizes))}**.
Change a number here and run everything again to try another design."""),
        code(f"""
SEED = {seed}  # picks the test flowers, the starting weights and the order the flowers are shown in
TEST_FRACTION = {settings["test"]!r}  # share of the {"150 flowers" if data is None else "rows"} kept back for the test
TRAINING_FLOWERS = {settings["flowers"]!r}  # "all", or only this many of the training flowers
ACTIVATION = {config.activation!r}  # of the hidden neurons: "relu", "sigmoid", "tanh" or "linear"
LEARNING_RATE = {config.learning_rate!r}  # Adam's step size (the course uses Adam's default, 0.001)
EPOCHS = {config.epochs}
STEPS_PER_EPOCH = {config.steps_per_epoch}  # batches per epoch
BATCH_SIZE = {config.batch_size}
THRESHOLD = {threshold / 100!r}  # below this probability, say "I don't know" instead of a species
TRAIN = True  # {"False: use the network you trained on the page instead (its weights are in this notebook)"
                 if flat is not None else "False needs the page's trained weights: press Train first"}"""),
        *(_iris_data() if data is None else _own_data(data)),
        markdown(f"""
## 2 · Split it: training {things} and test {things}

The network learns from the training {things} only; the test {things} tell us how good it is on {things} it has
never seen. The training {things} are then taken from each class in turn, so that even a few of them hold every
class."""),
        code("""
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=TEST_FRACTION, random_state=SEED)

rng = np.random.default_rng(SEED)
by_species = [rng.permutation(np.flatnonzero(y_train == species)) for species in range(len(CLASSES))]  # shuffled
in_turn = []  # one of each class, then the next of each, …
for turn in range(max(len(group) for group in by_species)):
    for group in by_species:
        if turn < len(group):
            in_turn.append(group[turn])
if TRAINING_FLOWERS != "all":
    in_turn = in_turn[:TRAINING_FLOWERS]
X_train, y_train = X_train[in_turn], y_train[in_turn]
print(f"{len(X_train)} training flowers, {len(X_test)} test flowers")
print("Training flowers of each class:", np.bincount(y_train, minlength=len(CLASSES)))"""),
        markdown("""
## 3 · Prepare the data

The course shows the training flowers to the network over and over in random order, in batches:
`train.repeat().shuffle(1000).batch(32)`. Here each pass over the training flowers gets its own random order,
drawn with the seed, so that the run is the same every time (and the same as on the page)."""),
        code("""
import tensorflow as tf

tf.keras.utils.set_random_seed(SEED)  # the same starting weights every time
tf.config.experimental.enable_op_determinism()

shown = EPOCHS * STEPS_PER_EPOCH * BATCH_SIZE  # flowers shown during the whole training
rng = np.random.default_rng(SEED)
passes = -(-shown // len(X_train))  # whole passes over the training flowers (rounded up)
order = np.concatenate([rng.permutation(len(X_train)) for _ in range(passes)])[:shown]

train = tf.data.Dataset.from_tensor_slices((X_train[order].astype("float32"), y_train[order]))
train = train.batch(BATCH_SIZE)
test = tf.data.Dataset.from_tensor_slices((X_test.astype("float32"), y_test)).batch(len(X_test))"""),
        markdown(f"""
## 4 · Design the network

{"Four" if data is None else n_in} inputs (the measurements), your hidden layers, and {"three" if data is None else n_out}
outputs, one per {"species" if data is None else "class"}. Softmax on the last layer turns its numbers into
probabilities."""),
        code(f"""
model = tf.keras.Sequential([
    tf.keras.Input(({n_in},)),
    {layers}tf.keras.layers.Dense({n_out}, activation="softmax"),
])
model.compile(
    loss="sparse_categorical_crossentropy",
    optimizer=tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE),
    metrics=["accuracy"],
)
model.summary()"""),
        *(_weights_cells(flat) if flat is not None else []),
        markdown("""
## 5 · Train it

`fit` nudges the weights after every batch. After each epoch it measures the network on the test flowers
(`val_accuracy`). It takes a few seconds."""),
        code("""
if TRAIN:
    history = model.fit(
        train,
        validation_data=test,
        steps_per_epoch=STEPS_PER_EPOCH,
        epochs=EPOCHS,
        verbose=2,
    )
else:
    model.set_weights(PAGE_WEIGHTS)  # the network trained on the page (the cell above)
    print("Using the network trained on the page.")"""),
        markdown(f"""
## 6 · How good is it?

Accuracy on the test {things}: the share it labels correctly, out of {things} it never trained on."""),
        code(f"""
test_loss, test_accuracy = model.evaluate(test, verbose=0)
print(f"Test accuracy: {{test_accuracy:.1%}} of {{len(X_test)}} test {things}")

predicted = model.predict(X_test, verbose=0).argmax(axis=1)
for species, name in enumerate(CLASSES):
    right = (predicted[y_test == species] == species).mean()
    print(f"  {{name}}: {{right:.0%}} right")"""),
        *(_iris_examples() if data is None else _own_examples()),
    ]
    result.append(markdown("""
**Try next:** set `ACTIVATION = "linear"`, or 0 hidden layers (delete the `Dense` lines above the last one), or
`TRAINING_FLOWERS = 10`, and run everything again. Which changes the test accuracy most?"""))
    notes = () if data is None else (f"This notebook carries your own table ({len(data.table):,} rows); the link "
                                     "does not, so on the page choose it again to see it there.",)
    return Topic(result, ("numpy", "scikit-learn", "tensorflow", *(("pandas",) if data is not None else ())), notes)


def _iris_data() -> list[Cell]:
    return [
        markdown("""
## 1 · The data

150 irises, each measured with a ruler: sepal length and width, petal length and width, in cm. Someone has
labelled each with its species: 0 setosa, 1 versicolor, 2 virginica. scikit-learn comes with this data set
(nothing downloads)."""),
        code("""
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

X = load_iris().data
y = load_iris().target
CLASSES = list(load_iris().target_names)  # the species, in the network's output order
print(X.shape, y.shape)
print(X[:3], y[:3])"""),
    ]


def _own_data(data: OwnData) -> list[Cell]:
    lines = "\n".join(f"    {line!r}" for line in data.csv_text().splitlines(keepends=True))
    inputs = ", ".join(map(escape_markdown, data.inputs))
    return [
        markdown(f"""
## 1 · The data

Your own table, carried inside this notebook as CSV text ({len(data.table):,} rows with every chosen column filled
in). The network learns to tell the classes of the column *{escape_markdown(data.label)}* apart
({len(data.classes)} of them) from {len(data.inputs)} inputs: {inputs}. Change `TABLE` (or read your own file
with `pd.read_csv("my-table.csv")`) to try other data."""),
        code(f"""
import io

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

TABLE = (
{lines}
)
LABEL = {data.label!r}  # the column the network learns to predict
INPUTS = {list(data.inputs)!r}  # the columns it predicts from
CLASSES = {list(data.classes)!r}  # the label's values, in the network's output order

table = pd.read_csv(io.StringIO(TABLE), dtype={{LABEL: str}}, keep_default_na=False)
X = table[INPUTS].to_numpy(dtype=float)
y = np.array([CLASSES.index(label) for label in table[LABEL]])
print(X.shape, y.shape)
print(X[:3], y[:3])"""),
    ]


def _own_examples() -> list[Cell]:
    return [
        markdown("""
## 7 · Use the model

Three rows of the test set, which the network never trained on. Below `THRESHOLD` its answer is "I don't
know"."""),
        code("""
predictions = model.predict(X_test[:3], verbose=0)

for probabilities, expected in zip(predictions, y_test[:3]):
    best = probabilities.argmax()
    mark = "✓" if best == expected else "✗"
    answer = f"Prediction is {CLASSES[best]!r} ({probabilities[best]:.1%})" if probabilities[best] >= THRESHOLD \\
        else f"I don't know (at most {probabilities[best]:.1%} sure, less than {THRESHOLD:.0%})"
    print(f"{mark} {answer}, expected {CLASSES[expected]!r}")"""),
    ]


def _iris_examples() -> list[Cell]:
    return [
        markdown("""
## 7 · Use the model

The course's three example flowers. `predict_true_labels` is what a botanist says they are; the network never
sees it. Below `THRESHOLD` the network's answer is "I don't know"."""),
        code("""
predict_true_labels = ["setosa", "versicolor", "virginica"]
predict_X = [
    [5.1, 3.3, 1.7, 0.5],
    [5.9, 3.0, 4.2, 1.5],
    [6.9, 3.1, 5.4, 2.1],
]

predictions = model.predict(np.array(predict_X), verbose=0)

for probabilities, expected in zip(predictions, predict_true_labels):
    best = probabilities.argmax()
    name = CLASSES[best]
    mark = "✓" if name == expected else "✗"
    answer = f"Prediction is '{name}' ({probabilities[best]:.1%})" if probabilities[best] >= THRESHOLD else \\
        f"I don't know (at most {probabilities[best]:.1%} sure, less than {THRESHOLD:.0%})"
    print(f"{mark} {answer}, expected '{expected}'")"""),
    ]


def _weights_cells(flat: list[np.ndarray]) -> list:
    rows = "\n".join(f"    np.array({grid(values, indent=8)}, dtype=\"float32\")," for values in flat)
    return [
        markdown("""
### The network you trained on the page

Its weights and biases, layer by layer, as `model.get_weights()` gives them (you do not need to read them). With
`TRAIN = False` in the first code cell, the notebook uses them instead of training."""),
        code(f"PAGE_WEIGHTS = [\n{rows}\n]\nprint([w.shape for w in PAGE_WEIGHTS])"),
    ]


def _flat(weights, config: IrisConfig) -> list[np.ndarray]:
    """``weights`` ((kernel, bias) per layer, or already flat as ``model.get_weights()``) as one flat list,
    checked against the design; ``ValueError`` when they belong to another network."""
    flat = [np.asarray(part, dtype=np.float32) for layer in weights
            for part in (layer if isinstance(layer, (tuple, list)) else (layer,))]
    sizes = config.layer_sizes
    wanted = [shape for n_in, n_out in zip(sizes, sizes[1:]) for shape in ((n_in, n_out), (n_out,))]
    if [w.shape for w in flat] != wanted:
        raise ValueError(f"The weights have shapes {[w.shape for w in flat]}, but the network "
                         f"{' → '.join(map(str, sizes))} needs {wanted}.")
    return flat
