"""The k-means page's scatter of the items (issue #17): their clusters or kinds, the centroids, the regions each
centroid owns and a new item (:func:`points_chart`, the playground's chart and the steps'), as SVG markup
(:mod:`lib.svg`, drawn by :mod:`lib.ui.svg_picture`): the playground redraws it at every move and click, and as
plain SVG a redraw costs a browser almost nothing and the page's first screen loads no chart library (as
Vega-Lite it cost 0.8 MB of browser code on opening and 40-80 ms a redraw). Also the axes it draws, which
clicks are kept within (:func:`axes_domains`, :func:`within_axes`), and the grid of regions behind it.

Colours follow :mod:`lib.palette` (Okabe-Ito). Clusters use the seven categorical colours *and* a marker
shape each, so up to eight clusters stay distinguishable, also in black and white or for colour-blind
viewers (the eighth shares blue with the first but has its own shape).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib import svg
from lib.images import region_picture
from lib.kmeans.garden import label
from lib.palette import CATEGORICAL, OKABE_ITO

KIND_STYLE = {"woodlouse": (OKABE_ITO["blue"], "circle"), "ladybird": (OKABE_ITO["vermillion"], "diamond"),
              "stone": (OKABE_ITO["bluish green"], "square")}
HEIGHT = 430  #: a chart's height in pixels (a scatter's at its widest, title, axes and legend included)
WIDTH = 360  #: a scatter's width in its own units: a phone's column (358 px at 390), so its words keep their size there
PLOT_HEIGHT = 220  #: the height of a scatter's plot in those units
FONT = 12  #: a scatter's words in those units (its numbers one smaller): 12 px on a phone
GRID = 40  #: cells per side of the grid behind the points: the regions each centroid owns
REGION_SHADE = 0.18  #: how strongly each region shows its cluster's colour (0 to 1)
REGION_CELL_PX = 8  #: each grid cell of the regions' picture as a block of this many pixels a side
GREY = "#777777"  #: items not yet in a group
#: The clusters' marker shapes in order (:func:`lib.svg.marker`).
SHAPES = ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "triangle-right")


def cluster_style(cluster: int) -> tuple[str, str]:
    """(colour, marker shape) of a cluster number."""
    return CATEGORICAL[cluster % len(CATEGORICAL)], SHAPES[cluster % len(SHAPES)]


def group_style(group, position: int) -> tuple[str, str]:
    """(colour, shape) of a true kind: the garden's kinds have fixed styles, other labels go in order."""
    return KIND_STYLE.get(group, cluster_style(position))


def _axis_range(values: pd.Series, pad: float = 0.06) -> list[float]:
    low, high = float(values.min()), float(values.max())
    margin = (high - low) * pad or 1.0
    return [low - margin, high + margin]


def axes_domains(frame: pd.DataFrame, x: str, y: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The numbers :func:`points_chart`'s x and y axes span for ``frame``: each measurement's lowest to highest
    value with 6% of that range to spare on either side (1 either side when all its values are equal)."""
    return tuple(_axis_range(frame[x])), tuple(_axis_range(frame[y]))


def within_axes(frame: pd.DataFrame, x: str, y: str, across: float, up: float) -> tuple[float, float]:
    """The place (``across``, ``up``) moved to the nearest place inside the axes :func:`points_chart` draws for
    ``frame`` (:func:`axes_domains`). A click inside the plot is already there; a crafted message's 1e300
    becomes the axis's end, so an item added there does not stretch the chart's axes until every other item is a
    dot in one corner."""
    (x_low, x_high), (y_low, y_high) = axes_domains(frame, x, y)
    return min(max(float(across), x_low), x_high), min(max(float(up), y_low), y_high)


def _names(k: int, names: dict[int, str] | None, group: str) -> list[str]:
    """Each cluster's name in the legend: the learner's name, else "cluster 3"; a name two clusters share
    gets the number too, so each cluster keeps its own colour."""
    given = [(names or {}).get(c) or f"{group} {c}" for c in range(k)]
    return [name if given.count(name) == 1 else f"{name} ({group} {c})" for c, name in enumerate(given)]


def _grid(low: float, high: float) -> np.ndarray:
    """The centres of :data:`GRID` equal cells that tile ``low`` to ``high``."""
    step = (high - low) / GRID
    return low + step * (np.arange(GRID) + 0.5)


def _tip(*lines: str) -> str:
    """A hover tip of a few lines, as a Vega-Lite tooltip's rows: "field: value"."""
    return svg.tip("\n".join(lines))


def points_chart(frame: pd.DataFrame, x: str, y: str, *, labels=None, kinds=None, centroids=None,
                 names: dict[int, str] | None = None, title: str = "", regions=None, lines: bool = False,
                 click: str | None = None, new_item=None, kids: bool = False, height: int = HEIGHT,
                 alt: str) -> str:
    """A scatter of ``frame[x]`` against ``frame[y]`` as SVG markup (:mod:`lib.svg`), read by a screen reader
    as ``alt``.

    Points are grey until coloured by ``labels`` (cluster numbers) or ``kinds`` (true kinds), each group with its
    own colour and shape (a legend below names them); hovering one tells its group and position. ``centroids``
    are (k, 2) positions in (x, y) units, drawn as numbered crosses; ``regions`` is ``(xs, ys, grid_labels)`` from
    :func:`region_grid`, drawn as one see-through picture behind the points; ``lines`` joins each point to its
    centroid. ``click`` (what a click does, e.g. "adds an item here") says so on hover over the plot and marks
    where the plot sits and what it spans, so that :func:`lib.ui.svg_picture.svg_picture` can turn a click
    into a place. ``new_item`` is ``(x, y, text)``, drawn as a star. ``title`` is bold on top, what follows
    its first ": " on a line of its own. ``kids`` names groups and their middles in kid words; ``height``:
    the picture's height in pixels at its widest (title, axes and legend included)."""
    group, middle = ("group", "middle") if kids else ("cluster", "centroid")
    across, up = label(x), label(y)
    xs, ys = frame[x].to_numpy(dtype=float), frame[y].to_numpy(dtype=float)
    labels = None if labels is None else np.asarray(labels, dtype=int)
    k = max([0, *([int(labels.max()) + 1] if labels is not None and len(labels) else []),
             *([len(centroids)] if centroids is not None else []),
             *([int(regions[2].max()) + 1] if regions is not None else [])])
    clusters = _names(k, names, group)
    styles: dict[str, tuple[str, str]] = {}  # legend name → (colour, shape), in legend order
    if labels is not None:
        groups, whose = [clusters[c] for c in labels], group
    elif kinds is not None:
        groups, whose = list(np.asarray(kinds).astype(str)), "kind"
        styles |= {kind: group_style(kind, position) for position, kind in enumerate(pd.unique(np.array(groups)))}
    else:
        groups, whose = None, None  # grey items: nothing to say but where they are
        styles["item"] = (GREY, "circle")
    styles |= {name: cluster_style(c) for c, name in enumerate(clusters) if name not in styles}

    head, _, tail = title.partition(": ")  # "k-means at work: ✕ marks…" in two lines, to fit a phone
    top = 46 if tail else 30
    x_range, y_range = axes_domains(frame, x, y)
    y_ticks = svg.ticks(*y_range, count=5)
    widest = max((len(svg.tick_label(v)) for v in y_ticks), default=1)
    left = max(32, 14 + 0.6 * (FONT - 1) * widest) + 9  # room for the y title beyond them (lib.svg.axes)
    across_scale = svg.Scale(x_range, (left, WIDTH - 10))
    up_scale = svg.Scale(y_range, (top + PLOT_HEIGHT, top))
    bottom = top + PLOT_HEIGHT + 46  # under the x axis's numbers and title
    entries = [(name, svg.marker(shape, 0, 0, 4.5, colour)) for name, (colour, shape) in styles.items()]
    legend, legend_height = svg.legend(entries, 0, bottom, WIDTH, FONT)

    def at(a: float, b: float) -> tuple[float, float]:
        return across_scale(a), up_scale(b)

    def where(a: float, b: float) -> tuple[str, str]:
        return f"{across}: {a:.3g}", f"{up}: {b:.3g}"

    parts = [svg.label(0, 9, head, size=FONT + 3, weight="bold")]
    if tail:
        parts.append(svg.label(0, 28, tail, size=FONT))
    behind = "" if regions is None else svg.image(
        region_picture(regions[2][::-1], [cluster_style(c)[0] for c in range(k)], REGION_SHADE, REGION_CELL_PX),
        across_scale, up_scale)
    if click:  # hovering anywhere on the plot says what a click does
        (x0, x1), (y0, y1) = sorted(across_scale.span), sorted(up_scale.span)
        parts.append(f'<g>{svg.tip(f"a click {click}")}<rect x="{svg.number(x0)}" y="{svg.number(y0)}" '
                     f'width="{svg.number(x1 - x0)}" height="{svg.number(y1 - y0)}" fill="white"/>{behind}</g>')
    else:
        parts.append(behind)
    parts.append(svg.axes(across_scale, up_scale, across, up, y_ticks=y_ticks, size=FONT))
    if lines and labels is not None and centroids is not None:
        own = np.asarray(centroids, dtype=float)[labels]
        path = "".join(f"M{svg.number(a)},{svg.number(b)}L{svg.number(c)},{svg.number(d)}"
                       for (a, b), (c, d) in zip(map(at, xs, ys), map(at, own[:, 0], own[:, 1])))
        parts.append(f'<path d="{path}" stroke="#999999" stroke-width="0.6" fill="none"/>')
    dots = []
    for index, (a, b) in enumerate(zip(xs, ys)):
        name = "item" if groups is None else groups[index]
        colour, shape = styles[name]
        said = where(a, b) if whose is None else (f"{whose}: {name}", *where(a, b))
        dots.append(svg.marker(shape, *at(a, b), 4, colour, extra=_tip(*said)))
    parts.append(f'<g fill-opacity="0.85">{"".join(dots)}</g>')
    if centroids is not None:
        for c, (a, b) in enumerate(np.asarray(centroids, dtype=float)):
            cx, cy = at(a, b)
            parts.append(f'<g transform="rotate(45 {svg.number(cx)} {svg.number(cy)})">'
                         + svg.marker("cross", cx, cy, 9, cluster_style(c)[0], OKABE_ITO["black"], 1.5,
                                      extra=_tip(f"{middle}: {c}", *where(a, b))) + "</g>")
            parts.append(svg.outlined(svg.label(cx, cy - 15, str(c), size=FONT, anchor="middle", weight="bold",
                                             colour=OKABE_ITO["black"])))
    if new_item is not None:
        a, b, words = float(new_item[0]), float(new_item[1]), str(new_item[2])
        nx, ny = at(a, b)
        parts.append(svg.marker("star", nx, ny, 8, OKABE_ITO["yellow"], OKABE_ITO["black"], 1.5,
                                extra=_tip(f"new item: {words}", *where(a, b))))
        parts.append(svg.outlined(svg.label(nx, ny + 20, words, size=FONT, anchor="middle", weight="bold",
                                         colour=OKABE_ITO["black"])))
    parts.append(legend)
    full = bottom + legend_height + 4
    return svg.document(WIDTH, full, "".join(parts), alt=alt, widest=height * WIDTH / full,
                        plot=(across_scale, up_scale) if click else None)


def region_grid(frame: pd.DataFrame, x: str, y: str, classify) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which cluster ``classify`` (a function of an (n, 2) array of x, y positions) gives each of the
    :data:`GRID` × :data:`GRID` cells that tile the plot; returns the cells' x and y centres and the grid."""
    x_range, y_range = axes_domains(frame, x, y)
    xs, ys = _grid(*x_range), _grid(*y_range)
    gx, gy = np.meshgrid(xs, ys)
    grid = classify(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    return xs, ys, grid


def new_item_chart(frame: pd.DataFrame, features: list[str], fit, names: dict[int, str], new: list[float],
                   text: str, kids: bool = False, *, alt: str) -> str:
    """The items coloured by ``fit``'s clusters (named by ``names``) on the last two ``features``, with the
    new item (its measurements ``new``, labelled ``text``) as a star; SVG markup read out as ``alt``."""
    x, y = features[-2:]
    on_axes = [features.index(x), features.index(y)]
    return points_chart(frame, x, y, labels=fit.labels, centroids=fit.centroids[:, on_axes], names=names,
                        new_item=(new[on_axes[0]], new[on_axes[1]], text), kids=kids,
                        title="The new item (★) among the groups", alt=alt)
