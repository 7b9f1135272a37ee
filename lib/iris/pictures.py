"""The /iris playground's pictures as SVG (:mod:`lib.svg`): the network with its weights, the decision map and
the training curves, redrawn at every move of a design control and after every epoch while a network trains
(issue #17: as plain SVG they cost a browser almost nothing; as Vega-Lite charts each redraw cost 40–80 ms).
The steps below the playground draw the same functions, larger.

Each species keeps its colour and marker shape from :mod:`lib.iris.charts` (colour is never the only cue);
every number a learner may want is a hover tip. A learner's own table (:mod:`lib.iris.own_data`) is drawn by
the same functions: ``features`` and ``classes`` name its inputs and classes.
"""

from __future__ import annotations

import numpy as np

from lib import svg
from lib.images import region_picture
from lib.iris.charts import CLASS_MARKERS, CURVE_COLOURS, UNTRAINED_COLOUR, WEIGHT_COLOURS, short_name
from lib.iris.model import FEATURES, SPECIES
from lib.palette import CATEGORICAL, OKABE_ITO

MAX_NODES_DRAWN = 12  #: a wider layer shows its first 12 neurons
DIAGRAM_TITLE = "Your network: measurements in, species out"
MAP_SHADE = 0.3  #: how strongly the decision map's background shows each species' colour (0 to 1)
MAP_CELL_PX = 4  #: each grid point of the map's picture as a block of this many pixels a side (crisp edges)
MINE = "your flower"  #: the learner's flower on the decision map (a black star)
#: Connections by strength against the strongest weight: line widths of the four bands.
LINE_WIDTHS = (0.7, 1.2, 2.0, 3.0)


def _node_positions(sizes: tuple[int, ...]) -> list[np.ndarray]:
    """Each layer's neurons evenly up and down, at most 12, a few neurons spread enough to label."""
    return [np.linspace(1, -1, min(n, MAX_NODES_DRAWN)) * max(min(n, MAX_NODES_DRAWN), 7) / MAX_NODES_DRAWN
            for n in sizes]


def _layer_names(sizes: tuple[int, ...]) -> list[str]:
    return ["input"] + [f"hidden {k}" for k in range(1, len(sizes) - 1)] + ["output"]


def _neuron_names(sizes: tuple[int, ...], layer: int, count: int, features: tuple[str, ...] = FEATURES,
                  classes: tuple[str, ...] = SPECIES) -> list[str]:
    if layer == 0:
        return [short_name(f) for f in features[:count]]
    if layer == len(sizes) - 1:
        return list(classes[:count])
    return [f"{_layer_names(sizes)[layer]}, neuron {k + 1}" for k in range(count)]


def diagram_rows(sizes: tuple[int, ...], weights=None, *, features: tuple[str, ...] = FEATURES,
                 classes: tuple[str, ...] = SPECIES) -> tuple[list[dict], list[dict]]:
    """The network as rows to draw: one per connection (its ends ``x``, ``y``, ``x2``, ``y2``, ``weight``,
    ``sign`` "positive", "negative" or "not trained", line ``width`` 0.5 to 3 by strength against the strongest
    weight, and the hover ``tip``), and one per neuron (``x`` its layer, ``y``, its ``name``, its ``kind``:
    "neuron" or a species, and its hover ``tip`` with its bias). Layers wider than 12 neurons show their first
    12. ``features`` and ``classes`` name the inputs and outputs."""
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
                              "weight": weight, "width": LINE_WIDTHS[strength],
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


#: How a connection of each sign is drawn: its colour and dashes.
SIGN_STYLES = {"positive": (WEIGHT_COLOURS[0], ""), "negative": (WEIGHT_COLOURS[1], "3 2"),
               "not trained": (UNTRAINED_COLOUR, "")}


def network_diagram(sizes: tuple[int, ...], weights=None, title: str = DIAGRAM_TITLE, *, alt: str,
                    features: tuple[str, ...] = FEATURES, classes: tuple[str, ...] = SPECIES) -> str:
    """The network as SVG: neurons as dots in columns, the inputs named on the left and the species (in their
    colours and marker shapes) on the right, and every connection as a line: vermillion for a positive weight,
    dashed reddish purple for a negative one, thicker for a stronger one (grey when ``weights`` is None).
    Hovering a line shows its weight, hovering a neuron its bias. ``weights``: ``lib.iris.network.Weights``;
    ``alt``: what a screen reader says; ``features`` and ``classes`` name the inputs and outputs."""
    lines, neurons = diagram_rows(sizes, weights, features=features, classes=classes)
    width, height, last = 380, 250, len(sizes) - 1
    x = svg.Scale((-1.05, last + 1.0), (0, width))
    y = svg.Scale((-1.3, 1.15), (height, 22))
    colours = dict(zip(classes, CATEGORICAL))
    shapes = dict(zip(classes, CLASS_MARKERS))
    parts = [svg.label(0, 9, title, size=14, weight="bold")]
    for line in lines:
        colour, dash = SIGN_STYLES[line["sign"]]
        ends = (f'x1="{svg.number(x(line["x"]))}" y1="{svg.number(y(line["y"]))}" '
                f'x2="{svg.number(x(line["x2"]))}" y2="{svg.number(y(line["y2"]))}"')
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line {ends} stroke="{colour}" stroke-width="{line["width"]}"{dashes}>{svg.tip(line["tip"])}'
                     '</line>')
    for neuron in neurons:
        at_x, at_y = x(neuron["x"]), y(neuron["y"])
        if neuron["kind"] == "neuron":
            parts.append(svg.marker("circle", at_x, at_y, 6, "white", OKABE_ITO["black"], 1.5,
                                    extra=svg.tip(neuron["tip"])))
        else:
            colour = colours.get(neuron["kind"], OKABE_ITO["black"])
            parts.append(svg.marker(shapes.get(neuron["kind"], "circle"), at_x, at_y, 8, colour,
                                    OKABE_ITO["black"], 1.5, extra=svg.tip(neuron["tip"])))
            parts.append(svg.label(at_x + 13, at_y, neuron["name"], size=12, weight="bold", colour=colour))
        if neuron["x"] == 0:
            parts.append(svg.label(at_x - 12, at_y, neuron["name"], anchor="end"))
    for layer, (name, count) in enumerate(zip(_layer_names(sizes), sizes)):
        parts.append(svg.label(x(layer), y(-1.25), f"{name} {count}", anchor="middle", baseline="hanging"))
    return svg.document(width, height + 8, "".join(parts), alt=alt, widest=width * 1.35)


def map_picture(probabilities: np.ndarray) -> str:
    """The decision map's background as a PNG ``data:`` URI: each grid point (``probabilities`` indexed
    ``[y, x]``, ``y`` upwards) in its most probable species' colour, see-through, as a block of
    :data:`MAP_CELL_PX` pixels, the highest ``y`` at the top."""
    return region_picture(probabilities.argmax(axis=2)[::-1], CATEGORICAL, MAP_SHADE, MAP_CELL_PX)


def decision_map(xs, ys, probabilities, frame, x_feature: int, y_feature: int, flower=None,
                 compact: bool = False, *, alt: str, features: tuple[str, ...] = FEATURES,
                 classes: tuple[str, ...] = SPECIES, labels=None) -> str:
    """Which species the network picks everywhere on a plane of two measurements (a shaded picture), with the
    real flowers on top (their measurements on hover) and the measured ``flower`` (if any) as a black star.
    ``compact``: the playground's small version (no legend: the diagram names the species in the same colours
    and shapes). For an own table, ``frame`` holds its ``features`` columns, ``labels`` each row's class (an
    index into ``classes``; the iris frame's ``species`` column by default)."""
    names = (features[x_feature], features[y_feature])
    labels = np.asarray(frame["species"] if labels is None else labels, dtype=int)
    width, height = (260, 230) if compact else (400, 340)
    font = svg.FONT - 1 if compact else svg.FONT
    top = 28
    entries = [(name, svg.marker(CLASS_MARKERS[k], 0, 0, 4.5, CATEGORICAL[k])) for k, name in enumerate(classes)]
    if flower is not None:
        entries.append((MINE, svg.marker("star", 0, 0, 5, OKABE_ITO["black"])))
    legend, legend_height = ("", 0) if compact else svg.legend(entries, 52, height, width - 60, font)
    x = svg.Scale((float(xs[0]), float(xs[-1])), (48, width - 8))
    y = svg.Scale((float(ys[0]), float(ys[-1])), (height - 40, top))
    short = tuple(svg.text(short_name(n)) for n in names)
    parts = [svg.label(0, 9, "Which species where" if compact else "Where the network puts each species",
                       size=14 if compact else 15, weight="bold"),
             svg.image(map_picture(probabilities), x, y),
             svg.axes(x, y, names[0], names[1], size=font)]
    size = 3.2 if compact else 4.2
    for a, b, label in zip(frame[names[0]], frame[names[1]], labels):
        parts.append(svg.marker(CLASS_MARKERS[label], x(a), y(b), size, CATEGORICAL[label],
                                extra=f"<title>{svg.text(classes[label])}: {short[0]} {float(a):g}, "
                                      f"{short[1]} {float(b):g}</title>"))
    if flower is not None:
        a, b = float(flower[x_feature]), float(flower[y_feature])
        parts.append(svg.marker("star", x(a), y(b), 8, OKABE_ITO["black"],
                                extra=svg.tip(f"{MINE}: {short_name(names[0])} {a:g}, {short_name(names[1])} {b:g}")))
    parts.append(legend)
    return svg.document(width, height + legend_height, "".join(parts), alt=alt,
                        widest=width * 1.5)


def training_curves(history: dict[str, list[float]], epochs: int, compact: bool = False, items: str = "flowers",
                    *, alt: str) -> str:
    """Loss and accuracy per epoch for the training examples (solid black) and the test ones (dashed purple:
    no species colour), one panel above the other, the epochs to come already on the axis; each point's value
    on hover. ``compact``: the playground's small version; ``items``: what the legend calls the examples
    ("rows" for an own table)."""
    series = ((f"training {items}", "", CURVE_COLOURS[0], ""), (f"test {items}", "test_", CURVE_COLOURS[1], "6 3"))
    width = 260 if compact else 400
    panel_height = 60 if compact else 120
    font = svg.FONT - 1 if compact else svg.FONT
    titles = ({"loss": "loss (lower is better)", "accuracy": "accuracy"} if compact else
              {"loss": "Loss: how wrong (lower is better)", "accuracy": "Accuracy: share right (higher is better)"})
    x = svg.Scale((0.5, epochs + 0.5), (48, width - 8))
    epoch_ticks = svg.ticks(1, epochs, 5 if compact else 10)
    parts = [svg.label(0, 9, "Learning, epoch by epoch" if compact else "Training, epoch by epoch",
                       size=14 if compact else 15, weight="bold")]
    top = 30
    for metric in ("loss", "accuracy"):
        values = [history.get(prefix + metric, []) for _, prefix, _, _ in series]
        highest = max((max(v) for v in values if v), default=1.2)
        y_top = 1.0 if metric == "accuracy" else max(svg.ticks(0, highest, 3)[-1], highest)
        y = svg.Scale((0.0, y_top), (top + 14 + panel_height, top + 14))
        last = metric == "accuracy"
        parts.append(svg.label(48, top + 4, titles[metric], size=font + 1, weight="bold"))
        parts.append(svg.axes(x, y, "epoch" if last else None, None, x_ticks=epoch_ticks,
                              y_ticks=svg.ticks(0, y_top, 2 if compact else 4), x_labels=last, size=font))
        for (name, _, colour, dash), points in zip(series, values):
            if not points:
                continue
            spots = [(x(epoch), y(value)) for epoch, value in enumerate(points, start=1)]
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<polyline points="{" ".join(f"{svg.number(a)},{svg.number(b)}" for a, b in spots)}" '
                         f'fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
            for epoch, ((a, b), value) in enumerate(zip(spots, points), start=1):
                parts.append(svg.marker("circle", a, b, 2.2 if compact else 3, colour, colour, 0.5,
                                        extra=svg.tip(f"{name}, epoch {epoch}: {metric} {value:.3f}")))
        top += panel_height + 26
    top += 26  # under the epoch axis's numbers and title
    entries = [(name, f'<line x1="-7" y1="0" x2="7" y2="0" stroke="{colour}" stroke-width="2"'
                      + (f' stroke-dasharray="{dash}"/>' if dash else "/>")) for name, _, colour, dash in series]
    legend, legend_height = svg.legend(entries, 48, top, width - 56, font)
    parts.append(legend)
    return svg.document(width, top + legend_height + 2, "".join(parts), alt=alt,
                        widest=width * 1.5)
