"""Turn any picture of a digit into the 28×28 input the MNIST network expects, the way MNIST was made.

MNIST's digits were cropped to their ink, scaled to fit a 20×20 box (keeping their shape) and placed in a
28×28 field so that their centre of mass sits in the middle. :func:`to_mnist` does the same, but it
**keeps the polarity**: black ink on white paper stays black on white. That is deliberate: the page's
lesson is that a network trained on white-on-black digits fails on black-on-white ones.
:func:`invert_if_light_background` is the separate, optional fix.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

SIDE = 28  #: MNIST images are 28×28
BOX = 20  #: the digit is scaled to fit a 20×20 box inside them
WORK_SIDE = 256  #: big photos are shrunk to this first: plenty for a 20-pixel digit, and fast
MIN_CONTRAST = 0.15  #: below this difference from the background there is no digit to find
MIN_PIECE = 0.1  #: ink blobs smaller than this share of the largest one are stray marks
INK_SHARE = 0.35  #: pixels this close to the strongest ink (as a share of it) count as ink


class NoDigitError(ValueError):
    """The picture is (nearly) one flat shade: there is no digit in it to read."""


def to_mnist(image: Image.Image) -> np.ndarray:
    """A (28, 28) float array in [0, 1]: the digit cropped, scaled to fit 20×20 and centred by mass,
    contrast stretched so the background is 0 or 1, **polarity kept**.

    The background shade is taken from the picture's border; the ink is whatever differs from it.
    Transparent pictures are laid on white first. Raises :class:`NoDigitError` for a flat picture.
    """
    if not isinstance(image, Image.Image):
        raise TypeError(f"to_mnist needs a PIL image (use lib.images.load_image), got {type(image).__name__}.")
    grey = _grey(image)
    background = float(np.median(_border(grey)))
    contrast = np.abs(grey - background)
    if contrast.max() < MIN_CONTRAST:
        raise NoDigitError("The picture is all one shade: there is no digit to read. Draw or photograph one.")
    ink = contrast > max(MIN_CONTRAST, INK_SHARE * contrast.max())
    top, bottom, left, right = _ink_box(ink)
    # Stretch the contrast: how much ink each pixel holds, 0 on the background, 1 on the strongest ink.
    light_background = background > 0.5
    ink_level = float(np.percentile(grey[ink], 5 if light_background else 95))
    amount = np.clip((grey - background) / (ink_level - background), 0.0, 1.0)
    centred = _centre_by_mass(_fit_box(amount[top:bottom, left:right]))
    return (1.0 - centred) if light_background else centred


def drawing_to_image(rgba: np.ndarray | None, light_background: bool) -> Image.Image:
    """A canvas drawing (H, W, 4) RGBA, laid on its white or black background, as a grey PIL image.

    Raises :class:`NoDigitError` with what to do for an empty canvas or a single small dot.
    """
    if rgba is None or np.asarray(rgba).size == 0:
        raise NoDigitError("Draw a digit first.")
    layer = Image.fromarray(np.asarray(rgba, dtype=np.uint8)).convert("RGBA")
    paper = Image.new("RGBA", layer.size, "white" if light_background else "black")
    grey = np.asarray(Image.alpha_composite(paper, layer).convert("L"), dtype=np.float32) / 255.0
    ink = np.abs(grey - (1.0 if light_background else 0.0)) > 0.5
    if not ink.any():
        raise NoDigitError("Draw a digit first.")
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 < 0.15 * max(grey.shape):
        raise NoDigitError("That is only a dot: draw a whole digit, filling most of the square.")
    return Image.fromarray((grey * 255).astype(np.uint8))


def invert_if_light_background(x: np.ndarray) -> tuple[np.ndarray, bool]:
    """The optional fix: if the 28×28 image has a light background (dark ink on paper), invert it to
    white-on-black like MNIST. Returns the image and whether it was inverted."""
    x = np.asarray(x, dtype=np.float32)
    if float(np.median(_border(x))) > 0.5:
        return 1.0 - x, True
    return x, False


def has_light_background(x: np.ndarray) -> bool:
    """Whether a picture's border (its background) is light rather than dark."""
    return float(np.median(_border(np.asarray(x, dtype=np.float32)))) > 0.5


def _grey(image: Image.Image) -> np.ndarray:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, "white")
        image = Image.alpha_composite(white, rgba)
    grey = image.convert("L")
    if max(grey.size) > WORK_SIDE:
        grey = grey.copy()
        grey.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
    return np.asarray(grey, dtype=np.float32) / 255.0


def _border(grey: np.ndarray) -> np.ndarray:
    """The outer frame of the picture (5% of each side, at least one pixel): where the background is."""
    height, width = grey.shape
    band_y, band_x = max(1, height // 20), max(1, width // 20)
    return np.concatenate([grey[:band_y].ravel(), grey[-band_y:].ravel(),
                           grey[:, :band_x].ravel(), grey[:, -band_x:].ravel()])


def _ink_box(ink: np.ndarray) -> tuple[int, int, int, int]:
    """The box around the digit's ink, ignoring specks far smaller than its main strokes."""
    labels, count = ndimage.label(ink)
    sizes = ndimage.sum_labels(ink, labels, index=np.arange(1, count + 1))
    keep = np.isin(labels, 1 + np.flatnonzero(sizes >= MIN_PIECE * sizes.max()))
    rows, cols = np.flatnonzero(keep.any(axis=1)), np.flatnonzero(keep.any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def _fit_box(amount: np.ndarray) -> np.ndarray:
    """Scale the cropped ink so its longer side is 20 pixels, keeping its shape (anti-aliased)."""
    height, width = amount.shape
    scale = BOX / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    resized = Image.fromarray(amount.astype(np.float32)).resize(size, Image.Resampling.LANCZOS)
    return np.clip(np.asarray(resized), 0.0, 1.0)


def _centre_by_mass(digit: np.ndarray) -> np.ndarray:
    """Place the digit in a 28×28 field with its centre of mass in the middle, as MNIST did."""
    field = np.zeros((SIDE, SIDE), dtype=np.float32)
    height, width = digit.shape
    top, left = (SIDE - height) // 2, (SIDE - width) // 2
    field[top:top + height, left:left + width] = digit
    centre_y, centre_x = ndimage.center_of_mass(field)
    shifted = ndimage.shift(field, ((SIDE - 1) / 2 - centre_y, (SIDE - 1) / 2 - centre_x), order=1, cval=0.0)
    return np.clip(shifted, 0.0, 1.0).astype(np.float32)
