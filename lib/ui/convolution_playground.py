"""The /convolution page's playground (issue #17, after setosa's image kernels): choose a pixel, and beside it,
live, the picture with the kernel's window marked, the picture after the kernel with the new pixel marked, and
the neighbourhood × the kernel = the new pixel, with the sum written out.

The pictures and the live sum are the pixel picker (:mod:`lib.ui.pixel_picker`, a small custom component): moving
over the picture works the sum out in the browser at every pixel, and a click or tap chooses one. The "Pixel
row"/"Pixel column" sliders choose it too (arrow keys move one pixel; screen readers read them); both follow
the bound settings ``row`` and ``col`` of the lesson file, so the link carries the chosen pixel. Under the
picker, the chosen pixel's sum in words, worked out by the server.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lib.convolution import charts, drawing, kernels, picker
from lib.convolution import content as words
from lib.images import enlarge, png_bytes, to_grey
from lib.ui.pixel_picker import pixel_picker

CHANNELS = picker.CHANNELS
ROW, COL = "step_row", "step_col"  #: the sliders' keys: the chosen output pixel (1-based), shared with the steps
#: The bound settings (lesson.toml ``row`` and ``col``) the sliders and the picker's click write: the link's
#: values, 0 while the learner has not chosen (the middle of the picture).
PIXEL_SETTINGS = {ROW: "pixel_row", COL: "pixel_col"}


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


def start_in_the_middle() -> None:
    """Forget the chosen pixel, so a new picture starts at its middle (the course's example at row 2, column 2)."""
    for name in PIXEL_SETTINGS.values():
        st.session_state[name] = 0


def _follow(key: str) -> None:
    st.session_state[PIXEL_SETTINGS[key]] = st.session_state[key]


def choose_pixel(view, out_rows: int, out_cols: int, course: bool) -> tuple[int, int]:
    """Row and column sliders for the output pixel to work out, at the bound settings' values, or the middle of
    the picture while none is chosen (row 2, column 2 on the ``course``'s example, its worked pixel); return it
    (1-based). A chosen pixel past a smaller output's edge moves to the edge, and the page says so."""
    chosen = []
    for (key, name, across), high in zip(((ROW, "row", "rows"), (COL, "col", "columns")), (out_rows, out_cols)):
        wanted = int(view.value(name))
        if wanted > high:
            view.correct(name, high, f"the new picture has only {high} {across}")
            wanted = high
        value = wanted or min(2 if course else (high + 1) // 2, high)
        st.session_state[key] = value  # the slider shows the bound value (set before it is drawn)
        if high > 1 and view.shown(name):
            value = st.slider(view.lesson.setting(name).label_in(view.kids), 1, high, key=key,
                              help=view.help_for(name), disabled=view.locked(name), on_change=_follow, args=(key,))
        chosen.append(value)
    return chosen[0], chosen[1]


def channel_of(is_colour: bool, grey_first: bool) -> int | None:
    """The colour whose numbers the arithmetic shows (chosen in the step-through), or None for grey."""
    if not is_colour or grey_first:
        return None
    return CHANNELS.index(st.session_state.get("channel", "red"))


def show(view, pixels: np.ndarray, grey_first: bool, output: np.ndarray, weights: dict[str, np.ndarray],
         where: tuple[int, int], keys: tuple[tuple, tuple], settings: tuple[str, int, str],
         captions: tuple[str, str]) -> float:
    """Draw the playground's picker (the pictures, live sums under the pointer) at output pixel ``where``
    (1-based row, column), and the chosen pixel's sum in words under it; return that pixel's new number (the
    shown colour's, or grey). ``keys`` name the before and after pictures in the caches; ``settings`` are the
    padding, stride and range mode."""
    padding, stride, range_mode = settings
    row, col = where
    after = shown(keys[1] + (range_mode,), output, range_mode)
    channel = channel_of(pixels.ndim == 3, grey_first)
    values = to_grey(pixels) if grey_first else pixels if channel is None else pixels[..., channel]
    steps = {name: kernels.products_at(values, kernel, row - 1, col - 1, padding, stride)
             for name, kernel in weights.items()}
    first = next(iter(steps.values()))
    (f_rows, f_cols), (c_row, c_col) = first.patch.shape, first.centre
    totals = {name: step.total for name, step in steps.items()}
    result = float(np.hypot(*totals.values())) if len(steps) > 1 else first.total
    spec = picker.payload(pixels.shape[:2], pixels.ndim == 3, grey_first, channel, weights, padding, stride,
                          after.shape[:2], range_mode, (float(output.min()), float(output.max())), where)
    size, locked = f"{f_rows}×{f_cols}", view.locked("row") or view.locked("col")
    how = view.say(words.PICKER_HOW)
    spec.update(captions=list(captions), words=words.picker_words(view.kids), locked=locked,
                alt=[f"{captions[0]}, the kernel's {size} window marked around row {c_row + 1}, column {c_col + 1}. "
                     + (how.split(";")[0] + "." if locked else how),
                     f"{captions[1]}, the new pixel marked at row {row}, column {col}."])
    pixel_picker(spec, (keys[0], pixels), (keys[1] + (range_mode,), after), tuple(PIXEL_SETTINGS.values()))
    st.markdown(view.say(words.live_result(first.patch, weights, totals, result, (row, col),
                                           float(values[c_row, c_col]))))
    return result
