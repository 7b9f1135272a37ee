"""Image kernels (the /convolution page): slide a small grid of numbers over a picture, multiply and add.

Modules:
    kernels  - the arithmetic: preset kernels, ``convolve``, one output pixel's products, output size, checks
    charts   - making the numbers visible: output to 0-255, the signed view, kernel mosaics, Vega-Lite grids of numbers
    drawing  - one step as pictures (Pillow): framed pictures with a window marked, neighbourhood × kernel = pixel
    editor   - reading a kernel typed into the grid editor or carried in a link (``kernel=``)
    picker   - the pixel picker's geometry and data: the same sums worked out in the browser under the pointer
    sources  - the pictures: the course's 5×5 example, a test pattern, bundled photos and digits, uploads
    content  - the page's words, plain and in kid words
    handout  - the page's "download my results" record
    lesson.toml - the page's goal, URL settings, hideable sections and exercises (read by :mod:`lib.lessons`)

The page's Streamlit views are :mod:`lib.ui.convolution`, its playground :mod:`lib.ui.convolution_playground` (its
pixel picker, a custom component: :mod:`lib.ui.pixel_picker`) and its kernel editor
:mod:`lib.ui.convolution_editor`. Importing this package loads NumPy only (``drawing``: Pillow).
"""

from lib.convolution.kernels import (
    DESCRIPTIONS,
    FILTER_NAMES,
    FILTERS,
    KERNELS,
    PADDINGS,
    PRESETS,
    SOBEL_MAGNITUDE,
    SOBEL_MAGNITUDE_ID,
    Step,
    brightness_note,
    check_kernel,
    check_padding,
    check_stride,
    convolve,
    filter_kernels,
    normalise,
    output_size,
    pad_width,
    products_at,
    sobel_magnitude,
)

__all__ = [
    "DESCRIPTIONS",
    "FILTER_NAMES",
    "FILTERS",
    "KERNELS",
    "PADDINGS",
    "PRESETS",
    "SOBEL_MAGNITUDE",
    "SOBEL_MAGNITUDE_ID",
    "Step",
    "brightness_note",
    "check_kernel",
    "check_padding",
    "check_stride",
    "convolve",
    "filter_kernels",
    "normalise",
    "output_size",
    "pad_width",
    "products_at",
    "sobel_magnitude",
]
