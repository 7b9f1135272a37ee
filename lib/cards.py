"""The home page's card pictures (issue #17): one small picture per topic, drawn from the app's own data with
the topic's own code, so each card shows what its page does: a kernel finding a flower's edges, the three iris
species apart, digits as the network sees them, a secret coming out of the noise, the garden's groups, and the
dog the digit network is sure is a digit. ``scripts/make_cards.py`` draws them into ``data/cards/`` once, and
the home page shows those files, so it stays instant (no TensorFlow, scikit-learn or plotly on the home page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from lib.images import enlarge, load_image, mosaic, png_bytes, to_8bit, to_grey
from lib.palette import CATEGORICAL

DATA = Path(__file__).resolve().parent.parent / "data"
CARDS_DIR = DATA / "cards"  #: where the drawn pictures are shipped, one ``<slug>.png`` per topic
HEIGHT = 150  #: every card picture's height in pixels (its width follows the picture)


def _pair(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Two grey pictures of one size side by side, on white."""
    return mosaic(np.stack([left, right]), columns=2, gap=8)


def convolution() -> np.ndarray:
    """The flower photo, and the same after the outline kernel: its edges."""
    from lib.convolution import KERNELS, convolve
    from lib.convolution.charts import to_displayable

    photo = load_image(DATA / "photos" / "flower.jpg", max_side=HEIGHT)
    grey = to_grey(np.asarray(photo, dtype=np.float64))
    edges = to_displayable(np.abs(convolve(grey, KERNELS["outline"], padding="edge")), "rescale")
    return _pair(np.rint(grey).astype(np.uint8), np.asarray(edges, dtype=np.uint8))


def _scatter(points: np.ndarray, groups: np.ndarray, width: int = 220) -> np.ndarray:
    """Points (x, y) drawn as dots coloured by group (Okabe–Ito), scaled to fill the picture."""
    picture = Image.new("RGB", (width, HEIGHT), "white")
    draw = ImageDraw.Draw(picture)
    low, high = points.min(axis=0), points.max(axis=0)
    margin = 10
    scaled = (points - low) / np.where(high > low, high - low, 1)
    for (x, y), group in zip(scaled, groups):
        cx, cy = margin + x * (width - 2 * margin), HEIGHT - margin - y * (HEIGHT - 2 * margin)
        draw.ellipse((cx - 3, cy - 3, cx + 3, cy + 3), fill=CATEGORICAL[int(group) % len(CATEGORICAL)])
    return np.asarray(picture)


def iris() -> np.ndarray:
    """The 150 flowers by petal length and width: the three species, each in its colour."""
    from lib.iris.model import load_iris_frame

    frame = load_iris_frame()
    return _scatter(frame[["petal length (cm)", "petal width (cm)"]].to_numpy(), frame["species"].to_numpy())


def mnist() -> np.ndarray:
    """Three of the course's own digits, in big pixels."""
    digits = [to_grey(np.asarray(load_image(DATA / "custom-digits" / f"{n}.png"), dtype=np.float64))
              for n in (3, 7, 9)]
    return mosaic(np.stack([enlarge(np.rint(d).astype(np.uint8), min_side=HEIGHT, max_side=HEIGHT)
                            for d in digits]), columns=3, gap=8)


def noise() -> np.ndarray:
    """One noisy copy of the secret word, and the average of forty: the secret comes out."""
    from lib.noise import builtin_secrets, noisy_copies, picture_to_secret

    secret, _ = picture_to_secret(load_image(builtin_secrets()["word"]), HEIGHT)
    copies = noisy_copies(secret, 40, "gaussian", 2.0, seed=7)
    return _pair(to_8bit(copies[0]), to_8bit(copies.mean(axis=0)))


def kmeans() -> np.ndarray:
    """The garden robot's items by length and weight, coloured by what they really are."""
    from lib.kmeans.garden import load_garden

    garden = load_garden()
    kinds = {kind: n for n, kind in enumerate(sorted(garden["kind"].unique()))}
    return _scatter(garden[["length_mm", "weight_g"]].to_numpy(), garden["kind"].map(kinds).to_numpy())


def ethics() -> np.ndarray:
    """The dog the digit network was shown: it has to answer with a digit."""
    dog = to_grey(np.asarray(load_image(DATA / "custom-digits" / "dog.png"), dtype=np.float64))
    return enlarge(np.rint(dog).astype(np.uint8), min_side=HEIGHT, max_side=HEIGHT)


PICTURES: dict[str, Callable[[], np.ndarray]] = {
    "convolution": convolution, "iris": iris, "mnist": mnist, "noise": noise, "kmeans": kmeans, "ethics": ethics}


def card_png(slug: str) -> bytes:
    """The card picture of the page at ``/slug``, as PNG bytes (what ``scripts/make_cards.py`` ships)."""
    return png_bytes(PICTURES[slug]())


def card_file(slug: str) -> Path:
    """The shipped card picture of the page at ``/slug``."""
    return CARDS_DIR / f"{slug}.png"


def card_alt(slug: str) -> str:
    """What the card picture of ``/slug`` shows, for a screen reader (its drawing function's first line)."""
    return PICTURES[slug].__doc__.strip().splitlines()[0]
