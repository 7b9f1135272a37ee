"""Reading a digit network's answers: the course's ten test images, "I don't know", and its mistakes.

Plain NumPy and pandas on probabilities (N, 10) from :func:`lib.mnist.predict`, so every number the page
shows can be checked in a notebook without Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from PIL import Image

from lib import DATA_DIR

COURSE_DIR = DATA_DIR / "custom-digits"


@dataclass(frozen=True)
class CourseImage:
    """One of the course's own test pictures."""

    name: str  #: "1" ... "9", "dog"
    label: int | None  #: the right digit, None for the dog (there is no right answer)
    description: str


#: The course's ten test pictures in ``COURSE_DIR``: the digits 1-9 (mostly dark on light) and a dog.
COURSE_IMAGES = [
    CourseImage("1", 1, "faint grey stroke on white"),
    CourseImage("2", 2, "printed 2, dark on light"),
    CourseImage("3", 3, "printed 3, grey on light grey"),
    CourseImage("4", 4, "printed 4, dark on light"),
    CourseImage("5", 5, "white handwriting on black, like MNIST"),
    CourseImage("6", 6, "black handwriting on white paper"),
    CourseImage("7", 7, "black handwriting on off-white paper"),
    CourseImage("8", 8, "dark handwriting on mid-grey"),
    CourseImage("9", 9, "door-number plate: white 9 on a dark plate"),
    CourseImage("dog", None, "a dog's face: not a digit at all"),
]


def load_course_images() -> np.ndarray:
    """The course's ten 28×28 test images (1-9, then the dog) as (10, 28, 28) floats, read exactly as the
    course reads them: ``image / 255``, not inverted, not preprocessed."""
    return np.stack([np.asarray(Image.open(COURSE_DIR / f"{item.name}.png").convert("L"), dtype=np.float32) / 255.0
                     for item in COURSE_IMAGES])


def course_table(probabilities: np.ndarray) -> pd.DataFrame:
    """The course's table: one row per image, one column per digit (probability in %), then the answer
    and whether it is right ("right", "wrong", or "no right answer" for the dog)."""
    probabilities = np.asarray(probabilities)
    if probabilities.shape != (len(COURSE_IMAGES), 10):
        raise ValueError(f"Expected probabilities shaped ({len(COURSE_IMAGES)}, 10), got {probabilities.shape}.")
    table = pd.DataFrame(100 * probabilities, columns=[str(d) for d in range(10)],
                         index=pd.Index([item.name for item in COURSE_IMAGES], name="image"))
    answers = probabilities.argmax(axis=1)
    table["answer"] = answers
    table["verdict"] = [verdict(item.label, answer) for item, answer in zip(COURSE_IMAGES, answers)]
    return table


def side_by_side(plain: np.ndarray, inverted: np.ndarray) -> pd.DataFrame:
    """Both networks' answers on the course images: image, what it is, then each answer with its
    probability and a ✓ (right) or ✗ (wrong); the dog gets no mark."""
    def answers(probabilities):
        marks = {"right": " ✓", "wrong": " ✗", "no right answer": ""}
        return [f"{p.argmax()} ({p.max():.0%}){marks[verdict(item.label, int(p.argmax()))]}"
                for item, p in zip(COURSE_IMAGES, np.asarray(probabilities))]

    return pd.DataFrame({"image": [item.name for item in COURSE_IMAGES],
                         "what it is": [item.description for item in COURSE_IMAGES],
                         "plain network": answers(plain), "with inverted copies": answers(inverted)})


def verdict(label: int | None, answer: int) -> str:
    return "no right answer" if label is None else ("right" if label == answer else "wrong")


def count_right(probabilities: np.ndarray) -> int:
    """How many of the nine course digits the most likely answer gets right."""
    return int((course_table(probabilities)["verdict"] == "right").sum())


def answer_or_unsure(probabilities: np.ndarray, threshold: float) -> int | None:
    """The most likely digit, or None ("I don't know") when its probability is below ``threshold``."""
    probabilities = np.asarray(probabilities).ravel()
    best = int(probabilities.argmax())
    return best if probabilities[best] >= threshold else None


#: Least top probability that counts as "sure": more likely than all the other digits together.
CONFIDENT = 0.5


def judge(probabilities: np.ndarray, truth: int | None, threshold: float) -> str:
    """How the network did on one picture whose true digit is ``truth`` (None: it is not a digit at all).

    ``"right"``: it answered the true digit, or said "I don't know" to a picture that is no digit;
    ``"unsure"``: it said "I don't know" (top probability below ``threshold``) to a digit;
    ``"confidently wrong"``: it answered something else and was sure of it (at least :data:`CONFIDENT`);
    ``"wrong"``: it answered something else, but less sure than that.
    """
    probabilities = np.asarray(probabilities).ravel()
    answer = answer_or_unsure(probabilities, threshold)
    if answer is None:
        return "unsure" if truth is not None else "right"
    if answer == truth:
        return "right"
    return "confidently wrong" if probabilities[answer] >= CONFIDENT else "wrong"


def threshold_curve(probabilities: np.ndarray, labels: np.ndarray, thresholds: np.ndarray) -> pd.DataFrame:
    """For each threshold: the share of digits the network answers (top probability ≥ threshold) and its
    accuracy on those it answers (NaN when it answers none)."""
    probabilities, labels = np.asarray(probabilities), np.asarray(labels)
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == labels
    rows = []
    for threshold in np.asarray(thresholds, dtype=float):
        answered = confidence >= threshold
        share = float(answered.mean())
        rows.append({"threshold": threshold, "answered": share,
                     "accuracy": float(correct[answered].mean()) if answered.any() else float("nan")})
    return pd.DataFrame(rows)


def confusion(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Counts (10, 10): row = the true digit, column = the network's answer."""
    answers = np.asarray(probabilities).argmax(axis=1)
    matrix = np.zeros((10, 10), dtype=np.int64)
    np.add.at(matrix, (np.asarray(labels), answers), 1)
    return matrix


def per_digit_accuracy(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Share of each digit's examples whose most likely answer is that digit, shape (10,): the diagonal of
    :func:`confusion` over its rows; NaN for a digit with no example."""
    matrix = confusion(probabilities, labels)
    totals = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(matrix) / totals, np.nan)


def mistakes(probabilities: np.ndarray, labels: np.ndarray, true: int, answer: int) -> np.ndarray:
    """Indices of the digits labelled ``true`` that the network called ``answer``, most confident first."""
    probabilities = np.asarray(probabilities)
    chosen = np.flatnonzero((np.asarray(labels) == true) & (probabilities.argmax(axis=1) == answer))
    return chosen[np.argsort(-probabilities[chosen, answer], kind="stable")]
