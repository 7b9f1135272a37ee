"""The flowers: scikit-learn's bundled copy of the 150 irises, their species and measurements, and a plane
of made-up flowers over two of the measurements (for the decision map). No TensorFlow.
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


def plane(x_feature: int, y_feature: int, fixed, resolution: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A grid over two measurements spanning the data plus half a centimetre, the other two held at
    ``fixed``: ``xs`` (resolution,), ``ys`` (resolution,) and the flowers (resolution², 4), row by row."""
    if x_feature == y_feature or not {x_feature, y_feature} <= set(range(len(FEATURES))):
        raise ValueError("Choose two different features (0 to 3) for the map's axes.")
    if not 2 <= resolution <= 400:
        raise ValueError("resolution must be from 2 to 400 points per side.")
    data = load_iris_frame()[list(FEATURES)].to_numpy()
    axes = [np.linspace(data[:, f].min() - 0.5, data[:, f].max() + 0.5, resolution) for f in (x_feature, y_feature)]
    grid_x, grid_y = np.meshgrid(*axes)
    flowers = np.tile(np.asarray(fixed, dtype=float), (grid_x.size, 1))
    flowers[:, x_feature], flowers[:, y_feature] = grid_x.ravel(), grid_y.ravel()
    return axes[0], axes[1], flowers
