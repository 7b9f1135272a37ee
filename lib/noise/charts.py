"""How the noise page makes numbers visible: float pictures as 8-bit greys, and the chart of remaining noise
against the number of copies averaged, on log-log axes, with the 1/sqrt(N) law drawn over the measured points.

The arithmetic in :mod:`lib.noise.copies` never clips; the display has to, because a screen cannot show a
pixel darker than black or brighter than white. Each grey function says how it maps numbers to greys, so a
caption can say it too (a copy itself is shown with :func:`lib.images.to_8bit`: 0 black, 1 white).

The chart is a Vega-Lite specification (a plain dict, for ``st.vega_lite_chart``) rather than a plotly figure:
plotly validates every figure in Python, which costs tens of milliseconds per slider move; the dict costs
nothing. Colours are Okabe-Ito (:mod:`lib.palette`).
"""

from __future__ import annotations

import numpy as np

from lib.images import to_8bit
from lib.palette import OKABE_ITO

LAW, LEVEL = "1/√N law", "the stamp's strength"
#: Series name → colour, point shape (for measured series) or dash pattern (for lines).
SERIES = {
    "measured": (OKABE_ITO["blue"], "circle"),
    LAW: (OKABE_ITO["orange"], [8, 5]),
    "clipped copies": (OKABE_ITO["bluish green"], "diamond"),
    "with the stamp": (OKABE_ITO["vermillion"], "square"),
    LEVEL: (OKABE_ITO["black"], [2, 3]),
}
LINES = (LAW, LEVEL)
#: The series and axes in kid words (the "log scale" and "RMS error" of the plain chart mean nothing to a child).
KID_NAMES = {"measured": "scribbles left", LAW: "halves when copies ×4",
             "clipped copies": "copies cut at black and white", "with the stamp": "with the stamp",
             LEVEL: "the stamp's strength"}


def noise_chart(curve: np.ndarray, clipped: np.ndarray | None = None, stamped: np.ndarray | None = None,
                stamp: float | None = None, title: str = "Remaining noise as copies are averaged",
                kids: bool = False) -> dict:
    """A Vega-Lite spec of ``curve`` (remaining noise of the mean of the first N copies, N = 1, 2, …) and
    the law ``curve[0] / sqrt(N)``; optionally the same measurement for copies clipped to [0, 1], and for
    copies carrying a fixed pattern of standard deviation ``stamp`` (drawn as a dotted level). ``kids``
    names the series and axes in kid words."""
    shown = (lambda name: KID_NAMES[name]) if kids else (lambda name: name)
    copies = np.arange(1, len(curve) + 1)
    series = {"measured": curve, LAW: curve[0] / np.sqrt(copies), "clipped copies": clipped,
              "with the stamp": stamped, LEVEL: np.full(len(copies), stamp or 0.0) if stamped is not None else None}
    # A log axis cannot show zero (no noise at all): such points are left out.
    rows = [{"copies": int(count), "noise": float(value), "series": shown(name)}
            for name, values in series.items() if values is not None
            for count, value in zip(copies, values) if value > 0]
    names = [name for name, values in series.items() if values is not None]
    lines, points = [name for name in names if name in LINES], [name for name in names if name not in LINES]
    colour = {"field": "series", "type": "nominal", "title": None,
              "scale": {"domain": [shown(name) for name in names], "range": [SERIES[name][0] for name in names]},
              "legend": {"orient": "top", "direction": "horizontal", "columns": 2}}
    layers = [
        {"transform": [{"filter": {"field": "series", "oneOf": [shown(name) for name in lines]}}],
         "mark": {"type": "line", "strokeWidth": 3},
         "encoding": {"color": colour, "strokeDash": {
             "field": "series", "type": "nominal", "legend": None,
             "scale": {"domain": [shown(name) for name in lines], "range": [SERIES[name][1] for name in lines]}}}},
        {"transform": [{"filter": {"field": "series", "oneOf": [shown(name) for name in points]}}],
         "mark": {"type": "point", "filled": True, "size": 45, "opacity": 1},
         "encoding": {"color": colour, "shape": {
             "field": "series", "type": "nominal", "legend": None,
             "scale": {"domain": [shown(name) for name in points], "range": [SERIES[name][1] for name in points]}}}},
    ]
    return {
        "title": title,
        "data": {"values": rows},
        "encoding": {
            "x": {"field": "copies", "type": "quantitative",
                  "scale": {"type": "log", "domain": [1, max(len(curve), 2)], "nice": False},
                  "title": "Copies added together" if kids else "Copies averaged (N, log scale)"},
            "y": {"field": "noise", "type": "quantitative", "scale": {"type": "log"},
                  "title": "Scribbles left" if kids else "Remaining noise (RMS error, log scale)"},
            "tooltip": [{"field": "series"}, {"field": "copies"}, {"field": "noise", "format": ".3f"}],
        },
        "layer": layers,
    }


def stretched(image: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Map the image's own darkest value to black and brightest to white (for a sum, whose numbers grow
    with the number of copies); returns the grey picture and the (darkest, brightest) values."""
    low, high = float(np.min(image)), float(np.max(image))
    return to_8bit(image, low, high if high > low else low + 1), low, high


def signed(image: np.ndarray, limit: float = 1.0) -> np.ndarray:
    """For differences: 0 → mid grey, ``-limit`` → black, ``+limit`` → white (clipped beyond)."""
    return to_8bit(image, -limit, limit)
