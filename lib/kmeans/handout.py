"""The /kmeans page's "download my results": the learner's k-means settings, the centroids table and the
k-means plot, as a :class:`lib.handout.Handout`. Plain Python, no Streamlit.

Plotly cannot export pictures offline, so :func:`scatter_picture` draws the plot itself with Pillow: the items
as dots coloured by cluster (Okabe–Ito colours), the centroids as crosses, with a title and axis labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from lib.handout import Handout
from lib.kmeans.garden import agreement, label
from lib.kmeans.run import Items, RunSettings, numbered, on_axes
from lib.palette import CATEGORICAL, OKABE_ITO

SIZE = (640, 480)  #: picture size in pixels
_MARGIN = (70, 40, 20, 60)  # left, top, right, bottom: room for the title, ticks and axis labels


def _ticks(low: float, high: float, count: int = 5) -> np.ndarray:
    """Round tick values between ``low`` and ``high`` (steps of 1, 2 or 5 times a power of ten)."""
    raw = (high - low) / count or 1.0
    power = 10 ** np.floor(np.log10(raw))
    step = min((m * power for m in (1, 2, 5, 10) if m * power >= raw), default=raw)
    return np.arange(np.ceil(low / step) * step, high + step / 2, step) + 0.0  # + 0.0 turns -0 into 0


def scatter_picture(x: Sequence[float], y: Sequence[float], labels: Sequence[int], centroids: np.ndarray | None,
                    x_label: str, y_label: str, title: str) -> Image.Image:
    """The k-means plot as a picture: dot ``i`` at (``x[i]``, ``y[i]``) in cluster ``labels[i]``'s colour
    (clusters beyond seven reuse the colours), ``centroids`` (k×2, same units) as black-edged crosses."""
    x, y, labels = np.asarray(x, float), np.asarray(y, float), np.asarray(labels, int)
    if not (len(x) == len(y) == len(labels)) or len(x) == 0:
        raise ValueError("x, y and labels need one value per item, and at least one item.")
    picture = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(picture)
    font, small = ImageFont.load_default(size=16), ImageFont.load_default(size=12)
    left, top, right, bottom = _MARGIN[0], _MARGIN[1], SIZE[0] - _MARGIN[2], SIZE[1] - _MARGIN[3]
    all_x = np.concatenate([x, centroids[:, 0]]) if centroids is not None else x
    all_y = np.concatenate([y, centroids[:, 1]]) if centroids is not None else y
    (x0, x1), (y0, y1) = [(v.min() - 0.05 * (np.ptp(v) or 1), v.max() + 0.05 * (np.ptp(v) or 1))
                          for v in (all_x, all_y)]

    def to_pixel(px, py):
        return left + (px - x0) / (x1 - x0) * (right - left), bottom - (py - y0) / (y1 - y0) * (bottom - top)

    draw.rectangle((left, top, right, bottom), outline="#999999")
    for tick in _ticks(x0, x1):
        px, _ = to_pixel(tick, y0)
        draw.line((px, bottom, px, bottom + 5), fill="#555555")
        draw.text((px, bottom + 7), f"{tick:g}", fill="black", font=small, anchor="mt")
    for tick in _ticks(y0, y1):
        _, py = to_pixel(x0, tick)
        draw.line((left - 5, py, left, py), fill="#555555")
        draw.text((left - 7, py), f"{tick:g}", fill="black", font=small, anchor="rm")
    for px, py, label in zip(x, y, labels):
        cx, cy = to_pixel(px, py)
        draw.ellipse((cx - 4, cy - 4, cx + 4, cy + 4), fill=CATEGORICAL[label % len(CATEGORICAL)], outline="white")
    for number, (px, py) in enumerate(centroids if centroids is not None else []):
        cx, cy = to_pixel(px, py)
        for width, colour in ((7, OKABE_ITO["black"]), (3, CATEGORICAL[number % len(CATEGORICAL)])):
            draw.line((cx - 10, cy - 10, cx + 10, cy + 10), fill=colour, width=width)
            draw.line((cx - 10, cy + 10, cx + 10, cy - 10), fill=colour, width=width)
    draw.text((SIZE[0] / 2, 12), title, fill="black", font=font, anchor="mt")
    draw.text(((left + right) / 2, SIZE[1] - 8), x_label, fill="black", font=font, anchor="mb")
    label_picture = Image.new("RGB", (int(font.getlength(y_label)) + 4, 22), "white")
    ImageDraw.Draw(label_picture).text((2, 2), y_label, fill="black", font=font)
    rotated = label_picture.rotate(90, expand=True)
    picture.paste(rotated, (4, int((top + bottom - rotated.height) / 2)))
    return picture


def handout(link: str, settings: Mapping[str, object], features: Sequence[str], centroids: np.ndarray,
            sizes: Sequence[int], inertia: float, names: Mapping[int, str] | None = None,
            picture: Image.Image | None = None, agreement: float | None = None) -> Handout:
    """A record of the learner's k-means run. ``settings`` are (what → value) rows as the page words them;
    ``centroids`` (k × features, original units) and ``sizes`` describe each cluster, ``names`` the learner's
    names for them; ``picture`` is the k-means plot (see :func:`scatter_picture`);
    ``agreement`` the adjusted Rand index with the true kinds, when the learner revealed them."""
    names = names or {}
    record = Handout("My k-means groups", link, "How I asked k-means to group the garden robot's items, and the "
                     "groups it found. The link opens the page with these settings.")
    record.heading("My settings")
    record.table([(what, value) for what, value in settings.items()], ["Setting", "Value"])
    record.heading("The groups k-means found")
    # Table cells are made safe by Handout.table (no HTML is ever rendered); escaping here would show backslashes.
    rows = [(cluster, names.get(cluster, "") or "–", int(size), *map(float, centre))
            for cluster, (size, centre) in enumerate(zip(sizes, np.asarray(centroids)))]
    record.table(rows, ["Cluster", "My name", "Items", *features],
                 "Each centroid is the middle (mean) of its cluster's items, in the measurements' own units.")
    record.bullets([f"Inertia (total squared distance to the centroids): {inertia:.2f}"]
                   + ([f"Agreement with the true kinds (adjusted Rand index, 1 = perfect): {agreement:.2f}"]
                      if agreement is not None else []))
    if picture is not None:
        record.image(picture, "My k-means plot: each dot is an item coloured by its cluster; crosses are the centroids.")
    return record


def from_run(link: str, items: Items, chosen: RunSettings, start: str, result, names: Mapping[int, str],
             kinds=None) -> Handout:
    """The handout of one k-means run of ``items`` with the ``chosen`` settings (``start``: the words shown for
    its starting centroids; ``result`` has ``labels``, ``centroids`` and ``inertia``; ``kinds``: the true
    kinds once revealed), drawing the plot only now, when the learner asks for it."""
    features, x, y = list(chosen.features), chosen.x, chosen.y
    plot_table = numbered(items.table)
    centres = on_axes(result.centroids, features, x, y, len(items.table))
    picture = scatter_picture(plot_table[x], plot_table[y], result.labels, centres, label(x), label(y),
                              f"k-means found {len(result.centroids)} groups")
    settings = {"Data": items.name, "Measurements used": ", ".join(map(label, features)),
                "Number of groups (k)": chosen.k, "Scaled (standardised)": "yes" if chosen.scale else "no",
                "Starting centroids": start, "Random seed": chosen.seed}
    return handout(link, settings, list(map(label, features)), result.centroids,
                   np.bincount(result.labels, minlength=len(centres)), result.inertia,
                   {c: n for c, n in names.items() if n}, picture,
                   None if kinds is None else agreement(result.labels, kinds))
