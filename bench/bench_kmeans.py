"""Benchmarks of the k-means page (issue 7): k-means on 10,000 garden-like items, and the work each click on
"Step" does in the stepping view.

Each function returns a :class:`bench.measure.Figure`. Run one alone with
``.venv/bin/python -c "from bench.bench_kmeans import kmeans_10k_items; print(kmeans_10k_items().row())"``.
"""

from __future__ import annotations

import statistics

import numpy as np

from bench.measure import Figure, repeat

TARGET_SECONDS = 0.100


def _many_items(n: int = 10_000) -> np.ndarray:
    """n items like the garden's (same three kinds, same sizes): resampled with a little jitter."""
    from scripts.make_garden import make_garden

    rows = make_garden().sample(n, replace=True, random_state=0)[["width_mm", "length_mm", "weight_g"]].to_numpy()
    return rows * np.random.default_rng(0).lognormal(0.0, 0.03, size=rows.shape)  # jitter so rows differ


def kmeans_10k_items() -> Figure:
    """lib.kmeans.garden.fit (scikit-learn KMeans, k-means++, scaled) on 10,000 x 3 with k = 8, against
    scikit-learn's KMeans called directly on the same standardised data in the same run."""
    from sklearn.cluster import KMeans
    from sklearn.preprocessing import StandardScaler

    from lib.kmeans import garden

    items = _many_items()
    ours = repeat(lambda: garden.fit(items, 8), runs=7)
    standardised = StandardScaler().fit_transform(items)
    reference = repeat(lambda: KMeans(8, random_state=0).fit(standardised), runs=7)
    median = statistics.median(ours)
    return Figure("k-means, 10,000 items x 3 measurements, k = 8", ours, f"< {TARGET_SECONDS * 1000:.0f} ms",
                  median < TARGET_SECONDS, f"scikit-learn KMeans alone {statistics.median(reference) * 1000:.1f} ms",
                  median / statistics.median(reference))


def kmeans_step() -> Figure:
    """One click on "Step" in the stepping view on the garden data (length and weight, k = 3, with coloured
    regions and lines, the most drawing it does): the Lloyd move, the region grid, the chart (SVG markup) and
    its JSON (what Streamlit sends to the browser). The stepping view is a fragment, so this is the work a step
    reruns, apart from Streamlit's own overhead."""
    import json

    from lib.kmeans import garden
    from lib.kmeans.scatter import points_chart, region_grid
    from lib.kmeans.lloyd import LloydRun

    items = garden.load_garden()
    features = ["length_mm", "weight_g"]
    run = LloydRun.start(items[features], 3, seed=0)

    def step():
        if run.converged:
            del run.history[1:]
        run.step()
        regions = region_grid(items, *features, lambda p: garden.nearest(run.scaler.to_working(p), run.state.centroids))
        chart = points_chart(items, *features, labels=run.state.labels, centroids=run.centroids_original(),
                             regions=regions, lines=True, click="adds an item here", alt="k-means at work")
        json.dumps({"svg": chart, "clickable": True})

    samples = repeat(step, runs=9)
    return Figure("k-means stepping view, one step (move + chart)", samples, f"< {TARGET_SECONDS * 1000:.0f} ms",
                  statistics.median(samples) < TARGET_SECONDS)
