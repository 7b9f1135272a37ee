"""Making a kernel's numbers visible: its output as a picture people can look at, and pixels and kernels
drawn as grids with the numbers written in.

A kernel's output is any real number: sharpen overshoots 255, edge detectors go negative. A screen shows
0-255, so something must give. :func:`to_displayable` offers the three honest choices (clip, absolute
value, rescale), and :func:`signed_rgb` shows the signs themselves on the colour-blind-safe diverging scale
of :mod:`lib.palette`; :func:`kernel_mosaic` draws a stack of kernels that way. Grey conversion,
enlargement, mosaics and PNG encoding are the shared ones of :mod:`lib.images`.

:func:`pixel_grid` and :func:`kernel_grid` are plotly figures written as plain dictionaries and wrapped
without plotly's validation, with a small inline template (white, the workshop's sans-serif font) instead
of the full ``workshop`` one: validating and copying a full template costs tens of milliseconds per figure
on every rerun, and these grids use no categorical colours. Plotly is imported only inside the functions,
so :mod:`lib` stays light to import.
"""

from __future__ import annotations

import numpy as np

from lib.images import LUMA, mosaic
from lib.palette import DIVERGING, OKABE_ITO

RANGE_MODES = ("clip", "absolute", "rescale")
CELL_PX = 44  #: height of one grid cell, so three-digit numbers stay readable on a phone
COLOUR_CELL_PX = 72  #: a colour cell holds three numbers, one above the other


def to_displayable(values, mode: str = "clip") -> np.ndarray:
    """Map a kernel's float output to 0-255 ``uint8``.

    ``"clip"`` cuts below 0 to 0 and above 255 to 255 (what most image programs do silently);
    ``"absolute"`` turns negatives positive first (both kinds of edge light up), then clips; ``"rescale"``
    stretches the lowest value to 0 and the highest to 255, so nothing is lost but brightness is relative.
    """
    if mode not in RANGE_MODES:
        raise ValueError(f"mode must be one of {', '.join(map(repr, RANGE_MODES))}, not {mode!r}.")
    array = np.asarray(values, dtype=np.float32)
    if mode == "absolute":
        array = np.abs(array)
    elif mode == "rescale":
        low, high = float(array.min()), float(array.max())
        if high > low:
            array = (array - low) * (255.0 / (high - low))
    return np.clip(np.rint(array), 0, 255).astype(np.uint8)


def out_of_range_share(values) -> tuple[float, float]:
    """Fractions of the output below 0 and above 255: what "clip" would throw away."""
    array = np.asarray(values)
    return float((array < 0).mean()), float((array > 255).mean())


def _diverging_stops() -> tuple[np.ndarray, np.ndarray]:
    positions = np.array([position for position, _ in DIVERGING])
    colours = np.array([[int(hex_colour[k : k + 2], 16) for k in (1, 3, 5)] for _, hex_colour in DIVERGING])
    return positions, colours.astype(np.float32)


def signed_limit(values) -> float:
    """The symmetric range ±limit the signed view uses: the largest absolute value (1 if all are 0)."""
    limit = float(np.max(np.abs(values))) if np.size(values) else 0.0
    return limit if limit > 0 else 1.0


def signed_rgb(values, limit: float | None = None) -> np.ndarray:
    """Colour a 2-D signed array on :data:`lib.palette.DIVERGING`: -limit blue, 0 white, +limit vermillion.
    Returns H×W×3 ``uint8``; ``limit`` defaults to :func:`signed_limit`."""
    array = np.asarray(values, dtype=np.float32)
    if array.ndim != 2:
        raise ValueError(f"signed_rgb colours one 2-D channel, not shape {array.shape}.")
    limit = signed_limit(array) if limit is None else float(limit)
    position = np.clip(array / (2 * limit) + 0.5, 0.0, 1.0)
    stops, colours = _diverging_stops()
    channels = [np.interp(position, stops, colours[:, c]) for c in range(3)]
    return np.rint(np.stack(channels, axis=-1)).astype(np.uint8)


def kernel_mosaic(kernels, cell: int = 40, gap: int = 8, columns: int = 4) -> np.ndarray:
    """Draw a stack of kernels (N×h×w) side by side on one shared signed colour scale, ``columns`` per row,
    each kernel cell ``cell`` pixels wide, on a white background. Returns H×W×3 ``uint8``."""
    stack = np.asarray(kernels, dtype=np.float32)
    if stack.ndim != 3 or not len(stack):
        raise ValueError(f"kernel_mosaic expects a stack of 2-D kernels (N×h×w), not shape {stack.shape}.")
    limit = signed_limit(stack)
    return mosaic(np.stack([signed_rgb(kernel, limit) for kernel in stack]), columns, gap, fill=255, scale=cell)


def _number_text(value: float) -> str:
    value = float(value) + 0.0  # no "-0"
    return f"{value:.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:.2g}"


def _figure(traces: list[dict], title: str, rows: int, cols: int, first_row: int, first_col: int,
            shapes: list[dict], cell: int = CELL_PX):
    import plotly.graph_objects as go

    layout = {
        "template": {"layout": {"font": {"family": "sans-serif", "size": 14}, "paper_bgcolor": "#FFFFFF",
                                "plot_bgcolor": "#FFFFFF"}},
        "title": {"text": title, "x": 0, "font": {"size": 15}},
        "height": max(240, 90 + cell * rows),
        "margin": {"l": 40, "r": 10, "t": 40, "b": 30},
        "showlegend": False,
        "shapes": shapes,
        "xaxis": {"title": {"text": "column"}, "tickmode": "array", "tickvals": list(range(cols)),
                  "ticktext": [str(first_col + c) for c in range(cols)], "showgrid": False, "zeroline": False,
                  "constrain": "domain"},
        "yaxis": {"title": {"text": "row"}, "tickmode": "array", "tickvals": list(range(rows)),
                  "ticktext": [str(first_row + r) for r in range(rows)], "autorange": "reversed",
                  "showgrid": False, "zeroline": False, "scaleanchor": "x", "constrain": "domain",
                  "constraintoward": "top"},
    }
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _outline(cell: tuple[int, int] | None, colour: str) -> list[dict]:
    if cell is None:
        return []
    r, c = cell
    return [{"type": "rect", "x0": c - 0.5, "x1": c + 0.5, "y0": r - 0.5, "y1": r + 0.5,
             "line": {"color": colour, "width": 4}}]


def pixel_grid(patch: np.ndarray, title: str, first_row: int = 1, first_col: int = 1,
               padding_mask: np.ndarray | None = None, highlight: tuple[int, int] | None = None):
    """A patch of pixels (2-D grey or H×W×3, 0-255) drawn in its own colours with each value written in.
    Row and column labels start at ``first_row``/``first_col`` (people count from 1). Cells where
    ``padding_mask`` is True are padding, drawn hatched-grey and labelled as such; ``highlight`` outlines one cell."""
    values = np.asarray(patch, dtype=float)
    rgb = np.clip(values if values.ndim == 3 else np.repeat(values[..., None], 3, axis=2), 0, 255)
    rows, cols = rgb.shape[:2]
    luminance = rgb @ LUMA
    if values.ndim == 3:
        labels = ["<br>".join(f"{v:.0f}" for v in values[r, c]) for r in range(rows) for c in range(cols)]
    else:
        labels = [_number_text(values[r, c]) for r in range(rows) for c in range(cols)]
    ys, xs = np.mgrid[0:rows, 0:cols]
    traces = [
        {"type": "image", "z": np.rint(rgb).astype(np.uint8).tolist(), "hoverinfo": "skip"},
        {"type": "scatter", "x": xs.ravel().tolist(), "y": ys.ravel().tolist(), "mode": "text", "text": labels,
         "hoverinfo": "skip", "textfont": {"color": np.where(luminance > 128, OKABE_ITO["black"], "#FFFFFF")
                                           .ravel().tolist(), "size": 12 if values.ndim == 2 else 11}},
    ]
    if padding_mask is not None and padding_mask.any():
        pr, pc = np.nonzero(padding_mask)
        traces.append({"type": "scatter", "x": pc.tolist(), "y": pr.tolist(), "mode": "markers", "hoverinfo": "skip",
                       "marker": {"symbol": "square-open", "size": CELL_PX * 0.6, "color": OKABE_ITO["orange"],
                                  "line": {"width": 2}}})
    return _figure(traces, title, rows, cols, first_row, first_col, _outline(highlight, OKABE_ITO["vermillion"]),
                   cell=CELL_PX if values.ndim == 2 else COLOUR_CELL_PX)


def kernel_grid(values: np.ndarray, title: str, first_row: int = 1, first_col: int = 1,
                highlight: tuple[int, int] | None = None):
    """Signed numbers (a kernel, products, an output) on the diverging scale, 0 white, with values written in."""
    array = np.asarray(values, dtype=float)
    limit = float(np.abs(array).max()) or 1.0
    heatmap = {
        "type": "heatmap", "z": array.tolist(), "zmin": -limit, "zmax": limit, "showscale": False,
        "colorscale": [list(stop) for stop in DIVERGING], "xgap": 1, "ygap": 1, "texttemplate": "%{text}",
        "text": [[_number_text(v) for v in row] for row in array], "textfont": {"size": 12},
        "hovertemplate": "row %{y}, column %{x}: %{z}<extra></extra>",
    }
    return _figure([heatmap], title, *array.shape, first_row, first_col, _outline(highlight, OKABE_ITO["black"]))
