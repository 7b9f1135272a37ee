"""Topic page /convolution: a picture is a grid of numbers; slide a small kernel over it (issues #16, #17).

The playground comes first, after setosa's image kernels: the picture, the kernel and the pixel beside the
picture and the picture after it; moving over either shows, live in the browser, the kernel's window there and
the neighbourhood × the kernel = the new pixel, and a click or tap chooses the pixel (lib.ui.pixel_picker).
Then short steps, each closed under its question until a learner opens it (lib.ui.unfolded: a step costs
nothing until then), following the course's "Introduction to image analysis": the
numbers, the multiply-and-add at one pixel (its worked example: 89, then 111), edges (padding) and stride, numbers
a screen cannot show, then the kernels a CNN learned by itself. The arithmetic lives in lib.convolution, the words
in lib.convolution.content, the settings in lib/convolution/lesson.toml, the views in lib.ui.convolution*.
"""

import numpy as np
import streamlit as st

from lib import ui
from lib.convolution import charts, kernels
from lib.convolution import content as words
from lib.convolution.handout import handout
from lib.images import to_grey
from lib.ui import convolution_playground as playground
from lib.ui.convolution import (apply_filter, as_png, choose_kernel, choose_picture, kernel_numbers, show_learned,
                                step_through, zoom_in)

view = ui.page_setup("convolution")

controls, effect = st.columns([2, 3], gap="large")  # side by side on a wide screen, stacked on a phone
with controls:
    pixels, source_key = choose_picture(view)
    height, width = pixels.shape[:2]
    is_colour = pixels.ndim == 3
    preset, shown_kernels = choose_kernel(view)
    kernel = next(iter(shown_kernels.values()))
    colour = view.radio("colour", horizontal=True) if is_colour else view.value("colour")
    padding, stride, range_mode = view.value("padding"), view.value("stride"), view.value("range")
    f_rows, f_cols = kernel.shape
    out_rows = kernels.output_size(height, f_rows, padding, stride)
    out_cols = kernels.output_size(width, f_cols, padding, stride)
    fits = out_rows > 0 and out_cols > 0
    where = playground.choose_pixel(view, out_rows, out_cols, source_key == "course") if fits else (1, 1)
    st.markdown(view.say(words.TRY))
grey_first = not is_colour or colour == "grey"
kernel_key = tuple(map(tuple, kernel.tolist()))
output_key = (source_key, grey_first, preset, kernel_key, padding, stride)
with effect:
    if fits:
        output = apply_filter(source_key, grey_first, preset, kernel_key, padding, stride, _pixels=pixels)
        new_value = playground.show(view, pixels, grey_first, output, shown_kernels, where,
                                    ((source_key, grey_first), output_key), (padding, stride, range_mode),
                                    (words.picture_caption(view.label("picture"), width, height, is_colour),
                                     f"after {view.label('preset')}: {out_cols} × {out_rows}"))
    else:
        st.error(words.TOO_BIG)

# The steps below the playground are drawn only while opened (lib.ui.unfolded): their charts cost nothing until then.
if view.shown("zoom") and (step := ui.unfolded(view, view.say(words.HEADINGS["numbers"]), "zoom")):
    with step:
        st.markdown(view.say(words.READ), help=ui.define("pixel"))
        zoom_in(pixels, source_key)
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.PIXELS))

if fits and view.shown("arithmetic") and (step := ui.unfolded(view, view.say(words.HEADINGS["sum"]),
                                                               "arithmetic")):
    with step:
        st.markdown(view.say(words.MULTIPLY), help=ui.define("kernel"))
        step_through(pixels, grey_first, output, shown_kernels, padding, stride, where, brief=view.kids)
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.KERNEL))
            kernel_numbers(shown_kernels)

if not fits:  # the way out is in step 3's padding
    st.session_state[ui.OPEN + "edges"] = True
if step := ui.unfolded(view, view.say(words.HEADINGS["edges"]), "edges"):
    with step:
        st.markdown(view.say(words.EDGES), help=ui.define("padding"))
        choices, size = st.columns([2, 3], gap="large")
        with choices:
            padding = view.radio("padding")
            stride = view.radio("stride", horizontal=True)
        size.markdown(view.say(words.output_size((width, height), (f_cols, f_rows),
                                                 kernels.pad_width(f_rows, padding), stride, (out_cols, out_rows))))
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.PADDING))
if not fits:
    st.stop()

before_png = as_png((source_key, grey_first), np.rint(to_grey(pixels)).astype(np.uint8) if grey_first else pixels)
after_png = as_png(output_key + (range_mode,), output, range_mode)
signed = view.value("signed")
if view.shown("signs", advanced=True) and (step := ui.unfolded(view, words.HEADINGS["signs"], "signs")):
    with step:
        st.markdown(words.SIGNS, help=ui.define("convolution"))
        choice, pictures = st.columns([2, 3], gap="large")
        with choice:
            range_mode = view.radio("range")
            st.caption(words.out_of_range(*charts.out_of_range_share(output), output.min(), output.max()))
            signed = view.toggle("signed")
        after_png = as_png(output_key + (range_mode,), output, range_mode)
        shown_pictures = pictures.columns(2)
        shown_pictures[0].image(after_png, output_format="PNG",
                                alt=f"The picture after the {view.label('preset')} kernel",
                                caption=f"After: {view.label('preset')}, {range_mode} ({out_cols} × {out_rows})")
        if signed:
            limit = charts.signed_limit(to_grey(output))
            shown_pictures[1].image(
                as_png(output_key + ("signed",), output, "signed"), output_format="PNG",
                alt="The output with its signs: negative blue, positive vermillion",
                caption=f"Signed output: blue −{limit:.4g} … white 0 … vermillion +{limit:.4g}"
                        + (" (colours combined to grey)" if output.ndim == 3 else ""))
        with st.expander(words.WHY[0]):
            st.markdown(words.SIGNS_WHY)
signed_png = as_png(output_key + ("signed",), output, "signed") if signed else None

if view.shown("cnn", advanced=True) and (step := ui.unfolded(view, words.HEADINGS["cnn"], "cnn")):
    with step:
        st.markdown(words.CNN, help=ui.define("convolutional neural network"))
        if st.toggle("Show the 16 kernels the digits CNN learned", key="cnn_show",
                     help="Shows the first-layer kernels of the network on the digits page, learned from 60,000 "
                          "digits."):
            show_learned(pixels, source_key)

if view.shown("curious", advanced=True):
    st.info(words.CURIOUS, icon=":material/info:")
captured = dict(picture=view.label("picture"), preset=view.label("preset"), kernels=shown_kernels, padding=padding,
                stride=stride, range_mode=range_mode, before=before_png, after=after_png, signed=signed_png,
                before_size=(width, height), after_size=(out_cols, out_rows), pixel=(*where, new_value))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
