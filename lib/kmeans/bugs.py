"""The k-means bugs gallery: six ways k-means gives a wrong answer without complaining, each a small
demo (a "bug" picture next to a "fixed" picture), a two-sentence explanation and the fix.

Every demo is deterministic (fixed seeds) and built from the garden data or scikit-learn's own toy data
generators (moons, circles, blobs), so nothing is downloaded. :data:`BUGS` lists them in teaching order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from lib.kmeans.garden import MEASUREMENTS, agreement, fit, load_garden, match_clusters

#: The outlier demo's one huge stone: a cobble about the size of a hen's egg.
HUGE_STONE = {"width_mm": 38.0, "length_mm": 52.0, "weight_g": 48.0, "kind": "stone"}


@dataclass(frozen=True)
class Panel:
    """One picture of a demo: the points ``frame[[x, y]]`` coloured by ``labels`` (cluster numbers),
    centroids (x, y) if any, and a one-line ``note`` with the score. ``names`` replaces "cluster 0" etc."""

    title: str
    frame: pd.DataFrame
    x: str
    y: str
    labels: np.ndarray
    centroids: np.ndarray | None
    note: str
    names: dict[int, str] | None = None


@dataclass(frozen=True)
class Bug:
    """One entry of the gallery: what goes wrong, the fix, and a demo drawing the bug and the fixed run."""

    slug: str
    title: str
    what: str  #: what goes wrong, in two sentences
    fix: str
    demo: Callable[[], list[Panel]]  #: builds the demo's pictures (a "bug" panel, then a "fixed" one)


def _xy(centroids: np.ndarray, columns: list[str], x: str, y: str) -> np.ndarray:
    return centroids[:, [columns.index(x), columns.index(y)]]


def _garden_panel(title, frame, columns, k, x, y, *, scale=True, seed=0, init="k-means++", n_init="auto"):
    result = fit(frame[columns], k, init=init, scale=scale, seed=seed, n_init=n_init)
    note = f"agreement with the true kinds (adjusted Rand index): {agreement(result.labels, frame['kind']):.2f}"
    return Panel(title, frame, x, y, result.labels, _xy(result.centroids, columns, x, y), note)


def scales_demo() -> list[Panel]:
    garden = load_garden()
    garden["weight_mg"] = garden["weight_g"] * 1000
    columns = ["width_mm", "length_mm", "weight_mg"]
    return [_garden_panel("Not scaled: weight in mg swamps the rest", garden, columns, 3, "length_mm", "weight_mg",
                          scale=False),
            _garden_panel("Scaled (standardised): every measurement counts", garden, columns, 3, "length_mm",
                          "weight_mg", scale=True)]


def wrong_k_demo() -> list[Panel]:
    garden = load_garden()
    columns = list(MEASUREMENTS)
    return [_garden_panel(f"k = {k}", garden, columns, k, "length_mm", "weight_g") for k in (2, 5, 3)]


def _clumps() -> pd.DataFrame:
    from sklearn.datasets import make_blobs

    points, kinds = make_blobs(400, centers=6, cluster_std=0.6, random_state=3)
    return pd.DataFrame({"x": points[:, 0], "y": points[:, 1], "kind": kinds})


def unlucky_start_demo() -> list[Panel]:
    clumps = _clumps()
    panels = []
    for title, seed, n_init in (("Random start, seed 3: unlucky", 3, 1), ("Random start, seed 8: different",
                                                                           8, 1),
                                ("Best of 10 random starts (n_init = 10)", 3, 10)):
        result = fit(clumps[["x", "y"]], 6, init="random", seed=seed, n_init=n_init)
        panels.append(Panel(title, clumps, "x", "y", result.labels, result.centroids,
                            f"inertia (total squared distance, lower is better): {result.inertia:.1f}"))
    return panels


def _shape_panels(name: str, points: np.ndarray, kinds: np.ndarray, method: str) -> list[Panel]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.mixture import GaussianMixture

    frame = pd.DataFrame({"x": points[:, 0], "y": points[:, 1], "kind": kinds})
    found = fit(frame[["x", "y"]], 2, seed=0)
    if method == "single linkage":
        # Single linkage chains neighbours together, so it follows any shape whose points are close.
        other = AgglomerativeClustering(n_clusters=2, linkage="single").fit_predict(points)
    else:
        other = GaussianMixture(n_components=2, random_state=0).fit_predict(points)
    score = "agreement with the true groups: {:.2f}"
    return [Panel(f"{name}: k-means, k = 2", frame, "x", "y", found.labels, found.centroids,
                  score.format(agreement(found.labels, kinds))),
            Panel(f"{name}: {method}", frame, "x", "y", other, None, score.format(agreement(other, kinds)))]


def shapes_demo() -> list[Panel]:
    from sklearn.datasets import make_blobs, make_circles, make_moons

    moons = make_moons(300, noise=0.06, random_state=0)
    rings = make_circles(300, factor=0.45, noise=0.05, random_state=0)
    uneven = make_blobs([250, 40], centers=[[0, 0], [3.2, 0]], cluster_std=[1.5, 0.3], random_state=0)
    return (_shape_panels("Half-moons", *moons, "single linkage") + _shape_panels("Rings", *rings, "single linkage")
            + _shape_panels("A big and a small group", *uneven, "Gaussian mixture"))


def outlier_demo() -> list[Panel]:
    garden = load_garden()
    with_outlier = pd.concat([garden, pd.DataFrame([HUGE_STONE])], ignore_index=True)
    columns = list(MEASUREMENTS)
    return [_garden_panel("With one huge stone", with_outlier, columns, 3, "length_mm", "weight_g"),
            _garden_panel("Huge stone removed", garden, columns, 3, "length_mm", "weight_g")]


def renumbering_seed(frame: pd.DataFrame, columns: list[str], k: int = 3, tries: int = 50) -> int:
    """The first seed after 0 that finds the same groups as seed 0 but numbers them differently."""
    first = fit(frame[columns], k, seed=0).labels
    for seed in range(1, tries):
        labels = fit(frame[columns], k, seed=seed).labels
        if agreement(first, labels) == 1.0 and not np.array_equal(first, labels):
            return seed
    raise RuntimeError("No seed renumbered the clusters; try more seeds.")


def numbering_demo() -> list[Panel]:
    garden = load_garden()
    columns = list(MEASUREMENTS)
    other = renumbering_seed(garden, columns)
    panels = [_garden_panel(f"Run with seed {seed}", garden, columns, 3, "length_mm", "weight_g", seed=seed)
              for seed in (0, other)]
    named = panels[1]
    names = match_clusters(named.labels, garden["kind"])
    panels.append(Panel(f"Seed {other}, clusters named by what is in them", garden, named.x, named.y,
                        named.labels, named.centroids, "names travel with the items, numbers do not", names))
    return panels


#: The six bugs, in the page's order: scales, wrong k, unlucky start, shapes, outlier, numbering.
BUGS: tuple[Bug, ...] = (
    Bug("scales", "Measurements on different scales",
        "k-means measures plain distance, so a measurement written in big numbers (weight in milligrams: "
        "20 to 3,000) outweighs one in small numbers (length in millimetres: 5 to 20). The groups then follow "
        "weight alone and woodlice and ladybirds end up mixed together.",
        "Scale (standardise) every measurement to the same spread before k-means: switch on “Scale the "
        "measurements”.",
        scales_demo),
    Bug("wrong-k", "The wrong number of groups (k)",
        "k-means always returns exactly k groups, even when the data has a different number. With k = 2 "
        "woodlice and ladybirds are lumped together; with k = 5 real groups get chopped in pieces.",
        "Try several k and look at the elbow chart and silhouette score, and use what you know about the items.",
        wrong_k_demo),
    Bug("unlucky-start", "An unlucky start",
        "k-means only improves on where its centroids start, so a bad start can leave two centroids sharing "
        "one clump while another centroid covers two clumps. Different seeds give different answers, and "
        "nothing warns you.",
        "Run several starts and keep the one with the lowest inertia (scikit-learn's n_init), and start with "
        "k-means++, which spreads the starting centroids out.",
        unlucky_start_demo),
    Bug("shapes", "Groups that are not round blobs",
        "k-means cuts the space into regions around centroids with straight borders, so it expects round "
        "groups of similar size. Half-moons, rings and a big group next to a small one get cut in the wrong "
        "places.",
        "Use a method that follows the shape: single-linkage or DBSCAN for chains and rings, a Gaussian "
        "mixture for groups of different sizes.",
        shapes_demo),
    Bug("outlier", "One huge stone (an outlier)",
        "Every item pulls on its centroid, and squared distance makes far-away items pull hardest, so one "
        "egg-sized stone grabs a centroid all for itself. Woodlice and ladybirds are then forced to share one.",
        "Look at the data first and remove or fix measurements that cannot be right (or scale with a method "
        "that ignores extremes).",
        outlier_demo),
    Bug("numbering", "Cluster numbers mean nothing",
        "k-means numbers its groups in whatever order it found them, so run it again with another seed and "
        "“cluster 0” can be the stones instead of the woodlice. The groups are the same; only the labels moved.",
        "Name clusters by what is in them (look at their centroids or a few items), never by their number.",
        numbering_demo),
)


def bug(slug: str) -> Bug:
    """The gallery entry with this slug."""
    for entry in BUGS:
        if entry.slug == slug:
            return entry
    raise KeyError(f"No k-means bug called {slug!r}; choose one of {', '.join(b.slug for b in BUGS)}.")
