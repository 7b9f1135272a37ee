"""Image kernels: slide a small grid of numbers over a picture, multiply and add.

The arithmetic of the course's "Introduction to image analysis": put the kernel over a patch of the
image, multiply the numbers that lie on top of each other, add the products up, and write the sum where
the kernel's centre sits. Then move one pixel (or ``stride`` pixels) along and do it again.

Like the course, and like every CNN library (Keras ``Conv2D``, PyTorch ``conv2d``), the kernel is *not*
flipped first: strictly this is cross-correlation, which is what :func:`scipy.ndimage.correlate` computes.
For the symmetric kernels most people start with (sharpen, blurs, outline) the two are identical.

Edges: ``padding="zero"`` imagines a frame of zeros round the picture, ``"edge"`` repeats the outermost
pixels (the course's two choices), and ``"valid"`` only places the kernel where it fits, so the output
shrinks. :func:`output_size` gives the size, by the formula (W - F + 2P) / S + 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: How the border is handled: zeros around the picture, its edge pixels repeated, or no padding (a smaller output).
PADDINGS = ("zero", "edge", "valid")
_BAND_BYTES = 256 * 1024  # output rows handled together by convolve: fits comfortably in a core's L2 cache

#: The preset kernels, in the order the page offers them. Sobel magnitude combines two of them
#: (see :func:`sobel_magnitude`), so it is a filter of its own rather than a kernel here.
PRESETS: dict[str, np.ndarray] = {
    "Identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=float),
    "Sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
    "Box blur": np.full((3, 3), 1 / 9),
    "Gaussian blur 3×3": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=float) / 16,
    "Gaussian blur 5×5": np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]).astype(float) / 256,
    "Outline (Laplacian)": np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], dtype=float),
    "Sobel horizontal": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float),
    "Sobel vertical": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float),
    "Emboss": np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], dtype=float),
}

#: One sentence per filter: what it does to a picture, in plain words.
DESCRIPTIONS: dict[str, str] = {
    "Identity": "Changes nothing: only the centre pixel counts, with weight 1.",
    "Sharpen": "Makes each pixel stand out more from its neighbours, so edges look crisper.",
    "Box blur": "Replaces each pixel by the plain average of the 3×3 square around it.",
    "Gaussian blur 3×3": "A gentler blur: an average where close neighbours count more than far ones.",
    "Gaussian blur 5×5": "A stronger Gaussian blur over a 5×5 neighbourhood.",
    "Outline (Laplacian)": "Zero where the picture is flat; large wherever a pixel differs from all around it.",
    "Sobel horizontal": "Measures how fast brightness changes from left to right, so it finds vertical edges.",
    "Sobel vertical": "Measures how fast brightness changes from top to bottom, so it finds horizontal edges.",
    "Sobel magnitude": "Edge strength in every direction: √(horizontal² + vertical²) of the two Sobel kernels.",
    "Emboss": "Lights the picture from the top left, so it looks stamped into metal.",
}

SOBEL_MAGNITUDE = "Sobel magnitude"
#: Every built-in filter name: the kernels plus Sobel magnitude (after the two Sobel kernels).
FILTERS: tuple[str, ...] = (*list(PRESETS)[:8], SOBEL_MAGNITUDE, *list(PRESETS)[8:])

#: Each filter's id (the page's stored setting; its link word is the id with dashes) → its name in
#: :data:`FILTERS`, :data:`PRESETS` and :data:`DESCRIPTIONS`, in the same order.
FILTER_NAMES: dict[str, str] = dict(zip(
    ("identity", "sharpen", "box_blur", "gaussian_3", "gaussian_5", "outline", "sobel_horizontal", "sobel_vertical",
     "sobel_magnitude", "emboss"), FILTERS))
SOBEL_MAGNITUDE_ID = "sobel_magnitude"
#: The preset kernels by filter id: the same arrays as :data:`PRESETS`, looked up by the page's setting.
KERNELS: dict[str, np.ndarray] = {id_: PRESETS[name] for id_, name in FILTER_NAMES.items() if name in PRESETS}


def filter_kernels(filter_id: str) -> dict[str, np.ndarray]:
    """The kernels the filter ``filter_id`` applies, by name: the two Sobel kernels for Sobel magnitude
    (combined by :func:`sobel_magnitude`), the filter's own kernel otherwise. ``KeyError`` for an unknown id."""
    ids = ("sobel_horizontal", "sobel_vertical") if filter_id == SOBEL_MAGNITUDE_ID else (filter_id,)
    return {FILTER_NAMES[id_]: KERNELS[id_] for id_ in ids}


@dataclass(frozen=True)
class Step:
    """One placement of the kernel, as :func:`products_at` returns it."""

    patch: np.ndarray  #: the pixels under the kernel (padding included), same shape as the kernel
    products: np.ndarray  #: patch × kernel, element by element
    total: float  #: the sum of the products: the output pixel's value
    centre: tuple[int, int]  #: (row, col) in the input image under the kernel's centre
    inside: np.ndarray  #: True where the patch cell is a real pixel, False where it is padding


def check_kernel(kernel) -> np.ndarray:
    """Return ``kernel`` as a float array after checking it is a 2-D grid of finite numbers with odd sides."""
    array = np.asarray(kernel, dtype=float)
    if array.ndim != 2:
        raise ValueError(f"A kernel must be a 2-D grid of numbers, not an array of shape {array.shape}.")
    if array.shape[0] % 2 == 0 or array.shape[1] % 2 == 0:
        raise ValueError(
            f"A kernel needs odd sides (3×3, 5×5, ...) so it has a centre pixel; this one is "
            f"{array.shape[0]}×{array.shape[1]}."
        )
    if not np.isfinite(array).all():
        raise ValueError("Every kernel cell must be a finite number (no NaN or infinity).")
    return array


def check_padding(padding: str) -> str:
    """``padding`` if it is one of :data:`PADDINGS`; ``ValueError`` naming them otherwise."""
    if padding not in PADDINGS:
        raise ValueError(f"padding must be one of {', '.join(map(repr, PADDINGS))}, not {padding!r}.")
    return padding


def check_stride(stride) -> int:
    """``stride`` as an int if it is a whole number of pixels, 1 or more; ``ValueError`` otherwise."""
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError(f"stride must be a whole number of pixels, 1 or more, not {stride!r}.")
    return int(stride)


def pad_width(kernel_side: int, padding: str) -> int:
    """P in the size formula: how many pixels of padding each side gets for a kernel side of ``kernel_side``."""
    return 0 if check_padding(padding) == "valid" else kernel_side // 2


def output_size(image_side: int, kernel_side: int, padding: str = "zero", stride: int = 1) -> int:
    """The output's side, (W - F + 2P) / S + 1 rounded down; 0 when the kernel does not fit at all."""
    stride = check_stride(stride)
    span = image_side - kernel_side + 2 * pad_width(kernel_side, padding)
    return span // stride + 1 if span >= 0 else 0


def _pad(image: np.ndarray, kernel_shape: tuple[int, int], padding: str) -> np.ndarray:
    widths = [(pad_width(side, padding),) * 2 for side in kernel_shape] + [(0, 0)] * (image.ndim - 2)
    if padding == "valid":
        return image
    return np.pad(image, widths, mode="constant" if padding == "zero" else "edge")


def _check_image(image) -> np.ndarray:
    array = np.asarray(image)
    if array.ndim not in (2, 3) or array.size == 0:
        raise ValueError(
            f"An image must be a 2-D grid (grey) or height × width × channels (colour), not shape {array.shape}."
        )
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"Image pixels must be numbers, not {array.dtype}.")
    # Float64 stays float64 (exact arithmetic for the course's numbers); everything else computes in
    # float32, which halves memory traffic and represents every 8-bit pixel sum exactly.
    return array.astype(np.float64 if array.dtype == np.float64 else np.float32, copy=False)


def convolve(image, kernel, padding: str = "zero", stride: int = 1) -> np.ndarray:
    """Slide ``kernel`` over ``image`` (no flip: cross-correlation, as CNNs do) and return the float result.

    ``image`` is 2-D (grey) or height × width × channels (each channel on its own). ``padding`` is
    ``"zero"``, ``"edge"`` or ``"valid"``; ``stride`` is the step between placements. The result has
    :func:`output_size` rows and columns, dtype float64 for a float64 image and float32 otherwise.
    It is computed as a sum of kernel-weighted shifted views of the padded image: one vectorised
    multiply-add per kernel cell, never a loop over pixels.
    """
    pixels = _check_image(image)
    weights = check_kernel(kernel)
    padding, stride = check_padding(padding), check_stride(stride)
    rows, cols = (output_size(n, f, padding, stride) for n, f in zip(pixels.shape[:2], weights.shape))
    if rows == 0 or cols == 0:
        raise ValueError(
            f"The {weights.shape[0]}×{weights.shape[1]} kernel does not fit inside this "
            f"{pixels.shape[0]}×{pixels.shape[1]} image without padding; choose zero or edge padding."
        )
    padded = _pad(pixels, weights.shape, padding)
    result = np.zeros((rows, cols) + pixels.shape[2:], dtype=pixels.dtype)
    # Work in bands of output rows small enough to stay in the CPU cache while every kernel cell is
    # added in: about twice as fast on a large photo as sweeping the whole image once per cell.
    band = max(1, _BAND_BYTES // max(1, result[0].nbytes))
    cells = [(i, j, pixels.dtype.type(w)) for (i, j), w in np.ndenumerate(weights) if w]  # skip the zeros
    for top in range(0, rows, band):
        out = result[top : top + band]
        scratch = np.empty_like(out)
        first_row = top * stride
        last_col = stride * (cols - 1) + 1
        for i, j, weight in cells:
            rows_from = first_row + i
            view = padded[rows_from : rows_from + stride * (len(out) - 1) + 1 : stride, j : j + last_col : stride]
            np.multiply(view, weight, out=scratch)
            out += scratch
    return result


def sobel_magnitude(image, padding: str = "zero", stride: int = 1) -> np.ndarray:
    """Edge strength in any direction: √(Gx² + Gy²) of the two Sobel kernels (isotropic edge detection)."""
    horizontal = convolve(image, PRESETS["Sobel horizontal"], padding, stride)
    vertical = convolve(image, PRESETS["Sobel vertical"], padding, stride)
    return np.hypot(horizontal, vertical)


def products_at(image, kernel, row: int, col: int, padding: str = "zero", stride: int = 1) -> Step:
    """The arithmetic behind output pixel (``row``, ``col``) of :func:`convolve` on a 2-D image:
    the patch under the kernel, the element-wise products, their sum and the input pixel under the centre.

    On the course's 5×5 example with the sharpen kernel and zero padding, output (1, 1) is 89
    (the pixel 99), (1, 2) is 111 (the pixel 103) and (1, 0) is 210 (the left-edge 103).
    """
    pixels = np.asarray(_check_image(image), dtype=np.float64)
    if pixels.ndim != 2:
        raise ValueError("products_at works on one grey channel; pass image[..., channel] for a colour image.")
    weights = check_kernel(kernel)
    padding, stride = check_padding(padding), check_stride(stride)
    rows, cols = (output_size(n, f, padding, stride) for n, f in zip(pixels.shape, weights.shape))
    if not (0 <= row < rows and 0 <= col < cols):
        raise ValueError(f"Output pixel ({row}, {col}) is outside the {rows}×{cols} output.")
    top, left = row * stride, col * stride  # the patch's corner in padded coordinates
    height, width = weights.shape
    patch = _pad(pixels, weights.shape, padding)[top : top + height, left : left + width]
    pad_rows, pad_cols = pad_width(height, padding), pad_width(width, padding)
    image_rows = np.arange(top, top + height)[:, None] - pad_rows
    image_cols = np.arange(left, left + width)[None, :] - pad_cols
    inside = (image_rows >= 0) & (image_rows < pixels.shape[0]) & (image_cols >= 0) & (image_cols < pixels.shape[1])
    products = patch * weights
    centre = (top + height // 2 - pad_rows, left + width // 2 - pad_cols)
    return Step(patch.copy(), products, float(products.sum()), centre, inside)


def normalise(kernel) -> np.ndarray:
    """Scale ``kernel`` so its numbers add up to 1 (average brightness kept); raises if they add up to 0."""
    weights = check_kernel(kernel)
    total = weights.sum()
    if math.isclose(total, 0.0, abs_tol=1e-12):
        raise ValueError(
            "This kernel's numbers add up to 0, so it cannot be scaled to add up to 1; edge detectors are "
            "meant to add up to 0."
        )
    return weights / total


def brightness_note(total: float) -> str:
    """What a kernel whose numbers add up to ``total`` does to the overall brightness, in one sentence."""
    if math.isclose(total, 1.0, abs_tol=1e-9):
        return "They add up to 1, so flat areas keep their brightness: the picture stays as bright as it was."
    if math.isclose(total, 0.0, abs_tol=1e-9):
        return ("They add up to 0, so flat areas become 0 (black): only changes survive, which is what an "
                "edge detector wants.")
    if total > 1:
        return f"They add up to {total:g}, more than 1, so the picture gets about {total:g}× brighter."
    if total > 0:
        return f"They add up to {total:g}, between 0 and 1, so the picture gets darker."
    return f"They add up to {total:g}, less than 0, so flat areas turn negative: light and dark swap over."
