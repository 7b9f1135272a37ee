"""k-means on the garden robot's measurements: load the items, find groups, measure how good they are.

The robot measures each thing it picks up (width, length, weight) but does not know what it is. k-means
(scikit-learn's :class:`~sklearn.cluster.KMeans`) groups the items; :func:`agreement` then compares the
groups with the true kinds, which the robot never saw, using the adjusted Rand index (1 = the same
grouping, 0 = no better than chance). Everything here works on any table of numbers, not only the garden.

Scaling (``scale=True``) standardises each measurement (mean 0, standard deviation 1) before k-means, so a
measurement in big units (milligrams) cannot drown out one in small units (millimetres). Centroids are
always reported in the original units; inertia is measured where k-means worked (standardised units when
scaling).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib import DATA_DIR

GARDEN_CSV = DATA_DIR / "garden.csv"
MEASUREMENTS: tuple[str, ...] = ("width_mm", "length_mm", "weight_g")
KINDS: tuple[str, ...] = ("woodlouse", "ladybird", "stone")
#: Readable axis titles for the garden's columns; other columns keep their own names.
LABELS: dict[str, str] = {"width_mm": "width (mm)", "length_mm": "length (mm)", "weight_g": "weight (g)",
                          "weight_mg": "weight (mg)"}
MAX_K = 8  #: most groups the page offers
INITS: tuple[str, ...] = ("k-means++", "random")


def load_garden() -> pd.DataFrame:
    """The robot's 300 items: ``width_mm``, ``length_mm``, ``weight_g`` and the true ``kind``
    (woodlouse, ladybird or stone). Made by ``scripts/make_garden.py``."""
    return pd.read_csv(GARDEN_CSV)


def label(column: str) -> str:
    """A column's axis title, e.g. ``"weight (g)"`` for ``weight_g``."""
    return LABELS.get(column, column)


def as_matrix(X) -> np.ndarray:
    """``X`` (a DataFrame of numeric columns or a 2-D array-like) as a float array, checked."""
    values = X.to_numpy(dtype=float) if isinstance(X, pd.DataFrame) else np.asarray(X, dtype=float)
    if values.ndim != 2 or values.shape[1] == 0:
        raise ValueError(f"Expected a table of measurements (rows x columns); got shape {values.shape}. "
                         "Pick at least one measurement.")
    if len(values) == 0:
        raise ValueError("There are no items to group: the table has no rows.")
    if not np.isfinite(values).all():
        raise ValueError("Some measurements are missing or infinite; remove those rows first.")
    if np.abs(values).max() > 1e100:
        raise ValueError("Some measurements are too large to work with (over 1e100); change their units.")
    return values


def distinct_points(X) -> int:
    """How many different items there are (identical rows count once): the most groups k-means can find."""
    return len(np.unique(as_matrix(X), axis=0))


def check_k(X, k: int) -> None:
    """Raise a ValueError that says what to do if ``k`` groups cannot be found in ``X``."""
    values = as_matrix(X)
    if not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_K:
        raise ValueError(f"k must be a whole number from 1 to {MAX_K}; got {k!r}.")
    if k > len(values):
        raise ValueError(f"Asked for k = {k} groups but there are only {len(values)} items: choose k ≤ {len(values)}.")
    # Usually the first few rows already hold k different items; only count them all when they do not.
    if len(np.unique(values[: 4 * k], axis=0)) >= k:
        return
    distinct = distinct_points(values)
    if k > distinct:
        raise ValueError(f"Asked for k = {k} groups but only {distinct} of the items are different "
                         f"(the rest are identical copies): choose k ≤ {distinct}.")


@dataclass(frozen=True)
class Scaler:
    """Standardising (or not): ``to_working`` maps original units to where k-means works, and back."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, values: np.ndarray, scale: bool) -> "Scaler":
        if not scale:
            return cls(np.zeros(values.shape[1]), np.ones(values.shape[1]))
        spread = values.std(axis=0)
        # A measurement that never changes carries no information; leave it unscaled rather than divide by 0.
        return cls(values.mean(axis=0), np.where(spread > 0, spread, 1.0))

    def to_working(self, values: np.ndarray) -> np.ndarray:
        return (values - self.mean) / self.scale

    def to_original(self, values: np.ndarray) -> np.ndarray:
        return values * self.scale + self.mean


@dataclass(frozen=True)
class KMeansFit:
    """The result of :func:`fit`. ``centroids`` are in the original units of ``X``; ``inertia`` is the total
    squared distance of items to their centroid, in the units k-means worked in (standardised if scaled)."""

    labels: np.ndarray
    centroids: np.ndarray
    inertia: float
    n_iter: int
    scaler: Scaler
    columns: tuple[str, ...] | None = None

    def predict(self, X_new) -> np.ndarray:
        """The nearest centroid's cluster number for each new row, after the same scaling as the fit."""
        values = as_matrix(X_new)
        if values.shape[1] != len(self.centroids[0]):
            raise ValueError(f"Expected {len(self.centroids[0])} measurements per item, got {values.shape[1]}.")
        return nearest(self.scaler.to_working(values), self.scaler.to_working(self.centroids))


def nearest(points: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Index of the closest centroid for every point (squared Euclidean distance; ties go to the lowest)."""
    squared = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return squared.argmin(axis=1)


def fit(X, k: int, init="k-means++", scale: bool = True, seed: int = 0, *, n_init="auto",
        tol: float = 1e-4) -> KMeansFit:
    """Group the rows of ``X`` into ``k`` clusters with scikit-learn's KMeans (Lloyd's algorithm).

    ``init`` is ``"k-means++"`` (spread-out random start), ``"random"`` (k random items) or a (k, columns)
    array of starting centroids in the original units of ``X``. ``n_init`` is how many starts to try, keeping
    the best (scikit-learn's ``"auto"``: 1 for k-means++, 10 for random; always 1 for given centroids).
    ``tol`` is scikit-learn's stopping tolerance; ``tol=0`` runs until no item changes cluster, exactly like
    :class:`lib.kmeans.lloyd.LloydRun`."""
    from sklearn.cluster import KMeans

    values = as_matrix(X)
    check_k(values, k)
    scaler = Scaler.fit(values, scale)
    working = scaler.to_working(values)
    if isinstance(init, str):
        if init not in INITS:
            raise ValueError(f"init must be one of {', '.join(INITS)} or an array of starting centroids; got {init!r}.")
        start = init
    else:
        start = scaler.to_working(np.asarray(init, dtype=float))
        if start.shape != (k, values.shape[1]):
            raise ValueError(f"Starting centroids must be {k} rows of {values.shape[1]} numbers; got shape {start.shape}.")
        n_init = 1
    model = KMeans(n_clusters=k, init=start, n_init=n_init, random_state=seed, algorithm="lloyd", tol=tol)
    with warnings.catch_warnings():
        # Identical points are handled by check_k; scikit-learn's extra warning would only confuse.
        warnings.simplefilter("ignore")
        model.fit(working)
    columns = tuple(X.columns) if isinstance(X, pd.DataFrame) else None
    return KMeansFit(labels=model.labels_.astype(int), centroids=scaler.to_original(model.cluster_centers_),
                     inertia=float(model.inertia_), n_iter=int(model.n_iter_), scaler=scaler, columns=columns)


def kmeans(X, k: int, init="k-means++", scale: bool = True, seed: int = 0) -> np.ndarray:
    """One cluster number (0 … k-1) per row of ``X``: ``fit(X, k, init, scale, seed).labels``."""
    return fit(X, k, init=init, scale=scale, seed=seed).labels


def agreement(labels, kinds) -> float:
    """Adjusted Rand index between found clusters and true kinds: 1 = same groups (whatever their numbers),
    about 0 = no better than chance."""
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(np.asarray(kinds), np.asarray(labels)))


def elbow(X, ks=range(1, MAX_K + 1), scale: bool = True, seed: int = 0) -> pd.DataFrame:
    """Inertia and silhouette score for each k (the "how many groups?" chart). Each k keeps the best of 10
    k-means++ starts so the curve shows the data, not luck. Silhouette (−1…1, higher = better separated
    groups) needs 2 ≤ k < number of items; it is NaN elsewhere and measured on at most 2,000 items."""
    from sklearn.metrics import silhouette_score

    values = as_matrix(X)
    usable = [k for k in ks if k <= distinct_points(values)]
    rows = []
    for k in usable:
        result = fit(values, k, scale=scale, seed=seed, n_init=10)
        silhouette = np.nan
        if 2 <= k < len(values):
            working = result.scaler.to_working(values)
            silhouette = silhouette_score(working, result.labels, sample_size=min(len(values), 2000),
                                          random_state=seed)
        rows.append({"k": k, "inertia": result.inertia, "silhouette": float(silhouette)})
    return pd.DataFrame(rows, columns=["k", "inertia", "silhouette"])


def match_clusters(labels, kinds) -> dict[int, str]:
    """Name each cluster after the true kind it best matches: one kind per cluster where possible (the
    Hungarian method on the overlap table), then extra clusters take the kind most of their items are."""
    from scipy.optimize import linear_sum_assignment

    table = pd.crosstab(pd.Series(np.asarray(labels), name="cluster"), pd.Series(np.asarray(kinds), name="kind"))
    rows, cols = linear_sum_assignment(-table.to_numpy())
    names = {int(table.index[r]): str(table.columns[c]) for r, c in zip(rows, cols)}
    for cluster in table.index:
        names.setdefault(int(cluster), str(table.loc[cluster].idxmax()))
    return names
