"""Topic page /noise: secret spy messages. Adding many noisy copies of a picture reveals it, because
random noise averages towards zero (issues #6, #17). The playground comes first: the noise, the copies and how
many to combine beside the pictures they change; then short steps, each asking before it explains. The
arithmetic lives in lib.noise, the words in lib.noise.content, the settings in lib/noise/lesson.toml."""

import streamlit as st

from lib import ui
from lib.images import to_8bit
from lib.noise import content as words
from lib.noise.handout import handout
from lib.ui.noise import (MAX_COPIES, MEDIAN_COPIES, chart, choose_secret, clipped_curve, combination, fingerprint,
                          first_copy, salt_pepper_views, show, stack, stamp_views, subtraction, thumbnails)

view = ui.page_setup("noise")

THUMBNAILS = 20  # copies in the grid of step 1
PLAYGROUND, PAIR, TRIPLE = 220, 240, 170  # picture widths: big enough for a projector; on a phone they wrap onto new rows
CHART_HEIGHT = 380

controls, effect = st.columns([2, 3], gap="large")  # side by side on a wide screen, stacked on a phone
with controls:
    kind = view.radio("kind")
    strength = view.slider("fraction") if kind == "salt_pepper" else view.slider("strength")
    n = view.slider("copies")
    view.correct("combine", min(view.value("combine"), n), f"only {n} copies were sent")
    k = view.slider("combine", high=n) if n > 1 else view.value("combine")
    with st.popover(words.CHANGE_SECRET, icon=":material/edit:"):
        secret = choose_secret(view)
        if view.shown("peek"):
            with st.expander("Peek at the secret (no cheating before you have guessed!)"):
                show(to_8bit(secret), width=PAIR, caption="The clean secret, as Jane sent it.")
        seed = view.number_input("seed")  # in the panel: a number field on the first screen cost each open ~140 ms
key = fingerprint(secret)
curve = stack(key, secret, kind, strength, seed)[2][:n]
total_picture, mean_picture, low, high = combination(key, secret, kind, strength, seed, k)
with effect:
    one_column, mean_column = st.columns(2)
    with one_column:
        show(first_copy(key, secret, kind, strength, seed), width=PLAYGROUND, caption="One copy, as John gets it")
    with mean_column:
        show(mean_picture, width=PLAYGROUND,
             caption=f"Average (mean) of the first {k} copies" if k > 1 else "Average of the first copy: itself")
    st.markdown(view.say(words.result(k, curve[k - 1], curve[0])))
    if strength == 0:
        st.info(words.NO_NOISE)

# The steps: each asks its question in its label and is drawn only while open, so the page opens with the
# playground alone (their pictures are made and fetched when a learner opens them).
if step := ui.unfolded(view, view.say(words.STEP_LOOK), "look"):
    with step:
        st.markdown(view.say(words.LOOK))
        count = min(n, THUMBNAILS)
        show(thumbnails(key, secret, kind, strength, seed, count),
             caption=f"The first {count} of the {n} copies John received." + view.say(words.GRID_SCALE))

if view.shown("subtract") and (step := ui.unfolded(view, view.say(words.STEP_SUBTRACT), "subtract")):
    with step:
        st.markdown(view.say(words.SUBTRACT))
        if n < 2:
            st.info("Subtracting needs two copies: send at least 2.")
        else:
            pictures, one, both = subtraction(key, secret, kind, strength, seed)
            show(pictures, width=TRIPLE, caption=["Copy 1", "Copy 2", "Copy 1 − copy 2 (grey is zero)"])
            with st.expander(view.say(words.WHY)):
                st.markdown(view.say(words.subtracted(one, both)))

if view.shown("add") and (step := ui.unfolded(view, view.say(words.STEP_ADD), "add")):
    with step:
        st.markdown(view.say(words.ADD), help=ui.define("mean"))
        show([total_picture, mean_picture], width=PAIR,
             caption=[f"Sum of {k} copies: numbers from {low:.0f} to {high:.0f}, squeezed to fit black..white",
                      f"Average (mean) of {k} copies: sum ÷ {k}"])
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.added(high)))

clip = view.value("clip")
# Steps 4 and 5 hold the charts: drawn only when opened, so the page opens with its playground's code alone.
if view.shown("measure", advanced=True) and (step := ui.unfolded(view, "4 · Measure it", "measure")):
    with step:
        st.markdown(words.MEASURE, help=ui.define("standard deviation"))
        clip = view.checkbox("clip")
        if strength == 0:
            st.info("No noise, nothing to measure: every copy is exact.")
        else:
            clipped = clipped_curve(key, secret, kind, strength, seed)[:n] if clip else None
            st.vega_lite_chart(chart(curve, clipped, title=words.CHART_TITLE), key="noise_chart", width="stretch",
                               height=CHART_HEIGHT, alt=words.CHART_ALT)
            st.markdown(f"**{view.say(words.WHY)}** " + words.ONE_LINE + "\n\n" + words.FOR_RESEARCHERS)

if view.shown("beyond", advanced=True) and (step := ui.unfolded(view, "5 · When averaging is not enough", "beyond")):
    with step:
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

if view.shown("science") and (step := ui.unfolded(view, words.STEP_SCIENCE, "science")):
    with step:
        st.markdown(view.say(words.SCIENCE), help=ui.define("signal-to-noise ratio"))

sent = stack(key, secret, kind, strength, seed)  # (copies, running sums, noise curve)
source = view.value("source")
captured = dict(secret_name=view.label("picture") if source == "picture" else view.label("source").lower(),
                message=view.value("message") if source == "message" else None,
                kind=view.label("kind"), strength=strength, copies=n, combined=k, seed=seed, clip=clip,
                secret=to_8bit(secret), first_copy=to_8bit(sent[0][0]), mean=to_8bit(sent[1][k - 1] / k),
                noise_one=float(curve[0]), noise_combined=float(curve[k - 1]))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
