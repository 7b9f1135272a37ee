"""Plotly charts for the k-means page: clusters, kinds, centroids, regions, the elbow.

Colours follow :mod:`lib.palette` (Okabe-Ito). Clusters use the seven categorical colours *and* a marker
shape each, so up to eight clusters stay distinguishable, also in black and white or for colour-blind
viewers (the eighth shares blue with the first but has its own shape).

Figures are written as plain plotly dictionaries and wrapped without plotly's validation: validating a
figure costs ~100 ms, which would make every step of the stepping view slower than its 100 ms target.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.kmeans.garden import label
from lib.palette import CATEGORICAL, OKABE_ITO, TEMPLATE_NAME, use_plotly_template

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "cross")
KIND_STYLE = {"woodlouse": (OKABE_ITO["blue"], "circle"), "ladybird": (OKABE_ITO["vermillion"], "diamond"),
              "stone": (OKABE_ITO["bluish green"], "square")}
HEIGHT = 430
GRID = 80  #: cells per side of the region grid (the clickable grid uses half as many)


def cluster_style(cluster: int) -> tuple[str, str]:
    """(colour, marker symbol) of a cluster number."""
    return CATEGORICAL[cluster % len(CATEGORICAL)], SYMBOLS[cluster % len(SYMBOLS)]


def group_style(group, position: int) -> tuple[str, str]:
    """(colour, symbol) of a true kind: the garden's kinds have fixed styles, other labels go in order."""
    return KIND_STYLE.get(group, cluster_style(position))


TRACE_TYPES = ("scatter", "histogram", "heatmap", "scatter3d")  # the only kinds of trace drawn here


@cache
def _template() -> dict:
    """The workshop template with trace defaults for our trace types only: plotly copies the template into
    every figure twice, and the defaults for its ~50 other trace types would triple that work for nothing."""
    import plotly.io as pio

    use_plotly_template()
    template = pio.templates[TEMPLATE_NAME].to_plotly_json()
    return {"data": {kind: template["data"][kind] for kind in TRACE_TYPES}, "layout": template["layout"]}


def _figure(traces: list[dict], title: str, x_title: str, y_title: str, **layout) -> go.Figure:
    spec = {"data": traces, "layout": {
        "template": _template(), "title": {"text": title}, "height": HEIGHT, "dragmode": False,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0},
        "xaxis": {"title": {"text": x_title}}, "yaxis": {"title": {"text": y_title}}, **layout}}
    return go.Figure(spec, _validate=False)


def _axis_range(values: pd.Series, pad: float = 0.06) -> list[float]:
    low, high = float(values.min()), float(values.max())
    margin = (high - low) * pad or 1.0
    return [low - margin, high + margin]


def _numbers(column: pd.Series) -> np.ndarray:
    """A column as a plain float array: plotly deep-copies what it is given, and copying a pandas Series
    costs ten times more than copying an array."""
    return column.to_numpy(dtype=float)


def _markers(xs, ys, name: str, colour: str, symbol: str, hover: str) -> dict:
    return {"type": "scatter", "x": np.asarray(xs), "y": np.asarray(ys), "mode": "markers", "name": name,
            "marker": {"color": colour, "symbol": symbol, "size": 8, "opacity": 0.8}, "hovertemplate": hover}


def points_figure(frame: pd.DataFrame, x: str, y: str, *, labels=None, kinds=None, centroids=None,
                  names: dict[int, str] | None = None, title: str = "", regions=None, lines: bool = False,
                  clickable: bool = False, new_item=None, kids: bool = False, height: int = HEIGHT) -> go.Figure:
    """A scatter of ``frame[x]`` against ``frame[y]``.

    Points are grey until coloured by ``labels`` (cluster numbers) or ``kinds`` (true kinds). ``centroids``
    are (k, 2) positions in (x, y) units; ``regions`` is ``(xs, ys, grid_labels)`` from :func:`region_grid`,
    drawn faintly behind the points; ``lines`` joins each point to its centroid. ``clickable`` adds an
    invisible grid of points so that a click anywhere selects a position. ``new_item`` is ``(x, y, text)``.
    ``kids`` names groups and their middles in kid words in the legend and hover texts; ``height`` in pixels."""
    group, middle = ("group", "middle") if kids else ("cluster", "centroid")
    xs_all, ys_all = _numbers(frame[x]), _numbers(frame[y])
    traces = []
    if regions is not None:
        xs, ys, grid = regions
        k = int(grid.max()) + 1
        scale = [[stop, cluster_style(c)[0]] for c in range(k) for stop in (c / k, (c + 1) / k)]
        traces.append({"type": "heatmap", "x": xs, "y": ys, "z": grid, "colorscale": scale, "zmin": -0.5,
                       "zmax": k - 0.5, "opacity": 0.18, "showscale": False, "hoverinfo": "skip", "name": "regions"})
    if clickable:
        gx, gy = np.meshgrid(np.linspace(*_axis_range(frame[x]), GRID // 2), np.linspace(*_axis_range(frame[y]), GRID // 2))
        traces.append({"type": "scatter", "x": gx.ravel(), "y": gy.ravel(), "mode": "markers", "name": "click to place",
                       "marker": {"size": 14, "color": "rgba(0, 0, 0, 0)"}, "showlegend": False,
                       "hovertemplate": f"place a {middle} here<extra></extra>"})
    if lines and labels is not None and centroids is not None:
        own = np.asarray(centroids)[np.asarray(labels)]
        gaps = np.full(len(frame), np.nan)
        traces.append({"type": "scatter", "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                       "x": np.column_stack([xs_all, own[:, 0], gaps]).ravel(),
                       "y": np.column_stack([ys_all, own[:, 1], gaps]).ravel(),
                       "line": {"width": 0.6, "color": "#999999"}, "name": f"to its {middle}"})
    hover = f"{label(x)}: %{{x}}<br>{label(y)}: %{{y}}<extra>%{{fullData.name}}</extra>"
    if labels is not None:
        labels = np.asarray(labels)
        for cluster in sorted(set(labels.tolist())):
            mine = labels == cluster
            name = (names or {}).get(cluster) or f"{group} {cluster}"
            traces.append(_markers(xs_all[mine], ys_all[mine], name, *cluster_style(cluster), hover))
    elif kinds is not None:
        kinds = np.asarray(kinds)
        for position, kind in enumerate(pd.unique(kinds)):
            mine = kinds == kind
            traces.append(_markers(xs_all[mine], ys_all[mine], str(kind), *group_style(kind, position), hover))
    else:
        traces.append(_markers(xs_all, ys_all, "item", "#777777", "circle", hover))
    if centroids is not None:
        centroids = np.asarray(centroids)
        traces.append({"type": "scatter", "x": centroids[:, 0], "y": centroids[:, 1], "mode": "markers+text",
                       "name": f"{middle}s", "text": [str(c) for c in range(len(centroids))],
                       "textposition": "top center",
                       "marker": {"symbol": "x", "size": 18, "line": {"width": 2, "color": OKABE_ITO["black"]},
                                  "color": [cluster_style(c)[0] for c in range(len(centroids))]},
                       "hovertemplate": f"{middle} %{{text}}<br>" + hover.split("<extra>")[0] + "<extra></extra>"})
    if new_item is not None:
        nx, ny, text = new_item
        traces.append({"type": "scatter", "x": [nx], "y": [ny], "mode": "markers+text", "name": "new item",
                       "text": [text], "textposition": "bottom center",
                       "marker": {"symbol": "star", "size": 22, "color": OKABE_ITO["yellow"],
                                  "line": {"width": 2, "color": OKABE_ITO["black"]}}})
    figure = _figure(traces, title, label(x), label(y), height=height)
    figure.layout.xaxis.range = _axis_range(frame[x])
    figure.layout.yaxis.range = _axis_range(frame[y])
    return figure


def region_grid(frame: pd.DataFrame, x: str, y: str, classify) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which cluster ``classify`` (a function of an (n, 2) array of x, y positions) gives each grid cell."""
    xs = np.linspace(*_axis_range(frame[x]), GRID)
    ys = np.linspace(*_axis_range(frame[y]), GRID)
    gx, gy = np.meshgrid(xs, ys)
    grid = classify(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    return xs, ys, grid


def histogram_figure(frame: pd.DataFrame, column: str, kinds=None) -> go.Figure:
    """Histogram of one measurement; with ``kinds``, one overlaid histogram per kind."""
    bins = {"start": float(frame[column].min()), "end": float(frame[column].max()),
            "size": float(frame[column].max() - frame[column].min()) / 30 or 1.0}
    values = _numbers(frame[column])
    if kinds is None:
        traces = [{"type": "histogram", "x": values, "xbins": bins, "name": "all items",
                   "marker": {"color": OKABE_ITO["blue"]}}]
    else:
        kinds = np.asarray(kinds)
        traces = [{"type": "histogram", "x": values[kinds == kind], "xbins": bins, "name": str(kind),
                   "marker": {"color": group_style(kind, position)[0]}, "opacity": 0.65}
                  for position, kind in enumerate(pd.unique(kinds))]
    return _figure(traces, f"How many items have each {label(column)}?", label(column), "number of items",
                   barmode="overlay")


def cube_figure(frame: pd.DataFrame, columns: list[str], *, kinds=None) -> go.Figure:
    """3-D scatter of three measurements, coloured by true kind once revealed (grey before)."""
    x, y, z = columns[:3]
    groups = np.asarray(kinds) if kinds is not None else np.full(len(frame), "item")
    traces = []
    for position, group in enumerate(pd.unique(groups)):
        colour = "#777777" if kinds is None else group_style(group, position)[0]
        mine = groups == group
        traces.append({"type": "scatter3d", "x": _numbers(frame[x])[mine], "y": _numbers(frame[y])[mine],
                       "z": _numbers(frame[z])[mine],
                       "mode": "markers", "name": str(group), "marker": {"size": 3, "color": colour}})
    scene = {"xaxis": {"title": {"text": label(x)}}, "yaxis": {"title": {"text": label(y)}},
             "zaxis": {"title": {"text": label(z)}}}
    return _figure(traces, "All three measurements at once (drag to turn)", "", "", scene=scene, dragmode="orbit")


def curve_figure(xs, ys, title: str, x_title: str, y_title: str, marker_x=None) -> go.Figure:
    """A simple line with dots (elbow, silhouette, inertia per move); ``marker_x`` highlights one x."""
    traces = [{"type": "scatter", "x": np.asarray(xs, dtype=float), "y": np.asarray(ys, dtype=float), "mode": "lines+markers", "name": y_title,
               "line": {"color": OKABE_ITO["blue"]}}]
    shapes = [] if marker_x is None else [{"type": "line", "x0": marker_x, "x1": marker_x, "yref": "paper",
                                           "y0": 0, "y1": 1, "line": {"dash": "dot", "color": OKABE_ITO["vermillion"]}}]
    figure = _figure(traces, title, x_title, y_title, height=320, showlegend=False, shapes=shapes)
    figure.layout.xaxis.dtick = 1  # k and move numbers are whole numbers
    return figure


def elbow_figures(scores: pd.DataFrame, k: int) -> list[tuple[str, str, go.Figure]]:
    """(name, title, figure) of the elbow (inertia for each k) and, for the k that have one, the silhouette
    score, with the learner's ``k`` marked; ``scores`` as :func:`lib.kmeans.garden.elbow` gives them."""
    figures = [("elbow", "Elbow chart", curve_figure(scores["k"], scores["inertia"], "The elbow: inertia for each k",
                                                     "k (groups)", "inertia", marker_x=k))]
    with_score = scores.dropna()
    if len(with_score):
        figures.append(("silhouette", "Silhouette score for each k",
                        curve_figure(with_score["k"], with_score["silhouette"], "Silhouette score for each k",
                                     "k (groups)", "silhouette", marker_x=k)))
    return figures


def new_item_figure(frame: pd.DataFrame, features: list[str], fit, names: dict[int, str], new: list[float],
                    text: str, kids: bool = False) -> go.Figure:
    """The items coloured by ``fit``'s clusters (named by ``names``) on the last two ``features``, with the
    new item (its measurements ``new``, labelled ``text``) as a star."""
    x, y = features[-2:]
    on_axes = [features.index(x), features.index(y)]
    return points_figure(frame, x, y, labels=fit.labels, centroids=fit.centroids[:, on_axes], names=names,
                         new_item=(new[on_axes[0]], new[on_axes[1]], text), kids=kids,
                         title="The new item (★) among the groups")
