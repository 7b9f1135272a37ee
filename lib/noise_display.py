"""Turning the float images of :mod:`lib.noise` into 8-bit pictures to show on screen.

The arithmetic in :mod:`lib.noise` never clips; the display has to, because a screen cannot show a pixel
darker than black or brighter than white. Each function says how it maps numbers to greys, so a caption
can say it too.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def to_grey(image: np.ndarray, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """Map ``low`` → black and ``high`` → white (uint8); values outside are clipped to black or white."""
    if not high > low:
        raise ValueError(f"high ({high}) must be greater than low ({low}).")
    scaled = (np.asarray(image, dtype=np.float32) - low) * (255 / (high - low))
    return np.clip(scaled + 0.5, 0, 255).astype(np.uint8)


def stretched(image: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Map the image's own darkest value to black and brightest to white (for a sum, whose numbers grow
    with the number of copies); returns the grey picture and the (darkest, brightest) values."""
    low, high = float(np.min(image)), float(np.max(image))
    return to_grey(image, low, high if high > low else low + 1), low, high


def signed(image: np.ndarray, limit: float = 1.0) -> np.ndarray:
    """For differences: 0 → mid grey, ``-limit`` → black, ``+limit`` → white (clipped beyond)."""
    return to_grey(image, -limit, limit)


def mosaic(pictures: np.ndarray, columns: int, gap: int = 4, background: int = 255) -> np.ndarray:
    """Lay out a stack of grey uint8 pictures (n, height, width) in a grid with ``columns`` per row,
    separated by ``gap`` pixels of ``background``: one picture, cheap to send and sized for any screen."""
    count, height, width = pictures.shape
    rows = -(-count // columns)
    grid = np.full((rows * (height + gap) - gap, columns * (width + gap) - gap), background, dtype=np.uint8)
    for index, picture in enumerate(pictures):
        row, column = divmod(index, columns)
        grid[row * (height + gap):row * (height + gap) + height,
             column * (width + gap):column * (width + gap) + width] = picture
    return grid


def png(picture: np.ndarray) -> bytes:
    """A grey uint8 picture as PNG bytes (lossless, so every speck of noise shows as it is; fast settings)."""
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(picture, dtype=np.uint8)).save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()
