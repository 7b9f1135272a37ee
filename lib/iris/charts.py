"""Charts for the iris page: the data, the network, its training curves and what it learned.

Every species keeps one colour and one marker shape everywhere (colour is never the only cue), from the
Okabe-Ito palette. The charts are Vega-Lite specifications (plain dicts for ``st.vega_lite_chart``), so the page
opens without plotly's 4.7 MB of browser code (issue #17), and the playground's pictures, redrawn after every
epoch while a network trains, cost no figure validation; only the scatter matrix, drawn when a learner opens the
data step, stays a ``plotly.graph_objects.Figure``. Functions take plain arrays.

A learner's own table (:mod:`lib.iris.own_data`) is drawn by the same functions: those that name inputs or
species take ``features`` and ``classes`` (the iris names by default), and its classes take the palette's
colours and :data:`CLASS_MARKERS`' shapes in order, as the species do.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lib.images import region_picture
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
MAX_NODES_DRAWN = 12
DIAGRAM_TITLE = "Your network: measurements in, species out"
COMPACT_HEIGHT = 240  #: the playground's map and curves, side by side under the diagram
#: The learner's flower on the decision map: a five-pointed star (a Vega-Lite shape as an SVG path in a 2×2 box).
STAR = "M0,-1L0.22,-0.31L0.95,-0.31L0.36,0.12L0.59,0.81L0,0.38L-0.59,0.81L-0.36,0.12L-0.95,-0.31L-0.22,-0.31Z"
MAP_SHADE = 0.3  #: how strongly the decision map's background shows each species' colour (0 to 1)
MAP_CELL_PX = 4  #: each grid point of the map's picture as a block of this many pixels a side (crisp edges)

use_plotly_template()


def _short(feature: str) -> str:
    feature = feature.replace(" (cm)", "")
    return feature if len(feature) <= NAME_CHARACTERS else feature[:NAME_CHARACTERS - 1] + "…"


def _species_scale(extra: dict[str, str] | None = None, classes: tuple[str, ...] = SPECIES) -> dict:
    """The Vega-Lite scale giving each species (or class) its colour (and ``extra`` names their own colours)."""
    names = {**dict(zip(classes, CATEGORICAL)), **(extra or {})}
    return {"domain": list(names), "range": list(names.values())}


def _shape_scale(extra: dict[str, str] | None = None, classes: tuple[str, ...] = SPECIES) -> dict:
    names = {**dict(zip(classes, CLASS_MARKERS)), **(extra or {})}
    return {"domain": list(names), "range": list(names.values())}
def scatter_matrix(frame) -> go.Figure:
    """Every pair of measurements plotted against each other, one colour and marker per species."""
    figure = go.Figure()
    for label, name in enumerate(SPECIES):
        rows = frame[frame["species"] == label]
        figure.add_trace(go.Splom(
            dimensions=[{"label": _short(f), "values": rows[f]} for f in FEATURES], name=f"{label} {name}",
            marker={"color": SPECIES_COLOURS[label], "symbol": SPECIES_MARKERS[label], "size": 6,
                    "line": {"width": 0.5, "color": "white"}},
            showupperhalf=False, diagonal_visible=False))
    figure.update_layout(title="Each pair of measurements, coloured by species", height=620,
                         legend={"orientation": "h", "y": 1.08}, margin={"l": 60, "r": 10, "t": 90, "b": 50})
    return figure


def training_curves(history: dict[str, list[float]], epochs: int, compact: bool = False,
                    items: str = "flowers") -> dict:
    """A Vega-Lite spec of loss and accuracy per epoch for the training flowers (solid black) and the test
    flowers (dashed purple: no species colour), one chart above the other (side by side, the two titles
    would collide on a phone), the epochs to come already on the axis. ``compact``: the playground's small
    version; ``items``: what the legend calls the examples ("rows" for an own table)."""
    series = ((f"training {items}", "", CURVE_COLOURS[0], [1, 0]),
              (f"test {items}", "test_", CURVE_COLOURS[1], [6, 3]))
    rows = [{"epoch": epoch, "measure": metric, items: name, "value": float(value)}
            for metric in ("loss", "accuracy") for name, prefix, _, _ in series
            for epoch, value in enumerate(history.get(prefix + metric, []), start=1)]
    titles = ({"loss": "loss (lower is better)", "accuracy": "accuracy"} if compact else
              {"loss": "Loss: how wrong (lower is better)", "accuracy": "Accuracy: share right (higher is better)"})
    height = 50 if compact else 170
    # A narrow playground column has room for the two names one under the other only.
    legend = {"orient": "bottom", "direction": "vertical" if compact else "horizontal", "symbolType": "stroke",
              "symbolStrokeWidth": 2}

    def panel(metric: str, last: bool) -> dict:
        # Accuracy from 0 to 1; loss from 0 up to its highest value so far (up to 1.2 before training).
        scale = {"domain": [0, 1]} if metric == "accuracy" else {"zero": True} if rows else {"domain": [0, 1.2]}
        return {
            "title": {"text": titles[metric], "fontSize": 12 if compact else 13, "anchor": "start"},
            "transform": [{"filter": {"field": "measure", "equal": metric}}],
            "mark": {"type": "line", "point": {"filled": True, "size": 16 if compact else 30}, "clip": True},
            "height": height,
            "encoding": {
                "x": {"field": "epoch", "type": "quantitative", "title": "epoch" if last else None,
                      "scale": {"domain": [0.5, epochs + 0.5], "nice": False},
                      "axis": {"tickMinStep": 1, "format": "d", "labels": last}},
                "y": {"field": "value", "type": "quantitative", "title": metric,
                      "scale": scale},
                "color": {"field": items, "type": "nominal", "title": None, "legend": legend,
                          "scale": {"domain": [s[0] for s in series], "range": [s[2] for s in series]}},
                "strokeDash": {"field": items, "type": "nominal", "title": None, "legend": legend,
                               "scale": {"domain": [s[0] for s in series], "range": [s[3] for s in series]}},
                "tooltip": [{"field": items}, {"field": "epoch"},
                            {"field": "value", "title": metric, "format": ".3f"}],
            },
        }

    return {"title": "Learning, epoch by epoch" if compact else "Training, epoch by epoch",
            "data": {"values": rows}, "vconcat": [panel("loss", False), panel("accuracy", True)],
            "spacing": 6 if compact else 12, "resolve": {"scale": {"color": "shared", "strokeDash": "shared"}},
            # No screen-reader roles on the marks (a layer with no points yet is an unnamed "symbol" to one):
            # the chart is read through its alt text.
            "config": {"mark": {"aria": False},
                       "axis": {"labelFontSize": 10 if compact else 11, "titleFontSize": 11 if compact else 12},
                       "legend": {"labelFontSize": 11}}}


def _node_positions(sizes: tuple[int, ...]) -> list[np.ndarray]:
    """Each layer's neurons evenly up and down, at most 12, a few neurons spread enough to label."""
    return [np.linspace(1, -1, min(n, MAX_NODES_DRAWN)) * max(min(n, MAX_NODES_DRAWN), 7) / MAX_NODES_DRAWN
            for n in sizes]


def _layer_names(sizes: tuple[int, ...]) -> list[str]:
    return ["input"] + [f"hidden {k}" for k in range(1, len(sizes) - 1)] + ["output"]


def _neuron_names(sizes: tuple[int, ...], layer: int, count: int, features: tuple[str, ...] = FEATURES,
                  classes: tuple[str, ...] = SPECIES) -> list[str]:
    if layer == 0:
        return [_short(f) for f in features[:count]]
    if layer == len(sizes) - 1:
        return list(classes[:count])
    return [f"{_layer_names(sizes)[layer]}, neuron {k + 1}" for k in range(count)]


def diagram_rows(sizes: tuple[int, ...], weights=None, *, features: tuple[str, ...] = FEATURES,
                 classes: tuple[str, ...] = SPECIES) -> tuple[list[dict], list[dict]]:
    """The network as rows to draw: one per connection (its ends, ``weight``, ``sign`` "positive",
    "negative" or "not trained", line ``width`` 0.5 to 3 by strength against the strongest weight, and the
    hover ``tip``), and one per neuron (``x`` its layer, ``y``, its ``name``, its ``kind``: "neuron" or a
    species, and its hover ``tip`` with its bias). Layers wider than 12 neurons show their first 12.
    ``features`` and ``classes`` name the inputs and outputs."""
    positions = _node_positions(sizes)
    scale = (max((np.abs(kernel).max() for kernel, _ in weights), default=1.0) or 1.0) if weights else 1.0
    lines, neurons = [], []
    for layer in range(len(sizes) - 1):
        sources, targets = (_neuron_names(sizes, layer + d, len(positions[layer + d]), features, classes)
                            for d in (0, 1))
        for i, y0 in enumerate(positions[layer]):
            for j, y1 in enumerate(positions[layer + 1]):
                weight = None if weights is None else float(weights[layer][0][i, j])
                strength = 0 if weight is None else min(int(4 * abs(weight) / scale), 3)
                lines.append({"x": layer, "y": float(y0), "x2": layer + 1, "y2": float(y1),
                              "mid_x": layer + 0.5, "mid_y": float(y0 + y1) / 2,
                              "weight": weight, "width": (0.5, 1.2, 2.0, 3.0)[strength],
                              "sign": "not trained" if weight is None else "negative" if weight < 0 else "positive",
                              "tip": f"{sources[i]} → {targets[j]}" + ("" if weight is None else
                                                                      f": weight {weight:+.2f}")})
    output = len(sizes) - 1
    for layer, ys in enumerate(positions):
        names = _neuron_names(sizes, layer, len(ys), features, classes)
        for k, (name, y) in enumerate(zip(names, ys)):
            bias = None if not layer or weights is None else float(weights[layer - 1][1][k])
            neurons.append({"x": layer, "y": float(y), "name": name, "kind": name if layer == output else "neuron",
                            "tip": name + ("" if bias is None else f": bias {bias:+.2f}")})
    return lines, neurons


def network_diagram(sizes: tuple[int, ...], weights=None, title: str = DIAGRAM_TITLE, height: int = 250, *,
                    features: tuple[str, ...] = FEATURES, classes: tuple[str, ...] = SPECIES) -> dict:
    """A Vega-Lite spec of the network: neurons as dots in columns, the four measurements named on the left
    and the three species (in their colours and marker shapes) on the right, and every connection as a line:
    vermillion for a positive weight, dashed reddish purple for a negative one, thicker for a stronger one
    (grey when ``weights`` is None). Hovering a line (or its middle) shows its weight, hovering a neuron its
    bias. ``weights``: ``lib.iris.network.Weights``. Layers wider than 12 neurons show their first 12.
    ``features`` and ``classes`` name the inputs and outputs (an own table's columns and classes)."""
    lines, neurons = diagram_rows(sizes, weights, features=features, classes=classes)
    last = len(sizes) - 1
    x = {"field": "x", "type": "quantitative", "axis": None, "scale": {"domain": [-1.0, last + 0.85]}}
    y = {"field": "y", "type": "quantitative", "axis": None, "scale": {"domain": [-1.3, 1.15]}}
    signs = {"positive": (WEIGHT_COLOURS[0], [1, 0]), "negative": (WEIGHT_COLOURS[1], [3, 2]),
             "not trained": (UNTRAINED_COLOUR, [1, 0])}
    tip = [{"field": "tip", "title": "connection"}]
    layer_labels = [{"x": k, "y": -1.25, "text": f"{name} {n}"} for k, (name, n) in
                    enumerate(zip(_layer_names(sizes), sizes))]
    inputs = [row for row in neurons if row["x"] == 0]
    outputs = [row for row in neurons if row["x"] == last]
    return {
        "title": {"text": title, "fontSize": 14, "anchor": "start"},
        "height": height,
        "layer": [
            {"data": {"values": lines}, "mark": {"type": "rule"},
             "encoding": {"x": x, "y": y, "x2": {"field": "x2"}, "y2": {"field": "y2"},
                          "stroke": {"field": "sign", "type": "nominal", "legend": None,
                                     "scale": {"domain": list(signs), "range": [c for c, _ in signs.values()]}},
                          "strokeDash": {"field": "sign", "type": "nominal", "legend": None,
                                         "scale": {"domain": list(signs), "range": [d for _, d in signs.values()]}},
                          "strokeWidth": {"field": "width", "type": "quantitative", "scale": None, "legend": None},
                          "tooltip": tip}},
            # An invisible dot in the middle of each line: easier to hover (or tap) than a thin line.
            {"data": {"values": lines}, "mark": {"type": "point", "opacity": 0, "size": 120, "filled": True},
             "encoding": {"x": {**x, "field": "mid_x"}, "y": {**y, "field": "mid_y"}, "tooltip": tip}},
            {"data": {"values": neurons}, "mark": {"type": "point", "filled": True, "opacity": 1,
                                                   "stroke": OKABE_ITO["black"], "strokeWidth": 1.5},
             "encoding": {"x": x, "y": y,
                          "fill": {"field": "kind", "type": "nominal", "legend": None,
                                   "scale": _species_scale({"neuron": "white"}, classes)},
                          "shape": {"field": "kind", "type": "nominal", "legend": None,
                                    "scale": _shape_scale({"neuron": "circle"}, classes)},
                          "size": {"condition": {"test": "datum.kind !== 'neuron'", "value": 260}, "value": 150},
                          "tooltip": [{"field": "tip", "title": "neuron"}]}},
            {"data": {"values": inputs}, "mark": {"type": "text", "align": "right", "dx": -12, "fontSize": 11},
             "encoding": {"x": x, "y": y, "text": {"field": "name"}}},
            {"data": {"values": outputs}, "mark": {"type": "text", "align": "left", "dx": 12, "fontSize": 12,
                                                   "fontWeight": "bold"},
             "encoding": {"x": x, "y": y, "text": {"field": "name"},
                          "color": {"field": "kind", "type": "nominal", "legend": None,
                                    "scale": _species_scale(classes=classes)}}},
            {"data": {"values": layer_labels}, "mark": {"type": "text", "fontSize": 11, "baseline": "top"},
             "encoding": {"x": x, "y": y, "text": {"field": "text"}}},
        ],
        "config": {"view": {"stroke": None}},
    }


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


def map_picture(probabilities: np.ndarray) -> str:
    """The decision map's background as a PNG ``data:`` URI: each grid point (``probabilities`` indexed
    ``[y, x]``, ``y`` upwards) in its most probable species' colour, see-through, as a block of
    :data:`MAP_CELL_PX` pixels, the highest ``y`` at the top."""
    return region_picture(probabilities.argmax(axis=2)[::-1], CATEGORICAL, MAP_SHADE, MAP_CELL_PX)


def decision_map(xs, ys, probabilities, frame, x_feature: int, y_feature: int, flower=None,
                 compact: bool = False, *, features: tuple[str, ...] = FEATURES, classes: tuple[str, ...] = SPECIES,
                 labels=None) -> dict:
    """A Vega-Lite spec of which species the network picks everywhere on a plane of two measurements (a
    shaded picture), with the real flowers on top and the measured ``flower`` (if any) as a black star.
    ``compact``: the playground's small version (no legend: the diagram names the species in the same
    colours and shapes). For an own table, ``frame`` holds its ``features`` columns, ``labels`` each row's class
    (an index into ``classes``; the iris frame's ``species`` column by default)."""
    names = (features[x_feature], features[y_feature])
    labels = frame["species"] if labels is None else labels
    rows = [{"x": float(a), "y": float(b), "species": classes[label]}
            for a, b, label in zip(frame[names[0]], frame[names[1]], labels)]
    mine = "your flower"
    if flower is not None:
        rows.append({"x": float(flower[x_feature]), "y": float(flower[y_feature]), "species": mine})
    extent = {"x": float(xs[0]), "x2": float(xs[-1]), "y": float(ys[0]), "y2": float(ys[-1])}
    x = {"field": "x", "type": "quantitative", "title": names[0],
         "scale": {"domain": [extent["x"], extent["x2"]], "nice": False, "zero": False}}
    y = {"field": "y", "type": "quantitative", "title": names[1],
         "scale": {"domain": [extent["y"], extent["y2"]], "nice": False, "zero": False}}
    legend = None if compact else {"orient": "bottom", "direction": "horizontal", "title": None}
    extra = {mine: OKABE_ITO["black"]} if flower is not None else None
    return {
        "title": {"text": "Which species where", "fontSize": 14, "anchor": "start"} if compact else
        "Where the network puts each species",
        "height": COMPACT_HEIGHT if compact else 420,
        "data": {"values": rows},
        "layer": [
            {"data": {"values": [{"url": map_picture(probabilities), **extent}]},
             "mark": {"type": "image", "aspect": False},
             "encoding": {"url": {"field": "url", "type": "nominal"}, "x": x, "x2": {"field": "x2"}, "y": y,
                          "y2": {"field": "y2"}}},
            {"mark": {"type": "point", "filled": True, "opacity": 1, "stroke": "white", "strokeWidth": 0.7},
             "encoding": {"x": x, "y": y,
                          "color": {"field": "species", "type": "nominal", "title": None,
                                    "scale": _species_scale(extra, classes), "legend": legend},
                          "shape": {"field": "species", "type": "nominal", "title": None,
                                    "scale": _shape_scale({mine: STAR} if extra else None, classes),
                                    "legend": legend},
                          "size": {"condition": {"test": f"datum.species === '{mine}'", "value": 260},
                                   "value": 25 if compact else 50},
                          "tooltip": [{"field": "species"}, {"field": "x", "title": _short(names[0])},
                                      {"field": "y", "title": _short(names[1])}]}},
        ],
        "config": {"axis": {"labelFontSize": 10 if compact else 11, "titleFontSize": 11 if compact else 12}},
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
