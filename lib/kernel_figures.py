"""Plotly figures for the kernel page: pixels and kernel numbers drawn as grids with the numbers written in.

The figures are written as plain dictionaries and wrapped without plotly's validation, and carry a
small inline template (white, the workshop's sans-serif font) instead of the full ``workshop`` one:
validating and copying a full template costs tens of milliseconds per figure on every rerun, and
these grids use no categorical colours. Colours come from :mod:`lib.palette`. Imports plotly only
inside the functions, so :mod:`lib` stays light to import.
"""

from __future__ import annotations

import numpy as np

from lib.palette import DIVERGING, OKABE_ITO

CELL_PX = 44  #: height of one grid cell, so three-digit numbers stay readable on a phone


def _number_text(value: float) -> str:
    value = float(value) + 0.0  # no "-0"
    return f"{value:.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:.2g}"


def _figure(traces: list[dict], title: str, rows: int, cols: int, first_row: int, first_col: int,
            shapes: list[dict]):
    import plotly.graph_objects as go

    layout = {
        "template": {"layout": {"font": {"family": "sans-serif", "size": 14}, "paper_bgcolor": "#FFFFFF",
                                "plot_bgcolor": "#FFFFFF"}},
        "title": {"text": title, "x": 0, "font": {"size": 15}},
        "height": max(240, 90 + CELL_PX * rows),
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
    luminance = rgb @ np.array([0.299, 0.587, 0.114])
    if values.ndim == 3:
        labels = ["<br>".join(f"{v:.0f}" for v in values[r, c]) for r in range(rows) for c in range(cols)]
    else:
        labels = [_number_text(values[r, c]) for r in range(rows) for c in range(cols)]
    ys, xs = np.mgrid[0:rows, 0:cols]
    traces = [
        {"type": "image", "z": np.rint(rgb).astype(np.uint8).tolist(), "hoverinfo": "skip"},
        {"type": "scatter", "x": xs.ravel().tolist(), "y": ys.ravel().tolist(), "mode": "text", "text": labels,
         "hoverinfo": "skip", "textfont": {"color": np.where(luminance > 128, OKABE_ITO["black"], "#FFFFFF")
                                           .ravel().tolist(), "size": 12 if values.ndim == 2 else 9}},
    ]
    if padding_mask is not None and padding_mask.any():
        pr, pc = np.nonzero(padding_mask)
        traces.append({"type": "scatter", "x": pc.tolist(), "y": pr.tolist(), "mode": "markers", "hoverinfo": "skip",
                       "marker": {"symbol": "square-open", "size": CELL_PX * 0.6, "color": OKABE_ITO["orange"],
                                  "line": {"width": 2}}})
    return _figure(traces, title, rows, cols, first_row, first_col, _outline(highlight, OKABE_ITO["vermillion"]))


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
