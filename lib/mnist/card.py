"""The model cards of the digit networks (issue #18): the two shipped ones, plain and trained with inverted copies
(:func:`model_card`), and one a learner trained on /mnist (:func:`live_card`). Each says what the network
learned from and never saw, its accuracy on the 10,000 held-out MNIST test digits overall and per digit and on
their inverted copies, what it gets wrong (black-on-white digits, the course's pictures, the door-number 9, the
dog), what it is not for, and when and how it was made. The format is :class:`lib.model_card.ModelCard`'s.

The numbers come from the same places as the page's: the shipped models' saved test-set probabilities
(:func:`lib.mnist.test_probabilities`, which the confusion table and the threshold chart also read) and their
answers to the course's ten pictures (:mod:`lib.mnist.results`), so the card and the page always agree and no
second copy of them is shipped. Plain Python, no Streamlit, no TensorFlow for the shipped networks.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from lib.mnist.data import load_test_set
from lib.mnist.model import BATCH_SIZE, SEED, SHIPPED_EPOCHS, load_network, predict, test_probabilities
from lib.mnist.results import COURSE_IMAGES, confusion, course_table, load_course_images, per_digit_accuracy
from lib.model_card import ClassScore, ModelCard, Words

#: The day the two shipped networks were trained and added to ``data/models/`` (``scripts/train_mnist.py``).
SHIPPED_ON = date(2026, 11, 21)
ARCHITECTURE = "Conv 16×5×5 → pool → Conv 32×5×5 → pool → Dense 128 → Dropout 40% → Dense 10 softmax"
_DOOR_NINE, _DOG = (next(k for k, item in enumerate(COURSE_IMAGES) if item.name == name) for name in ("9", "dog"))

MNIST_DIGITS = ("the 60,000 MNIST training digits, handwritten by about 250 people (US Census Bureau staff and "
                "secondary-school students), scanned and centred in 28×28 pixels, white ink on black")
NOT_FOR: tuple[Words, ...] = (
    ("Anything that is not one handwritten digit: it always answers one of 0–9, even for a dog, a letter or a "
     "blank page.", "Anything that isn't a number: it always says a number, even for a dog."),
    ("Reading house numbers, number plates or several digits at once: nothing like them was in its training.",
     "Reading door numbers or car number plates."),
    ("Anything where a wrong digit costs (money, medicine doses, post codes) without a person checking and an "
     "'I don't know' threshold.", "Anything important, like money or medicine, without a grown-up checking."),
)
PLAIN_NOT_FOR: Words = ("Black digits on white paper, unless they are inverted first (the page's auto-invert).",
                        "Numbers in dark pencil on white paper.")


def _a(digit: int) -> str:
    """A digit with its article, as said aloud: "an 8", "a 7"."""
    return f"an {digit}" if digit == 8 else f"a {digit}"


def _test_scores(probabilities: np.ndarray, labels: np.ndarray) -> tuple[float, tuple[ClassScore, ...]]:
    """Overall accuracy and each digit's, as the page's confusion table counts them."""
    matrix = confusion(probabilities, labels)
    per_digit = per_digit_accuracy(probabilities, labels)
    return (float(np.trace(matrix) / matrix.sum()),
            tuple(ClassScore(str(d), float(per_digit[d]), int(matrix[d].sum())) for d in range(10)))


def _course_failures(course_probabilities: np.ndarray) -> tuple[Words, ...]:
    """The course's nine digits (how many right, which wrong), the door-number 9 and the dog, as the page's
    course table shows them."""
    table = course_table(course_probabilities)
    digits = table.drop(index="dog")
    wrong = digits[digits["verdict"] == "wrong"]
    right = len(digits) - len(wrong)
    found = [(f"The course's nine digit pictures (photos and scans, mostly dark ink on light paper): {right} of 9 "
              "right" + (": it misreads " + ", ".join(f"the {name} as {int(row['answer'])}"
                                                      for name, row in wrong.iterrows()) if len(wrong) else "") + ".",
              f"{right} of the course's 9 number pictures right.")]
    door = np.asarray(course_probabilities)[_DOOR_NINE]
    if door.argmax() != 9:
        found.append((f"The door-number 9 (a white 9 on a dark plate with a border): read as {door.argmax()}, "
                      f"{door.max():.0%} sure. Nothing like a door plate was in its training.",
                      f"The door-number 9: it says {door.argmax()}."))
    dog = np.asarray(course_probabilities)[_DOG]
    found.append((f"The course's dog picture: it answers {dog.argmax()}, {dog.max():.0%} sure. It can only answer "
                  "with a digit.", f"A dog: it says it's {_a(dog.argmax())}!"))
    return tuple(found)


def _mix_up(probabilities: np.ndarray, labels: np.ndarray) -> Words:
    """Its most frequent mistake on the test digits, and its weakest digit."""
    matrix = confusion(probabilities, labels)
    np.fill_diagonal(matrix, 0)
    true, said = np.unravel_index(int(matrix.argmax()), matrix.shape)
    per_digit = per_digit_accuracy(probabilities, labels)
    weakest = int(np.nanargmin(per_digit))
    return (f"On the test digits, its most frequent mix-up is {_a(true)} read as {said} ({matrix[true, said]} times); "
            f"its weakest digit is {weakest} ({per_digit[weakest]:.1%} right).",
            f"It mixes up {true} and {said} most often.")


def _card(title: Words, learned_from: Words, never_saw: Words, overall: float, per_class: tuple[ClassScore, ...],
          inverted_accuracy: float, failures: tuple[Words, ...], not_for: tuple[Words, ...], made: date,
          settings: tuple[tuple[str, str], ...], decimals: int) -> ModelCard:
    """A digit network's card: what every digit card shares around what sets one apart; ``decimals`` of its
    percentages, as the page quotes that network (two for the shipped ones' test-set results, one for a live run)."""
    tested = sum(score.count for score in per_class)
    return ModelCard(title=title, learned_from=learned_from, never_saw=never_saw,
                     held_out=(f"the {tested:,} MNIST test digits", f"{tested:,} secret test numbers"),
                     overall=overall, class_column=("digit", "number"), count_column=("test digits", "secret tests"),
                     per_class=per_class,
                     other_tests=((("The same test digits inverted (black on white)",
                                    "The same numbers in black on white"), inverted_accuracy),),
                     failures=failures, not_for=not_for, made=made, settings=settings, decimals=decimals)


def model_card(inverted: bool, *, probabilities: dict[bool, np.ndarray] | None = None,
               labels: np.ndarray | None = None, course_probabilities: np.ndarray | None = None) -> ModelCard:
    """The card of a shipped network: plain (``inverted=False``) or trained with inverted copies (``True``).

    ``probabilities``: this network's probabilities (10000, 10) on the test digits, keyed by "digits inverted?";
    ``labels``: the test digits' labels; ``course_probabilities``: its (10, 10) for the course's ten pictures.
    Each is read or computed when not given (a page passes the ones it has cached)."""
    inverted = bool(inverted)
    if probabilities is None:
        probabilities = {flipped: test_probabilities(inverted, flipped) for flipped in (False, True)}
    if labels is None:
        labels = load_test_set()[1]
    if course_probabilities is None:
        course_probabilities = predict(load_network(inverted), load_course_images())
    flipped = probabilities[True].argmax(axis=1) == np.asarray(labels)
    if inverted:
        title = ("Model card: the digit network trained with inverted copies",
                 "Report card: the number robot that has seen both colours")
        learned_from = (MNIST_DIGITS[0].upper() + MNIST_DIGITS[1:] + ", plus a black-on-white copy of each: "
                        "120,000 pictures.", "60,000 handwritten numbers, in white chalk on black and again in "
                                             "black on white.")
        never_saw = ("The 10,000 MNIST test digits, written by other people and kept back to mark it; digits on "
                     "plates, signs or screens, with borders, shadows or printed fonts; letters, symbols and anything "
                     "that is not a digit.", "The secret test numbers, door numbers, letters, and dogs.")
        failures, not_for = (), NOT_FOR
    else:
        title = ("Model card: the plain digit network", "Report card: the number robot")
        learned_from = (MNIST_DIGITS[0].upper() + MNIST_DIGITS[1:] + ".",
                        "60,000 handwritten numbers, always white chalk on a black board.")
        never_saw = ("The 10,000 MNIST test digits, written by other people and kept back to mark it; a single "
                     "black digit on white paper; digits on plates, signs or screens; letters, symbols and anything "
                     "that is not a digit.", "The secret test numbers, dark pencil on white paper, and dogs.")
        failures = ((f"Inverted digits (black ink on white paper): only {flipped.mean():.2%} right, and it answers "
                     "as surely as ever.", f"Dark numbers on white paper: only {flipped.mean():.0%} right."),)
        not_for = (PLAIN_NOT_FOR, *NOT_FOR)
    settings = (("Network", ARCHITECTURE),
                ("Training digits", "120,000 (60,000 and their inverted copies)" if inverted else "60,000"),
                ("Epochs", str(SHIPPED_EPOCHS)), ("Batch size", str(BATCH_SIZE)), ("Optimiser", "Adam"),
                ("Random seed", str(SEED)), ("Made by", "scripts/train_mnist.py"))
    overall, per_class = _test_scores(probabilities[False], labels)
    failures = (*failures, *_course_failures(course_probabilities), _mix_up(probabilities[False], labels))
    return _card(title, learned_from, never_saw, overall, per_class, float(flipped.mean()), failures, not_for,
                 SHIPPED_ON, settings, decimals=2)


def live_card(setting, run, course_probabilities: np.ndarray, labels: np.ndarray | None = None,
              made: date | None = None) -> ModelCard:
    """The card of a network a learner trained on /mnist: ``setting`` (a :class:`lib.mnist.live.LiveSetting`)
    and its finished ``run`` (:class:`lib.mnist.live.LiveRun`, with its per-digit test accuracy),
    ``course_probabilities`` its (10, 10) for the course's ten pictures, ``labels`` the test labels (read when
    not given), ``made`` the day it was trained (today by default)."""
    if labels is None:
        labels = load_test_set()[1]
    counts = np.bincount(np.asarray(labels), minlength=10)
    wants = setting.wants
    pictures = setting.size * (2 if wants.invert else 1)
    learned_from = (f"The first {setting.size:,} of {MNIST_DIGITS}, changed as chosen ({wants.describe()}): "
                    f"{pictures:,} pictures, each seen {setting.epochs} time{'s' if setting.epochs > 1 else ''}.",
                    f"{setting.size:,} handwritten numbers you chose"
                    + (", in both colours." if wants.invert else ", in white chalk on black."))
    never_saw = (f"The 10,000 MNIST test digits, kept back to mark it; the other {60_000 - setting.size:,} training "
                 "digits; " + ("" if wants.invert else "black digits on white paper; ")
                 + "door plates, letters and anything that is not a digit.",
                 "The secret test numbers, door numbers, letters, and dogs.")
    per_class = tuple(ClassScore(str(d), float(a), int(counts[d])) for d, a in enumerate(run.per_digit))
    settings = (("Network", ARCHITECTURE), ("Training digits", f"the first {setting.size:,}"),
                ("Changes to them", wants.describe()), ("Epochs", str(setting.epochs)),
                ("Batch size", str(BATCH_SIZE)), ("Optimiser", "Adam"), ("Random seed", str(SEED)))
    return _card(("Model card: your digit network", "Report card: your number robot"), learned_from, never_saw,
                 float(run.normal), per_class, float(run.inverted), _course_failures(course_probabilities),
                 NOT_FOR if wants.invert else (PLAIN_NOT_FOR, *NOT_FOR), made or date.today(), settings,
                 decimals=1)
