"""The ethics page's one kind of chart: grouped bars of shares (accuracies, probabilities) between 0 and 1.

SVG markup (:mod:`lib.svg`, drawn in the page by :mod:`lib.ui.svg_picture`) built from plain lists: no chart
library for the browser to fetch or run, so the page's first screen opens sooner and the threshold slider
answers at once (issue #17). Colours are Okabe-Ito (:data:`lib.palette.CATEGORICAL`, one per series), the
threshold line the palette's black. One drawing serves a phone and a desktop alike: the picture is scaled to its
column, so its sizes are chosen to read at 390 px wide and it grows no wider than :data:`WIDEST`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lib import svg
from lib.palette import CATEGORICAL, OKABE_ITO

TICKS = (0, 0.25, 0.5, 0.75, 1)  #: the percentages up the side (and the grid lines across)
TOP = 1.08  #: the share axis ends a little above 100%, so a full bar's value label fits
WIDTH = 360  #: the picture's width in its own units: a phone shows it about one to one
WIDEST = 1.5 * WIDTH  #: in pixels: on a wide screen it grows to this and no more, so its words keep their size
GAP = 0.25  #: the share of each category's room left empty between its group of bars and the next


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _category_lines(name: str) -> list[str]:
    """A category's name as the lines under its bars: broken before its parenthesis ("Plain" over
    "(white-on-black digits only)"), so names fit under their bars on a phone."""
    return name.replace(" (", "\n(").split("\n")


def bars(title: str, x: Sequence[str], series: Mapping[str, Sequence[float]], y_title: str, labels: bool = True,
         ticks: bool = True, line: float | None = None, line_label: str = "", height: int = 200,
         x_title: str = "", *, alt: str) -> str:
    """Grouped bars of shares (0-1) as SVG: the categories ``x`` (named ``x_title`` under them) side by side,
    one bar and colour per series in each (their names in a legend below, which wraps); hovering a bar shows
    its category, series and share. ``labels`` prints each bar's value as a percentage above it, ``ticks`` the
    percentages up the side; ``line`` draws a dashed level across the chart (a threshold), named
    ``line_label`` (outlined in white, so it reads over a bar). ``height`` is the bars' area in the picture's
    units (:data:`WIDTH` across); title, axes and legend come on top of it. ``alt``: what a screen reader
    says."""
    font = svg.FONT
    names, categories = list(series), [str(category) for category in x]
    left = 54 if ticks else 40 if y_title else 10
    top = 30  # under the title
    plot_x = svg.Scale((0, max(len(categories), 1)), (left, WIDTH - 6))
    plot_y = svg.Scale((0, TOP), (top + height, top))
    bottom = top + height
    parts = [svg.label(0, 9, title, size=14, weight="bold")]
    parts += [f'<path d="M{svg.number(left)},{svg.number(plot_y(share))}H{svg.number(WIDTH - 6)}" '
              f'stroke="{svg.GRID}" stroke-width="0.8"/>' for share in TICKS[1:]]
    parts.append(svg.axes(plot_x, plot_y, None, y_title or None, x_ticks=[], y_ticks=TICKS if ticks else [],
                          size=font, y_format=_percent))
    band = plot_x(1) - plot_x(0)
    width = band * (1 - GAP) / max(len(names), 1)
    lines, measure = 1, f"{y_title} " if y_title else ""
    for k, category in enumerate(categories):
        start = plot_x(k) + band * GAP / 2
        where = f"{x_title} {category}" if x_title else category
        for s, (name, colour) in enumerate(zip(names, CATEGORICAL)):
            share = min(max(float(series[name][k]), 0.0), TOP)
            at, high = start + s * width, plot_y(share)
            parts.append(f'<rect x="{svg.number(at + 0.5)}" y="{svg.number(high)}" width="{svg.number(width - 1)}" '
                         f'height="{svg.number(bottom - high)}" fill="{colour}">'
                         f'{svg.tip(f"{where}, {name}: {measure}{float(series[name][k]):.1%}")}</rect>')
            if labels:
                parts.append(svg.label(at + width / 2, high - 3, _percent(share), size=font - 1, anchor="middle",
                                       baseline="auto"))
        below = _category_lines(category)
        lines = max(lines, len(below))
        parts += [svg.label(plot_x(k + 0.5), bottom + 6 + n * (font + 2), words, size=font, anchor="middle",
                            baseline="hanging") for n, words in enumerate(below)]
    if line is not None:
        level = plot_y(min(max(float(line), 0.0), TOP))
        black = OKABE_ITO["black"]
        parts.append(f'<path class="threshold" d="M{svg.number(left)},{svg.number(level)}H{svg.number(WIDTH - 6)}" '
                     f'stroke="{black}" stroke-width="2" stroke-dasharray="6 4"/>')
        parts.append(svg.outlined(svg.label(left + 4, level - 5, line_label, size=font + 1, colour=black,
                                            baseline="auto"), width=4))
    under = bottom + 6 + lines * (font + 2) + 4
    if x_title:
        parts.append(svg.label((left + WIDTH - 6) / 2, under, x_title, size=font, anchor="middle", baseline="hanging"))
        under += font + 8
    entries = [(name, svg.marker("square", 0, 0, 5, colour, colour)) for name, colour in zip(names, CATEGORICAL)]
    key, key_height = svg.legend(entries, left, under, WIDTH - 6 - left, font)
    parts.append(key)
    return svg.document(WIDTH, under + key_height + 2, "".join(parts), alt=alt, widest=WIDEST)
