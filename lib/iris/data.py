"""The flowers: scikit-learn's bundled copy of the 150 irises, their species and measurements, and a plane
of made-up flowers over two of the measurements (for the decision map); the same for a learner's own table
(:mod:`lib.iris.own_data`). No TensorFlow.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SPECIES: tuple[str, ...] = ("setosa", "versicolor", "virginica")
FEATURES: tuple[str, ...] = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")


def load_iris_frame() -> pd.DataFrame:
    """The 150 irises (scikit-learn's copy) as a table: the four measurements in cm, ``species`` (0 setosa,
    1 versicolor, 2 virginica) and ``species_name``."""
    from sklearn.datasets import load_iris

    bunch = load_iris()
    frame = pd.DataFrame(bunch.data, columns=list(FEATURES))
    frame["species"] = bunch.target
    frame["species_name"] = [SPECIES[label] for label in bunch.target]
    return frame


def dataset(data=None) -> tuple[np.ndarray, np.ndarray]:
    """``X`` (rows, inputs) and ``y`` (rows,) the network learns from: the 150 irises' four measurements and
    species, or a learner's own table ``data`` (a :class:`lib.iris.own_data.OwnData`)."""
    if data is not None:
        return data.X, data.y
    frame = load_iris_frame()
    return frame[list(FEATURES)].to_numpy(), frame["species"].to_numpy()


def plane(x_feature: int, y_feature: int, fixed, resolution: int, data=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A grid over two measurements spanning the data (the irises, or the own table ``data``) plus a margin (half
    a centimetre for the irises, a tenth of the range for an own table), the others held at ``fixed``: ``xs``
    (resolution,), ``ys`` (resolution,) and the flowers (resolution², inputs), row by row."""
    X = dataset(data)[0]
    if x_feature == y_feature or not {x_feature, y_feature} <= set(range(X.shape[1])):
        raise ValueError(f"Choose two different features (0 to {X.shape[1] - 1}) for the map's axes.")
    if not 2 <= resolution <= 400:
        raise ValueError("resolution must be from 2 to 400 points per side.")
    axes = []
    for f in (x_feature, y_feature):
        low, high = X[:, f].min(), X[:, f].max()
        margin = 0.5 if data is None else 0.1 * (high - low) or 0.5
        axes.append(np.linspace(low - margin, high + margin, resolution))
    grid_x, grid_y = np.meshgrid(*axes)
    flowers = np.tile(np.asarray(fixed, dtype=float), (grid_x.size, 1))
    flowers[:, x_feature], flowers[:, y_feature] = grid_x.ravel(), grid_y.ravel()
    return axes[0], axes[1], flowers
