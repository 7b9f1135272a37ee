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
#: Edge colours by weight, most negative to most positive; near-zero weights are faint grey.
WEIGHT_BINS = (("strongly negative", OKABE_ITO["blue"], 3.0), ("negative", OKABE_ITO["sky blue"], 1.8),
               ("about zero", "#C8C8C8", 0.8), ("positive", OKABE_ITO["orange"], 1.8),
               ("strongly positive", OKABE_ITO["vermillion"], 3.0))
MAX_NODES_DRAWN = 12

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


def training_curves(history: dict[str, list[float]], epochs: int) -> go.Figure:
    """Loss and accuracy per epoch for the training flowers (solid) and the test flowers (dashed), one chart
    above the other (side by side, the two titles would collide on a phone)."""
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.16,
                           subplot_titles=("Loss: how wrong (lower is better)",
                                           "Accuracy: share right (higher is better)"))
    steps = list(range(1, len(history.get("loss", [])) + 1))
    for row, metric in enumerate(("loss", "accuracy"), start=1):
        for key, label, colour, dash in ((metric, "training flowers", CATEGORICAL[0], "solid"),
                                         (f"test_{metric}", "test flowers", CATEGORICAL[1], "dash")):
            figure.add_trace(go.Scatter(x=steps, y=history.get(key, []), name=label, mode="lines+markers",
                                        line={"color": colour, "dash": dash}, showlegend=row == 1,
                                        legendgroup=label), row=row, col=1)
    figure.update_xaxes(range=[0.5, epochs + 0.5])
    figure.update_xaxes(title_text="epoch", row=2, col=1)
    figure.update_yaxes(title_text="loss", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(title_text="accuracy", range=[0, 1.05], row=2, col=1)
    # The figure's title sits below the toolbar's band; the first chart's own title below that.
    figure.update_layout(title="Training, epoch by epoch", height=560,
                         legend={"orientation": "h", "yanchor": "top", "y": -0.12},
                         margin={"t": MODEBAR_PX + 60, "b": 20})
    return figure


def _node_positions(sizes: tuple[int, ...]) -> list[np.ndarray]:
    return [np.linspace(1, -1, min(n, MAX_NODES_DRAWN)) * min(n, MAX_NODES_DRAWN) / MAX_NODES_DRAWN for n in sizes]


def network_diagram(sizes: tuple[int, ...], weights: list[np.ndarray] | None = None) -> go.Figure:
    """Neurons as dots in columns (input left, output right) and every connection as a line, coloured by
    its trained weight (grey before training). Layers wider than 12 neurons show their first 12."""
    positions = _node_positions(sizes)
    figure = go.Figure()
    scale = max((np.abs(w).max() for w in weights), default=1.0) if weights else 1.0
    for bin_index, (label, colour, width) in enumerate(WEIGHT_BINS):
        xs, ys = [], []
        for layer in range(len(sizes) - 1):
            for i, y0 in enumerate(positions[layer]):
                for j, y1 in enumerate(positions[layer + 1]):
                    if weights is None:
                        chosen = bin_index == 2
                    else:
                        chosen = _weight_bin(weights[layer][i, j] / scale) == bin_index
                    if chosen:
                        xs += [layer, layer + 1, None]
                        ys += [y0, y1, None]
        if xs:
            figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": width},
                                        name=f"weight {label}" if weights else "connection (untrained)",
                                        hoverinfo="skip"))
    names = ["input"] + [f"hidden {k}" for k in range(1, len(sizes) - 1)] + ["output"]
    for layer, ys in enumerate(positions):
        hover = ([_short(f) for f in FEATURES] if layer == 0 else list(SPECIES) if layer == len(sizes) - 1
                 else [f"neuron {k + 1}" for k in range(len(ys))])
        figure.add_trace(go.Scatter(x=[layer] * len(ys), y=ys, mode="markers", showlegend=False, text=hover,
                                    hoverinfo="text", marker={"size": 16, "color": "white",
                                                              "line": {"width": 2, "color": OKABE_ITO["black"]}}))
    figure.update_xaxes(tickvals=list(range(len(sizes))),
                        ticktext=[f"{name}<br>{n}" for name, n in zip(names, sizes)], showgrid=False, zeroline=False)
    figure.update_yaxes(visible=False)
    figure.update_layout(title="The network: dots are neurons, lines are weights", height=380,
                         legend={"orientation": "h", "y": -0.3}, margin={"l": 10, "r": 10, "t": 50, "b": 40})
    return figure


def _weight_bin(relative: float) -> int:
    edges = (-0.5, -0.15, 0.15, 0.5)
    return int(np.searchsorted(edges, relative))


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


def decision_map(xs, ys, probabilities, frame, x_feature: int, y_feature: int, flower) -> go.Figure:
    """Which species the network picks everywhere on a plane of two measurements (shaded background),
    with the real flowers on top and the measured flower as a black star."""
    winner = probabilities.argmax(axis=2)
    scale = [[k / 3, SPECIES_COLOURS[min(int(k), 2)]] for k in (0, 1, 1, 2, 2, 3)]
    figure = go.Figure(go.Heatmap(x=xs, y=ys, z=winner, zmin=-0.5, zmax=2.5, colorscale=scale, opacity=0.3,
                                  showscale=False, hoverinfo="skip"))
    for label, name in enumerate(SPECIES):
        rows = frame[frame["species"] == label]
        figure.add_trace(go.Scatter(x=rows[FEATURES[x_feature]], y=rows[FEATURES[y_feature]], mode="markers",
                                    name=name, marker={"color": SPECIES_COLOURS[label],
                                                       "symbol": SPECIES_MARKERS[label], "size": 7,
                                                       "line": {"width": 0.7, "color": "white"}}))
    figure.add_trace(go.Scatter(x=[flower[x_feature]], y=[flower[y_feature]], mode="markers", name="your flower",
                                marker={"symbol": "star", "size": 16, "color": OKABE_ITO["black"]}))
    figure.update_layout(title="Where the network puts each species",
                         xaxis={"title": FEATURES[x_feature], "range": [xs[0], xs[-1]]},
                         yaxis={"title": FEATURES[y_feature], "range": [ys[0], ys[-1]]},
                         height=480, legend={"orientation": "h", "y": -0.2}, margin={"t": 50})
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
    """Test accuracy of several models side by side."""
    names = list(scores)
    figure = go.Figure(go.Bar(x=[100 * scores[n] for n in names], y=names, orientation="h",
                              marker={"color": [CATEGORICAL[k % len(CATEGORICAL)] for k in range(len(names))]},
                              text=[f"{100 * scores[n]:.1f}%" for n in names], textposition="auto"))
    figure.update_layout(title="Test accuracy, same split", xaxis={"title": "test accuracy (%)", "range": [0, 100]},
                         yaxis={"title": "model", "autorange": "reversed"}, height=80 + 50 * len(names),
                         margin={"t": 50})
    return figure
