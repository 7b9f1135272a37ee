"""Small charts as SVG markup, for the playgrounds a learner works again and again (issue #17).

A Vega-Lite chart costs a browser its 0.8 MB of code on the page's first open and 40–80 ms of building at every
redraw; a playground's few lines and dots as plain SVG cost it almost nothing. The markup is drawn in the page by
:mod:`lib.ui.svg_picture` (a tiny custom component). Every text that goes into it passes :func:`text`, so a name
from a learner's own table is shown as text, never as markup.

The pieces: :class:`Scale` (numbers to positions), :func:`ticks`, :func:`marker` (the charts' marker shapes),
:func:`axes` (a plot's frame, ticks and titles), :func:`legend` (names beside their markers, in rows that wrap),
:func:`document` (the ``<svg>`` itself, with its alt text and,
for a chart that takes clicks, where its plot sits and what it spans). A hover tip is an SVG ``<title>``
(:func:`tip`): the browser shows it on hover and a screen reader reads it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

FONT = 11  #: labels and ticks, in the picture's own units (scaled with it)
INK, GRID = "#333333", "#DDDDDD"  #: text and axis lines; grid lines


def text(value) -> str:
    """``value`` as SVG text or an attribute's value: every ``<``, ``&`` and quote escaped."""
    return html.escape(str(value), quote=True)


def number(value: float) -> str:
    """A coordinate with two decimals at most (short markup; a hundredth of a unit is finer than a pixel)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"


def tip(words: str) -> str:
    """A hover tip for the element it is put in."""
    return f"<title>{text(words)}</title>"


@dataclass(frozen=True)
class Scale:
    """A linear map from ``domain`` (numbers) to ``span`` (positions in the picture): ``Scale((0, 1), (40, 300))
    (0.5)`` is 170. A span may run backwards (an upward axis: bottom first)."""

    domain: tuple[float, float]
    span: tuple[float, float]

    def __call__(self, value: float) -> float:
        low, high = self.domain
        share = 0.5 if high == low else (float(value) - low) / (high - low)
        return self.span[0] + share * (self.span[1] - self.span[0])


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers from ``low`` to ``high`` for an axis: about ``count`` of them, each a 1, 2 or 5 times a
    power of ten apart (as Vega-Lite and matplotlib choose)."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9)
    return [round(k * step, 10) for k in range(first, math.floor(high / step + 1e-9) + 1)]


def tick_label(value: float) -> str:
    """A tick's number as an axis shows it: no trailing zeros (``2``, ``2.5``, ``0.25``)."""
    return f"{value:.6g}" if value != 0 else "0"


def _around(count: int, *radii: float) -> list[tuple[float, float]]:
    """``count`` corners evenly round a centre, the first straight up, at the ``radii`` in turn."""
    return [(math.cos(math.radians(90 + 360 * k / count)) * radii[k % len(radii)],
             -math.sin(math.radians(90 + 360 * k / count)) * radii[k % len(radii)]) for k in range(count)]


#: Each marker shape but the circle as its corners around (0, 0), for a radius of 1.
CORNERS = {"square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
           "diamond": [(0, -1.2), (1.1, 0), (0, 1.2), (-1.1, 0)],
           "triangle-up": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
           "triangle-down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
           "triangle-right": [(1.2, 0), (-0.8, 1.1), (-0.8, -1.1)],
           "pentagon": _around(5, 1.15), "hexagon": _around(6, 1.1),
           "cross": [(-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35), (0.35, 1),
                     (-0.35, 1), (-0.35, 0.35), (-1, 0.35), (-1, -0.35), (-0.35, -0.35)],
           "star": _around(10, 1.45, 0.6)}


def marker(shape: str, x: float, y: float, radius: float, fill: str, stroke: str = "white",
           width: float = 0.7, dash: str = "", extra: str = "") -> str:
    """One marker centred on (``x``, ``y``): ``shape`` "circle", "square", "diamond", "triangle-up",
    "triangle-down", "triangle-right", "pentagon", "hexagon", "cross" or "star" (the charts' marker shapes, so
    colour is never the only cue); ``extra`` goes inside it (a :func:`tip`)."""
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{number(width)}"' + (f' stroke-dasharray="{dash}"'
                                                                                   if dash else "")
    if shape == "circle":
        return f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(radius)}" {paint}>{extra}</circle>'
    if shape not in CORNERS:
        raise ValueError(f"Unknown marker shape {shape!r}: use one of circle, {', '.join(CORNERS)}.")
    points = " ".join(f"{number(x + dx * radius)},{number(y + dy * radius)}" for dx, dy in CORNERS[shape])
    return f'<polygon points="{points}" {paint}>{extra}</polygon>'


def image(href: str, x: Scale, y: Scale) -> str:
    """A picture (a ``data:`` URI: nothing to fetch) stretched over the plot that ``x`` and ``y`` span, its
    pixels kept crisp: a chart's shaded regions as one element rather than one per cell."""
    (left, right), (top, bottom) = sorted(x.span), sorted(y.span)
    return (f'<image href="{text(href)}" x="{number(left)}" y="{number(top)}" width="{number(right - left)}" '
            f'height="{number(bottom - top)}" preserveAspectRatio="none" style="image-rendering:pixelated"/>')


def label(x: float, y: float, words: str, *, size: float = FONT, anchor: str = "start", weight: str = "normal",
          colour: str = INK, baseline: str = "middle", rotate: bool = False) -> str:
    """A line of text at (``x``, ``y``); ``rotate`` turns it to read upwards (a y axis's title)."""
    turn = f' transform="rotate(-90 {number(x)} {number(y)})"' if rotate else ""
    bold = ' font-weight="bold"' if weight != "normal" else ""
    return (f'<text x="{number(x)}" y="{number(y)}" font-size="{number(size)}" text-anchor="{anchor}" '
            f'dominant-baseline="{baseline}" fill="{colour}"{bold}{turn}>{text(words)}</text>')


def outlined(markup: str, width: float = 3) -> str:
    """``markup`` (a :func:`label`) outlined in white ``width`` units wide, painted under the letters, so it reads
    over the bars, points and lines beneath it."""
    return (f'<g stroke="#FFFFFF" stroke-width="{number(width)}" stroke-linejoin="round" paint-order="stroke">'
            f'{markup}</g>')


def axes(x: Scale, y: Scale, x_title: str | None, y_title: str | None, *, x_ticks=None, y_ticks=None,
         x_labels: bool = True, size: float = FONT, y_format: Callable[[float], str] = tick_label) -> str:
    """A plot's frame: the bottom and left axis lines, their ticks and numbers, and their titles (None: no
    title). ``x_ticks``/``y_ticks``: the numbers to mark (round numbers across the domain by default);
    ``y_format``: how a y tick's number is written (``"{:.0%}".format`` for shares). The y title stands clear
    of the widest y number."""
    left, right = sorted(x.span)
    bottom, top = max(y.span), min(y.span)
    parts = [f'<path class="frame" d="M{number(left)},{number(top)}V{number(bottom)}H{number(right)}" fill="none" '
             f'stroke="{INK}" stroke-width="0.8"/>']
    for value in ticks(*x.domain) if x_ticks is None else x_ticks:
        at = x(value)
        parts.append(f'<path d="M{number(at)},{number(bottom)}v4" stroke="{INK}" stroke-width="0.8"/>')
        if x_labels:
            parts.append(label(at, bottom + 6, tick_label(value), size=size - 1, anchor="middle",
                               baseline="hanging"))
    widest = 0
    for value in ticks(*y.domain, count=4) if y_ticks is None else y_ticks:
        at, words = y(value), y_format(value)
        widest = max(widest, len(words))
        parts.append(f'<path d="M{number(left)},{number(at)}h-4" stroke="{INK}" stroke-width="0.8"/>')
        parts.append(label(left - 6, at, words, size=size - 1, anchor="end"))
    if x_title:
        parts.append(label((left + right) / 2, bottom + (24 if x_labels else 8), x_title, size=size,
                           anchor="middle", baseline="hanging"))
    if y_title:
        gap = max(32, 14 + 0.6 * (size - 1) * widest)  # about a character's width per character
        parts.append(label(left - gap, (top + bottom) / 2, y_title, size=size, anchor="middle", rotate=True))
    return "".join(parts)


def legend(entries: list[tuple[str, str]], left: float, top: float, width: float, size: float) -> tuple[str, float]:
    """Marker-and-name pairs (``entries``: (name, marker markup at 0,0)) in rows from (``left``, ``top``),
    wrapping at ``width`` (a name too long to share its row gets one of its own); returns the markup and the
    height it takes."""
    parts, at_x, at_y, row = [], left, top, size + 6
    for name, mark in entries:
        room = 18 + 0.55 * size * len(name) + 14
        if at_x > left and at_x + room > left + width:
            at_x, at_y = left, at_y + row
        parts.append(f'<g transform="translate({number(at_x + 6)},{number(at_y + row / 2)})">{mark}</g>')
        parts.append(label(at_x + 16, at_y + row / 2, name, size=size))
        at_x += room
    return "".join(parts), at_y + row - top


def document(width: float, height: float, body: str, *, alt: str, plot: tuple[Scale, Scale] | None = None,
             widest: float | None = None) -> str:
    """The ``<svg>``: ``width`` × ``height`` units, as wide as its column (never wider than ``widest`` pixels,
    so its words keep a readable size), read by a screen reader as ``alt``. ``plot`` (an x and a y scale):
    where the plot sits and what it spans, for a chart a click on which means a place
    (:mod:`lib.ui.svg_picture` turns a click into those numbers)."""
    where = ""
    if plot is not None:
        x, y = plot
        spans = (*x.span, *y.span, *x.domain, *y.domain)
        where = f' data-plot="{" ".join(repr(float(v)) for v in spans)}"'
    limit = f' style="max-width:{number(widest)}px"' if widest else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {number(width)} {number(height)}" '
            f'role="img" aria-label="{text(alt)}"{where}{limit}>{body}</svg>')
