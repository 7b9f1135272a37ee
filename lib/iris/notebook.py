"""The /iris page's notebook (issue #18, :func:`lib.notebooks.build`): the course's Keras code for the iris
flowers with the learner's design (hidden layers and their sizes, activation, learning rate, epochs, batches per
epoch, batch size, seed, test share, training flowers), trained on scikit-learn's bundled iris data, then the
course's example flowers predicted, with the page's "I don't know" threshold.

The run is the page's run: the same split, the same order of flowers and the same seed, so the notebook reaches
the page's test accuracy (tests/iris/test_iris_notebook.py checks it). Given the page's trained weights, the
notebook carries them too and can skip training (``TRAIN = False``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lib.iris.model import IrisConfig
from lib.notebooks import Topic, code, grid, markdown


def config_of(settings: Mapping[str, Any]) -> IrisConfig:
    """The page's :class:`~lib.iris.model.IrisConfig` for its parsed settings (URL name → value)."""
    flowers = settings["flowers"]
    return IrisConfig(hidden_layers=tuple(settings[f"n{k + 1}"] for k in range(settings["layers"])),
                      activation=settings["activation"], learning_rate=settings["lr"], epochs=settings["epochs"],
                      steps_per_epoch=settings["steps"], batch_size=settings["batch"],
                      test_fraction=settings["test"], train_size=None if flowers == "all" else int(flowers))


def cells(settings: Mapping[str, Any], weights=None) -> Topic:
    """The notebook's cells for the page's parsed settings; ``weights`` (optional) the page's trained network,
    (kernel, bias) per layer, input side first (``lib.iris.network.Weights``)."""
    config = config_of(settings)
    seed, threshold = int(settings["seed"]), settings["threshold"]
    flat = _flat(weights, config) if weights is not None else None
    layers = "".join(f"tf.keras.layers.Dense({units}, activation=ACTIVATION),\n    " for units in config.hidden_layers)
    result = [
        markdown(f"""
## Your network's settings

The course's network is 4 inputs → 10 → 10 → 3 outputs; yours is **{" → ".join(map(str, config.layer_sizes))}**.
Change a number here and run everything again to try another design."""),
        code(f"""
SEED = {seed}  # picks the test flowers, the starting weights and the order the flowers are shown in
TEST_FRACTION = {settings["test"]!r}  # share of the 150 flowers kept back for the test
TRAINING_FLOWERS = {settings["flowers"]!r}  # "all", or only this many of the training flowers
ACTIVATION = {config.activation!r}  # of the hidden neurons: "relu", "sigmoid", "tanh" or "linear"
LEARNING_RATE = {config.learning_rate!r}  # Adam's step size (the course uses Adam's default, 0.001)
EPOCHS = {config.epochs}
STEPS_PER_EPOCH = {config.steps_per_epoch}  # batches per epoch
BATCH_SIZE = {config.batch_size}
THRESHOLD = {threshold / 100!r}  # below this probability, say "I don't know" instead of a species
TRAIN = True  # {"False: use the network you trained on the page instead (its weights are in this notebook)"
                 if flat is not None else "False needs the page's trained weights: press Train first"}"""),
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
print(X.shape, y.shape)
print(X[:3], y[:3])"""),
        markdown("""
## 2 · Split it: training flowers and test flowers

The network learns from the training flowers only; the test flowers tell us how good it is on flowers it has never
seen. The training flowers are then taken from each species in turn, so that even a few of them hold every
species."""),
        code("""
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=TEST_FRACTION, random_state=SEED)

rng = np.random.default_rng(SEED)
by_species = [rng.permutation(np.flatnonzero(y_train == species)) for species in range(3)]  # each shuffled
in_turn = []  # one setosa, one versicolor, one virginica, then the next of each, …
for turn in range(max(len(group) for group in by_species)):
    for group in by_species:
        if turn < len(group):
            in_turn.append(group[turn])
if TRAINING_FLOWERS != "all":
    in_turn = in_turn[:TRAINING_FLOWERS]
X_train, y_train = X_train[in_turn], y_train[in_turn]
print(f"{len(X_train)} training flowers, {len(X_test)} test flowers")
print("Training flowers of each species:", np.bincount(y_train, minlength=3))"""),
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
        markdown("""
## 4 · Design the network

Four inputs (the measurements), your hidden layers, and three outputs, one per species. Softmax on the last layer
turns its numbers into probabilities."""),
        code(f"""
model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    {layers}tf.keras.layers.Dense(3, activation="softmax"),
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
        markdown("""
## 6 · How good is it?

Accuracy on the test flowers: the share it labels correctly, out of flowers it never trained on."""),
        code("""
test_loss, test_accuracy = model.evaluate(test, verbose=0)
print(f"Test accuracy: {test_accuracy:.1%} of {len(X_test)} test flowers")

predicted = model.predict(X_test, verbose=0).argmax(axis=1)
for species, name in enumerate(load_iris().target_names):
    right = (predicted[y_test == species] == species).mean()
    print(f"  {name}: {right:.0%} right")"""),
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
    name = load_iris().target_names[best]
    mark = "✓" if name == expected else "✗"
    answer = f"Prediction is '{name}' ({probabilities[best]:.1%})" if probabilities[best] >= THRESHOLD else \\
        f"I don't know (at most {probabilities[best]:.1%} sure, less than {THRESHOLD:.0%})"
    print(f"{mark} {answer}, expected '{expected}'")"""),
    ]
    result.append(markdown("""
**Try next:** set `ACTIVATION = "linear"`, or 0 hidden layers (delete the `Dense` lines above the last one), or
`TRAINING_FLOWERS = 10`, and run everything again. Which changes the test accuracy most?"""))
    return Topic(result, ("numpy", "scikit-learn", "tensorflow"))


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
