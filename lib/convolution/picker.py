"""The playground's pixel picker (issue #17, after setosa's image kernels): what the browser needs to work out,
under the pointer, the multiply-and-sum that :func:`lib.convolution.kernels.products_at` does on the server.

The picker (:mod:`lib.ui.pixel_picker`, its JavaScript in ``lib/ui/pixel_picker/main.js``) gets the picture's own
pixels and the kernels, and repeats the arithmetic there at every pointer move, with no server round trip. This
module is its plain-Python half: the geometry both sides share (which output pixel a pointer over the picture
chooses, which window of the picture an output pixel reads) and the description of one playground as plain data
(:func:`payload`). ``main.js`` follows :func:`output_pixel_at` and :func:`window` line by line; the tests check the
two agree, and that the browser's sums are the server's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from lib.convolution.editor import format_cell
from lib.convolution.kernels import check_kernel, check_padding, check_stride, pad_width
from lib.images import LUMA

#: The channels of a colour picture, in the order of its numbers.
CHANNELS = ("red", "green", "blue")


def output_pixel_at(y: int, x: int, kernel_shape: tuple[int, int], padding: str, stride: int,
                    out_shape: tuple[int, int]) -> tuple[int, int]:
    """The output pixel (0-based row, column) whose kernel window is centred nearest the picture's pixel
    (``y``, ``x``): the pixel itself with zero or edge padding and stride 1; fewer rows and columns with no
    padding (the edges have no window of their own) or stride 2 (every other pixel has one)."""
    stride = check_stride(stride)
    chosen = []
    for at, side, count in zip((y, x), kernel_shape, out_shape):
        offset = pad_width(side, padding) - side // 2  # centre of output 0, counted from the picture's edge: -offset
        chosen.append(min(max(math.floor((at + offset) / stride + 0.5), 0), count - 1))
    return chosen[0], chosen[1]


def window(row: int, col: int, kernel_shape: tuple[int, int], padding: str, stride: int
           ) -> tuple[int, int, int, int]:
    """The picture's rows and columns under the kernel for output pixel (``row``, ``col``), 0-based, as
    (top, left, bottom, right), bottom and right excluded; it reaches past the picture where padding is read."""
    stride = check_stride(stride)
    top = row * stride - pad_width(kernel_shape[0], padding)
    left = col * stride - pad_width(kernel_shape[1], padding)
    return top, left, top + kernel_shape[0], left + kernel_shape[1]


def payload(size: tuple[int, int], colour: bool, grey_first: bool, channel: int | None,
            weights: Mapping[str, np.ndarray], padding: str, stride: int, out_shape: tuple[int, int],
            range_mode: str, output_range: tuple[float, float], chosen: tuple[int, int]) -> dict:
    """Everything but the pictures that the picker needs, as plain JSON-ready data.

    ``size`` is the picture's (height, width); ``colour`` whether it has three numbers per pixel, worked on one
    at a time unless ``grey_first`` (then combined with the luma weights, as :func:`lib.images.to_grey`);
    ``channel`` the colour whose numbers the arithmetic shows (None: grey). ``weights`` are the filter's kernels
    by name (two for Sobel magnitude, whose sums combine as √(a² + b²)). ``range_mode`` and ``output_range`` (the
    whole output's lowest and highest numbers, for "rescale") say how a sum becomes a shade on the screen, as
    :func:`lib.convolution.charts.to_displayable`. ``chosen`` is the chosen output pixel, 1-based (row, column).
    """
    padding, stride = check_padding(padding), check_stride(stride)
    kernels = []
    for name, values in weights.items():
        values = check_kernel(values)
        kernels.append({"name": name, "values": values.tolist(),
                        "labels": [[format_cell(v) for v in row] for row in values]})
    shape = kernels[0]["values"]
    return {
        "height": int(size[0]), "width": int(size[1]), "colour": bool(colour), "grey": bool(colour and grey_first),
        "channel": None if channel is None else int(channel),
        "channel_name": None if channel is None else CHANNELS[channel],
        "luma": [float(np.float32(w)) for w in LUMA],  # what to_grey multiplies by (it works in float32)
        "kernels": kernels,
        "padding": padding, "stride": stride,
        "pad": [pad_width(len(shape), padding), pad_width(len(shape[0]), padding)],
        "out": [int(out_shape[0]), int(out_shape[1])],
        "mode": range_mode, "range": [float(output_range[0]), float(output_range[1])],
        "chosen": [int(chosen[0]), int(chosen[1])],
    }
