"""One step of a convolution as pictures, drawn with Pillow (issue #17, after setosa's image kernels): a picture
framed in grey (so clipped white does not vanish into a white page) with a window marked on it, and the chosen
pixel's neighbourhood × the kernel = the new pixel, each cell in its own colour with its number written in.

The numbers are drawn into the picture, so they stay in step with the cells and readable on a phone at any
width; the page gives the same sum as text beside it. Pillow's bundled font is used: nothing depends on the
fonts of the machine.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from lib.convolution.charts import signed_rgb
from lib.images import LUMA
from lib.palette import OKABE_ITO

FRAME_GREY = 150  #: the frame's grey: visible against white cells and the page's white alike
MARK = tuple(int(OKABE_ITO["vermillion"][k : k + 2], 16) for k in (1, 3, 5))
PADDING_MARK = tuple(int(OKABE_ITO["orange"][k : k + 2], 16) for k in (1, 3, 5))
INK, PAPER = (0, 0, 0), (255, 255, 255)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def as_rgb(pixels) -> np.ndarray:
    """A grey (2-D) or colour (H×W×3) ``uint8`` picture as H×W×3."""
    array = np.asarray(pixels, dtype=np.uint8)
    return np.repeat(array[..., None], 3, axis=2) if array.ndim == 2 else array


def framed(pixels, width: int = 2) -> np.ndarray:
    """The picture (grey or colour ``uint8``) inside a ``width``-pixel grey frame."""
    array = np.asarray(pixels, dtype=np.uint8)
    pad = ((width, width), (width, width)) + ((0, 0),) * (array.ndim - 2)
    return np.pad(array, pad, constant_values=FRAME_GREY)


def mark(enlarged, shape: tuple[int, int], box: tuple[int, int, int, int]) -> np.ndarray:
    """Outline ``box`` (top, left, bottom, right in the original picture's pixels, bottom/right exclusive) on
    ``enlarged``, the picture of ``shape`` blown up by whole blocks. A window too small to see on a big photo
    gets a ring at least a 24th of the picture across around it, so the eye can find it."""
    rgb = as_rgb(enlarged).copy()
    scale = rgb.shape[0] / shape[0]
    top, left, bottom, right = (round(v * scale) for v in box)
    least = max(rgb.shape[:2]) // 24
    if bottom - top < least or right - left < least:
        middle_row, middle_col = (top + bottom) // 2, (left + right) // 2
        top, bottom = middle_row - least // 2, middle_row + least // 2
        left, right = middle_col - least // 2, middle_col + least // 2
    line = max(2, max(rgb.shape[:2]) // 160)
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    draw.rectangle((left - line, top - line, right + line - 1, bottom + line - 1), outline=PAPER, width=1)
    draw.rectangle((left - line + 1, top - line + 1, right + line - 2, bottom + line - 2), outline=MARK, width=line)
    return np.asarray(image)


def side_by_side(left, right, gap: int = 16, widest: int | None = None, smooth: bool = False) -> np.ndarray:
    """Two colour pictures in a row on white, ``right`` scaled (nearest neighbour) to ``left``'s height; the row
    shrunk to ``widest`` pixels across if wider (``smooth`` for photos, blocks stay crisp otherwise)."""
    height = left.shape[0]
    width = max(1, round(right.shape[1] * height / right.shape[0]))
    right = np.asarray(Image.fromarray(as_rgb(right)).resize((width, height), Image.Resampling.NEAREST))
    row = np.full((height, left.shape[1] + gap + width, 3), 255, dtype=np.uint8)
    row[:, : left.shape[1]] = as_rgb(left)
    row[:, left.shape[1] + gap :] = right
    if widest and row.shape[1] > widest:
        size = (widest, max(1, round(height * widest / row.shape[1])))
        row = np.asarray(Image.fromarray(row).resize(
            size, Image.Resampling.LANCZOS if smooth else Image.Resampling.NEAREST))
    return row


def _text_colour(rgb) -> tuple[int, int, int]:
    return INK if float(np.dot(rgb, LUMA)) > 128 else PAPER


def _number(value: float) -> str:
    value = float(value) + 0.0
    if value.is_integer() or abs(value) >= 100:
        text = f"{value:.0f}"
    else:
        text = f"{value:.2g}" if abs(value) < 1 else f"{value:.3g}"
    return text  # the bundled font has no real minus sign (U+2212): a hyphen it is


def _grid(draw, left: int, top: int, cell: int, colours, values, outlined=None) -> None:
    rows, cols = np.shape(values)
    font = _font(max(11, cell * 2 // 5))
    for r in range(rows):
        for c in range(cols):
            x, y = left + c * cell, top + r * cell
            colour = tuple(int(v) for v in colours[r][c])
            draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=colour, outline=(FRAME_GREY,) * 3)
            if outlined is not None and outlined[r][c]:
                draw.rectangle((x + 3, y + 3, x + cell - 4, y + cell - 4), outline=PADDING_MARK, width=2)
            draw.text((x + cell / 2, y + cell / 2), _number(values[r][c]), fill=_text_colour(colour), font=font,
                      anchor="mm")


def _sign(draw, x: float, y: float, times: bool, half: int = 8) -> None:
    """A × or = drawn as strokes (the bundled font has no ×)."""
    if times:
        draw.line((x - half, y - half, x + half, y + half), fill=INK, width=3)
        draw.line((x - half, y + half, x + half, y - half), fill=INK, width=3)
    else:
        draw.line((x - half, y - 5, x + half, y - 5), fill=INK, width=3)
        draw.line((x - half, y + 5, x + half, y + 5), fill=INK, width=3)


def arithmetic(patch_colours, patch, weights: dict[str, np.ndarray], totals: dict[str, float], new_colour,
               padding=None, titles: tuple[str, str, str] = ("Neighbourhood", "Kernel", "New pixel")) -> np.ndarray:
    """The neighbourhood (cells in ``patch_colours``, numbers ``patch``; ``padding`` marks cells outside the
    picture) × each kernel in ``weights`` = its total, one row per kernel, the last total in ``new_colour``.
    Returns an H×W×3 ``uint8`` picture."""
    size = np.shape(patch)[0]
    cell = 42 if size <= 3 else 32
    gap, heading, margin = 40, 28, 6
    grid = cell * size
    out = round(cell * 1.5)
    label_font = _font(16)
    width = margin * 2 + grid * 2 + gap * 2 + max(out, round(label_font.getlength(titles[2])))
    height = heading + len(weights) * (grid + margin) + margin
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    x_kernel, x_out = margin + grid + gap, margin + 2 * grid + 2 * gap
    for x, title in zip((margin, x_kernel, x_out), titles):
        draw.text((x, heading // 2), title, fill=INK, font=label_font, anchor="lm")
    for index, (name, kernel) in enumerate(weights.items()):
        top = heading + index * (grid + margin)
        middle = top + grid / 2
        _grid(draw, margin, top, cell, patch_colours, patch, padding)
        _sign(draw, margin + grid + gap / 2, middle, times=True)
        _grid(draw, x_kernel, top, cell, signed_rgb(kernel), kernel)
        _sign(draw, x_kernel + grid + gap / 2, middle, times=False)
        last = index == len(weights) - 1
        colour = tuple(int(v) for v in (new_colour if last and len(weights) == 1 else (255, 255, 255)))
        y = round(middle - out / 2)
        draw.rectangle((x_out, y, x_out + out - 1, y + out - 1), fill=colour, outline=MARK, width=3)
        draw.text((x_out + out / 2, middle), _number(totals[name]), fill=_text_colour(colour),
                  font=_font(max(14, out * 2 // 5)), anchor="mm")
    return np.asarray(image)
