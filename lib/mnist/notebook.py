"""The /mnist page's notebook (issue #18, :func:`lib.notebooks.build`): the course's CNN trained on MNIST with the
learner's invert choice (the course's ``INVERT``), then judged on the test digits as they are and inverted, on the
course's ten pictures (with the page's "I don't know" threshold and auto-invert fix) and on the page's mistakes.

By default it trains on the first 6,000 training digits for one epoch, about a minute on a laptop's processor;
one line changes that to all 60,000. MNIST comes from ``mnist.npz`` beside the notebook when it is there (the
app's ``data/mnist.npz``, the same arrays as Keras's file), otherwise from Keras's own loader, which downloads
it once (11 MB): the cell says so. The download is the notebook alone, no zip."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lib.mnist.results import COURSE_IMAGES, load_course_images
from lib.notebooks import Topic, code, grid, markdown

SUBSET = 6_000  #: training digits by default: about a minute on a laptop's processor, invert doubling it
ALL = 60_000


def cells(settings: Mapping[str, Any]) -> Topic:
    """The notebook's cells for the page's parsed settings (URL name → value)."""
    notes = []
    if settings["source"] in ("draw", "upload", "camera"):
        notes.append("Your own digit (drawn, uploaded or photographed) stays on your computer and is not in the "
                     "link: the notebook asks the network about the course's ten pictures instead, and says where "
                     "to put a picture of your own.")
    pictures = np.rint(load_course_images() * 255).astype(np.uint8)
    images = "\n".join(f"    {item.name!r}: np.array({grid(pixels, indent=8)}, dtype=np.uint8),"
                       for item, pixels in zip(COURSE_IMAGES, pictures))
    chosen = settings["image"] if settings["source"] == "course" else None
    result = [
        markdown("""
## Your settings

`INVERT` is the course's switch (and the page's *Train with inverted copies*): `True` adds a black-on-white copy
of every training digit. Training on all 60,000 digits takes about ten times as long as the 6,000 here."""),
        code(f"""
INVERT = {bool(settings["invert"])}  # True: train on the digits plus an inverted (black-on-white) copy of each
TRAIN_DIGITS = {SUBSET:_}  # the first 6,000 of the 60,000 training digits: about a minute on a laptop
# TRAIN_DIGITS = {ALL:_}  # ← remove the # at the start of this line to train on all of them (about ten times longer)
EPOCHS = 1
SEED = 2024  # the same seed, the same network every time
THRESHOLD = {settings["threshold"] / 100!r}  # below this probability the answer is "I don't know"
AUTO_INVERT = {bool(settings["auto_invert"])}  # swap black and white of a picture with a light background first
PICTURE = {chosen!r}  # the course picture you looked at on the page (None: you drew or uploaded your own)
TEST_INVERTED = {bool(settings["test_inverted"])}  # look for mistakes among the inverted test digits
TRUE_DIGIT = {int(settings["true_digit"])}  # … and among the test digits that really are this digit"""),
        markdown("""
## 1 · The data

MNIST: 70,000 handwritten digits, 28 × 28 pixels, white on black, numbers from 0 to 255, each labelled with the
digit it is. 60,000 are for training and 10,000 for testing.

If a file called `mnist.npz` is beside this notebook (the app's `data/mnist.npz`: ask your instructor, or copy it
from the app's folder), it is read from there and nothing downloads. **Otherwise Keras downloads MNIST (11 MB)
from Google's servers** the first time and keeps it for next time. (The course loads it with
`tensorflow_datasets`; Keras's own loader needs nothing extra.)"""),
        code("""
import os

import numpy as np
import tensorflow as tf

if os.path.exists("mnist.npz"):
    with np.load("mnist.npz") as data:
        x_train, y_train = data["x_train"], data["y_train"]
        x_test, y_test = data["x_test"], data["y_test"]
    print("Read MNIST from mnist.npz beside this notebook.")
else:
    # This line downloads MNIST (11 MB) from Google's servers the first time.
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
print(x_train.shape, y_train.shape, x_test.shape, y_test.shape)"""),
        markdown("""
## 2 · Prepare it

From 0–255 to 0.0–1.0 (the course's `normalize_img`), only the first `TRAIN_DIGITS` for training, and with
`INVERT` the course's data augmentation: an inverted copy of every training digit, `1 − x`, added to the
originals."""),
        code("""
def normalize_img(image):
    return image.astype("float32") / 255.0


def invert(image):
    return 1.0 - image


x_train, y_train = normalize_img(x_train[:TRAIN_DIGITS]), y_train[:TRAIN_DIGITS]
x_test = normalize_img(x_test)
if INVERT:
    x_train = np.concatenate([x_train, invert(x_train)])
    y_train = np.concatenate([y_train, y_train])
print(f"Training on {len(x_train):,} digits" + (" (half of them inverted)" if INVERT else ""))"""),
        markdown("""
## 3 · The course's CNN

Two rounds of convolution (16, then 32 filters of 5 × 5) and max pooling, then a dense layer of 128 neurons with
40% dropout, and 10 outputs, one per digit."""),
        code("""
tf.keras.utils.set_random_seed(SEED)

model = tf.keras.models.Sequential([
    tf.keras.Input((28, 28, 1)),
    tf.keras.layers.Conv2D(filters=16, kernel_size=5, padding="same", activation=tf.nn.relu),
    tf.keras.layers.MaxPool2D((2, 2), (2, 2), padding="same"),
    tf.keras.layers.Conv2D(filters=32, kernel_size=5, padding="same", activation=tf.nn.relu),
    tf.keras.layers.MaxPool2D((2, 2), (2, 2), padding="same"),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.4),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(
    loss="sparse_categorical_crossentropy",
    optimizer="adam",
    metrics=["accuracy"],
)
model.summary()"""),
        markdown("""
## 4 · Train it

Batches of 128 digits, shuffled, for `EPOCHS` passes (the course trains for 1 epoch on all 60,000)."""),
        code("""
history = model.fit(
    x_train.reshape(-1, 28, 28, 1),
    y_train,
    batch_size=128,
    epochs=EPOCHS,
    shuffle=True,
    verbose=2,
)"""),
        markdown("""
## 5 · Test it: white on black, and black on white

The 10,000 test digits it never saw, as they are and inverted. Without `INVERT` the network has only ever seen white
strokes on black, so the inverted test digits are its weak spot."""),
        code("""
answers = model.predict(x_test.reshape(-1, 28, 28, 1), verbose=0).argmax(axis=1)  # its digit for each
inverted_answers = model.predict(invert(x_test).reshape(-1, 28, 28, 1), verbose=0).argmax(axis=1)
accuracy, inverted_accuracy = (answers == y_test).mean(), (inverted_answers == y_test).mean()
print(f"Test digits as they are (white on black): {accuracy:.1%} right")
print(f"The same digits inverted (black on white): {inverted_accuracy:.1%} right")"""),
        markdown("""
## 6 · The course's ten pictures

The course's own test pictures: the digits 1 to 9 (most of them dark on light, like ink on paper) and a dog, read as
the course reads them (`image / 255`). The network has to answer something, even for the dog: below `THRESHOLD` its
answer is "I don't know"."""),
        code(f"""
# The course's pictures as numbers, 28 × 28 each (0 black … 255 white): you do not need to read them.
COURSE_PICTURES = {{
{images}
}}"""),
        code("""
from PIL import Image


def looks_light(image):
    \"\"\"Whether a picture's background (its outer frame) is light: dark ink on paper.\"\"\"
    border = np.concatenate([image[:1].ravel(), image[-1:].ravel(), image[:, :1].ravel(), image[:, -1:].ravel()])
    return np.median(border) > 0.5


for name, pixels in COURSE_PICTURES.items():
    image = pixels / 255.0
    if AUTO_INVERT and looks_light(image):
        image = invert(image)  # the fix that needs no new training
    probabilities = model.predict(image.reshape(1, 28, 28, 1), verbose=0)[0]
    best = probabilities.argmax()
    answer = f"CNN thinks it's a {best} ({probabilities[best]:.1%})" if probabilities[best] >= THRESHOLD else \\
        f"I don't know (at most {probabilities[best]:.1%} sure)"
    right = "" if name == "dog" else f" at {probabilities[int(name)]:5.1%}"
    marker = "  ← the one you looked at" if name == PICTURE else ""
    print(f"{name}{right}. {answer}{marker}")

if PICTURE is not None:
    display(Image.fromarray(COURSE_PICTURES[PICTURE]).resize((140, 140), Image.NEAREST))
# Your own picture: a square photo of one digit, as 28 × 28 grey numbers from 0 to 1 (then predict as above):
# my_digit = np.asarray(Image.open("my_digit.png").convert("L").resize((28, 28))) / 255.0"""),
        markdown("""
## 7 · Its mistakes

Which digits does it take a `TRUE_DIGIT` for, among the test digits (inverted ones with `TEST_INVERTED`)?"""),
        code("""
mine = (inverted_answers if TEST_INVERTED else answers)[y_test == TRUE_DIGIT]  # its answers for them
print(f"Of the {len(mine)} test {TRUE_DIGIT}s it got {(mine == TRUE_DIGIT).mean():.1%} right. It called the others:")
for digit, count in enumerate(np.bincount(mine, minlength=10)):
    if digit != TRUE_DIGIT and count:
        print(f"  a {digit}: {count} times")"""),
        markdown("""
**Try next:** switch `INVERT` and run everything again: what happens to the inverted test digits and to the
course's pictures? Then train on all 60,000 digits. The door-number 9 still fails: what would it need?"""),
    ]
    return Topic(result, ("numpy", "pillow", "tensorflow"), tuple(notes))
