"""Charts for the k-means page: the items with their clusters or kinds, centroids and regions
(:func:`points_chart`, the playground's chart), the histogram, the curves of inertia and of the elbow, and
the 3-D view of step 1.

Colours follow :mod:`lib.palette` (Okabe-Ito). Clusters use the seven categorical colours *and* a marker
shape each, so up to eight clusters stay distinguishable, also in black and white or for colour-blind
viewers (the eighth shares blue with the first but has its own shape).

The scatter charts are Vega-Lite specifications (plain dicts for ``st.vega_lite_chart``, their data as pandas
tables that Streamlit sends as Arrow): a page showing one opens without plotly's 4.7 MB of browser code
(issue #17); so are the histogram and the curves. Only the 3-D view is plotly (Vega-Lite has no 3-D), a plain
plotly dictionary wrapped without plotly's validation (which costs ~100 ms a figure), drawn only when a learner
opens it.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.images import region_picture
from lib.kmeans.garden import label
from lib.palette import CATEGORICAL, OKABE_ITO, TEMPLATE_NAME, use_plotly_template

KIND_STYLE = {"woodlouse": (OKABE_ITO["blue"], "circle"), "ladybird": (OKABE_ITO["vermillion"], "diamond"),
              "stone": (OKABE_ITO["bluish green"], "square")}
HEIGHT = 430
GRID = 40  #: cells per side of the grid behind the points: the regions, and where a click can add an item
REGION_SHADE = 0.18  #: how strongly each region shows its cluster's colour (0 to 1)
REGION_CELL_PX = 8  #: each grid cell of the regions' picture as a block of this many pixels a side
GREY = "#777777"  #: items not yet in a group
CLICK = "spot"  #: the name of the Vega-Lite selection a click on :func:`points_chart` makes


def _polygon(corners: int, turn: float = -90.0, inner: float | None = None) -> str:
    """An SVG path of a regular polygon (or, with ``inner``, a star) in Vega-Lite's unit square, -1 to 1."""
    count = corners * (2 if inner else 1)
    angles = np.radians(turn + 360.0 * np.arange(count) / count)
    radii = np.where(np.arange(count) % 2, inner or 1.0, 1.0)
    return "M" + "L".join(f"{r * np.cos(a):.3f},{r * np.sin(a):.3f}" for r, a in zip(radii, angles)) + "Z"


#: Vega-Lite point shapes of the clusters in order (SVG paths for the two it has no name for).
SHAPES = ("circle", "square", "diamond", "triangle-up", "triangle-down", _polygon(5), _polygon(6), "triangle-right")
STAR = _polygon(5, inner=0.45)  #: the new item's shape


def cluster_style(cluster: int) -> tuple[str, str]:
    """(colour, Vega-Lite shape) of a cluster number."""
    return CATEGORICAL[cluster % len(CATEGORICAL)], SHAPES[cluster % len(SHAPES)]


def group_style(group, position: int) -> tuple[str, str]:
    """(colour, shape) of a true kind: the garden's kinds have fixed styles, other labels go in order."""
    return KIND_STYLE.get(group, cluster_style(position))


TRACE_TYPES = ("scatter3d",)  # the only kind of trace drawn here


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


def _names(k: int, names: dict[int, str] | None, group: str) -> list[str]:
    """Each cluster's name in the legend: the learner's name, else "cluster 3"; a name two clusters share
    gets the number too, so each cluster keeps its own colour."""
    given = [(names or {}).get(c) or f"{group} {c}" for c in range(k)]
    return [name if given.count(name) == 1 else f"{name} ({group} {c})" for c, name in enumerate(given)]


def _grid(low: float, high: float) -> np.ndarray:
    """The centres of :data:`GRID` equal cells that tile ``low`` to ``high``."""
    step = (high - low) / GRID
    return low + step * (np.arange(GRID) + 0.5)


def points_chart(frame: pd.DataFrame, x: str, y: str, *, labels=None, kinds=None, centroids=None,
                 names: dict[int, str] | None = None, title: str = "", regions=None, lines: bool = False,
                 click: str | None = None, new_item=None, kids: bool = False, height: int = HEIGHT) -> dict:
    """A Vega-Lite scatter of ``frame[x]`` against ``frame[y]`` (its data as pandas tables in ``datasets``).

    Points are grey until coloured by ``labels`` (cluster numbers) or ``kinds`` (true kinds), each group with its
    own colour and shape. ``centroids`` are (k, 2) positions in (x, y) units, drawn as numbered crosses;
    ``regions`` is ``(xs, ys, grid_labels)`` from :func:`region_grid`, drawn as one faint picture behind the points;
    ``lines`` joins each point to its centroid. ``click`` (what a click does, e.g. "adds an item here") covers
    the plot with cells that a click selects: the selection :data:`CLICK` holds the clicked cell's centre (or
    the clicked item's position) as ``x`` and ``y``. ``new_item`` is ``(x, y, text)``, drawn as a star.
    ``kids`` names groups and their middles in kid words; ``height`` is the plot's, in pixels."""
    group, middle = ("group", "middle") if kids else ("cluster", "centroid")
    ranges = {"x": _axis_range(frame[x]), "y": _axis_range(frame[y])}
    items = pd.DataFrame({"x": _numbers(frame[x]), "y": _numbers(frame[y])})
    labels = None if labels is None else np.asarray(labels, dtype=int)
    k = max([0, *([int(labels.max()) + 1] if labels is not None and len(labels) else []),
             *([len(centroids)] if centroids is not None else []),
             *([int(regions[2].max()) + 1] if regions is not None else [])])
    clusters = _names(k, names, group)
    styles: dict[str, tuple[str, str]] = {}  # legend name → (colour, shape), in legend order
    if labels is not None:
        items["group"] = [clusters[c] for c in labels]
    elif kinds is not None:
        kinds = np.asarray(kinds).astype(str)
        styles |= {kind: group_style(kind, position) for position, kind in enumerate(pd.unique(kinds))}
        items["group"] = kinds
    else:
        styles["item"] = (GREY, "circle")
        items["group"] = "item"
    styles |= {name: cluster_style(c) for c, name in enumerate(clusters) if name not in styles}
    legend = {"orient": "bottom", "direction": "horizontal", "title": None, "columns": 4, "symbolOpacity": 1}
    colour = {"field": "group", "type": "nominal", "title": None, "legend": legend,
              "scale": {"domain": list(styles), "range": [style[0] for style in styles.values()]}}
    shape = {"field": "group", "type": "nominal", "title": None, "legend": legend,
             "scale": {"domain": list(styles), "range": [style[1] for style in styles.values()]}}

    def axis(channel: str, field: str) -> dict:
        return {"field": field, "type": "quantitative", "title": label(x if channel == "x" else y),
                "scale": {"domain": ranges[channel], "nice": False, "zero": False}}

    where = [{"field": "x", "title": label(x), "format": ".3~g"}, {"field": "y", "title": label(y), "format": ".3~g"}]
    whose = ([{"field": "group", "title": group}] if labels is not None else
             [{"field": "group", "title": "kind"}] if kinds is not None else [])  # grey items: nothing to say
    datasets, layers = {"items": items}, []
    if regions is not None:  # one see-through picture: a chart mark per cell is slow to redraw
        grid = regions[2]
        corners = {"x": ranges["x"][0], "x2": ranges["x"][1], "y": ranges["y"][0], "y2": ranges["y"][1]}
        datasets["regions"] = pd.DataFrame([{"url": region_picture(grid[::-1], [cluster_style(c)[0] for c in range(k)],
                                                                   REGION_SHADE, REGION_CELL_PX), **corners}])
        layers.append({"data": {"name": "regions"}, "mark": {"type": "image", "aspect": False, "interactive": False},
                       "encoding": {"url": {"field": "url", "type": "nominal"}, "x": axis("x", "x"),
                                    "x2": {"field": "x2"}, "y": axis("y", "y"), "y2": {"field": "y2"}}})
    if click:  # invisible cells tiling the plot, for a selection fires only on a mark
        xs, ys = _grid(*ranges["x"]), _grid(*ranges["y"])
        gx, gy = np.meshgrid(xs, ys)
        half = {"x": float(xs[1] - xs[0]) / 2, "y": float(ys[1] - ys[0]) / 2}
        datasets["cells"] = pd.DataFrame({"x": gx.ravel(), "y": gy.ravel(), "click": click})
        layers.append({"data": {"name": "cells"},
                       "transform": [{"calculate": f"datum.{c} {sign} {half[c]!r}", "as": f"{c}{end}"}
                                     for c in ("x", "y") for sign, end in (("-", "0"), ("+", "1"))],
                       "mark": {"type": "rect", "fill": "#ffffff", "opacity": 0},
                       "params": [{"name": CLICK, "select": {"type": "point", "fields": ["x", "y"], "on": "click",
                                                             "toggle": False, "clear": False}}],
                       "encoding": {"x": axis("x", "x0"), "x2": {"field": "x1"}, "y": axis("y", "y0"),
                                    "y2": {"field": "y1"}, "tooltip": [*where, {"field": "click", "title": "a click"}]}})
    if lines and labels is not None and centroids is not None:
        own = np.asarray(centroids, dtype=float)[labels]
        datasets["lines"] = items[["x", "y"]].assign(cx=own[:, 0], cy=own[:, 1])
        layers.append({"data": {"name": "lines"}, "mark": {"type": "rule", "color": "#999999", "strokeWidth": 0.6,
                                                           "interactive": False},
                       "encoding": {"x": axis("x", "x"), "y": axis("y", "y"), "x2": {"field": "cx"},
                                    "y2": {"field": "cy"}}})
    layers.append({"data": {"name": "items"}, "mark": {"type": "point", "filled": True, "size": 60, "opacity": 0.85},
                   "encoding": {"x": axis("x", "x"), "y": axis("y", "y"), "color": colour, "shape": shape,
                                "tooltip": [*whose, *where]}})
    if centroids is not None:
        centroids = np.asarray(centroids, dtype=float)
        datasets["centres"] = pd.DataFrame({"x": centroids[:, 0], "y": centroids[:, 1],
                                            "group": clusters[:len(centroids)],
                                            "number": [str(c) for c in range(len(centroids))]})
        at = {"x": axis("x", "x"), "y": axis("y", "y")}
        layers += [{"data": {"name": "centres"},
                    "mark": {"type": "point", "shape": "cross", "angle": 45, "filled": True, "size": 360,
                             "opacity": 1, "stroke": OKABE_ITO["black"], "strokeWidth": 1.5},
                    "encoding": {**at, "color": colour,
                                 "tooltip": [{"field": "number", "title": middle}, *where]}},
                   {"data": {"name": "centres"},
                    "mark": {"type": "text", "dy": -16, "fontWeight": "bold", "color": OKABE_ITO["black"],
                             "interactive": False},
                    "encoding": {**at, "text": {"field": "number"}}}]
    if new_item is not None:
        nx, ny, text = new_item
        datasets["new"] = pd.DataFrame({"x": [float(nx)], "y": [float(ny)], "text": [text]})
        at = {"x": axis("x", "x"), "y": axis("y", "y")}
        layers += [{"data": {"name": "new"},
                    "mark": {"type": "point", "shape": STAR, "filled": True, "size": 500, "opacity": 1,
                             "color": OKABE_ITO["yellow"], "stroke": OKABE_ITO["black"], "strokeWidth": 1.5},
                    "encoding": {**at, "tooltip": [{"field": "text", "title": "new item"}, *where]}},
                   {"data": {"name": "new"}, "mark": {"type": "text", "dy": 22, "fontWeight": "bold",
                                                      "color": OKABE_ITO["black"], "interactive": False},
                    "encoding": {**at, "text": {"field": "text"}}}]
    head, _, tail = title.partition(": ")  # "k-means at work: ✕ marks…" in two lines, to fit a phone
    return {"title": {"text": head, "subtitle": tail} if tail else title, "height": height, "datasets": datasets,
            "layer": layers, "usermeta": {"embedOptions": {"renderer": "svg"}},
            "config": {"mark": {"aria": False}}}  # no unnamed screen-reader roles: the alt text tells it


def region_grid(frame: pd.DataFrame, x: str, y: str, classify) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which cluster ``classify`` (a function of an (n, 2) array of x, y positions) gives each of the
    :data:`GRID` × :data:`GRID` cells that tile the plot; returns the cells' x and y centres and the grid."""
    xs, ys = _grid(*_axis_range(frame[x])), _grid(*_axis_range(frame[y]))
    gx, gy = np.meshgrid(xs, ys)
    grid = classify(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    return xs, ys, grid


def histogram_chart(frame: pd.DataFrame, column: str, kinds=None) -> dict:
    """A Vega-Lite histogram of one measurement in 30 bins; with ``kinds``, one see-through histogram per kind,
    overlaid (not stacked), each in its kind's colour."""
    low, high = float(frame[column].min()), float(frame[column].max())
    step = (high - low) / 30 or 1.0
    groups = ["all items"] * len(frame) if kinds is None else np.asarray(kinds).astype(str)
    colours = ({"all items": OKABE_ITO["blue"]} if kinds is None else
               {kind: group_style(kind, position)[0] for position, kind in enumerate(pd.unique(groups))})
    return {
        "title": f"How many items have each {label(column)}?", "height": HEIGHT,
        "datasets": {"values": pd.DataFrame({"value": _numbers(frame[column]), "group": groups})},
        "data": {"name": "values"},
        "transform": [{"bin": {"extent": [low, high + step if high == low else high], "step": step},
                       "field": "value", "as": ["low", "high"]},
                      {"aggregate": [{"op": "count", "as": "items"}], "groupby": ["low", "high", "group"]}],
        "mark": {"type": "bar", "opacity": 1 if kinds is None else 0.65},
        "encoding": {
            "x": {"field": "low", "type": "quantitative", "title": label(column),
                  "bin": {"binned": True, "step": step}},
            "x2": {"field": "high"},
            "y": {"field": "items", "type": "quantitative", "title": "number of items", "stack": None},
            "color": {"field": "group", "type": "nominal", "title": None,
                      "scale": {"domain": list(colours), "range": list(colours.values())},
                      "legend": {"orient": "bottom", "direction": "horizontal", "title": None}},
            "tooltip": [{"field": "group", "title": "kind" if kinds is not None else "items"},
                        {"field": "low", "title": "from", "format": ".3~g"},
                        {"field": "high", "title": "to", "format": ".3~g"}, {"field": "items", "title": "how many"}],
        },
    }


def cube_figure(frame: pd.DataFrame, columns: list[str], *, kinds=None) -> go.Figure:
    """3-D scatter of three measurements, coloured by true kind once revealed (grey before)."""
    x, y, z = columns[:3]
    groups = np.asarray(kinds) if kinds is not None else np.full(len(frame), "item")
    traces = []
    for position, group in enumerate(pd.unique(groups)):
        colour = GREY if kinds is None else group_style(group, position)[0]
        mine = groups == group
        traces.append({"type": "scatter3d", "x": _numbers(frame[x])[mine], "y": _numbers(frame[y])[mine],
                       "z": _numbers(frame[z])[mine],
                       "mode": "markers", "name": str(group), "marker": {"size": 3, "color": colour}})
    scene = {"xaxis": {"title": {"text": label(x)}}, "yaxis": {"title": {"text": label(y)}},
             "zaxis": {"title": {"text": label(z)}}}
    return _figure(traces, "All three measurements at once (drag to turn)", "", "", scene=scene, dragmode="orbit")


def curve_chart(xs, ys, title: str, x_title: str, y_title: str, marker_x=None) -> dict:
    """A Vega-Lite line with dots (elbow, silhouette, inertia per move); ``marker_x`` marks one x with a
    dotted line. The x values are whole numbers (k, or move numbers)."""
    points = pd.DataFrame({"x": np.asarray(xs, dtype=float), "y": np.asarray(ys, dtype=float)})
    at = {"x": {"field": "x", "type": "quantitative", "title": x_title, "axis": {"tickMinStep": 1, "format": "d"}},
          "y": {"field": "y", "type": "quantitative", "title": y_title, "scale": {"zero": False}}}
    layers = [{"data": {"name": "curve"}, "mark": {"type": "line", "point": True, "color": OKABE_ITO["blue"]},
               "encoding": {**at, "tooltip": [{"field": "x", "title": x_title}, {"field": "y", "title": y_title,
                                                                                  "format": ".3~g"}]}}]
    if marker_x is not None:
        layers.append({"data": {"values": [{"x": float(marker_x)}]},
                       "mark": {"type": "rule", "strokeDash": [4, 4], "color": OKABE_ITO["vermillion"]},
                       "encoding": {"x": at["x"]}})
    return {"title": title, "height": 320, "datasets": {"curve": points}, "layer": layers}


def elbow_charts(scores: pd.DataFrame, k: int) -> list[tuple[str, str, dict]]:
    """(name, title, chart) of the elbow (inertia for each k) and, for the k that have one, the silhouette
    score, with the learner's ``k`` marked; ``scores`` as :func:`lib.kmeans.garden.elbow` gives them."""
    charts = [("elbow", "Elbow chart", curve_chart(scores["k"], scores["inertia"], "The elbow: inertia for each k",
                                                   "k (groups)", "inertia", marker_x=k))]
    with_score = scores.dropna()
    if len(with_score):
        charts.append(("silhouette", "Silhouette score for each k",
                       curve_chart(with_score["k"], with_score["silhouette"], "Silhouette score for each k",
                                   "k (groups)", "silhouette", marker_x=k)))
    return charts


def new_item_chart(frame: pd.DataFrame, features: list[str], fit, names: dict[int, str], new: list[float],
                   text: str, kids: bool = False) -> dict:
    """The items coloured by ``fit``'s clusters (named by ``names``) on the last two ``features``, with the
    new item (its measurements ``new``, labelled ``text``) as a star."""
    x, y = features[-2:]
    on_axes = [features.index(x), features.index(y)]
    return points_chart(frame, x, y, labels=fit.labels, centroids=fit.centroids[:, on_axes], names=names,
                        new_item=(new[on_axes[0]], new[on_axes[1]], text), kids=kids,
                        title="The new item (★) among the groups")
