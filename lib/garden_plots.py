"""Plotly charts for the k-means page: clusters, kinds, centroids, regions, the elbow.

Colours follow :mod:`lib.palette` (Okabe-Ito). Clusters use the seven categorical colours *and* a marker
shape each, so up to eight clusters stay distinguishable, also in black and white or for colour-blind
viewers (the eighth shares blue with the first but has its own shape).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.garden import label
from lib.palette import CATEGORICAL, OKABE_ITO, use_plotly_template

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "cross")
KIND_STYLE = {"woodlouse": (OKABE_ITO["blue"], "circle"), "ladybird": (OKABE_ITO["vermillion"], "diamond"),
              "stone": (OKABE_ITO["bluish green"], "square")}
HEIGHT = 430
GRID = 80  #: cells per side of the clickable/region grid


def cluster_style(cluster: int) -> tuple[str, str]:
    """(colour, marker symbol) of a cluster number."""
    return CATEGORICAL[cluster % len(CATEGORICAL)], SYMBOLS[cluster % len(SYMBOLS)]


def _layout(figure: go.Figure, title: str, x: str, y: str) -> go.Figure:
    use_plotly_template()
    figure.update_layout(template="workshop", title=title, height=HEIGHT, margin={"l": 10, "r": 10, "t": 50, "b": 10},
                         legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
                         xaxis_title=label(x), yaxis_title=label(y), dragmode=False)
    return figure


def _axis_range(values: pd.Series, pad: float = 0.06) -> tuple[float, float]:
    low, high = float(values.min()), float(values.max())
    margin = (high - low) * pad or 1.0
    return low - margin, high + margin


def points_figure(frame: pd.DataFrame, x: str, y: str, *, labels=None, kinds=None, centroids=None,
                  names: dict[int, str] | None = None, title: str = "", regions=None, lines: bool = False,
                  clickable: bool = False, new_item=None) -> go.Figure:
    """A scatter of ``frame[x]`` against ``frame[y]``.

    Points are grey until coloured by ``labels`` (cluster numbers) or ``kinds`` (true kinds). ``centroids``
    are (k, 2) positions in (x, y) units; ``regions`` is ``(xs, ys, grid_labels)``: which cluster owns each
    cell of a grid, drawn faintly behind the points; ``lines`` joins each point to its centroid.
    ``clickable`` adds an invisible grid of points so a click anywhere selects a position.
    ``new_item`` is ``(x, y, text)`` for a newly classified item."""
    figure = go.Figure()
    if regions is not None:
        xs, ys, grid = regions
        k = int(grid.max()) + 1
        scale = [[stop, cluster_style(c)[0]] for c in range(k) for stop in (c / k, (c + 1) / k)]
        figure.add_trace(go.Heatmap(x=xs, y=ys, z=grid, colorscale=scale, zmin=-0.5, zmax=k - 0.5, opacity=0.18,
                                    showscale=False, hoverinfo="skip", name="regions"))
    if clickable:
        gx, gy = np.meshgrid(np.linspace(*_axis_range(frame[x]), GRID // 2), np.linspace(*_axis_range(frame[y]), GRID // 2))
        figure.add_trace(go.Scatter(x=gx.ravel(), y=gy.ravel(), mode="markers", name="click to place",
                                    marker={"size": 14, "opacity": 0.01, "color": OKABE_ITO["black"]},
                                    hovertemplate="place a centroid here<extra></extra>", showlegend=False))
    if lines and labels is not None and centroids is not None:
        own = np.asarray(centroids)[np.asarray(labels)]
        xs = np.column_stack([frame[x], own[:, 0], np.full(len(frame), np.nan)]).ravel()
        ys = np.column_stack([frame[y], own[:, 1], np.full(len(frame), np.nan)]).ravel()
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 0.6, "color": "#999999"},
                                    hoverinfo="skip", name="to its centroid", showlegend=False))
    hover = f"{label(x)}: %{{x}}<br>{label(y)}: %{{y}}<extra>%{{fullData.name}}</extra>"
    if labels is not None:
        labels = np.asarray(labels)
        for cluster in sorted(set(labels.tolist())):
            colour, symbol = cluster_style(cluster)
            mine = labels == cluster
            name = (names or {}).get(cluster) or f"cluster {cluster}"
            figure.add_trace(go.Scatter(x=frame[x][mine], y=frame[y][mine], mode="markers", name=name,
                                        marker={"color": colour, "symbol": symbol, "size": 8, "opacity": 0.8},
                                        hovertemplate=hover))
    elif kinds is not None:
        kinds = np.asarray(kinds)
        for position, kind in enumerate(pd.unique(kinds)):
            colour, symbol = KIND_STYLE.get(kind, cluster_style(position))
            mine = kinds == kind
            figure.add_trace(go.Scatter(x=frame[x][mine], y=frame[y][mine], mode="markers", name=str(kind),
                                        marker={"color": colour, "symbol": symbol, "size": 8, "opacity": 0.8},
                                        hovertemplate=hover))
    else:
        figure.add_trace(go.Scatter(x=frame[x], y=frame[y], mode="markers", name="item",
                                    marker={"color": "#777777", "size": 8, "opacity": 0.7}, hovertemplate=hover))
    if centroids is not None:
        centroids = np.asarray(centroids)
        figure.add_trace(go.Scatter(
            x=centroids[:, 0], y=centroids[:, 1], mode="markers+text", name="centroids",
            text=[str(c) for c in range(len(centroids))], textposition="top center",
            marker={"symbol": "x", "size": 18, "color": [cluster_style(c)[0] for c in range(len(centroids))],
                    "line": {"width": 2, "color": OKABE_ITO["black"]}},
            hovertemplate="centroid %{text}<br>" + hover.split("<extra>")[0] + "<extra></extra>"))
    if new_item is not None:
        nx, ny, text = new_item
        figure.add_trace(go.Scatter(x=[nx], y=[ny], mode="markers+text", name="new item", text=[text],
                                    textposition="bottom center",
                                    marker={"symbol": "star", "size": 22, "color": OKABE_ITO["yellow"],
                                            "line": {"width": 2, "color": OKABE_ITO["black"]}}))
    figure = _layout(figure, title, x, y)
    figure.update_xaxes(range=_axis_range(frame[x]))
    figure.update_yaxes(range=_axis_range(frame[y]))
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
    figure = go.Figure()
    if kinds is None:
        figure.add_trace(go.Histogram(x=frame[column], nbinsx=30, name="all items", marker_color=OKABE_ITO["blue"]))
    else:
        kinds = np.asarray(kinds)
        for position, kind in enumerate(pd.unique(kinds)):
            colour = KIND_STYLE.get(kind, cluster_style(position))[0]
            figure.add_trace(go.Histogram(x=frame[column][kinds == kind], nbinsx=30, name=str(kind),
                                          marker_color=colour, opacity=0.65))
        figure.update_layout(barmode="overlay")
    figure = _layout(figure, f"How many items have each {label(column)}?", column, "")
    figure.update_yaxes(title="number of items")
    return figure


def cube_figure(frame: pd.DataFrame, columns: list[str], *, labels=None, kinds=None) -> go.Figure:
    """3-D scatter of three measurements, coloured by cluster or kind (grey if neither)."""
    x, y, z = columns[:3]
    groups = labels if labels is not None else kinds
    figure = go.Figure()
    if groups is None:
        figure.add_trace(go.Scatter3d(x=frame[x], y=frame[y], z=frame[z], mode="markers", name="item",
                                      marker={"size": 3, "color": "#777777"}))
    else:
        groups = np.asarray(groups)
        for position, group in enumerate(pd.unique(groups)):
            if labels is not None:
                colour, name = cluster_style(int(group))[0], f"cluster {group}"
            else:
                colour, name = KIND_STYLE.get(group, cluster_style(position))[0], str(group)
            mine = groups == group
            figure.add_trace(go.Scatter3d(x=frame[x][mine], y=frame[y][mine], z=frame[z][mine], mode="markers",
                                          name=name, marker={"size": 3, "color": colour}))
    figure = _layout(figure, "All three measurements at once (drag to turn)", x, y)
    figure.update_layout(scene={"xaxis_title": label(x), "yaxis_title": label(y), "zaxis_title": label(z)},
                         dragmode="orbit")
    return figure


def curve_figure(xs, ys, title: str, x_title: str, y_title: str, marker_x=None) -> go.Figure:
    """A simple line with dots (elbow, silhouette, inertia per step); ``marker_x`` highlights one x."""
    figure = go.Figure(go.Scatter(x=list(xs), y=list(ys), mode="lines+markers", name=y_title,
                                  line={"color": OKABE_ITO["blue"]}))
    if marker_x is not None:
        figure.add_vline(x=marker_x, line_dash="dot", line_color=OKABE_ITO["vermillion"])
    figure = _layout(figure, title, "", "")
    figure.update_layout(height=320, xaxis_title=x_title, yaxis_title=y_title, showlegend=False)
    return figure
