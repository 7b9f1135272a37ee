"""Maybe you don't need a neural network: three classic scikit-learn models on the same iris split.

The course notes that irises "can be solved with other relatively simple techniques". These baselines
train in milliseconds on the exact training flowers the network saw, and are scored on the same test set.
"""

from __future__ import annotations

import numpy as np

#: The classic models compared with the network on the same split.
BASELINES: tuple[str, ...] = ("Logistic regression", "Decision tree", "k-nearest neighbours (k = 5)")


def _model(name: str, seed: int, n_train: int):
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.tree import DecisionTreeClassifier

    if name == BASELINES[0]:
        return LogisticRegression(max_iter=1000)
    if name == BASELINES[1]:
        return DecisionTreeClassifier(random_state=seed)
    return KNeighborsClassifier(n_neighbors=min(5, n_train))


def baseline_accuracies(X_train, y_train, X_test, y_test, seed: int = 0) -> dict[str, float]:
    """Test accuracy of each model in :data:`BASELINES`, trained on ``X_train, y_train``. A model that
    cannot learn from the training set (e.g. logistic regression on a single species) gets NaN."""
    X_train, y_train = np.asarray(X_train), np.asarray(y_train)
    scores = {}
    for name in BASELINES:
        if len(np.unique(y_train)) < 2 and name == BASELINES[0]:
            scores[name] = float("nan")
            continue
        model = _model(name, seed, len(X_train)).fit(X_train, y_train)
        scores[name] = float(model.score(X_test, y_test))
    return scores
