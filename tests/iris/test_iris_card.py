"""lib.iris.card: the iris network's model card, its numbers checked against an independent count on the test
flowers. The network is a stand-in with known answers (a petal-length rule), so no TensorFlow is needed."""

from datetime import date

import numpy as np

from lib import iris
from lib.iris.card import BORDER, model_card


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
