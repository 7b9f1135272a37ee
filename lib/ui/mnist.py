"""The shipped digit networks, loaded once per server for every page that uses them: /mnist answers with
them, /ethics runs its demos on them and /convolution shows the first layer's kernels. And the /mnist page's
cached views and the Streamlit side of its parts: where the learner's digit comes from, the network's
answer to it, and "Train it yourself". The cached functions live in a module, not in the page, so that
Streamlit builds each one's wrapper once per process rather than on every rerun.

:mod:`lib.mnist` is imported inside the functions, not at the top (it brings SciPy, about 0.2 s), so /ethics
and /convolution load it only when a demo or section needs a network.
"""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

from lib.images import ImageError, enlarge, load_image, to_8bit
from lib.training import replay_frames

UNKNOWN = object()  # what the learner's picture really shows, when they have not said
NOT_A_DIGIT = "Not a digit"  # the learner's answer to "what is it really?" for a picture of no digit
UPLOADS = ("upload", "camera")  # the digit sources that take a picture of the learner's, hidden with "upload"
THUMBNAIL = 84  # side of a small digit picture, in pixels


@st.cache_resource(show_spinner=False)
def shipped_network(invert: bool):
    """The shipped network trained without (``False``) or with (``True``) inverted copies, as the NumPy
    network of :func:`lib.mnist.load_network` (no TensorFlow needed to predict); FileNotFoundError with
    how to make it if its weights are missing."""
    from lib import mnist

    return mnist.load_network(invert)


def shipped_networks() -> dict:
    """Both shipped networks, keyed by "trained with inverted copies?"; if one is missing, say how to make it
    and stop the page."""
    try:
        return {inverted: shipped_network(inverted) for inverted in (False, True)}
    except FileNotFoundError as error:
        st.error(str(error))
        st.stop()


@st.cache_data(show_spinner=False)
def test_set() -> tuple[np.ndarray, np.ndarray]:
    from lib import mnist

    return mnist.load_test_set()


@st.cache_data(show_spinner="Running the test digits through the network…")
def test_probabilities(inverted_model: bool, inverted_digits: bool) -> np.ndarray:
    from lib import mnist

    return mnist.test_probabilities(inverted_model, inverted_digits)


def thumbnails(images, **options) -> None:
    """Digits drawn small and sharp (each pixel enlarged, not blurred), one after another."""
    st.image([enlarge(to_8bit(image), THUMBNAIL) for image in images], width=THUMBNAIL, **options)


def course_answers(probabilities: np.ndarray) -> None:
    """The course's ten images as a table of how sure the network is of each digit, its answer highlighted
    green if right, red-orange if wrong, blue for the dog (no right answer)."""
    from lib.mnist import results
    from lib.palette import OKABE_ITO

    digits = [str(d) for d in range(10)]
    # The answer first: on a phone the ten probability columns scroll sideways, and the answer must not be
    # among the columns off the edge.
    table = results.course_table(probabilities)[["answer", "verdict", *digits]]
    winner = {"right": OKABE_ITO["bluish green"], "wrong": OKABE_ITO["vermillion"]}

    def mark_answer(row):
        colour = winner.get(row["verdict"], OKABE_ITO["sky blue"])
        return [f"background-color: {colour}; color: white; font-weight: bold" if column == str(row["answer"])
                else "" for column in row.index]

    st.dataframe(table.style.apply(mark_answer, axis=1).format("{:.0f}", subset=digits),
                 width="stretch", column_config={"answer": st.column_config.NumberColumn("answer", format="%d")})


def choose_source(view) -> str:
    """Draw the choice of where the digit comes from and return it ("draw", "upload", "camera", "course"); a
    link that hides uploads leaves only drawing and the course's images."""
    setting = view.lesson.setting("source")
    sources = [s for s in setting.options if view.shown("upload") or s not in UPLOADS]
    if view.value("source") not in sources:  # the link hides uploads: draw instead
        st.session_state[setting.key] = "draw"
    return view.radio("source", options=sources, horizontal=True)


def drawn_digit(view, light: bool):
    """A square to draw a digit on, black on white when ``light``, else white on black; the drawing as a grey
    image, or None (saying why) until there is one."""
    from streamlit_drawable_canvas import st_canvas

    from lib import mnist
    from lib.mnist import content as words

    # A new key is a new, empty canvas: the canvas's own clear button shows only under a hovering mouse, so
    # a finger on a touch screen needs this one.
    drawing = st.session_state.setdefault("mnist_drawing", 0)
    canvas = st_canvas(stroke_width=view.slider("pen"), stroke_color="#000000" if light else "#FFFFFF",
                       background_color="#FFFFFF" if light else "#000000", height=280, width=280,
                       return_image_data=True, key=f"mnist_canvas_{view.value('paper')}_{drawing}")
    st.button(view.say(words.CLEAR), key="mnist_clear", icon=":material/ink_eraser:",
              on_click=lambda: st.session_state.update(mnist_drawing=drawing + 1),
              help="Empties the square so you can draw another digit.")
    st.caption(view.say(words.CANVAS))
    drawn = canvas.image_data if canvas.json_data and canvas.json_data.get("objects") else None
    try:
        return mnist.drawing_to_image(drawn, light)
    except mnist.NoDigitError as error:
        st.info(str(error), icon=":material/draw:")
        return None


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
    return load_image(results.COURSE_DIR / f"{name}.png"), described[name].label


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


def show_answer(probabilities: dict, invert: bool, threshold: float) -> None:
    """The answering network's answer (or "I don't know" below ``threshold``), the other network's, and both
    networks' probabilities as bars."""
    from lib.mnist import NETWORK_NAMES, charts, results
    from lib.mnist import content as words

    mine, other = probabilities[invert], probabilities[not invert]
    best, theirs = int(mine.argmax()), int(other.argmax())
    st.subheader(words.answer(best, mine[best], results.answer_or_unsure(mine, threshold) is not None), anchor=False)
    st.caption(f"The other network ({NETWORK_NAMES[not invert]}) says {theirs} ({other[theirs]:.0%}).")
    st.plotly_chart(charts.probability_bars(probabilities, threshold), width="stretch", key="mnist_bars")


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


def training_form():
    """The choices for "Train it yourself", in a form so nothing trains until Train is pressed: the
    :class:`lib.mnist.live.LiveSetting` chosen, and whether Train was pressed."""
    from lib.mnist.augment import Augmentations
    from lib.mnist.live import SIZES, LiveSetting

    default = LiveSetting()
    with st.form("mnist_train_form"):
        size = st.select_slider("Training digits", SIZES, value=default.size, format_func=lambda n: f"{n:,}",
                                key="mnist_train_size", help="How many of the 60,000 MNIST digits to learn from.")
        epochs = st.slider("Epochs", 1, 3, default.epochs, key="mnist_train_epochs",
                           help="How many times it sees every digit.")
        wants = Augmentations(
            invert=st.checkbox("Add inverted copies", default.wants.invert, key="mnist_train_invert",
                               help="Black-on-white copies of every digit (doubles the training set)."),
            rotation=st.slider("Rotate up to (degrees)", 0, 30, 0, key="mnist_train_rotation",
                               help="Tilt each digit a little, as people write at an angle."),
            noise=st.slider("Speckle noise", 0.0, 0.3, 0.0, 0.05, key="mnist_train_noise",
                            help="Random grain, like a grainy photo."),
            blur=st.slider("Blur up to (pixels)", 0.0, 1.5, 0.0, 0.25, key="mnist_train_blur",
                           help="Soften each digit, like an out-of-focus photo."),
            brightness=st.slider("Dim the ink by up to", 0.0, 0.8, 0.0, 0.1, key="mnist_train_brightness",
                                 help="Fainter ink, like a pencil or a faded print."))
        clicked = st.form_submit_button("Train", type="primary")
    return LiveSetting(size, epochs, wants), clicked


def watched_run(setting, clicked: bool):
    """The learner's own run for ``setting`` (a :class:`lib.mnist.live.LiveRun`), or None. Pressing Train
    (``clicked``) trains it, or replays it if this server already has it; afterwards it stays shown."""
    from lib.mnist import live

    # Only runs this learner pressed Train for (trained live or watched replayed) are shown: a run someone
    # else in the room trained would take away the moment of watching it learn.
    watched = st.session_state.setdefault("mnist_watched", set())
    if clicked:
        _train_with_progress(setting)
        watched.add(setting)
    return live.cached(setting) if setting in watched else None


def _train_with_progress(setting) -> None:
    """Train ``setting``'s run, showing the queue, a progress bar and the live curves; a run this server
    already has is replayed from its stored curves instead, so every learner watches it learn."""
    from lib.mnist import charts, live
    from lib.mnist import content as words

    status, bar, chart = st.empty(), st.progress(0.0, text="Waiting to start…"), st.empty()

    def show(history: dict[str, list[float]], fraction: float, text: str) -> None:
        bar.progress(fraction, text=text)
        chart.plotly_chart(charts.training_chart(history), width="stretch", key=f"mnist_live_{len(history['seen'])}")

    trained_here = []

    def on_progress(progress) -> None:
        trained_here.append(progress)
        show(progress.history, progress.fraction,
             f"Epoch {progress.epoch} of {progress.epochs}: batch {progress.step} of {progress.steps}")

    run = live.train_cached(setting, on_progress, on_start=status.empty, on_wait=lambda ahead: status.warning(
        f"Waiting for another training to finish ({ahead} ahead of you)…", icon=":material/hourglass:"))
    if not trained_here:  # trained before, or by the run we queued behind: replay it
        status.info(words.REPLAYING, icon=":material/replay:")
        for frame in replay_frames(run.history):
            show(frame.history, frame.fraction, f"Replay: {frame.history['seen'][-1]:,.0f} of "
                 f"{run.history['seen'][-1]:,.0f} training images seen")
            time.sleep(frame.pause)
        status.info(words.REPLAYED, icon=":material/replay:")
    bar.empty()


def compare_with_yours(run, course: np.ndarray, course_probabilities: dict, digit: np.ndarray | None) -> None:
    """The learner's own network beside the shipped two on the course's images, and its answer to ``digit``."""
    from lib import mnist
    from lib.mnist import results

    mine = results.course_table(mnist.predict(run.model, course))
    st.dataframe({"image": mine.index, "plain": course_probabilities[False].argmax(1),
                  "with inverted copies": course_probabilities[True].argmax(1), "yours": mine["answer"],
                  "yours is": mine["verdict"]}, hide_index=True, width="stretch")
    if digit is not None:
        st.write(f"On your digit, your network says **{int(mnist.predict(run.model, digit)[0].argmax())}**.")
