"""Pictures for the kernel page: the course's 5×5 example, a synthetic test pattern, bundled photos and
digits, and the user's own (through :func:`lib.images.load_image`, the app's one safe loader).

Every picture becomes a ``uint8`` array: 2-D for grey, H×W×3 for colour, no side over
:data:`WORKING_SIDE`, so that every kernel the page applies answers within a screen refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib import DATA_DIR
from lib.images import load_image

#: Longest side the kernel page works on; larger pictures are shrunk to it (with a notice on the page).
WORKING_SIDE = 640

#: The top-left 5×5 corner of a photo in the course notes: the worked example of "Applying a kernel".
COURSE_EXAMPLE = np.array(
    [
        [105, 102, 100, 97, 96],
        [103, 99, 103, 101, 102],
        [101, 98, 104, 102, 100],
        [99, 101, 106, 104, 99],
        [104, 104, 104, 100, 98],
    ],
    dtype=np.uint8,
)

#: Bundled pictures: id (the page's picture setting) → file under data/. Photos from scikit-learn's sample
#: images, digits from the course.
BUNDLED = {
    "temple": DATA_DIR / "photos" / "china.jpg",
    "flower": DATA_DIR / "photos" / "flower.jpg",
    **{f"digit_{n}": DATA_DIR / "custom-digits" / f"{n}.png" for n in range(1, 10)},
    "dog": DATA_DIR / "custom-digits" / "dog.png",
}


@dataclass(frozen=True)
class Picture:
    """A picture ready for the kernel page, with what loading it changed."""

    pixels: np.ndarray  #: uint8, 2-D (grey) or H×W×3 (colour)
    notice: str | None = None  #: set when the picture was shrunk, to tell the user


def test_pattern(side: int = 256) -> np.ndarray:
    """A grey test card with something for every kernel: a checkerboard (fine detail), a left-to-right
    ramp (smooth change), a disc (edges in every direction) and diagonal stripes. Deterministic."""
    if side < 8:
        raise ValueError(f"The test pattern needs a side of at least 8 pixels, not {side}.")
    half = side // 2
    y, x = np.mgrid[0:half, 0:half]
    checker = np.where((y // 8 + x // 8) % 2 == 0, 230, 25)
    ramp = np.broadcast_to(np.linspace(0, 255, half), (half, half))
    disc = np.where((y - half / 2) ** 2 + (x - half / 2) ** 2 < (half / 3) ** 2, 220, 40)
    stripes = np.where(((x + y) // 6) % 2 == 0, 200, 60)
    card = np.block([[checker, ramp], [disc, stripes]])
    result = np.full((side, side), 128.0)
    result[: 2 * half, : 2 * half] = card
    return np.rint(result).astype(np.uint8)


def from_image_source(source, max_side: int = WORKING_SIDE) -> Picture:
    """Load a path, bytes or upload through :func:`lib.images.load_image` (which raises
    :class:`lib.images.ImageError` for anything unusable) and return it as a :class:`Picture`."""
    image = load_image(source, max_side=max_side)
    notice = None
    if "original_size" in image.info:
        width, height = image.info["original_size"]
        notice = (f"This picture is {width:,} × {height:,} pixels; it was shrunk to {image.width} × "
                  f"{image.height} so every kernel answers at once.")
    return Picture(np.asarray(image, dtype=np.uint8), notice)


def builtin(name: str) -> Picture:
    """A picture the page ships, by id: ``"course"`` (:data:`COURSE_EXAMPLE`), ``"pattern"``
    (:func:`test_pattern`) or one of :data:`BUNDLED`; ``KeyError`` for any other."""
    if name == "course":
        return Picture(COURSE_EXAMPLE)
    if name == "pattern":
        return Picture(test_pattern())
    return from_image_source(BUNDLED[name])
