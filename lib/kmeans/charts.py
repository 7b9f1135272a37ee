"""The k-means page's other charts, drawn only in steps a learner opens: the histogram, the curves of inertia and
of the elbow (Vega-Lite specifications: plain dicts for ``st.vega_lite_chart``, their data as pandas tables that
Streamlit sends as Arrow), and the 3-D view of step 1, the only plotly figure (Vega-Lite has no 3-D): a plain
plotly dictionary wrapped without plotly's validation (which costs ~100 ms a figure). The scatter, the
playground's chart, is SVG: :mod:`lib.kmeans.scatter`, whose colours and shapes these charts share.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.kmeans.garden import label
from lib.kmeans.scatter import GREY, HEIGHT, group_style
from lib.palette import OKABE_ITO, TEMPLATE_NAME, use_plotly_template

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


def _numbers(column: pd.Series) -> np.ndarray:
    """A column as a plain float array: plotly deep-copies what it is given, and copying a pandas Series
    costs ten times more than copying an array."""
    return column.to_numpy(dtype=float)


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
