"""The /convolution page's playground (issue #17, after setosa's image kernels): choose a pixel, and beside it,
live, the picture with the kernel's window marked, the picture after the kernel with the new pixel marked, and
the neighbourhood × the kernel = the new pixel, with the sum written out.

Streamlit 1.67 cannot report where the pointer is over a picture without a custom component, so the pixel is
chosen with two sliders (arrow keys move it one pixel at a time); the marks on the pictures show where it is.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lib.convolution import charts, drawing, kernels
from lib.convolution import content as words
from lib.images import enlarge, png_bytes, to_grey

CHANNELS = ("red", "green", "blue")
WIDTH = 210  #: each of the before and after pictures at most: with the sum under them, all on the first screen
ROW, COL = "step_row", "step_col"  #: the chosen output pixel (1-based), shared with the step-through below


@st.cache_data(max_entries=16, show_spinner=False)
def shown(key: tuple, _values, mode: str = "image") -> np.ndarray:
    """The picture as the screen shows it (``uint8``): "image" as it is, or a range mode of the output."""
    if mode == "image":
        return np.asarray(_values, dtype=np.uint8)
    return charts.to_displayable(_values, mode)


def _marked(pixels, box: tuple[int, int, int, int]) -> np.ndarray:
    return drawing.framed(drawing.mark(enlarge(pixels), pixels.shape[:2], box))


@st.cache_data(max_entries=32, show_spinner=False)
def marked(key: tuple, _pixels, box: tuple[int, int, int, int]) -> bytes:
    """PNG bytes of ``_pixels`` (shown as they are), enlarged, ``box`` marked and framed; cached by ``key`` and box."""
    return png_bytes(_marked(_pixels, box))


@st.cache_data(max_entries=32, show_spinner=False)
def before_after(keys: tuple, _before, _after, boxes: tuple[tuple, tuple]) -> bytes:
    """PNG bytes of the picture and the output side by side (so they stay side by side on a phone), each
    enlarged, framed and with its box marked; cached by ``keys`` and the boxes."""
    return png_bytes(drawing.side_by_side(_marked(_before, boxes[0]), _marked(_after, boxes[1]), widest=2 * WIDTH + 16,
                                          smooth=min(_before.shape[:2]) > 100))


def _clamp(key: str, high: int, default: int) -> int:
    st.session_state[key] = int(min(max(st.session_state.get(key, default), 1), high))
    return st.session_state[key]


def start_in_the_middle() -> None:
    """Forget the chosen pixel, so a new picture starts at its middle (the course's example at row 2, column 2)."""
    for name in (ROW, COL):
        st.session_state.pop(name, None)


def choose_pixel(out_rows: int, out_cols: int, course: bool) -> tuple[int, int]:
    """Row and column sliders for the output pixel to work out, starting at the middle of the picture (at row 2,
    column 2 on the ``course``'s example, its worked pixel); return it (1-based)."""
    chosen = []
    for key, high, label, across in ((ROW, out_rows, "Pixel row (top to bottom)", "row"),
                                     (COL, out_cols, "Pixel column (left to right)", "column")):
        value = _clamp(key, high, 2 if course else (high + 1) // 2)
        if high > 1:
            value = st.slider(label, 1, high, key=key,
                              help=f"Which {across} of the new picture to work out; arrow keys move one pixel.")
        chosen.append(value)
    return chosen[0], chosen[1]


def channel_of(is_colour: bool, grey_first: bool) -> int | None:
    """The colour whose numbers the arithmetic shows (chosen in the step-through), or None for grey."""
    if not is_colour or grey_first:
        return None
    return CHANNELS.index(st.session_state.get("channel", "red"))


def show(view, pixels: np.ndarray, grey_first: bool, output: np.ndarray, weights: dict[str, np.ndarray],
         where: tuple[int, int], keys: tuple[tuple, tuple], settings: tuple[str, int, str],
         captions: tuple[str, str]) -> None:
    """Draw the playground's pictures and sum for output pixel ``where`` (1-based row, column). ``keys`` name
    the before and after pictures in the caches; ``settings`` are the padding, stride and range mode."""
    padding, stride, range_mode = settings
    row, col = where
    before = np.rint(to_grey(pixels)).astype(np.uint8) if grey_first else pixels
    after = shown(keys[1] + (range_mode,), output, range_mode)
    channel = channel_of(pixels.ndim == 3, grey_first)
    values = to_grey(pixels) if grey_first else pixels if channel is None else pixels[..., channel]
    steps = {name: kernels.products_at(values, kernel, row - 1, col - 1, padding, stride)
             for name, kernel in weights.items()}
    first = next(iter(steps.values()))
    (f_rows, f_cols), (c_row, c_col) = first.patch.shape, first.centre
    window = (c_row - f_rows // 2, c_col - f_cols // 2, c_row - f_rows // 2 + f_rows, c_col - f_cols // 2 + f_cols)
    st.image(before_after(keys + (range_mode,), before, after, (window, (row - 1, col - 1, row, col))),
             output_format="PNG", width="content", caption=f"{captions[0]} → {captions[1]}",
             alt=f"{captions[0]}, the kernel's window marked around row {c_row + 1}, column {c_col + 1}; beside it "
                 f"{captions[1]}, the new pixel marked at row {row}, column {col}")
    if channel is None:
        colours = drawing.as_rgb(np.clip(np.rint(first.patch), 0, 255))
    else:  # the real colours, each cell with this colour's number
        kernel = next(iter(weights.values()))
        colours = np.stack([kernels.products_at(pixels[..., c], kernel, row - 1, col - 1, padding, stride).patch
                            for c in range(3)], axis=-1)
        colours = np.clip(np.rint(colours), 0, 255).astype(np.uint8)
    new = drawing.as_rgb(after)[row - 1, col - 1]
    totals = {name: step.total for name, step in steps.items()}
    titles = ("Neighbourhood" if channel is None else f"Neighbourhood ({CHANNELS[channel]})", "Kernel",
              "New pixel" if len(steps) == 1 else "Sum")
    picture = drawing.arithmetic(colours, first.patch, weights, totals, new, ~first.inside, titles)
    result = float(np.hypot(*totals.values())) if len(steps) > 1 else first.total
    st.image(png_bytes(picture), output_format="PNG", alt=words.live_sum(first.patch, weights, totals, result),
             caption=None)
    st.markdown(view.say(words.live_result(first.patch, weights, totals, result, (row, col),
                                           float(values[c_row, c_col]))))
