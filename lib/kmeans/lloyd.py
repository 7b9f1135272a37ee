"""Lloyd's algorithm one step at a time, for watching k-means work (and stepping back).

k-means alternates two moves until nothing changes:

1. **assign**: every item joins the cluster of its nearest centroid;
2. **update**: every centroid moves to the mean of the items that joined it.

:class:`LloydRun` keeps every state in a list, so "back" is just dropping the last one, and it works in
the same (optionally standardised) space as :func:`lib.kmeans.garden.fit`. From the same starting centroids it
reaches the same clusters as scikit-learn's KMeans (tests/kmeans/test_garden_lloyd.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from lib.kmeans.garden import KMeansFit, Scaler, as_matrix, check_k, nearest


def inertia(points: np.ndarray, labels: np.ndarray, centroids: np.ndarray) -> float:
    """Total squared distance from each point to its own centroid (what k-means makes small)."""
    return float(((points - centroids[labels]) ** 2).sum())


def update(points: np.ndarray, labels: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Each centroid moved to the mean of its points; a centroid nobody joined stays where it was."""
    moved = centroids.copy()
    for cluster in range(len(centroids)):
        members = points[labels == cluster]
        if len(members):
            moved[cluster] = members.mean(axis=0)
    return moved


def _squared_distances(points: np.ndarray, to: np.ndarray, to_norms: np.ndarray) -> np.ndarray:
    """Squared distances from each of ``points`` to each of ``to``, computed as scikit-learn does
    (|a|² − 2a·b + |b|², clipped at 0), so that k-means++ below picks exactly the items it picks."""
    distances = -2 * points @ to.T
    distances += np.einsum("ij,ij->i", points, points)[:, np.newaxis]
    distances += to_norms[np.newaxis, :]
    return np.maximum(distances, 0, out=distances)


def plusplus(points: np.ndarray, k: int, seed: int) -> np.ndarray:
    """k-means++ starting centroids: the same items as scikit-learn's :func:`~sklearn.cluster.kmeans_plusplus`
    with ``random_state=seed`` (tests/kmeans/test_garden_lloyd.py checks it), in plain NumPy so that the page's
    first run need not import scikit-learn (about two seconds). Each next centroid is the best of a few items
    drawn with probability proportional to their squared distance from the centroids chosen so far."""
    rng = np.random.RandomState(seed)
    n, trials = len(points), 2 + int(np.log(k))
    norms = np.einsum("ij,ij->i", points, points)
    chosen = [rng.choice(n, p=np.ones(n) / n)]
    closest = _squared_distances(points[chosen], points, norms)[0]
    potential = closest.sum()
    for _ in range(1, k):
        candidates = np.searchsorted(np.cumsum(closest), rng.uniform(size=trials) * potential)
        np.clip(candidates, None, n - 1, out=candidates)
        distances = np.minimum(closest, _squared_distances(points[candidates], points, norms))
        sums = distances @ np.ones((n, 1))
        best = int(np.argmin(sums))
        potential, closest = sums[best], distances[best]
        chosen.append(candidates[best])
    return points[chosen].copy()


def starting_centroids(points: np.ndarray, k: int, init: str, seed: int) -> np.ndarray:
    """k starting centroids in the space of ``points``: ``"random"`` picks k different items at random;
    ``"k-means++"`` picks them spread out (:func:`plusplus`, as scikit-learn does)."""
    if init == "random":
        distinct = np.unique(points, axis=0)
        chosen = np.random.default_rng(seed).choice(len(distinct), size=k, replace=False)
        return distinct[chosen].copy()
    if init == "k-means++":
        return plusplus(points, k, seed)
    raise ValueError(f"init must be 'random' or 'k-means++'; got {init!r}.")


@dataclass(frozen=True)
class LloydState:
    """One moment of the run: where the centroids are (working units), who belongs where (None before the
    first assignment) and the inertia then. ``move`` says what happened last: start, assign or update."""

    move: str
    centroids: np.ndarray
    labels: np.ndarray | None
    inertia: float | None


@dataclass
class LloydRun:
    """A k-means run you can step forwards and back. Build it with :meth:`start`."""

    points: np.ndarray  #: the items in working units
    scaler: Scaler
    history: list[LloydState] = field(default_factory=list)

    @classmethod
    def start(cls, X, k: int, init="k-means++", scale: bool = True, seed: int = 0) -> "LloydRun":
        """A run at its first state. ``init`` as in :func:`lib.kmeans.garden.fit`: a name or starting centroids
        (k rows, original units)."""
        values = as_matrix(X)
        check_k(values, k)
        scaler = Scaler.fit(values, scale)
        points = scaler.to_working(values)
        if isinstance(init, str):
            centroids = starting_centroids(points, k, init, seed)
        else:
            centroids = scaler.to_working(np.asarray(init, dtype=float))
            if centroids.shape != (k, values.shape[1]):
                raise ValueError(f"Starting centroids must be {k} rows of {values.shape[1]} numbers.")
        return cls(points, scaler, [LloydState("start", centroids, None, None)])

    @property
    def state(self) -> LloydState:
        return self.history[-1]

    @property
    def iterations(self) -> int:
        """Completed assign-then-update rounds."""
        return sum(state.move == "update" for state in self.history)

    @property
    def converged(self) -> bool:
        """True once an assignment changed nobody's cluster: from here on nothing would move."""
        assigns = [state for state in self.history if state.move == "assign"]
        return (len(assigns) >= 2 and self.state.move == "assign"
                and np.array_equal(assigns[-1].labels, assigns[-2].labels))

    @property
    def inertias(self) -> list[tuple[int, float]]:
        """(move number, inertia) after each move that has one: every move but the start."""
        return [(move, state.inertia) for move, state in enumerate(self.history) if state.inertia is not None]

    @property
    def next_move(self) -> str:
        return "update" if self.state.move == "assign" else "assign"

    def step(self) -> LloydState:
        """Do the next move (assign or update) unless converged; returns the new current state."""
        if self.converged:
            return self.state
        current = self.state
        if self.next_move == "assign":
            labels = nearest(self.points, current.centroids)
            new = LloydState("assign", current.centroids, labels, inertia(self.points, labels, current.centroids))
        else:
            centroids = update(self.points, current.labels, current.centroids)
            new = LloydState("update", centroids, current.labels, inertia(self.points, current.labels, centroids))
        self.history.append(new)
        return new

    def back(self) -> LloydState:
        """Undo the last move (the starting state cannot be undone)."""
        if len(self.history) > 1:
            self.history.pop()
        return self.state

    def restart(self) -> LloydState:
        """Go back to the starting centroids."""
        del self.history[1:]
        return self.state

    def run(self, max_iter: int = 300) -> LloydState:
        """Step until converged (or ``max_iter`` rounds, a safety net)."""
        while not self.converged and self.iterations < max_iter:
            self.step()
        return self.state

    def centroids_original(self) -> np.ndarray:
        """The current centroids in the data's own units (for plotting and reading off)."""
        return self.scaler.to_original(self.state.centroids)

    def finished(self) -> KMeansFit:
        """Where this run ends (run to the end from its start, on a copy: this run stays where it is), as a
        :class:`~lib.kmeans.garden.KMeansFit` like :func:`lib.kmeans.garden.fit` gives."""
        end = LloydRun(self.points, self.scaler, list(self.history))
        end.run()
        return KMeansFit(labels=end.state.labels, centroids=end.centroids_original(), inertia=end.state.inertia,
                         n_iter=end.iterations, scaler=self.scaler)
