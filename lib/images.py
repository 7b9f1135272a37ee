"""The one safe way into the app for a picture, :func:`load_image`, and the one set of helpers every page
uses to show pictures: :func:`to_grey`, :func:`to_8bit`, :func:`enlarge`, :func:`mosaic` and :func:`png_bytes`.

Every page that accepts an image (upload, camera, bundled file) calls :func:`load_image`. It accepts
bytes, a path or a file-like object and returns a small, ordinary Pillow image, or raises
:class:`ImageError` with one sentence a workshop attendee can act on. It never writes to disk.

What it guarantees about the image it returns:

* mode ``"L"`` (8-bit grey) for grey sources, ``"RGB"`` for colour ones; 16-bit and floating-point
  greys are rescaled to 0-255, CMYK and palette images are converted, transparency is composited
  onto white (the colour of paper, so a dark digit on a transparent background stays dark-on-light);
* a still picture: for animations (GIF, APNG, WebP) the first frame;
* upright: the EXIF orientation a phone camera records is applied;
* no side longer than ``max_side`` (default :data:`MAX_SIDE`); when it had to shrink the picture, the
  original size is kept in ``image.info["original_size"]`` so a page can say so.

What it refuses, with :class:`ImageError`: empty files, files over :data:`MAX_BYTES`, anything that is
not a raster image Pillow can decode (text, PDF, SVG, ...), damaged or truncated files, and images whose
header promises more than :data:`MAX_PIXELS` pixels or a side over :data:`MAX_INPUT_SIDE` (decompression
bombs), which are refused before any pixel is decoded.

The helpers work on NumPy arrays: 2-D greys and H×W×3 colour pictures. Two different jobs have two names:
:func:`to_grey` turns a colour picture into grey (the weights Pillow uses), :func:`to_8bit` maps any range of
numbers to the 0-255 a screen can show.
"""

from __future__ import annotations

import base64
import io
import os
import warnings
from pathlib import Path
from typing import BinaryIO, Union

import numpy as np
from PIL import Image, ImageOps

#: Largest file accepted, in bytes; matches ``server.maxUploadSize`` (10 MB) in .streamlit/config.toml.
MAX_BYTES = 10 * 1024 * 1024
#: Largest picture accepted, in pixels: a 48-megapixel phone photo passes, a decompression bomb does not.
MAX_PIXELS = 64_000_000
#: Longest side accepted at all; longer is an absurd (or hostile) header.
MAX_INPUT_SIDE = 20_000
#: Longest side of the image handed to the pages; larger pictures are shrunk to this, keeping their shape.
MAX_SIDE = 1024

Source = Union[bytes, bytearray, memoryview, str, os.PathLike, BinaryIO]


class ImageError(ValueError):
    """A file that cannot be used as a picture; ``str(error)`` is one sentence to show the user."""


def load_image(source: Source, max_side: int = MAX_SIDE) -> Image.Image:
    """Decode ``source`` (bytes, a path, or a file-like object such as a Streamlit upload) into an
    ``"L"`` or ``"RGB"`` Pillow image no larger than ``max_side`` on its longest side.

    Raises :class:`ImageError` (a ``ValueError``) with a readable message for anything that is not a
    decodable still image within the limits in this module.
    """
    if max_side < 1:
        raise ValueError(f"max_side must be a positive number of pixels, not {max_side}.")
    data = _read_bytes(source)
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; our own limit below is stricter.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as error:
            raise ImageError(_too_big_message()) from error
        except (Image.UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
            raise ImageError(_not_an_image_message(data)) from error
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageError("This image has no pixels in it; please choose another picture.")
        if width * height > MAX_PIXELS or max(width, height) > MAX_INPUT_SIDE:
            raise ImageError(_too_big_message(width, height))
        try:
            image.seek(0)
            if image.format == "JPEG":
                # Decode a large JPEG at reduced scale directly: far less memory and time than full size.
                image.draft(image.mode, (max_side, max_side))
            image.load()
            image = ImageOps.exif_transpose(image)
            image = _to_usable_mode(image)
        except Image.DecompressionBombError as error:
            raise ImageError(_too_big_message(width, height)) from error
        except (OSError, ValueError, SyntaxError, EOFError, IndexError) as error:
            raise ImageError(
                "This image file is damaged or incomplete, so it cannot be shown; please try another copy."
            ) from error
    return _shrink(image, max_side, original_size=(width, height))


def _read_bytes(source: Source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise ImageError(f"There is no image file at {path}.")
        if path.stat().st_size > MAX_BYTES:
            raise ImageError(_file_too_large_message())
        data = path.read_bytes()
    elif hasattr(source, "read"):
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(MAX_BYTES + 1)
        if not isinstance(data, (bytes, bytearray)):
            raise ImageError("The image must be read from a file opened in binary mode.")
        data = bytes(data)
    else:
        raise ImageError(
            f"An image must be given as bytes, a file path or an open file, not {type(source).__name__}."
        )
    if not data:
        raise ImageError("The file is empty; please choose a picture file such as a PNG or JPEG.")
    if len(data) > MAX_BYTES:
        raise ImageError(_file_too_large_message())
    return data


def _to_usable_mode(image: Image.Image) -> Image.Image:
    """Convert any Pillow mode to "L" (grey) or "RGB", flattening transparency onto white."""
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        return _deep_grey_to_8bit(image)
    if image.mode == "PA":
        image = image.convert("RGBA")
    if image.mode in ("LA", "La", "RGBA", "RGBa"):
        has_colour = image.mode.startswith("RGB")
        image = image.convert("RGBA")
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, image).convert("RGB" if has_colour else "L")
    if image.mode in ("L", "RGB"):
        return image
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV, ...


def _deep_grey_to_8bit(image: Image.Image) -> Image.Image:
    """Rescale 16-bit, 32-bit and float greys to 0-255 (Pillow's own convert would clip at 255)."""
    values = np.asarray(image, dtype=np.float64)
    if not np.isfinite(values).all():
        raise ValueError("non-finite pixel values")
    if image.mode == "F":
        low, high = float(values.min()), float(values.max())
        scaled = (values - low) / (high - low) * 255 if high > low else np.zeros_like(values)
    else:
        # Integer greys: 16-bit files use 0-65535 whatever their content, so scale by the format's range.
        full_scale = 65535.0 if values.max() > 255 or image.mode.startswith("I;16") else 255.0
        scaled = np.clip(values, 0, full_scale) / full_scale * 255
    return Image.fromarray(np.round(scaled).astype(np.uint8), mode="L")


def _shrink(image: Image.Image, max_side: int, original_size: tuple[int, int]) -> Image.Image:
    width, height = image.size
    if max(width, height) > max_side:
        scale = max_side / max(width, height)
        new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = image.resize(new_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if image.size != original_size:
        image.info["original_size"] = original_size
    return image


def _file_too_large_message() -> str:
    return f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; please choose a smaller picture."


def _too_big_message(width: int | None = None, height: int | None = None) -> str:
    size = f" ({width:,} × {height:,} pixels)" if width and height else ""
    return (
        f"This image is far too large to open{size}; pictures up to {MAX_PIXELS // 1_000_000} megapixels "
        "are accepted."
    )


def _not_an_image_message(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "This is a PDF document, not a picture; please upload a PNG or JPEG image."
    if b"<svg" in head or head.startswith(b"<?xml"):
        return "SVG drawings are not supported; please upload a PNG or JPEG image instead."
    if head.startswith(b"\x89png") or head.startswith(b"\xff\xd8") or head[:4] == b"gif8":
        return "This image file is damaged or incomplete, so it cannot be shown; please try another copy."
    return "This file is not a picture the app can read; please upload a PNG, JPEG, GIF, BMP or WebP image."


#: ITU-R BT.601 luma weights, the same as Pillow's ``convert("L")``.
LUMA = np.array([0.299, 0.587, 0.114])


def to_grey(picture) -> np.ndarray:
    """A float grey version of an H×W×3 colour picture (0-255 in, 0-255 out, the weights of Pillow's
    ``convert("L")`` without its rounding); a 2-D picture comes back as float unchanged."""
    array = np.asarray(picture, dtype=np.float32)
    if array.ndim == 2:
        return array
    if array.ndim != 3 or array.shape[2] != 3:
        raise ValueError(f"to_grey expects a grey 2-D image or an H×W×3 colour image, not shape {array.shape}.")
    return array @ LUMA.astype(np.float32)


def to_8bit(values, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """Numbers as ``uint8`` greys: ``low`` → 0 (black), ``high`` → 255 (white), rounded to the nearest
    level; values outside the range are clipped to black or white."""
    if not high > low:
        raise ValueError(f"high ({high}) must be greater than low ({low}).")
    scaled = (np.asarray(values, dtype=np.float32) - low) * (255 / (high - low))
    return np.clip(scaled + 0.5, 0, 255).astype(np.uint8)


def enlarge(pixels, min_side: int = 280, max_side: int = 1024, longer: bool = False) -> np.ndarray:
    """Repeat each pixel into a square block (nearest neighbour), so small pictures (the 5×5 example,
    28×28 digits) stay crisp instead of being smoothed by the browser or the printer.

    The block is the smallest whole number of pixels that makes the picture's shorter side (its longer
    side if ``longer``) at least ``min_side``, but never so big that the longer side passes ``max_side``;
    a picture already big enough comes back as it is."""
    array = np.asarray(pixels)
    shorter, longest = max(1, min(array.shape[:2])), max(1, max(array.shape[:2]))
    factor = max(1, -(-min_side // (longest if longer else shorter)))
    factor = min(factor, max(1, max_side // longest))
    return _blocks(array, factor)


def _blocks(pixels: np.ndarray, factor: int, first_axis: int = 0) -> np.ndarray:
    if factor == 1:
        return pixels
    return np.repeat(np.repeat(pixels, factor, axis=first_axis), factor, axis=first_axis + 1)


def mosaic(pictures, columns: int, gap: int = 4, fill: float = 255, scale: int = 1) -> np.ndarray:
    """Lay a stack of pictures (N×h×w grey, or N×h×w×3 colour) out as one picture, ``columns`` to a row
    (the first row is full width even with fewer pictures), separated by ``gap`` pixels of ``fill``; each
    pixel drawn as a ``scale``×``scale`` block. The result has the pictures' own number type."""
    stack = _blocks(np.asarray(pictures), scale, first_axis=1)
    if stack.ndim not in (3, 4) or not len(stack):
        raise ValueError(f"mosaic expects a stack of pictures (N×h×w or N×h×w×3), not shape {stack.shape}.")
    count, height, width = stack.shape[:3]
    rows = -(-count // columns)
    grid = np.full((rows * (height + gap) - gap, columns * (width + gap) - gap, *stack.shape[3:]), fill,
                   dtype=stack.dtype)
    for index, picture in enumerate(stack):
        top, left = (index // columns) * (height + gap), (index % columns) * (width + gap)
        grid[top:top + height, left:left + width] = picture
    return grid


def png_bytes(picture, compress_level: int = 1) -> bytes:
    """A ``uint8`` grey (2-D) or colour (H×W×3) array, or a Pillow image, as lossless PNG bytes. The default
    compression is fast, for pictures made on every rerun; a handout, kept in a file, squeezes harder (6)."""
    image = picture if isinstance(picture, Image.Image) else Image.fromarray(
        np.ascontiguousarray(np.asarray(picture, dtype=np.uint8)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=compress_level)
    return buffer.getvalue()


def region_picture(labels, colours, shade: float, cell_px: int = 4) -> str:
    """A grid of class numbers (``labels[row, column]``, row 0 at the top) as a see-through PNG ``data:`` URI
    for a chart's background: each cell a block of ``cell_px`` pixels (crisp edges) in its class's colour
    (``colours[label]``, ``"#RRGGBB"``) at opacity ``shade`` (0 to 1). One picture costs a browser far less
    than a chart mark per cell."""
    rgba = np.array([[int(c[k:k + 2], 16) for k in (1, 3, 5)] + [round(255 * shade)] for c in colours], dtype=np.uint8)
    pixels = np.repeat(np.repeat(rgba[np.asarray(labels, dtype=int)], cell_px, axis=0), cell_px, axis=1)
    return "data:image/png;base64," + base64.b64encode(png_bytes(pixels, compress_level=6)).decode("ascii")
