"""The /mnist playground (issue #17): the canvas (or another picture) on the left, and on the right the 28×28
picture the network sees with its ten probabilities, answering as the learner draws.

It is a fragment: drawing, undoing, the ink colour, the pen, where the picture comes from and (while no step
below shows the answering network's results) the invert toggle rerun only the playground. What it found is
kept in ``latest`` (a plain dict the page owns) for the steps below and the handout, which read it on their
next run.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lib.images import ImageError, enlarge, load_image, to_8bit
from lib.mnist.preprocess import NoDigitError
from lib.ui.links import apply_link

UNKNOWN = object()  # what the learner's picture really shows, when they have not said
NOT_A_DIGIT = "Not a digit"  # the learner's answer to "what is it really?" for a picture of no digit
UPLOADS = ("upload", "camera")  # the digit sources that take a picture of the learner's, hidden with "upload"
CANVAS = 252  # side of the square to draw on, in pixels: nine screen pixels for each of the network's 28
SEEN = 142  # side of the 28×28 picture the network sees, as shown (five screen pixels each, and a frame)
BARS = 290  # height of the chart of its ten probabilities (title, axes and legend included)
INK = {True: "#000000", False: "#FFFFFF"}  # the pen's colour on light (True) and dark paper
_START, _STROKES, _PAPER = "mnist_start", "mnist_strokes", "mnist_drawn_paper"  # the canvas's own memory


@st.fragment
def playground(view, invert: bool, threshold: float, models: dict, latest: dict, whole_page: bool) -> None:
    """The playground, side by side on a wide screen (stacked on a phone). ``invert``: which network the page
    answers with; ``threshold``: the "I don't know" threshold in [0, 1]; ``models``: both shipped networks;
    ``whole_page``: whether the page below shows that network's answers (an open step), so that switching
    network reruns the whole page rather than the playground alone. ``latest`` is filled with the network
    answering (``invert``), the digit as it saw it (``x``), both networks' ``probs``, whether it was
    ``flipped`` and the ``source``'s label."""
    from lib import mnist
    from lib.mnist import NETWORK_NAMES, charts, results
    from lib.mnist import content as words

    controls, effect = st.columns([5, 6], gap="medium")
    with controls:
        switched = view.toggle("invert")
        if switched != invert and whole_page:  # the open steps answer with the other network too
            st.rerun()
        invert = switched
        picture, row = st.container(), st.container(horizontal=True)
        buttons = row.container(horizontal=True, width="content")  # Undo and Clear, before the popover
        with row, st.popover(view.say(words.OTHER_PICTURE), icon=":material/add_photo_alternate:"):
            source = choose_source(view)
            auto_invert = view.checkbox("auto_invert")
            pen = view.slider("pen") if source == "draw" else view.value("pen")
        with picture:
            image, truth, note = None, UNKNOWN, None  # truth: the digit it shows, None for "not a digit", or UNKNOWN
            if source == "draw":
                image, note = drawn_digit(view, pen, buttons)
            elif source == "course":
                image, truth = course_digit(view)
            else:
                image, truth = uploaded_digit(view, source)
    with effect:
        x, flipped = network_input(image, auto_invert) if image is not None else (None, False)
        probs = None if x is None else {inverted: mnist.predict(model, x)[0] for inverted, model in models.items()}
        st.caption(f"Answering now: the network **{NETWORK_NAMES[invert]}**." + ("" if probs is None else
                   " " + words.other_says(NETWORK_NAMES[not invert], probs[not invert])))
        if note:
            st.info(note, icon=":material/draw:")
        if probs is not None:
            mine = probs[invert]
            st.subheader(words.answer(int(mine.argmax()), mine.max(),
                                      results.answer_or_unsure(mine, threshold) is not None), anchor=False)
            seen_col, bars_col = st.columns([1, 2])
            # A grey frame, so a white picture does not vanish into the page.
            seen_col.image(np.pad(enlarge(to_8bit(x), SEEN - 2), 1, constant_values=160), width=SEEN,
                           caption=view.say(words.SEEN), output_format="PNG",
                           alt="Your digit as the network sees it: 28 by 28 grey pixels")
            with bars_col:
                best = int(mine.argmax())
                st.vega_lite_chart(charts.probability_bars({invert: mine}, threshold, height=BARS), width="stretch",
                                   key="mnist_bars", alt=f"Bar chart of how sure the network {NETWORK_NAMES[invert]} "
                                   f"is of each digit, 0 to 9: highest for {best}, at {mine[best]:.0%}, with the "
                                   f"'I don't know' line at {threshold:.0%}.")
            if truth is not UNKNOWN:
                show_verdict(view, mine, truth, threshold)
        st.markdown(view.say(words.TRY))
    latest.update(invert=invert, x=x, probs=probs, flipped=flipped, auto_invert=auto_invert,
                  source=view.label("source"))
    # When the playground runs alone, the page does not write the address: the address bar and the handout's
    # link follow the playground's controls all the same (nothing is written when they are unchanged).
    view.link = apply_link(view.slug).link


def choose_source(view) -> str:
    """Draw the choice of where the digit comes from and return it ("draw", "upload", "camera", "course"); a
    link that hides uploads leaves only drawing and the course's images."""
    setting = view.lesson.setting("source")
    sources = [s for s in setting.options if view.shown("upload") or s not in UPLOADS]
    if view.value("source") not in sources:  # the link hides uploads: draw instead
        st.session_state[setting.key] = "draw"
    return view.radio("source", options=sources)


def drawn_digit(view, pen: int, buttons):
    """The ink colour, a square to draw a digit on, and (in ``buttons``) buttons to undo a stroke or clear the
    square: ``(the drawing as a grey image, None)``, or ``(None, what to do)`` until there is a digit.

    Undo and Clear are buttons of the page, not the canvas's own toolbar, which shows only under a hovering
    mouse: they redraw the canvas from the strokes it last sent, less the last one (or none). Changing the ink
    keeps the drawing and swaps its colours."""
    from streamlit_drawable_canvas import st_canvas

    from lib.mnist import content as words

    light = view.radio("paper", horizontal=True) == "light"
    state = st.session_state
    start = state.setdefault(_START, {"objects": [], "revision": 0})
    if state.setdefault(_PAPER, light) != light:  # the ink changed: the same strokes, in the new colour
        _restart([{**stroke, "stroke": INK[light]} for stroke in state.get(_STROKES, [])])
        state[_PAPER], start = light, state[_START]
    st.space("small")  # room for the canvas's own toolbar, which a hovering mouse shows above it
    canvas = st_canvas(stroke_width=pen, stroke_color=INK[light], background_color="#FFFFFF" if light else "#000000",
                       height=CANVAS, width=CANVAS, initial_drawing=start, return_image_data=True, key="mnist_canvas")
    strokes = (canvas.json_data or {}).get("objects") or []
    state[_STROKES] = strokes
    with buttons:
        st.button(view.say(words.UNDO), key="mnist_undo", icon=":material/undo:", disabled=not strokes,
                  on_click=_restart, args=(strokes[:-1],), help="Takes back your last stroke.")
        st.button(view.say(words.CLEAR), key="mnist_clear", icon=":material/ink_eraser:", disabled=not strokes,
                  on_click=_restart, args=([],), help="Empties the square so you can draw another digit.")
    try:
        return _drawing(canvas.image_data if strokes else None), None
    except NoDigitError as error:
        return None, f"{error} {view.say(words.CANVAS)}"


def _restart(strokes: list) -> None:
    """Redraw the canvas with ``strokes``: a new start drawing (its revision makes it new even when the strokes
    are the same as last time), which the canvas loads and sends back."""
    start = st.session_state.get(_START, {"revision": 0})
    st.session_state[_START] = {"objects": strokes, "revision": start["revision"] + 1}


def _drawing(rgba):
    """The canvas's picture as a grey image, read on the paper it was drawn on (the run after a change of
    ink still has the last picture the canvas sent); NoDigitError, saying why, without a digit."""
    from lib import mnist

    if rgba is None:
        raise NoDigitError("Draw a digit first.")
    rgb = np.asarray(rgba)[..., :3]
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    return mnist.drawing_to_image(rgba, light_background=float(np.median(border)) > 127)


def uploaded_digit(view, source: str):
    """An uploaded picture (``source`` "upload") or a camera photo ("camera") and what the learner says it
    really shows: ``(image or None, truth)``, truth a digit, None for "not a digit", or :data:`UNKNOWN`."""
    from lib.mnist import content as words

    upload = (st.file_uploader("A picture of one digit", type=None, key="mnist_upload",
                               help="A photo or scan of a single digit; PNG, JPEG and most other image files.")
              if source == "upload" else
              st.camera_input("Take a photo of one digit", key="mnist_camera",
                              help="Hold a digit written on paper close to the camera, filling most of the picture."))
    if upload is None:
        return None, UNKNOWN
    try:
        image = load_image(upload)
    except ImageError as error:
        st.error(str(error))
        return None, UNKNOWN
    # Only the learner knows what the picture shows: without it no answer is called right or wrong.
    # Keyed by the file, so a new picture is not judged against the last one's digit.
    said = st.selectbox(view.say(words.TRUTH), [None, *range(10), NOT_A_DIGIT], key=f"mnist_truth_{upload.file_id}",
                        format_func=lambda t: "I won't say" if t is None else str(t), help=words.TRUTH_HELP)
    return image, UNKNOWN if said is None else None if said == NOT_A_DIGIT else said


def course_digit(view):
    """The course image the learner picks, and the digit it shows (None for the dog)."""
    from lib.mnist import results

    described = {item.name: item for item in results.COURSE_IMAGES}
    name = view.selectbox("image", format_func=lambda n: f"{n}: {described[n].description}")
    image = load_image(results.COURSE_DIR / f"{name}.png")
    st.image(enlarge(np.asarray(image.convert("L")), CANVAS), width=CANVAS, output_format="PNG",
             alt=f"Course image {name}: {described[name].description}")
    return image, described[name].label


def network_input(image, auto_invert: bool):
    """The picture as the network sees it, 28×28 (swapped to white on black first if ``auto_invert`` and its
    background is light), and whether it was swapped; ``(None, False)``, saying why, if no digit is found."""
    from lib import mnist
    from lib.mnist import content as words

    try:
        x = mnist.to_mnist(image)
    except mnist.NoDigitError as error:
        st.warning(str(error))
        return None, False
    flipped = False
    if auto_invert:
        x, flipped = mnist.invert_if_light_background(x)
        if flipped:
            st.caption(words.SWAPPED)
    return x, flipped


def show_verdict(view, probabilities: np.ndarray, truth, threshold: float) -> None:
    """Whether the network got the picture right, now that the learner said what it shows (``truth``)."""
    from lib.mnist import content as words
    from lib.mnist import results

    kind, best = results.judge(probabilities, truth, threshold), int(probabilities.argmax())
    said = view.say(words.verdict(kind, truth, best, probabilities[best]))
    if kind == "confidently wrong":
        st.info(said, icon=":material/pets:" if truth is None else ":material/error:")
    elif kind in ("wrong", "unsure"):
        st.caption(said)
    else:
        st.success(said, icon=":material/check:")
