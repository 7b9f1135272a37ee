"""lib.mnist.card: the digit networks' model cards. Their numbers are checked against an independent count
(NumPy argmax on the saved test-set probabilities and the MNIST labels, read straight from the files), against
data/README.md's recorded accuracies, and against the course table the page shows."""

from datetime import date

import numpy as np
import pytest

from lib import mnist
from lib.mnist import results
from lib.mnist.augment import Augmentations
from lib.mnist.card import SHIPPED_ON, live_card, model_card
from lib.mnist.live import LiveRun, LiveSetting
from lib.mnist.results import per_digit_accuracy


@pytest.fixture(scope="module")
def saved():
    """The test labels and each shipped network's saved probabilities, read without lib.mnist's loaders."""
    with np.load(mnist.MNIST_PATH) as data:
        labels = data["y_test"].astype(int)
    with np.load(mnist.TEST_PROBABILITIES_PATH) as probabilities:
        return labels, {key: probabilities[key] for key in probabilities.files}


@pytest.fixture(scope="module")
def cards():
    return {inverted: model_card(inverted) for inverted in (False, True)}


@pytest.mark.parametrize("inverted", [False, True])
def test_accuracy_overall_per_digit_and_inverted_match_an_independent_count(saved, cards, inverted):
    labels, probabilities = saved
    name = "invert" if inverted else "plain"
    normal = probabilities[f"{name}_model_on_normal_digits"].argmax(axis=1)
    flipped = probabilities[f"{name}_model_on_inverted_digits"].argmax(axis=1)
    card = cards[inverted]
    assert card.overall == pytest.approx(np.count_nonzero(normal == labels) / len(labels))
    for digit, score in enumerate(card.per_class):
        members = labels == digit
        assert score.name == str(digit) and score.count == members.sum()
        assert score.accuracy == pytest.approx(np.count_nonzero(normal[members] == digit) / members.sum())
    ((_, inverted_accuracy),) = card.other_tests
    assert inverted_accuracy == pytest.approx(np.mean(flipped == labels))


def test_the_numbers_are_data_readmes_and_the_pages(cards):
    """data/README.md records 99.08% / 27.79% (plain) and 99.25% / 99.26% (with inverted copies); the page's
    confusion table gives the first of each with two decimals."""
    plain, invert = (cards[k].to_markdown(False) for k in (False, True))
    assert "**99.08%** of the 10,000 MNIST test digits right" in plain and "**27.79%** right" in plain
    assert "**99.25%** of the 10,000 MNIST test digits right" in invert and "**99.26%** right" in invert
    assert f"**Made** {SHIPPED_ON.day} {SHIPPED_ON:%B %Y}" in plain


def test_what_it_gets_wrong_is_the_course_table(cards):
    course = results.load_course_images()
    for inverted, card in cards.items():
        table = results.course_table(mnist.predict(mnist.load_network(inverted), course))
        text = card.to_markdown(False)
        assert f"{(table['verdict'] == 'right').sum()} of 9 right" in text
        door, dog = table.loc["9"], table.loc["dog"]
        assert f"door-number 9 (a white 9 on a dark plate with a border): read as {door['answer']}, " in text
        assert f"dog picture: it answers {dog['answer']}, {dog[str(dog['answer'])] / 100:.0%} sure" in text
    # The course's published pattern: 4 of 9 without inverted copies; all but the door-number 9 with them.
    assert "4 of 9 right" in cards[False].to_markdown(False) and "8 of 9 right: it misreads the 9 as 0" in \
        cards[True].to_markdown(False)
    assert "Inverted digits (black ink on white paper)" in cards[False].to_markdown(False)
    assert "Black digits on white paper" not in cards[True].to_markdown(False)  # not a "not for" once trained on


def test_kid_words_name_the_same_failures(cards):
    kids = cards[False].to_markdown(True)
    assert "Report card: the number robot" in kids and "- A dog: it says it's an 8!" in kids
    assert "- The door-number 9: it says 6." in kids and "Random seed" not in kids


def test_per_digit_accuracy_is_the_share_of_each_digit_answered_right():
    probabilities = np.eye(10)[[0, 0, 1, 1, 2, 3]]
    labels = np.array([0, 1, 1, 1, 2, 4])
    shares = per_digit_accuracy(probabilities, labels)
    assert shares[0] == 1 and shares[1] == pytest.approx(2 / 3) and shares[2] == 1 and shares[4] == 0
    assert np.isnan(shares[3]) and np.isnan(shares[9])  # no example of 3 or 9


def test_a_live_networks_card_uses_its_run_and_setting():
    setting = LiveSetting(size=2_000, epochs=2, wants=Augmentations(rotation=10))
    labels = np.repeat(np.arange(10), 3)
    run = LiveRun(model=None, history={}, normal=0.9, inverted=0.31, per_digit=tuple(np.linspace(0.8, 0.99, 10)))
    course = np.eye(10)[[1, 2, 3, 4, 5, 6, 7, 8, 0, 3]]  # every digit right but the 9 (read as 0); the dog a 3
    card = live_card(setting, run, course, labels=labels, made=date(2026, 5, 3))
    text = card.to_markdown(False)
    assert card.overall == 0.9 and [s.count for s in card.per_class] == [3] * 10
    # One decimal, as the page's line about the learner's network quotes it.
    assert "**90.0%** of the 30 MNIST test digits right" in text and "**31.0%** right" in text
    assert "| 9 | 3 | 99.0% |" in text.splitlines()
    assert "8 of 9 right: it misreads the 9 as 0" in text and "it answers 3, 100% sure" in text
    assert "The first 2,000 of the 60,000 MNIST" in text and "rotation ±10°" in text
    assert "Black digits on white paper" in text  # trained without inverted copies
    assert "| Epochs | 2 |" in text.splitlines() and "**Made** 3 May 2026" in text
