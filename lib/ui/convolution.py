"""The /convolution page's views: its cached computations (pictures, filters, PNGs, the digit CNN's kernels),
the choice of picture and kernel, the zoomed-in numbers, the step-through of one output pixel and the learned
kernels. The custom-kernel editor is :mod:`lib.ui.convolution_editor`, the playground at the top of the page
:mod:`lib.ui.convolution_playground`.

The caches live in a module, not in the page, because Streamlit builds a cached function's wrapper each time
its ``@st.cache_*`` line runs: a module is imported once, so each wrapper is built once per process.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lib.convolution import SOBEL_MAGNITUDE_ID, charts, editor, kernels
from lib.convolution import content as words
from lib.convolution.charts import CELL_PX, kernel_grid, pixel_grid
from lib.convolution.sources import WORKING_SIDE, Picture, builtin, from_image_source
from lib.convolution.drawing import framed
from lib.images import ImageError, enlarge, png_bytes, to_grey
from lib.ui.convolution_editor import KERNEL_TEXT, custom_kernel, set_custom
from lib.ui.convolution_playground import CHANNELS, COL, PIXEL_SETTINGS, ROW, marked, start_in_the_middle
from lib.ui.mnist import shipped_network

CUSTOM = "custom"  #: the kernel setting's id for the editor's own kernel
OWN = ("upload", "camera")  #: the picture setting's ids for the learner's own picture
ZOOM = 9  # cells across in the zoomed-in views: readable on a phone
ZOOM_COLOUR = 6  # fewer for colour pictures, whose cells hold three numbers each
STRETCH_PX = 280  #: a grid wider than this fills its column, so on a phone it shrinks to the screen's width


def _grid(where, spec: dict, key: str, alt: str) -> None:
    """Draw a grid of numbers (:func:`lib.convolution.charts.pixel_grid` or ``kernel_grid``) in ``where``: at
    its own cell size, or as wide as its column when that would be too wide for a phone."""
    columns = len({cell["column"] for cell in spec["data"]["values"]})
    where.vega_lite_chart(spec, key=key, alt=alt, width="stretch" if columns * CELL_PX > STRETCH_PX else "content")


@st.cache_data(max_entries=16, show_spinner=False)
def load_picture(key: str, _source: bytes | None = None) -> Picture:
    """A shipped picture by id (:func:`lib.convolution.sources.builtin`), or the learner's own from its bytes
    ``_source`` (not hashed: ``key`` names it)."""
    return builtin(key) if _source is None else from_image_source(_source)


@st.cache_data(max_entries=32, show_spinner=False)
def apply_filter(key: str, grey_first: bool, name: str, kernel: tuple, padding: str, stride: int, _pixels):
    """The float output of filter ``name`` (an id) on picture ``key``; Sobel magnitude is two kernels combined,
    everything else the one ``kernel``."""
    pixels = to_grey(_pixels) if grey_first else _pixels
    if name == SOBEL_MAGNITUDE_ID:
        return kernels.sobel_magnitude(pixels, padding, stride)
    return kernels.convolve(pixels, np.array(kernel), padding, stride)


@st.cache_data(max_entries=64, show_spinner=False)
def as_png(key: tuple, _values, mode: str = "image") -> bytes:
    """PNG bytes of an array in a grey frame, cached by ``key``: "image" (uint8 as is), a range mode, or
    "signed"."""
    if mode == "image":
        pixels = np.asarray(_values, dtype=np.uint8)
    elif mode == "signed":
        pixels = charts.signed_rgb(to_grey(_values))
    else:
        pixels = charts.to_displayable(_values, mode)
    return png_bytes(framed(enlarge(pixels)))


@st.cache_resource(show_spinner=False)
def learned_kernels() -> np.ndarray:
    """The first-layer kernels of the digits page's CNN (16 × 5 × 5), read from its NumPy weights (no TensorFlow)."""
    from lib import mnist

    return np.asarray(mnist.first_layer_kernels(shipped_network(False)), dtype=float)


def _clamp(key: str, high: int, default: int = 2) -> None:
    """Keep a 1-based position widget inside 1..high when the picture or settings change under it."""
    st.session_state[key] = int(min(max(st.session_state.get(key, default), 1), high))


PICTURE_PANEL = "picture_panel"  #: session key of the panel of pictures (True while open)


def _picture_chosen() -> None:
    """A new picture starts at its middle pixel, and its panel closes so the picture shows."""
    start_in_the_middle()
    st.session_state[PICTURE_PANEL] = False


def choose_picture(view) -> tuple[np.ndarray, str]:
    """Draw the picture's controls (and the uploader or camera when chosen) and return its pixels with the key
    that names them in the caches. Until the learner's own picture arrives, say so and use the test pattern.
    The pictures wait in a panel that its button (named by the picture shown) opens: as a drop-down, its code
    would cost each open of the page about 120 ms."""
    setting = view.lesson.setting("picture")
    options = setting.options if view.shown("uploads") else [o for o in setting.options if o not in OWN]
    if view.value("picture") not in options:  # a link hid uploads while one was chosen
        st.session_state[setting.key] = setting.default
    with st.popover(f"{setting.label_in(view.kids)}: {view.label('picture')}", icon=":material/image:",
                    width="stretch", key=PICTURE_PANEL, on_change="rerun", help=view.help_for("picture")):
        source = view.pills("picture", options=options, required=True, wrap=True, on_change=_picture_chosen,
                            label_visibility="collapsed")  # the panel's button names it
    picture, key = None, source
    if source in OWN:
        widget = (st.file_uploader("Choose a picture (PNG, JPEG, GIF, BMP or WebP, up to 10 MB)", key="upload",
                                   help="Your picture stays on this computer's server and is not saved.")
                  if source == "upload" else
                  st.camera_input("Take a photo", key="camera", help="Uses your device's camera; nothing is saved."))
        if widget is not None:
            key = f"{source}:{widget.file_id}"
            try:
                picture = load_picture(key, widget.getvalue())
            except ImageError as error:
                st.error(str(error))
        if picture is None:
            st.info("Until you choose a picture, the page uses the test pattern.")
            key = "pattern"
    if picture is None:
        picture = load_picture(key)
    if picture.notice:
        st.warning(picture.notice + f" (The page works on pictures up to {WORKING_SIDE} pixels across.)")
    return picture.pixels, key


@st.fragment
def zoom_in(pixels: np.ndarray, key: str) -> None:
    """A window on picture ``key`` with its numbers written in (:data:`ZOOM` cells across, fewer for colour), and
    beside it the picture with the window marked; row and column sliders move it when the picture is bigger. A
    fragment: moving the window reruns only this part."""
    height, width = pixels.shape[:2]
    side = ZOOM_COLOUR if pixels.ndim == 3 else ZOOM
    top = left = 0
    where, grid = st.columns([2, 3]) if max(height, width) > side else (None, st.container())
    if height > side:
        _clamp("zoom_row", height, default=height // 2)
        row = where.slider("Zoom window row", 1, height, key="zoom_row", help="Which row of pixels to zoom in on.")
        top = int(np.clip(row - 1 - side // 2, 0, height - side))
    if width > side:
        _clamp("zoom_col", width, default=width // 2)
        col = where.slider("Zoom window column", 1, width, key="zoom_col", help="Which column of pixels to zoom in on.")
        left = int(np.clip(col - 1 - side // 2, 0, width - side))
    patch = pixels[top : top + side, left : left + side]
    if where is not None:
        where.image(marked((key, "zoom"), pixels, (top, left, top + side, left + side)), output_format="PNG",
                    caption="The zoom window, marked", alt="The picture with the zoom window marked")
    rows, cols = f"rows {top + 1}–{top + patch.shape[0]}", f"columns {left + 1}–{left + patch.shape[1]}"
    _grid(grid, pixel_grid(patch, f"Pixels in {rows}, {cols}", top + 1, left + 1), "zoom_chart",
          f"The numbers of the pixels in {rows}, {cols}, each cell in its own "
          f"{'colour' if pixels.ndim == 3 else 'grey'}")
    if pixels.ndim == 3:
        grid.caption("Each cell lists its red, green and blue numbers, top to bottom.")


def _preset_changed() -> None:
    """A preset keeps the custom kernel out of the link (the editor still remembers it)."""
    if st.session_state["preset"] != CUSTOM:
        st.session_state[KERNEL_TEXT] = ""


def choose_kernel(view) -> tuple[str, dict[str, np.ndarray]]:
    """Draw the kernel's choice (the editor for a custom one, else a line on what it does); return the filter's
    id and its kernels by name (two for Sobel magnitude, one otherwise). Every kernel is a pill on the page,
    one tap from the picture it changes."""
    preset = view.pills("preset", required=True, wrap=True, on_change=_preset_changed)
    if preset == CUSTOM:
        return preset, {"Your kernel": custom_kernel(editable=view.shown("kernel"), locked=view.locked("kernel"))}
    name = kernels.FILTER_NAMES[preset]
    if not view.kids:  # kids find out by trying
        st.caption(f"**{name}:** {kernels.DESCRIPTIONS[name]}")
    return preset, kernels.filter_kernels(preset)


def kernel_numbers(shown: dict[str, np.ndarray]) -> None:
    """The kernel's numbers as a grid, and what their sum does to the brightness."""
    columns = st.columns(2)
    for index, (name, values) in enumerate(shown.items()):
        with columns[index % 2]:
            _grid(st, kernel_grid(values, f"{name}: the kernel's numbers"), f"kernel_chart_{name}",
                  f"{name}: the kernel's numbers, negative in blue, positive in vermillion")
            total = float(values.sum())
            st.markdown(f"Sum of the numbers: **{editor.format_cell(round(total, 9))}**. "
                        f"{kernels.brightness_note(total)}")


def _move(delta: int, out_rows: int, out_cols: int) -> None:
    """Next/previous output pixel, reading order (left to right, then the next row)."""
    index = (st.session_state[ROW] - 1) * out_cols + st.session_state[COL] - 1 + delta
    index %= out_rows * out_cols
    st.session_state[ROW], st.session_state[COL] = index // out_cols + 1, index % out_cols + 1
    for key in (ROW, COL):  # the chosen pixel is the bound settings' (the link's); the sliders follow them
        st.session_state[PIXEL_SETTINGS[key]] = st.session_state[key]


def step_through(pixels: np.ndarray, grey_first: bool, output: np.ndarray, shown: dict[str, np.ndarray],
                 padding: str, stride: int, where: tuple[int, int], brief: bool = False) -> None:
    """Work out output pixel ``where`` (row, column; the playground's sliders choose it) in front of the learner:
    the patch under the kernel, the products, the sum (both Sobel sums and their combination for Sobel magnitude),
    and where the result lands in ``output``; buttons move the kernel on. ``brief`` (kid mode) leaves out the
    grids and says only the sum and the result."""
    out_rows, out_cols = output.shape[:2]
    f_rows, f_cols = next(iter(shown.values())).shape
    step_pixels, step_output, channel_name = to_grey(pixels) if grey_first else pixels, output, "grey"
    if not grey_first:
        channel_name = st.selectbox("Colour to show the arithmetic for", CHANNELS, key="channel",
                                    help="The same sum happens for all three colours; pick one to see its numbers.")
        channel = CHANNELS.index(channel_name)
        step_pixels, step_output = pixels[..., channel], output[..., channel]
    row, col = where
    buttons = st.columns(2)
    buttons[0].button("◀ Previous pixel", key="step_previous", on_click=_move, args=(-1, out_rows, out_cols),
                      width="stretch", help="Move the kernel one step back.")
    buttons[1].button("Next pixel ▶", key="step_next", on_click=_move, args=(1, out_rows, out_cols), width="stretch",
                      help="Slide the kernel one step along, as the computer does for every pixel.")
    steps = {name: kernels.products_at(step_pixels, values, row - 1, col - 1, padding, stride)
             for name, values in shown.items()}
    first = next(iter(steps.values()))
    c_row, c_col = first.centre
    if not brief:
        st.markdown(f"The kernel's centre sits on the {channel_name} pixel at row {c_row + 1}, column {c_col + 1}, "
                    f"whose value is **{step_pixels[c_row, c_col]:.4g}**. "
                    + ("Orange squares mark padding: pixels that are not really there." if not first.inside.all()
                       else ""))
        figure_cols = st.columns(2)
        _grid(figure_cols[0], pixel_grid(first.patch, "The patch under the kernel", c_row + 1 - f_rows // 2,
                                         c_col + 1 - f_cols // 2, padding_mask=~first.inside), "step_patch",
              "The pixels under the kernel with their numbers, padding marked with orange squares")
        for index, (name, step) in enumerate(steps.items()):
            _grid(figure_cols[(index + 1) % 2],
                  kernel_grid(step.products, f"Pixel × kernel ({name})" if len(steps) > 1 else "Pixel × kernel",
                              c_row + 1 - f_rows // 2, c_col + 1 - f_cols // 2), f"step_products_{index}",
                  "Each pixel times the kernel number on top of it, negative in blue, positive in vermillion")
    for name, step in steps.items():
        st.markdown(words.products_sum(name if len(steps) > 1 else "Sum", step.patch, shown[name], step.total))
    result = float(np.hypot(*(s.total for s in steps.values()))) if len(steps) > 1 else first.total
    if len(steps) > 1:  # Sobel magnitude: the two sums combined
        st.markdown(f"Edge strength: √(horizontal² + vertical²) = **{result:.4g}**")
    st.success(f"Result: **{result:.4g}** goes into the output at row {row}, column {col}.")
    if brief:
        return
    o_top = int(np.clip(row - 1 - ZOOM // 2, 0, max(0, out_rows - ZOOM)))
    o_left = int(np.clip(col - 1 - ZOOM // 2, 0, max(0, out_cols - ZOOM)))
    _grid(st.columns([3, 2])[0], pixel_grid(step_output[o_top : o_top + ZOOM, o_left : o_left + ZOOM],
                                            "Where it lands: the output (this pixel outlined)", o_top + 1, o_left + 1,
                                            highlight=(row - 1 - o_top, col - 1 - o_left)), "step_output",
          f"The output's numbers around row {row}, column {col}, where the result lands, outlined in vermillion")


def _use_learned(number: int) -> None:
    set_custom(editor.cells_from_kernel(st.session_state["learned"][number - 1]))
    st.session_state["preset"] = CUSTOM


def show_learned(pixels: np.ndarray, key: str) -> None:
    """The digit CNN's 16 learned kernels, one of them applied to picture ``key``, and a button that copies it
    into the editor; a note instead while the digits page's model is not trained."""
    try:
        learned = learned_kernels()
    except (ImportError, AttributeError, OSError, ValueError):
        st.info(words.LEARNED_MISSING, icon=":material/hourglass_empty:")
        return
    st.session_state["learned"] = learned
    st.image(as_png(("learned",), charts.kernel_mosaic(learned), "image"), output_format="PNG",
             alt="The 16 kernels the digit network learned, as small squares",
             caption=words.learned_caption(len(learned)))
    number = st.selectbox("Learned kernel to apply", range(1, len(learned) + 1), key="cnn_kernel",
                          help="The 16 kernels above are numbered 1 to 16 from left to right, top row first.")
    chosen = learned[number - 1]
    learned_cols = st.columns(2)
    _grid(learned_cols[0], kernel_grid(chosen, f"Learned kernel {number}"), "cnn_kernel_chart",
          f"The numbers of learned kernel {number}, negative in blue, positive in vermillion")
    grey = to_grey(pixels) / 255.0  # the CNN saw pixels as 0…1
    feature = apply_filter(key, True, f"learned {number}", tuple(map(tuple, chosen.tolist())), "zero", 1,
                           _pixels=grey)
    learned_cols[1].image(as_png((key, "learned", number), feature, "signed"), output_format="PNG",
                          alt=f"Your picture through learned kernel {number}",
                          caption=f"Learned kernel {number} applied to your picture (signed view)")
    st.button("Put this kernel in the custom editor above", key="cnn_use", on_click=_use_learned,
              args=(number,), help="Copies its numbers into section 2 so you can step through them.")
