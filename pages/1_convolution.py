"""Topic page /convolution: a picture is a grid of numbers; slide a small kernel over it.

Sections follow the course's "Introduction to image analysis": the image as numbers, the kernel, edges
(padding) and stride, the multiply-and-add at one pixel, before and after, then the kernels a CNN learned
by itself. The arithmetic lives in lib.convolution, the words in lib.convolution.content, the settings in
lib/convolution/lesson.toml, the views and caches in lib.ui.convolution; this page lays them out.
"""

import numpy as np
import streamlit as st

from lib import ui
from lib.convolution import charts, kernels
from lib.convolution import content as words
from lib.convolution.handout import handout
from lib.images import to_grey
from lib.ui.convolution import (apply_filter, as_png, choose_kernel, choose_picture, show_learned, step_through,
                                zoom_in)

view = ui.page_setup("convolution")

st.header("1. A picture is a grid of numbers", anchor=False, help=ui.define("pixel"))
st.markdown(view.say(words.PIXELS))
pixels, source_key = choose_picture(view)
height, width = pixels.shape[:2]
is_colour = pixels.ndim == 3
st.image(as_png((source_key,), pixels), output_format="PNG", alt=f"The picture: {view.label('picture')}",
         caption=words.picture_caption(view.label("picture"), width, height, is_colour))
if view.shown("zoom"):
    st.subheader("Zoom in and read the numbers", anchor=False)
    zoom_in(pixels)

st.header("2. Choose a kernel", anchor=False, help=ui.define("kernel"))
st.markdown(view.say(words.KERNEL))
preset, shown_kernels = choose_kernel(view)
kernel = next(iter(shown_kernels.values()))

st.header("3. Edges and steps: padding and stride", anchor=False, help=ui.define("padding"))
st.markdown(view.say(words.PADDING))
padding = view.radio("padding")
stride = view.radio("stride", horizontal=True)
f_rows, f_cols = kernel.shape
out_rows = kernels.output_size(height, f_rows, padding, stride)
out_cols = kernels.output_size(width, f_cols, padding, stride)
st.markdown(view.say(words.output_size((width, height), (f_cols, f_rows), kernels.pad_width(f_rows, padding),
                                       stride, (out_cols, out_rows))))
if out_rows == 0 or out_cols == 0:
    st.error(words.TOO_BIG)
    st.stop()

arithmetic = view.shown("arithmetic")
if arithmetic:
    st.header("4. Step through the arithmetic", anchor=False)
# The colour choice sits with the arithmetic, but decides the output whether or not that section is shown.
colour = view.radio("colour", horizontal=True) if arithmetic and is_colour else view.value("colour")
grey_first = not is_colour or colour == "grey"
kernel_key = tuple(map(tuple, kernel.tolist()))
output = apply_filter(source_key, grey_first, preset, kernel_key, padding, stride, _pixels=pixels)
if arithmetic:
    step_through(pixels, grey_first, output, shown_kernels, padding, stride)

st.header("5. Before and after", anchor=False, help=ui.define("convolution"))
range_mode = view.radio("range")
if not view.kids:  # the numbers behind the range choice, whose control kid mode leaves out
    st.caption(words.out_of_range(*charts.out_of_range_share(output), output.min(), output.max()))
before_png = as_png((source_key, grey_first), np.rint(to_grey(pixels)).astype(np.uint8)
                    if grey_first else pixels)
output_key = (source_key, grey_first, preset, kernel_key, padding, stride)
after_png = as_png(output_key + (range_mode,), output, range_mode)
after_cols = st.columns(2)
after_cols[0].image(before_png, output_format="PNG", alt="The picture before the kernel",
                    caption=f"Before ({width} × {height})")
after_cols[1].image(after_png, output_format="PNG", alt=f"The picture after the {view.label('preset')} kernel",
                    caption=f"After: {view.label('preset')}, {range_mode} ({out_cols} × {out_rows})")
signed = view.toggle("signed")
signed_png = as_png(output_key + ("signed",), output, "signed") if signed else None
if signed:
    limit = charts.signed_limit(to_grey(output))
    st.image(signed_png, output_format="PNG", alt="The output with its signs: negative blue, positive vermillion",
             caption=f"Signed output: blue −{limit:.4g} … white 0 … vermillion +{limit:.4g}"
                     + (" (colours combined to grey)" if output.ndim == 3 else ""))

if view.shown("cnn", advanced=True):
    st.header("6. From kernels to CNNs", anchor=False, help=ui.define("convolutional neural network"))
    st.markdown(words.CNN)
    if st.toggle("Show the 16 kernels the digits CNN learned", key="cnn_show",
                 help="Shows the first-layer kernels of the network on the digits page, learned from 60,000 digits."):
        show_learned(pixels, source_key)

if view.shown("curious", advanced=True):
    st.info(words.CURIOUS, icon=":material/info:")
captured = dict(picture=view.label("picture"), preset=view.label("preset"), kernels=shown_kernels, padding=padding,
                stride=stride, range_mode=range_mode, before=before_png, after=after_png, signed=signed_png,
                before_size=(width, height), after_size=(out_cols, out_rows))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
