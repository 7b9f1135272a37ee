"""Topic page /noise: secret spy messages. Adding many noisy copies of a picture reveals it, because
random noise averages towards zero (issue #6). The arithmetic lives in lib.noise, the words in
lib.noise.content, the settings in lib/noise/lesson.toml; this page lays them out."""

import hashlib

import streamlit as st

from lib import ui
from lib.images import to_8bit
from lib.noise import content as words
from lib.noise.handout import handout
from lib.ui.noise import (MAX_COPIES, MEDIAN_COPIES, chart, choose_secret, clipped_curve, combination,
                          salt_pepper_views, show, stack, stamp_views, subtraction, thumbnails)

view = ui.page_setup("noise")

THUMBNAILS = 20  # copies in the opening grid
PAIR, TRIPLE = 240, 170  # picture widths: big enough for a projector; on a phone they wrap onto new rows
CHART_HEIGHT = 380

st.markdown(view.say(words.INTRO))
grid_area = st.container()

secret_column, noise_column = st.columns(2, gap="large")  # side by side on a wide screen, stacked on a phone
with secret_column:
    st.header("Choose the secret", anchor=False)
    secret = choose_secret(view)
    key = hashlib.sha256(secret.tobytes()).hexdigest()
    if view.shown("peek"):
        with st.expander("Peek at the secret (no cheating before you have guessed!)"):
            show(to_8bit(secret), width=PAIR, caption="The clean secret, as Jane sent it.")

with noise_column:
    st.header("Choose the noise", anchor=False, help=ui.define("noise"))
    kind = view.radio("kind")
    strength = view.slider("fraction") if kind == "salt_pepper" else view.slider("strength")
    n = view.slider("copies")
    seed = view.number_input("seed")
if strength == 0:
    st.info(words.NO_NOISE)
curve = stack(key, secret, kind, strength, seed)[2][:n]

with grid_area:
    count = min(n, THUMBNAILS)
    show(thumbnails(key, secret, kind, strength, seed, count),
         caption=f"The first {count} of the {n} copies John received." + view.say(words.GRID_SCALE))

if view.shown("subtract"):
    st.header("Try subtracting", anchor=False)
    if n < 2:
        st.info("Subtracting needs two copies: send at least 2.")
    else:
        pictures, one, both = subtraction(key, secret, kind, strength, seed)
        show(pictures, width=TRIPLE, caption=["Copy 1", "Copy 2", "Copy 1 − copy 2 (grey is zero)"])
        st.markdown(view.say(words.subtracted(one, both)))

view.correct("combine", min(view.value("combine"), n), f"only {n} copies were sent")
k = view.value("combine")
if view.shown("add"):
    st.header("Try adding", anchor=False, help=ui.define("mean"))
    if n < 2:
        st.info("Adding needs more than one copy: send at least 2.")
    else:
        k = view.slider("combine", high=n)
total_picture, mean_picture, low, high = combination(key, secret, kind, strength, seed, k)
if view.shown("add"):
    show([total_picture, mean_picture], width=PAIR,
         caption=[f"Sum of {k} copies: numbers from {low:.0f} to {high:.0f}, squeezed to fit black..white",
                  f"Average (mean) of {k} copies: sum ÷ {k}"])
    st.markdown(view.say(words.added(k, curve[k - 1], curve[0], high)))

clip = view.value("clip")
if view.shown("measure"):
    st.header("Measure it", anchor=False, help=ui.define("standard deviation"))
    clip = view.checkbox("clip")
    if strength == 0:
        st.info("No noise, nothing to measure: every copy is exact.")
    else:
        clipped = clipped_curve(key, secret, kind, strength, seed)[:n] if clip else None
        st.vega_lite_chart(chart(curve, clipped, title=view.say(words.CHART_TITLE), kids=view.kids),
                           key="noise_chart", width="stretch", height=CHART_HEIGHT, alt=view.say(words.CHART_ALT))
        st.markdown(words.ONE_LINE)
        if not view.kids:
            st.markdown(words.FOR_RESEARCHERS)

if view.shown("beyond"):
    st.header("When averaging is not enough", anchor=False)
    st.subheader("Salt and pepper: the median wins", anchor=False)
    fraction = view.slider("sp_fraction")
    sp_copies = st.select_slider("Copies to combine", MEDIAN_COPIES, 9, key="noise_sp_copies",
                                 help="Odd numbers, so every pixel has one middle value.")
    sp_mean, sp_median, mean_error, median_error = salt_pepper_views(key, secret, fraction, seed, sp_copies)
    show([sp_mean, sp_median], width=PAIR, caption=view.say(words.median_captions(sp_copies, mean_error,
                                                                                 median_error)))
    st.markdown(view.say(words.MEDIAN))
    if view.shown("stamp"):
        st.subheader("The baddie's stamp: noise that is the same in every copy", anchor=False)
        stamp = view.slider("stamp")
        plain_picture, stamped_picture, stamped_curve = stamp_views(key, secret, kind, strength, seed, stamp)
        show([plain_picture, stamped_picture], width=PAIR,
             caption=[f"Average of {MAX_COPIES} copies", f"Average of {MAX_COPIES} stamped copies"])
        if strength > 0 or stamp > 0:
            every_copy = stack(key, secret, kind, strength, seed)[2]
            st.vega_lite_chart(chart(every_copy, None, stamped_curve, stamp, "Averaging cannot remove the stamp"),
                               key="noise_stamp_chart", width="stretch", height=CHART_HEIGHT, alt=words.STAMP_ALT)
        st.markdown(words.stamp(MAX_COPIES))

if view.shown("science"):
    st.header("Where scientists use this", anchor=False, help=ui.define("signal-to-noise ratio"))
    st.markdown(view.say(words.SCIENCE))

sent = stack(key, secret, kind, strength, seed)  # (copies, running sums, noise curve)
source = view.value("source")
captured = dict(secret_name=view.label("picture") if source == "picture" else view.label("source").lower(),
                message=view.value("message") if source == "message" else None,
                kind=view.label("kind"), strength=strength, copies=n, combined=k, seed=seed, clip=clip,
                secret=to_8bit(secret), first_copy=to_8bit(sent[0][0]), mean=to_8bit(sent[1][k - 1] / k),
                noise_one=float(curve[0]), noise_combined=float(curve[k - 1]))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
