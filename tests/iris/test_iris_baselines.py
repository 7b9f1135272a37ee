"""lib.iris.baselines against scikit-learn used directly on the same split."""

import math

from sklearn.neighbors import KNeighborsClassifier

from lib import iris
from lib.iris.baselines import BASELINES, baseline_accuracies


def test_baselines_score_the_same_test_flowers():
    X_train, X_test, y_train, y_test = iris.split(iris.IrisConfig(), seed=0)
    scores = baseline_accuracies(X_train, y_train, X_test, y_test, seed=0)
    assert list(scores) == list(BASELINES)
    assert all(score >= 0.85 for score in scores.values()), scores
    direct = KNeighborsClassifier(5).fit(X_train, y_train).score(X_test, y_test)
    assert scores[BASELINES[2]] == direct


def test_a_single_species_training_set_gives_nan_not_a_crash():
    X_train, X_test, y_train, y_test = iris.split(iris.IrisConfig(species_fraction=(1, 0, 0), train_size=3), seed=0)
    scores = baseline_accuracies(X_train, y_train, X_test, y_test)
    assert math.isnan(scores[BASELINES[0]])
    assert scores[BASELINES[2]] == (y_test == 0).mean()
