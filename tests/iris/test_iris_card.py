"""lib.iris.card: the iris network's model card, its numbers checked against an independent count on the test
flowers, and an own table's card on its test rows. The networks are stand-ins with known answers (a petal-length
rule; a rule on the table's first column), so no TensorFlow is needed."""

from datetime import date

import numpy as np
import pandas as pd

from lib import iris
from lib.handout import code_span
from lib.iris.card import BORDER, model_card
from lib.iris.own_data import own_data
from tests.test_user_text import outside_code


class PetalRule:
    """A stand-in network called like a Keras model: setosa below 2.5 cm of petal length, versicolor below
    4.75 cm, else virginica; sure (0.9) away from the cut, unsure (0.6) within 0.2 cm of it."""

    inputs, outputs = [np.zeros((1, 4))], [np.zeros((1, 3))]  # read for their shapes, as a Keras model's

    def __call__(self, X, training=False):
        length = np.asarray(X)[:, 2]
        answers = np.digitize(length, [2.5, 4.75])
        sure = np.where(np.abs(length - 4.75) < 0.2, 0.6, 0.9)
        probabilities = np.full((len(length), 3), 0.0)
        probabilities[np.arange(len(length)), answers] = sure
        probabilities[np.arange(len(length)), (answers + 1) % 3] = 1 - sure
        return probabilities


def stand_in_run(config=iris.IrisConfig(), seed=0) -> iris.TrainResult:
    X_train, X_test, y_train, y_test = iris.split(config, seed)
    right = np.digitize(X_test[:, 2], [2.5, 4.75]) == y_test
    return iris.TrainResult(config, seed, PetalRule(), {}, float(right.mean()), X_train, y_train, X_test, y_test)


def test_the_card_counts_the_test_flowers_as_an_independent_count_does():
    run = stand_in_run()
    card = model_card(run.config, run.seed, run, made=date(2026, 5, 3))
    answers = np.digitize(run.X_test[:, 2], [2.5, 4.75])
    assert card.overall == np.mean(answers == run.y_test)
    for label, score in enumerate(card.per_class):
        members = run.y_test == label
        assert score.name == iris.SPECIES[label] and score.count == members.sum()
        assert score.accuracy == np.mean(answers[members] == label)
    text = card.to_markdown(False)
    wrong = int(np.sum(answers != run.y_test))
    assert wrong and text.count("- A test ") == min(wrong, 5)
    if wrong > 5:
        assert f"{wrong - 5} more test flowers wrong." in text
    near = np.sum((answers == run.y_test) & (np.abs(run.X_test[:, 2] - 4.75) < 0.2))
    assert 0.6 < BORDER and f"Near the border: {near} test flower" in text
    assert f"of the {len(run.y_test)} test flowers right" in text and "**Made** 3 May 2026" in text
    assert f"{len(run.y_train)} of the 150 irises" in text


def test_kids_get_each_kind_of_mistake_once_counted():
    run = stand_in_run()
    answers = np.digitize(run.X_test[:, 2], [2.5, 4.75])
    kids = model_card(run.config, run.seed, run).to_markdown(True)
    for true, said in {(t, a) for t, a in zip(run.y_test, answers) if t != a}:
        n = int(np.sum((run.y_test == true) & (answers == said)))
        assert f"- {n} {iris.SPECIES[true]} it called {iris.SPECIES[said]}." in kids
    assert "petals" not in kids and "Random seed" not in kids


def test_an_untrained_network_has_a_card_that_says_so():
    config = iris.IrisConfig(test_fraction=0.5)
    X_train, X_test, y_train, y_test = iris.split(config, 4)
    card = model_card(config, 4)
    assert card.overall is None and not card.per_class
    text = card.to_markdown(False)
    assert "Not measured" in text and f"The {len(y_test)} test flowers" in text
    assert ("| Random seed | 4 |" in text.splitlines()) and "| Share of flowers kept for the test | 50% |" in text


def test_a_thinned_species_shows_in_what_it_learned_from_and_the_settings():
    config = iris.IrisConfig(species_fraction=(1.0, 0.1, 1.0))
    _, _, y_train, _ = iris.split(config, 0)
    text = model_card(config, 0).to_markdown(False)
    assert f"{np.sum(y_train == 1)} versicolor" in text
    assert "| Share of each species' training flowers kept | setosa 100%, versicolor 10%, virginica 100% |" in text


# --- a learner's own table: the same card in words for any table ------------------------------------------------

HOSTILE = "**bold** [x](http://evil.test) _it_"  # a class and a column named like Markdown


class FirstColumnRule:
    """A stand-in network for a two-input, three-class table: class 0 below 3, class 1 below 6, else class 2 on
    the first column; sure (0.9) away from a cut, unsure (0.6) within 0.5 of it."""

    inputs, outputs = [np.zeros((1, 2))], [np.zeros((1, 3))]

    def __call__(self, X, training=False):
        x = np.asarray(X)[:, 0]
        answers = np.digitize(x, [3, 6])
        sure = np.where(np.min(np.abs(x[:, None] - [3, 6]), axis=1) < 0.5, 0.6, 0.9)
        probabilities = np.zeros((len(x), 3))
        probabilities[np.arange(len(x)), answers] = sure
        probabilities[np.arange(len(x)), (answers + 1) % 3] = 1 - sure
        return probabilities


def own_run(name="plants.csv", seed=0):
    """A run on 60 rows whose class follows the first column, with every tenth row's label moved on by one, so
    the rule gets some wrong."""
    x = np.arange(60) * 0.15
    classes = ["low", HOSTILE, "high"]
    labels = [classes[(int(np.digitize(v, [3, 6])) + (k % 10 == 0)) % 3] for k, v in enumerate(x)]
    table = pd.DataFrame({"size": x, HOSTILE: np.arange(60) % 7 * 1.0, "kind": labels})
    config = iris.IrisConfig(data=own_data(table, "kind", ["size", HOSTILE], name))
    X_train, X_test, y_train, y_test = iris.split(config, seed)
    right = np.digitize(X_test[:, 0], [3, 6]) == y_test
    return iris.TrainResult(config, seed, FirstColumnRule(), {}, float(right.mean()), X_train, y_train, X_test, y_test)


def test_an_own_tables_card_counts_its_test_rows_as_an_independent_count_does():
    run = own_run()
    classes = run.config.classes
    assert set(classes) == {"low", HOSTILE, "high"}
    card = model_card(run.config, run.seed, run, made=date(2026, 5, 3))
    answers = np.digitize(run.X_test[:, 0], [3, 6])
    assert card.overall == np.mean(answers == run.y_test)
    for label, score in enumerate(card.per_class):
        members = run.y_test == label
        assert score.name == code_span(classes[label]) and score.count == members.sum()
        assert score.accuracy == np.mean(answers[members] == label)
    text = card.to_markdown(False)
    wrong = np.flatnonzero(answers != run.y_test)
    assert len(wrong) and text.count("- A test ") == min(len(wrong), 5)
    first = wrong[np.argmax(FirstColumnRule()(run.X_test[wrong]).max(axis=1))]
    assert (f"- A test {code_span(classes[run.y_test[first]])} row (`size` {run.X_test[first, 0]:g}, "
            f"{code_span(HOSTILE)} {run.X_test[first, 1]:g}) called {code_span(classes[answers[first]])}") in text
    near = np.sum((answers == run.y_test) & (np.min(np.abs(run.X_test[:, :1] - [3, 6]), axis=1) < 0.5))
    assert near and f"Near the border: {near} test row" in text
    assert text.startswith("#### Model card: the network 2 → 10 → 10 → 3 on your table `plants.csv`")
    assert f"{len(run.y_train)} of the 60 rows of your table `plants.csv`" in text
    for k, name in enumerate(classes):
        assert f"{np.sum(run.y_test == k)} {code_span(name)}" in text  # the test rows' counts per class
    lo, hi = run.X_train[:, 0].min(), run.X_train[:, 0].max()
    assert f"`size` {lo:g}–{hi:g}" in text and f"of the {len(run.y_test)} test rows right" in text
    assert "| Share of rows kept for the test | 25% |" in text
    for iris_word in ("flower", "petal", "species", "iris", "botanist"):
        assert iris_word not in text.lower(), iris_word


def test_an_own_tables_kid_card_counts_each_kind_of_mistake():
    run = own_run(name="")
    answers = np.digitize(run.X_test[:, 0], [3, 6])
    kids = model_card(run.config, run.seed, run).to_markdown(True)
    assert kids.startswith("#### Report card: the robot that learned your table")
    for true, said in {(t, a) for t, a in zip(run.y_test, answers) if t != a}:
        n = int(np.sum((run.y_test == true) & (answers == said)))
        kind = "row" if n == 1 else "rows"
        true_name, said_name = code_span(run.config.classes[true]), code_span(run.config.classes[said])
        assert f"- {n} {true_name} {kind} it called {said_name}." in kids
    assert "flower" not in kids and "Random seed" not in kids
    plain = model_card(run.config, run.seed, run).to_markdown(False)
    assert "the table you typed in" in plain  # no file name


def test_an_own_tables_names_are_never_markdown_on_the_card():
    run = own_run(name=HOSTILE + ".csv")
    for card in (model_card(run.config, run.seed, run), model_card(run.config, run.seed)):
        for kids in (False, True):
            text = card.to_markdown(kids)
            assert "evil" not in outside_code(text), text


def test_an_untrained_network_on_an_own_table_has_a_card_that_says_so():
    run = own_run()
    card = model_card(run.config, run.seed)
    assert card.overall is None and not card.per_class
    assert "Not measured" in card.to_markdown(False) and f"The {len(run.y_test)} test rows" in card.to_markdown(False)
