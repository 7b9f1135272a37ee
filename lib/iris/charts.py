"""Charts for the iris page's steps: the data, how sure the network is, its mistakes and the simpler models; and
the colours and marker shapes every /iris picture uses (the playground's pictures, the network, the decision map
and the curves, are SVG: :mod:`lib.iris.pictures`).

Every species keeps one colour and one marker shape everywhere (colour is never the only cue), from the
Okabe-Ito palette. The charts are Vega-Lite specifications (plain dicts for ``st.vega_lite_chart``), so the page
opens without plotly's 4.7 MB of browser code (issue #17); only the scatter matrix, drawn when a learner opens
the data step, stays a ``plotly.graph_objects.Figure``. Functions take plain arrays.

A learner's own table (:mod:`lib.iris.own_data`) has its classes in the palette's colours and
:data:`CLASS_MARKERS`' shapes in order, as the species do; :func:`confusion_figure` takes its ``classes``.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib.iris.model import FEATURES, SPECIES
from lib.palette import CATEGORICAL, OKABE_ITO, SEQUENTIAL, use_plotly_template

SPECIES_COLOURS = CATEGORICAL[:3]
#: One marker shape per class, the species' first (an own table has at most as many classes as colours).
CLASS_MARKERS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "cross", "triangle-right")
SPECIES_MARKERS = CLASS_MARKERS[:3]
NAME_CHARACTERS = 18  #: an own table's input names longer than this are cut short on the network diagram
#: Colours of things that are not species (so a species' colour means that species on every chart): the
#: training and test curves, and positive and negative weights.
CURVE_COLOURS = (OKABE_ITO["black"], OKABE_ITO["reddish purple"])
WEIGHT_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["reddish purple"])
UNTRAINED_COLOUR = "#C8C8C8"  #: a connection before there is any weight to show
BASELINE_COLOUR = "#999999"  #: the simpler models beside the learner's network

use_plotly_template()


def short_name(feature: str) -> str:
    """A measurement's name without its unit, an own table's long column name cut short."""
    feature = feature.replace(" (cm)", "")
    return feature if len(feature) <= NAME_CHARACTERS else feature[:NAME_CHARACTERS - 1] + "…"


def _species_scale() -> dict:
    """The Vega-Lite scale giving each species its colour."""
    return {"domain": list(SPECIES), "range": list(SPECIES_COLOURS)}


def scatter_matrix(frame) -> go.Figure:
    """Every pair of measurements plotted against each other, one colour and marker per species."""
    figure = go.Figure()
    for label, name in enumerate(SPECIES):
        rows = frame[frame["species"] == label]
        figure.add_trace(go.Splom(
            dimensions=[{"label": short_name(f), "values": rows[f]} for f in FEATURES], name=f"{label} {name}",
            marker={"color": SPECIES_COLOURS[label], "symbol": SPECIES_MARKERS[label], "size": 6,
                    "line": {"width": 0.5, "color": "white"}},
            showupperhalf=False, diagonal_visible=False))
    figure.update_layout(title="Each pair of measurements, coloured by species", height=620,
                         legend={"orientation": "h", "y": 1.08}, margin={"l": 60, "r": 10, "t": 90, "b": 50})
    return figure


def probability_bars(probabilities: np.ndarray, threshold: float) -> dict:
    """A Vega-Lite spec of the network's probability for each species (bars in the species' colours, each
    labelled with its percentage), with the "I don't know" ``threshold`` as a dashed line."""
    rows = [{"species": name, "probability": round(100 * float(p), 1), "label": f"{100 * p:.1f}%"}
            for name, p in zip(SPECIES, probabilities)]
    y = {"field": "species", "type": "nominal", "title": "species", "sort": list(SPECIES)}
    x = {"field": "probability", "type": "quantitative", "title": "probability (%)", "scale": {"domain": [0, 100]}}
    threshold_x = {**x, "field": "threshold"}
    return {
        "title": "How sure the network is",
        "height": {"step": 34},
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "bar"},
             "encoding": {"y": y, "x": x,
                          "color": {"field": "species", "type": "nominal", "legend": None, "scale": _species_scale()},
                          "tooltip": [{"field": "species"}, {"field": "label", "title": "probability"}]}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"y": y, "x": x, "text": {"field": "label"}}},
            {"data": {"values": [{"threshold": 100 * threshold, "label": "sure enough"}]},
             "mark": {"type": "rule", "strokeDash": [6, 4], "color": OKABE_ITO["black"], "strokeWidth": 2},
             "encoding": {"x": threshold_x,
                          "tooltip": [{"field": "label", "title": "only answer from"},
                                      {"field": "threshold", "title": "%"}]}},
            {"data": {"values": [{"threshold": 100 * threshold, "label": "sure enough"}]},
             "mark": {"type": "text", "y": -2, "baseline": "bottom", "fontSize": 11},
             "encoding": {"x": threshold_x, "text": {"field": "label"}}},
        ],
    }


def confusion_figure(matrix: np.ndarray, *, classes: tuple[str, ...] = SPECIES) -> dict:
    """A Vega-Lite spec of the confusion matrix: rows are the true species (or an own table's ``classes``),
    columns what the network said; each cell counts test flowers, shaded white to blue and labelled with its
    count."""
    rows = [{"true species": classes[t], "predicted species": classes[p], "flowers": int(matrix[t, p])}
            for t in range(len(classes)) for p in range(len(classes))]
    most = max(int(np.max(matrix)), 1)
    x = {"field": "predicted species", "type": "nominal", "title": "predicted species", "sort": list(classes),
         "axis": {"labelAngle": 0, "orient": "top"}}
    y = {"field": "true species", "type": "nominal", "title": "true species", "sort": list(classes)}
    return {
        "title": "Test flowers: true species vs prediction",
        "height": {"step": 40},
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "rect", "stroke": "white"},
             "encoding": {"x": x, "y": y,
                          "fill": {"field": "flowers", "type": "quantitative", "legend": None,
                                   "scale": {"domain": [0, most], "range": [colour for _, colour in SEQUENTIAL],
                                             "interpolate": "rgb"}},
                          "tooltip": [{"field": "true species"}, {"field": "predicted species"},
                                      {"field": "flowers"}]}},
            {"mark": {"type": "text", "fontSize": 16},
             "encoding": {"x": x, "y": y, "text": {"field": "flowers"},
                          "color": {"condition": {"test": f"datum.flowers > {most / 2}", "value": "white"},
                                    "value": OKABE_ITO["black"]}}},
        ],
    }


def accuracy_bars(scores: dict[str, float]) -> dict:
    """A Vega-Lite spec of the test accuracy of several models side by side, each labelled: the first (the
    learner's network) in vermillion, the others grey (species colours mean species)."""
    names = list(scores)
    rows = [{"model": name, "accuracy": round(100 * scores[name], 1), "label": f"{100 * scores[name]:.1f}%"}
            for name in names]
    y = {"field": "model", "type": "nominal", "title": "model", "sort": names, "axis": {"labelLimit": 220}}
    x = {"field": "accuracy", "type": "quantitative", "title": "test accuracy (%)", "scale": {"domain": [0, 100]}}
    return {
        "title": "Test accuracy, same split",
        "height": {"step": 30},
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "bar"},
             "encoding": {"y": y, "x": x,
                          "color": {"field": "model", "type": "nominal", "legend": None,
                                    "scale": {"domain": names, "range": [WEIGHT_COLOURS[0]] + [BASELINE_COLOUR] * (
                                        len(names) - 1)}},
                          "tooltip": [{"field": "model"}, {"field": "label", "title": "test accuracy"}]}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"y": y, "x": x, "text": {"field": "label"}}},
        ],
    }
