"""Making a kernel's numbers visible: its output as a picture people can look at, and pixels and kernels
drawn as grids with the numbers written in.

A kernel's output is any real number: sharpen overshoots 255, edge detectors go negative. A screen shows
0-255, so something must give. :func:`to_displayable` offers the three honest choices (clip, absolute
value, rescale), and :func:`signed_rgb` shows the signs themselves on the colour-blind-safe diverging scale
of :mod:`lib.palette`; :func:`kernel_mosaic` draws a stack of kernels that way. Grey conversion,
enlargement, mosaics and PNG encoding are the shared ones of :mod:`lib.images`.

:func:`pixel_grid` and :func:`kernel_grid` are Vega-Lite specifications (plain dicts for
``st.vega_lite_chart``): a layer of coloured cells and a layer of the numbers written in, with tooltips. A
page with them loads Vega-Lite's 0.8 MB of browser code rather than plotly's 4.7 MB, and a dict costs nothing
to build on a rerun.
"""

from __future__ import annotations

import numpy as np

from lib.images import LUMA, mosaic
from lib.palette import DIVERGING, OKABE_ITO

RANGE_MODES = ("clip", "absolute", "rescale")
CELL_PX = 44  #: width and height of one grid cell, so three-digit numbers stay readable on a phone
COLOUR_CELL_PX = 56  #: height of a colour cell, which holds three numbers one above the other


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


def _grid(cells: list[dict], title: str, step: tuple[int, int], layers: list[dict], tooltip: list[dict]) -> dict:
    """A Vega-Lite grid: one band per row and column (labelled from the cells' ``row``/``column``), ``step``
    pixels wide and high per cell, columns numbered along the top like a spreadsheet's."""
    axis = {"ticks": False, "domain": False, "labelAngle": 0, "labelPadding": 2, "titleFontSize": 11,
            "titlePadding": 4, "titleFontWeight": "normal"}
    return {
        "title": {"text": title, "anchor": "start", "fontSize": 15},
        "data": {"values": cells},
        "width": {"step": step[0]},
        "height": {"step": step[1]},
        "encoding": {
            "x": {"field": "column", "type": "ordinal", "title": "column", "axis": {**axis, "orient": "top"},
                  "scale": {"domain": sorted({cell["column"] for cell in cells}), "paddingInner": 0}},
            "y": {"field": "row", "type": "ordinal", "title": "row", "axis": axis,
                  "scale": {"domain": sorted({cell["row"] for cell in cells}), "paddingInner": 0}},
            "tooltip": tooltip,
        },
        "layer": layers,
        "config": {"view": {"stroke": None}},
    }


def _text_layer(size: int, lines: int = 1) -> dict:
    """The numbers written in, ``lines`` to a cell, centred in it (Vega puts a label's first line at the middle)."""
    return {"mark": {"type": "text", "fontSize": size, "lineBreak": "\n", "lineHeight": size + 2,
                     "dy": -(lines - 1) * (size + 2) / 2},
            "encoding": {"text": {"field": "label"}, "color": {"field": "ink", "type": "nominal", "scale": None}}}


def _outline_layer(colour: str, width: int) -> dict:
    return {"transform": [{"filter": "datum.outlined"}],
            "mark": {"type": "rect", "filled": False, "stroke": colour, "strokeWidth": width}}


def _ink(rgb) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgb`` (0-255)."""
    return OKABE_ITO["black"] if float(np.dot(rgb, LUMA)) > 128 else "#FFFFFF"


def pixel_grid(patch: np.ndarray, title: str, first_row: int = 1, first_col: int = 1,
               padding_mask: np.ndarray | None = None, highlight: tuple[int, int] | None = None) -> dict:
    """A Vega-Lite spec of a patch of pixels (2-D grey or H×W×3, 0-255), each cell in its own colour with its
    value written in (a colour cell: red, green and blue, top to bottom). Row and column labels start at
    ``first_row``/``first_col`` (people count from 1). Cells where ``padding_mask`` is True are padding, marked
    with an orange square and named so in the tooltip; ``highlight`` (row, column in the patch) is outlined."""
    values = np.asarray(patch, dtype=float)
    colour = values.ndim == 3
    rgb = np.clip(np.rint(values if colour else np.repeat(values[..., None], 3, axis=2)), 0, 255).astype(int)
    rows, cols = rgb.shape[:2]
    cells = []
    for r in range(rows):
        for c in range(cols):
            cell = {"row": first_row + r, "column": first_col + c, "swatch": "#{:02X}{:02X}{:02X}".format(*rgb[r, c]),
                    "ink": _ink(rgb[r, c]), "padding": bool(padding_mask is not None and padding_mask[r, c]),
                    "outlined": highlight == (r, c)}
            cell["cell"] = "padding: not in the picture" if cell["padding"] else "in the picture"
            if colour:
                cell.update(zip(("red", "green", "blue"), (_number_text(v) for v in values[r, c])))
                cell["label"] = "\n".join(cell[name] for name in ("red", "green", "blue"))
            else:
                cell["label"] = cell["value"] = _number_text(values[r, c])
            cells.append(cell)
    shown = ([{"field": name, "title": name} for name in ("red", "green", "blue")] if colour
             else [{"field": "value", "title": "value"}])
    tooltip = [{"field": "row", "title": "row"}, {"field": "column", "title": "column"}, *shown,
               {"field": "cell", "title": "this cell"}]
    layers = [
        {"mark": {"type": "rect", "stroke": "#969696", "strokeWidth": 1},
         "encoding": {"fill": {"field": "swatch", "type": "nominal", "scale": None}}},
        {"transform": [{"filter": "datum.padding"}],
         "mark": {"type": "point", "shape": "square", "filled": False, "size": round((0.7 * CELL_PX) ** 2),
                  "stroke": OKABE_ITO["orange"], "strokeWidth": 2, "opacity": 1}},
        _text_layer(11, lines=3) if colour else _text_layer(12),
        _outline_layer(OKABE_ITO["vermillion"], 4),
    ]
    step = (CELL_PX, COLOUR_CELL_PX if colour else CELL_PX)
    return _grid(cells, title, step, layers, tooltip)


def kernel_grid(values: np.ndarray, title: str, first_row: int = 1, first_col: int = 1,
                highlight: tuple[int, int] | None = None) -> dict:
    """A Vega-Lite spec of signed numbers (a kernel, products, an output) on the diverging scale of
    :data:`lib.palette.DIVERGING` (blue negative, white 0, vermillion positive, symmetric about 0), each value
    written in; ``highlight`` (row, column) is outlined in black."""
    array = np.asarray(values, dtype=float)
    limit = signed_limit(array)
    rows, cols = array.shape
    fills = signed_rgb(array, limit)
    cells = [{"row": first_row + r, "column": first_col + c, "value": float(array[r, c]) + 0.0,
              "label": _number_text(array[r, c]), "ink": _ink(fills[r, c]), "outlined": highlight == (r, c)}
             for r in range(rows) for c in range(cols)]
    scale = {"domain": [-limit, 0, limit], "range": [colour for _, colour in DIVERGING], "interpolate": "rgb"}
    layers = [
        {"mark": {"type": "rect", "stroke": "#FFFFFF", "strokeWidth": 1},
         "encoding": {"fill": {"field": "value", "type": "quantitative", "scale": scale, "legend": None}}},
        _text_layer(12),
        _outline_layer(OKABE_ITO["black"], 4),
    ]
    tooltip = [{"field": "row", "title": "row"}, {"field": "column", "title": "column"},
               {"field": "value", "title": "value", "format": ".4~g"}]
    return _grid(cells, title, (CELL_PX, CELL_PX), layers, tooltip)
