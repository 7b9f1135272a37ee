"""Topic page /convolution: a picture is a grid of numbers; slide a small kernel over it.

Sections follow the course's "Introduction to image analysis": the image as numbers, the kernel, edges
(padding) and stride, the multiply-and-add at one pixel, before and after, then the kernels a CNN learned
by itself. The arithmetic lives in lib.convolution; this script is layout, widgets and caching.
"""

import numpy as np
import streamlit as st

from lib import ui
from lib.convolution import charts, editor, kernels
from lib.convolution.charts import kernel_grid, pixel_grid
from lib.convolution.handout import handout
from lib.convolution.sources import BUNDLED, COURSE_EXAMPLE, WORKING_SIDE, Picture, from_image_source, test_pattern
from lib.images import ImageError, enlarge, png_bytes, to_grey
from lib.ui.convolution import KERNEL_TEXT, custom_kernel, set_custom
from lib.ui.mnist import shipped_network

view = ui.page_setup("convolution")

COURSE, PATTERN, UPLOAD, CAMERA, CUSTOM = ("The course's 5×5 example", "Test pattern",
                                           "Upload your own picture", "Take a photo", "Custom (edit the numbers)")
PADDING_LABELS = {"zero": "Zero padding: a frame of 0s", "edge": "Repeat the edge pixels",
                  "valid": "No padding (“valid”): the output shrinks"}
RANGE_LABELS = {"clip": "Clip: below 0 → 0, above 255 → 255", "absolute": "Absolute value, then clip",
                "rescale": "Rescale lowest…highest to 0…255"}
ZOOM = 9  # cells across in the zoomed-in view: readable on a phone


@st.cache_data(max_entries=16, show_spinner=False)
def load_picture(key: str, _source=None):
    """A uint8 array (and shrink notice) for ``key``; ``_source`` (bytes or path) is not hashed, ``key`` names it."""
    if key == COURSE:
        return Picture(COURSE_EXAMPLE)
    if key == PATTERN:
        return Picture(test_pattern())
    return from_image_source(_source if _source is not None else BUNDLED[key])


@st.cache_data(max_entries=32, show_spinner=False)
def apply_filter(key: str, grey_first: bool, name: str, kernel: tuple, padding: str, stride: int, _pixels):
    """The float output; Sobel magnitude is two kernels combined, everything else one kernel."""
    pixels = to_grey(_pixels) if grey_first else _pixels
    if name == kernels.SOBEL_MAGNITUDE:
        return kernels.sobel_magnitude(pixels, padding, stride)
    return kernels.convolve(pixels, np.array(kernel), padding, stride)


@st.cache_data(max_entries=64, show_spinner=False)
def as_png(key: tuple, _values, mode: str = "image") -> bytes:
    """PNG bytes of an array, cached by ``key``: "image" (uint8 as is), a range mode, or "signed"."""
    if mode == "image":
        pixels = np.asarray(_values, dtype=np.uint8)
    elif mode == "signed":
        pixels = charts.signed_rgb(to_grey(_values))
    else:
        pixels = charts.to_displayable(_values, mode)
    return png_bytes(enlarge(pixels))


def number(value: float) -> str:
    """A number for an equation: 4 significant digits, a real minus sign, negatives in brackets."""
    text = f"{float(value) + 0.0:.4g}"
    return f"(−{text[1:]})" if text.startswith("-") else text


def clamp_state(key: str, high: int, default: int = 2) -> None:
    """Keep a 1-based position widget inside 1..high when the picture or settings change under it."""
    st.session_state[key] = int(min(max(st.session_state.get(key, default), 1), high))


# ---------------------------------------------------------------------------------------------------------
st.header("1. A picture is a grid of numbers", anchor=False, help=ui.define("pixel"))
st.markdown(view.say("A computer stores a grey picture as one number per pixel (dot): **0 is black, 255 is white**. "
                     "A colour picture has three numbers per pixel: how much red, green and blue.",
                     "To a computer, a picture is lots of tiny dots, each one a number: **0 is black, 255 is "
                     "white**. Pick a picture and zoom in to see its numbers."))
choices = [COURSE, PATTERN, *BUNDLED, *((UPLOAD, CAMERA) if view.shown("uploads") else ())]
if st.session_state["source"] not in choices:  # a link hid uploads while one was chosen
    st.session_state["source"] = COURSE
source = (st.selectbox("Picture", choices, key="source", disabled=view.locked("picture"),
                       help="The course's example is a 5×5 corner of a photo; the others are whole pictures.")
          if view.shown("picture") else view.value("picture"))
picture, source_key = None, source
if source in (UPLOAD, CAMERA):
    widget = (st.file_uploader("Choose a picture (PNG, JPEG, GIF, BMP or WebP, up to 10 MB)", key="upload",
                               help="Your picture stays on this computer's server and is not saved.")
              if source == UPLOAD else
              st.camera_input("Take a photo", key="camera", help="Uses your device's camera; nothing is saved."))
    if widget is not None:
        source_key = f"{source}:{widget.file_id}"
        try:
            picture = load_picture(source_key, widget.getvalue())
        except ImageError as error:
            st.error(str(error))
    if picture is None:
        st.info("Until you choose a picture, the page uses the test pattern.")
        source_key = PATTERN
if picture is None:
    picture = load_picture(source_key)
if picture.notice:
    st.warning(picture.notice + f" (The page works on pictures up to {WORKING_SIDE} pixels across.)")
pixels = picture.pixels
height, width = pixels.shape[:2]
is_colour = pixels.ndim == 3
st.image(as_png((source_key,), pixels), output_format="PNG", alt=f"The picture: {source}", caption=f"{source}: {width} × {height} pixels, "
         f"{'colour (3 numbers per pixel)' if is_colour else 'grey (1 number per pixel)'}")

top = left = 0
if view.shown("zoom"):
    st.subheader("Zoom in and read the numbers", anchor=False)
if view.shown("zoom") and max(height, width) > ZOOM:
    zoom_cols = st.columns(2)
    if height > ZOOM:
        clamp_state("zoom_row", height, default=height // 2)
        zoom_row = zoom_cols[0].slider("Row (top to bottom)", 1, height, key="zoom_row",
                                       help="Which row of pixels to zoom in on.")
        top = int(np.clip(zoom_row - 1 - ZOOM // 2, 0, height - ZOOM))
    if width > ZOOM:
        clamp_state("zoom_col", width, default=width // 2)
        zoom_col = zoom_cols[1].slider("Column (left to right)", 1, width, key="zoom_col",
                                       help="Which column of pixels to zoom in on.")
        left = int(np.clip(zoom_col - 1 - ZOOM // 2, 0, width - ZOOM))
patch = pixels[top : top + ZOOM, left : left + ZOOM]
if view.shown("zoom"):
    st.plotly_chart(pixel_grid(patch, f"Pixels in rows {top + 1}–{top + patch.shape[0]}, "
                               f"columns {left + 1}–{left + patch.shape[1]}", top + 1, left + 1),
                    key="zoom_chart", config={"displayModeBar": False})
    if is_colour:
        st.caption("Each cell lists its red, green and blue numbers, top to bottom.")

# ---------------------------------------------------------------------------------------------------------
st.header("2. Choose a kernel", anchor=False, help=ui.define("kernel"))
st.markdown(view.say("A **kernel** is a small grid of numbers. Put it on top of the picture, multiply the numbers "
                     "that lie on top of each other, and add them up: that sum is the new pixel. Different "
                     "numbers, different effects.",
                     "A **kernel** is a tiny grid of numbers, like a stamp. Press it on the picture, multiply "
                     "and add up the numbers under it, and you get one new dot. Try a few!"))


def _preset_changed() -> None:
    """A preset keeps the custom kernel out of the link (the editor still remembers it)."""
    if st.session_state["preset"] != CUSTOM:
        st.session_state[KERNEL_TEXT] = ""


preset = (st.selectbox("Kernel", [*kernels.FILTERS, CUSTOM], key="preset", on_change=_preset_changed,
                       disabled=view.locked("preset"),
                       help="Presets are classic kernels from image processing; Custom lets you type your own.")
          if view.shown("preset") else view.value("preset"))
if preset == CUSTOM:
    shown_kernels = {"Your kernel": custom_kernel(editable=view.shown("kernel"), locked=view.locked("kernel"))}
elif preset == kernels.SOBEL_MAGNITUDE:
    shown_kernels = {name: kernels.PRESETS[name] for name in ("Sobel horizontal", "Sobel vertical")}
else:
    shown_kernels = {preset: kernels.PRESETS[preset]}
if preset in kernels.DESCRIPTIONS:
    st.markdown(f"**{preset}:** {kernels.DESCRIPTIONS[preset]}")
kernel = next(iter(shown_kernels.values()))
for name, values in shown_kernels.items():
    st.plotly_chart(kernel_grid(values, f"{name}: the kernel's numbers"), key=f"kernel_chart_{name}",
                    config={"displayModeBar": False})
    total = float(values.sum())
    st.markdown(f"Sum of the numbers: **{editor.format_cell(round(total, 9))}**. {kernels.brightness_note(total)}")

# ---------------------------------------------------------------------------------------------------------
st.header("3. Edges and steps: padding and stride", anchor=False, help=ui.define("padding"))
st.markdown(view.say("At the picture's border the kernel hangs over the edge, where there are no pixels. "
                     "We can pretend there are (**padding**) or only use places where it fits. The **stride** is "
                     "how far the kernel moves each step: 2 skips every other pixel and halves the size.",
                     "At the edge, the stamp hangs off the picture. We can pretend there are extra dots there "
                     "(**padding**). The **stride** is how far the stamp jumps each time."))
padding = (st.radio("Padding (what is outside the picture)", kernels.PADDINGS, key="padding",
                    format_func=PADDING_LABELS.get, disabled=view.locked("padding"),
                    help="The course's two choices are zeros or repeating the edge.")
           if view.shown("padding") else view.value("padding"))
stride = (st.radio("Stride (how many pixels the kernel moves each step)", (1, 2), key="stride", horizontal=True,
                   disabled=view.locked("stride"),
                   help=f"Stride 2 is how CNNs make pictures smaller. {ui.define('stride')}")
          if view.shown("stride") else view.value("stride"))
f_rows, f_cols = kernel.shape
pad = kernels.pad_width(f_rows, padding)
out_rows = kernels.output_size(height, f_rows, padding, stride)
out_cols = kernels.output_size(width, f_cols, padding, stride)
if view.kids:
    st.markdown(f"The new picture is **{out_cols} × {out_rows}** dots (the old one: {width} × {height}).")
else:
    st.markdown(
        "Output size = (W − F + 2P) / S + 1, with W the picture's width, F the kernel's width, P the padding "
        f"and S the stride (rounded down):\n\n- width: ({width} − {f_cols} + 2×{pad}) / {stride} + 1 = "
        f"**{out_cols}**\n- height: ({height} − {f_rows} + 2×{pad}) / {stride} + 1 = **{out_rows}**")
if out_rows == 0 or out_cols == 0:
    st.error("The kernel is bigger than the picture, so without padding it fits nowhere. Choose zero or "
             "edge padding, or a bigger picture.")
    st.stop()

# ---------------------------------------------------------------------------------------------------------
def _move(delta: int) -> None:
    """Next/previous output pixel, reading order (left to right, then the next row)."""
    index = (st.session_state["step_row"] - 1) * out_cols + st.session_state["step_col"] - 1 + delta
    index %= out_rows * out_cols
    st.session_state["step_row"], st.session_state["step_col"] = index // out_cols + 1, index % out_cols + 1


arithmetic = view.shown("arithmetic")
if arithmetic:
    st.header("4. Step through the arithmetic", anchor=False)
grey_first = not is_colour
if is_colour:
    colour_mode = (st.radio("Colour pictures", ("per channel", "grey first"), key="colour", horizontal=True,
                            format_func={"per channel": "Each colour on its own",
                                         "grey first": "Convert to grey first"}.get,
                            disabled=view.locked("colour"),
                            help="Each colour on its own: the kernel runs three times, on the red, green and "
                                 "blue numbers. Grey first: one number per pixel, one run.")
                   if arithmetic and view.shown("colour") else view.value("colour"))
    grey_first = colour_mode == "grey first"
kernel_key = tuple(map(tuple, kernel.tolist()))
output = apply_filter(source_key, grey_first, preset, kernel_key, padding, stride, _pixels=pixels)
if arithmetic:
    step_pixels, step_output, channel_name = to_grey(pixels) if grey_first else pixels, output, "grey"
    if not grey_first:
        channel_name = st.selectbox("Colour to show the arithmetic for", ("red", "green", "blue"), key="channel",
                                    help="The same sum happens for all three colours; pick one to see its numbers.")
        channel = ("red", "green", "blue").index(channel_name)
        step_pixels, step_output = pixels[..., channel], output[..., channel]
    clamp_state("step_row", out_rows)
    clamp_state("step_col", out_cols)
    step_cols = st.columns(2)
    row = step_cols[0].number_input("Output row", 1, out_rows, key="step_row", help="Which output pixel to work out.")
    col = step_cols[1].number_input("Output column", 1, out_cols, key="step_col", help="Which output pixel to work out.")
    buttons = st.columns(2)
    buttons[0].button("◀ Previous pixel", key="step_previous", on_click=_move, args=(-1,), width="stretch",
                      help="Move the kernel one step back.")
    buttons[1].button("Next pixel ▶", key="step_next", on_click=_move, args=(1,), width="stretch",
                      help="Slide the kernel one step along, as the computer does for every pixel.")
    steps = {name: kernels.products_at(step_pixels, values, row - 1, col - 1, padding, stride)
             for name, values in shown_kernels.items()}
    first = next(iter(steps.values()))
    c_row, c_col = first.centre
    st.markdown(f"The kernel's centre sits on the {channel_name} pixel at row {c_row + 1}, column {c_col + 1}, "
                f"whose value is **{step_pixels[c_row, c_col]:.4g}**. "
                + ("Orange squares mark padding: pixels that are not really there." if not first.inside.all() else ""))
    figure_cols = st.columns(2)
    figure_cols[0].plotly_chart(
        pixel_grid(first.patch, "The patch under the kernel", c_row + 1 - f_rows // 2, c_col + 1 - f_cols // 2,
                   padding_mask=~first.inside), key="step_patch", config={"displayModeBar": False})
    for index, (name, step) in enumerate(steps.items()):
        figure_cols[(index + 1) % 2].plotly_chart(
            kernel_grid(step.products, f"Pixel × kernel ({name})" if len(steps) > 1 else "Pixel × kernel",
                        c_row + 1 - f_rows // 2, c_col + 1 - f_cols // 2), key=f"step_products_{index}",
            config={"displayModeBar": False})
    for name, step in steps.items():
        terms = " + ".join(f"{number(p)}×{number(k)}" for p, k in zip(step.patch.ravel(), shown_kernels[name].ravel()))
        st.markdown(f"{name if len(steps) > 1 else 'Sum'}: {terms} = **{step.total:.4g}**")
    result = (float(np.hypot(*(s.total for s in steps.values()))) if preset == kernels.SOBEL_MAGNITUDE
              else first.total)
    if preset == kernels.SOBEL_MAGNITUDE:
        st.markdown(f"Edge strength: √(horizontal² + vertical²) = **{result:.4g}**")
    st.success(f"Result: **{result:.4g}** goes into the output at row {row}, column {col}.")
    o_top = int(np.clip(row - 1 - ZOOM // 2, 0, max(0, out_rows - ZOOM)))
    o_left = int(np.clip(col - 1 - ZOOM // 2, 0, max(0, out_cols - ZOOM)))
    st.plotly_chart(pixel_grid(step_output[o_top : o_top + ZOOM, o_left : o_left + ZOOM],
                               "Where it lands: the output (this pixel outlined)", o_top + 1, o_left + 1,
                               highlight=(row - 1 - o_top, col - 1 - o_left)),
                    key="step_output", config={"displayModeBar": False})

# ---------------------------------------------------------------------------------------------------------
st.header("5. Before and after", anchor=False, help=ui.define("convolution"))
below, above = charts.out_of_range_share(output)
range_mode = (st.radio("Numbers below 0 or above 255", charts.RANGE_MODES, key="range",
                       format_func=RANGE_LABELS.get, disabled=view.locked("range"),
                       help="A screen can only show 0 (black) to 255 (white); choose what happens to the rest.")
              if view.shown("range") else view.value("range"))
if not view.kids:
    st.caption(f"In this output {below:.0%} of the numbers are below 0 and {above:.0%} above 255 "
               f"(lowest {output.min():.4g}, highest {output.max():.4g}).")
before_png = as_png((source_key, grey_first), np.rint(to_grey(pixels)).astype(np.uint8)
                    if grey_first else pixels)
output_key = (source_key, grey_first, preset, kernel_key, padding, stride)
after_cols = st.columns(2)
after_cols[0].image(before_png, output_format="PNG", alt="The picture before the kernel", caption=f"Before ({width} × {height})")
after_png = as_png(output_key + (range_mode,), output, range_mode)
after_cols[1].image(after_png, output_format="PNG", alt=f"The picture after the {preset} kernel", caption=f"After: {preset}, {range_mode} ({out_cols} × {out_rows})")
signed = (st.toggle("Show the signs: negative in blue, positive in orange-red", key="signed",
                    disabled=view.locked("signed"), help="Keeps the sign that clipping throws away: white is 0.")
          if view.shown("signed") else view.value("signed"))
signed_png = as_png(output_key + ("signed",), output, "signed") if signed else None
if signed:
    st.image(signed_png, output_format="PNG", alt="The output with its signs: negative blue, positive vermillion",
             caption=f"Signed output: blue −{charts.signed_limit(to_grey(output)):.4g} … white 0 … "
                     f"vermillion +{charts.signed_limit(to_grey(output)):.4g}"
                     + (" (colours combined to grey)" if output.ndim == 3 else ""))

# ---------------------------------------------------------------------------------------------------------
cnn = view.shown("cnn", advanced=True)
if cnn:
    st.header("6. From kernels to CNNs", anchor=False, help=ui.define("convolutional neural network"))
    st.markdown("The kernels above were designed by people. A **convolutional neural network (CNN)** treats each "
                "number in its kernels as a weight and learns them from examples, exactly as it learns every "
                "other weight: by nudging them to make fewer mistakes. So it ends up with the kernels that help "
                "its own task most, including ones nobody would have thought to design.")


@st.cache_resource(show_spinner=False)
def learned_kernels() -> np.ndarray:
    """The first-layer kernels of the digits page's CNN (16 × 5 × 5), read from its NumPy weights (no TensorFlow)."""
    from lib import mnist

    return np.asarray(mnist.first_layer_kernels(shipped_network(False)), dtype=float)


def _use_learned(number: int) -> None:
    set_custom(editor.cells_from_kernel(st.session_state["learned"][number - 1]))
    st.session_state["preset"] = CUSTOM


if cnn and st.toggle("Show the 16 kernels the digits CNN learned", key="cnn_show",
             help="Shows the first-layer kernels of the network on the digits page, learned from 60,000 digits."):
    learned = None
    try:
        learned = learned_kernels()
    except (ImportError, AttributeError, OSError, ValueError):
        st.info("The learned kernels are not available yet: the digits page's model has not been trained and "
                "saved. Once it is, they appear here.", icon=":material/hourglass_empty:")
    if learned is not None:
        st.session_state["learned"] = learned
        st.image(as_png(("learned",), charts.kernel_mosaic(learned), "image"), output_format="PNG",
                 alt="The 16 kernels the digit network learned, as small squares", caption=f"The {len(learned)} 5×5 kernels of the digit CNN's first layer, blue negative, white 0, "
                         "vermillion positive. Many look like edge detectors for different directions.")
        number = st.selectbox("Learned kernel to apply", range(1, len(learned) + 1), key="cnn_kernel",
                              help="The 16 kernels above are numbered 1 to 16 from left to right, top row first.")
        chosen = learned[number - 1]
        learned_cols = st.columns(2)
        learned_cols[0].plotly_chart(kernel_grid(chosen, f"Learned kernel {number}"), key="cnn_kernel_chart",
                                     config={"displayModeBar": False})
        grey = to_grey(pixels) / 255.0  # the CNN saw pixels as 0…1
        feature = apply_filter(source_key, True, f"learned {number}", tuple(map(tuple, chosen.tolist())),
                               "zero", 1, _pixels=grey)
        learned_cols[1].image(as_png((source_key, "learned", number), feature, "signed"), output_format="PNG",
                              alt=f"Your picture through learned kernel {number}", caption=f"Learned kernel {number} applied to your picture (signed view)")
        st.button("Put this kernel in the custom editor above", key="cnn_use", on_click=_use_learned,
                  args=(number,), help="Copies its numbers into section 2 so you can step through them.")

# ---------------------------------------------------------------------------------------------------------
if not view.kids:
    st.info("A note for the curious: mathematicians' *convolution* flips the kernel upside down and left to right "
            "before sliding it. CNN libraries such as Keras and PyTorch, and the course, do not flip it; strictly "
            "that is called *cross-correlation*. For symmetric kernels (sharpen, blurs, outline) it makes no "
            "difference; for Sobel and emboss, flipping swaps the sign.", icon=":material/info:")
captured = dict(picture=source, preset=preset, kernels=shown_kernels, padding=padding, stride=stride, range_mode=range_mode,
                before=before_png, after=after_png, signed=signed_png, before_size=(width, height),
                after_size=(out_cols, out_rows))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
