"""Plotly charts for the iris page: the data, the network, its training curves and what it learned.

Every species keeps one colour and one marker shape everywhere (colour is never the only cue), from the
Okabe-Ito palette. Functions take plain arrays and return ``plotly.graph_objects.Figure`` objects.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.iris.model import FEATURES, SPECIES
from lib.palette import CATEGORICAL, MODEBAR_PX, OKABE_ITO, SEQUENTIAL, use_plotly_template

SPECIES_COLOURS = CATEGORICAL[:3]
SPECIES_MARKERS = ("circle", "square", "diamond")
#: Colours of things that are not species (so a species' colour means that species on every chart): the
#: training and test curves, and positive and negative weights.
CURVE_COLOURS = (OKABE_ITO["black"], OKABE_ITO["reddish purple"])
WEIGHT_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["reddish purple"])
MAX_NODES_DRAWN = 12
DIAGRAM_TITLE = "Your network: measurements in, species out"
COMPACT_HEIGHT = 240  #: the playground's map and curves, side by side under the diagram

use_plotly_template()


def _short(feature: str) -> str:
    return feature.replace(" (cm)", "")


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


def training_curves(history: dict[str, list[float]], epochs: int, compact: bool = False) -> go.Figure:
    """Loss and accuracy per epoch for the training flowers (solid black) and the test flowers (dashed
    purple: no species colour), one chart above the other (side by side, the two titles would collide on a
    phone). ``compact``: the playground's small version, drawn without plotly's toolbar."""
    titles = ("loss (lower is better)", "accuracy") if compact else ("Loss: how wrong (lower is better)",
                                                                     "Accuracy: share right (higher is better)")
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.16, subplot_titles=titles)
    steps = list(range(1, len(history.get("loss", [])) + 1))
    for row, metric in enumerate(("loss", "accuracy"), start=1):
        for key, label, colour, dash in ((metric, "training flowers", CURVE_COLOURS[0], "solid"),
                                         (f"test_{metric}", "test flowers", CURVE_COLOURS[1], "dash")):
            figure.add_trace(go.Scatter(x=steps, y=history.get(key, []), name=label, mode="lines+markers",
                                        line={"color": colour, "dash": dash}, showlegend=row == 1,
                                        marker={"size": 4 if compact else 6}, legendgroup=label), row=row, col=1)
    figure.update_xaxes(range=[0.5, epochs + 0.5])
    figure.update_xaxes(title_text="epoch", row=2, col=1)
    figure.update_yaxes(title_text="loss", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(title_text="accuracy", range=[0, 1.05], row=2, col=1)
    if compact:
        figure.update_annotations(font_size=12)
        figure.update_layout(title={"text": "Learning, epoch by epoch", "pad": {"t": 4}, "font": {"size": 14}},
                             height=COMPACT_HEIGHT, font={"size": 11}, margin={"l": 50, "r": 10, "t": 60, "b": 50},
                             legend={"orientation": "h", "yanchor": "top", "y": -0.45, "font": {"size": 11}})
        return figure
    # The figure's title sits below the toolbar's band; the first chart's own title below that.
    figure.update_layout(title="Training, epoch by epoch", height=560,
                         legend={"orientation": "h", "yanchor": "top", "y": -0.12},
                         margin={"t": MODEBAR_PX + 60, "b": 20})
    return figure


def _node_positions(sizes: tuple[int, ...]) -> list[np.ndarray]:
    """Each layer's neurons evenly up and down, at most 12, a few neurons spread enough to label."""
    return [np.linspace(1, -1, min(n, MAX_NODES_DRAWN)) * max(min(n, MAX_NODES_DRAWN), 7) / MAX_NODES_DRAWN
            for n in sizes]


def _layer_names(sizes: tuple[int, ...]) -> list[str]:
    return ["input"] + [f"hidden {k}" for k in range(1, len(sizes) - 1)] + ["output"]


def _neuron_names(sizes: tuple[int, ...], layer: int, count: int) -> list[str]:
    if layer == 0:
        return [_short(f) for f in FEATURES]
    if layer == len(sizes) - 1:
        return list(SPECIES)
    return [f"{_layer_names(sizes)[layer]}, neuron {k + 1}" for k in range(count)]


def network_diagram(sizes: tuple[int, ...], weights=None, title: str = DIAGRAM_TITLE,
                    height: int = 250) -> go.Figure:
    """Neurons as dots in columns, the four measurements on the left and the three species (in their colours
    and marker shapes) on the right, and every connection as a line: vermillion for a positive weight,
    dotted reddish purple for a negative one, thicker for a stronger one (grey when ``weights`` is None).
    Hovering near the middle of a line shows its weight, hovering a neuron its bias. ``weights``:
    ``lib.iris.network.Weights``. Layers wider than 12 neurons show their first 12."""
    positions = _node_positions(sizes)
    figure = go.Figure()
    scale = max((np.abs(kernel).max() for kernel, _ in weights), default=1.0) or 1.0 if weights else 1.0
    lines: dict[tuple[int, int], tuple[list, list]] = {}
    hover_x, hover_y, hover_text = [], [], []
    for layer in range(len(sizes) - 1):
        sources, targets = (_neuron_names(sizes, layer + d, len(positions[layer + d])) for d in (0, 1))
        for i, y0 in enumerate(positions[layer]):
            for j, y1 in enumerate(positions[layer + 1]):
                weight = None if weights is None else float(weights[layer][0][i, j])
                style = (2, 0) if weight is None else (int(weight < 0), min(int(4 * abs(weight) / scale), 3))
                xs, ys = lines.setdefault(style, ([], []))
                xs += [layer, layer + 1, None]
                ys += [y0, y1, None]
                if weight is not None:
                    hover_x.append(layer + 0.5)
                    hover_y.append((y0 + y1) / 2)
                    hover_text.append(f"{sources[i]} → {targets[j]}: weight {weight:+.2f}")
    for (sign, strength), (xs, ys) in sorted(lines.items()):
        colour, dash = ((WEIGHT_COLOURS[0], "solid"), (WEIGHT_COLOURS[1], "dot"), ("#C8C8C8", "solid"))[sign]
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                    line={"color": colour, "width": (0.5, 1.2, 2.0, 3.0)[strength], "dash": dash}))
    figure.add_trace(go.Scatter(x=hover_x, y=hover_y, mode="markers", hovertext=hover_text, hoverinfo="text",
                                marker={"size": 10, "color": "rgba(0,0,0,0)"}, showlegend=False))
    for layer, ys in enumerate(positions):
        names = _neuron_names(sizes, layer, len(ys))
        if layer and weights is not None:
            names = [f"{name}: bias {bias:+.2f}" for name, bias in zip(names, weights[layer - 1][1])]
        output = layer == len(sizes) - 1
        figure.add_trace(go.Scatter(
            x=[layer] * len(ys), y=ys, mode="markers", showlegend=False, hovertext=names, hoverinfo="text",
            marker={"size": 18 if output else 14, "color": list(SPECIES_COLOURS) if output else "white",
                    "symbol": list(SPECIES_MARKERS) if output else "circle",
                    "line": {"width": 1.5, "color": OKABE_ITO["black"]}}))
    last = len(sizes) - 1
    for text, y in zip(map(_short, FEATURES), positions[0]):
        figure.add_annotation(x=-0.12, y=y, text=text, showarrow=False, xanchor="right", font={"size": 11})
    for label, y in enumerate(positions[last]):
        figure.add_annotation(x=last + 0.12, y=y, text=SPECIES[label], showarrow=False, xanchor="left",
                              font={"size": 12, "color": SPECIES_COLOURS[label]})
    figure.update_xaxes(tickvals=list(range(len(sizes))), range=[-1.0, last + 0.85], fixedrange=True,
                        ticktext=[f"{name} {n}" for name, n in zip(_layer_names(sizes), sizes)], showgrid=False,
                        zeroline=False)
    figure.update_yaxes(visible=False, fixedrange=True, range=[-1.15, 1.15])
    figure.update_layout(title={"text": title, "pad": {"t": 4}, "font": {"size": 14}}, height=height,
                         font={"size": 11}, margin={"l": 4, "r": 4, "t": 34, "b": 24})
    return figure


def probability_bars(probabilities: np.ndarray, threshold: float) -> go.Figure:
    """The network's probability for each species, with the "I don't know" threshold as a line."""
    figure = go.Figure(go.Bar(x=100 * np.asarray(probabilities), y=list(SPECIES), orientation="h",
                              marker={"color": list(SPECIES_COLOURS)},
                              text=[f"{100 * p:.1f}%" for p in probabilities], textposition="auto"))
    figure.add_vline(x=100 * threshold, line={"dash": "dash", "color": OKABE_ITO["black"]},
                     annotation_text="sure enough", annotation_position="top")
    figure.update_layout(title="How sure the network is", xaxis={"title": "probability (%)", "range": [0, 100]},
                         yaxis={"title": "species", "autorange": "reversed"}, height=260,
                         margin={"t": 60, "b": 40})
    return figure


def decision_map(xs, ys, probabilities, frame, x_feature: int, y_feature: int, flower=None,
                 compact: bool = False) -> go.Figure:
    """Which species the network picks everywhere on a plane of two measurements (shaded background),
    with the real flowers on top and the measured ``flower`` (if any) as a black star. ``compact``: the
    playground's small version (no legend: the diagram names the species in the same colours and shapes)."""
    winner = probabilities.argmax(axis=2)
    scale = [[k / 3, SPECIES_COLOURS[species]] for species, k in ((0, 0), (0, 1), (1, 1), (1, 2), (2, 2), (2, 3))]
    figure = go.Figure(go.Heatmap(x=xs, y=ys, z=winner, zmin=-0.5, zmax=2.5, colorscale=scale, opacity=0.3,
                                  showscale=False, hoverinfo="skip"))
    for label, name in enumerate(SPECIES):
        rows = frame[frame["species"] == label]
        figure.add_trace(go.Scatter(x=rows[FEATURES[x_feature]], y=rows[FEATURES[y_feature]], mode="markers",
                                    name=name, marker={"color": SPECIES_COLOURS[label],
                                                       "symbol": SPECIES_MARKERS[label], "size": 5 if compact else 7,
                                                       "line": {"width": 0.7, "color": "white"}}))
    if flower is not None:
        figure.add_trace(go.Scatter(x=[flower[x_feature]], y=[flower[y_feature]], mode="markers",
                                    name="your flower", marker={"symbol": "star", "size": 16,
                                                                "color": OKABE_ITO["black"]}))
    figure.update_layout(xaxis={"title": FEATURES[x_feature], "range": [xs[0], xs[-1]]},
                         yaxis={"title": FEATURES[y_feature], "range": [ys[0], ys[-1]]})
    if compact:
        figure.update_layout(title={"text": "Which species where", "pad": {"t": 4}, "font": {"size": 14}},
                             height=COMPACT_HEIGHT, showlegend=False, font={"size": 11},
                             margin={"l": 50, "r": 10, "t": 34, "b": 10})
        return figure
    figure.update_layout(title="Where the network puts each species", height=480,
                         legend={"orientation": "h", "y": -0.2}, margin={"t": 50})
    return figure


def confusion_figure(matrix: np.ndarray) -> go.Figure:
    """Confusion matrix: rows are the true species, columns what the network said; counts of test flowers."""
    figure = go.Figure(go.Heatmap(z=matrix, x=list(SPECIES), y=list(SPECIES), colorscale=[list(s) for s in SEQUENTIAL],
                                  text=matrix, texttemplate="%{text}", showscale=False,
                                  hovertemplate="true %{y}, predicted %{x}: %{z} flowers<extra></extra>"))
    figure.update_layout(title="Test flowers: true species vs prediction", height=340,
                         xaxis={"title": "predicted species"},
                         yaxis={"title": "true species", "autorange": "reversed"}, margin={"t": 50})
    return figure


def accuracy_bars(scores: dict[str, float]) -> go.Figure:
    """Test accuracy of several models side by side: the first (the learner's network) in vermillion, the
    others grey (species colours mean species)."""
    names = list(scores)
    figure = go.Figure(go.Bar(x=[100 * scores[n] for n in names], y=names, orientation="h",
                              marker={"color": [WEIGHT_COLOURS[0]] + ["#999999"] * (len(names) - 1)},
                              text=[f"{100 * scores[n]:.1f}%" for n in names], textposition="auto"))
    figure.update_layout(title="Test accuracy, same split", xaxis={"title": "test accuracy (%)", "range": [0, 100]},
                         yaxis={"title": "model", "autorange": "reversed"}, height=80 + 50 * len(names),
                         margin={"t": 50})
    return figure
