"""The shipped digit networks, loaded once per server for every page that uses them: /mnist answers with
them, /ethics runs its demos on them and /convolution shows the first layer's kernels. And the /mnist page's
cached views: the course images and both networks' answers to them, and every figure that depends only on
settings, built once per server and shared by every learner (a plotly figure costs 30-300 ms to build, which
a room opening the page together paid once each; issue #17). Streamlit copies a figure into the page without
changing it, so sharing one is safe. The playground is :mod:`lib.ui.mnist_playground`, "Train it yourself"
:mod:`lib.ui.mnist_training`. The cached functions live in a module, not in the page, so that Streamlit builds
each one's wrapper once per process rather than on every rerun.

:mod:`lib.mnist` is imported inside the functions, not at the top (it brings SciPy, about 0.2 s), so /ethics
and /convolution load it only when a demo or section needs a network.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lib.images import enlarge, png_bytes, to_8bit

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


@st.cache_resource(show_spinner=False)
def test_set() -> tuple[np.ndarray, np.ndarray]:
    """The 10,000 MNIST test digits and their labels, read once per server and shared, read-only (a data
    cache would copy its 31 MB on every call)."""
    from lib import mnist

    return _read_only(*mnist.load_test_set())


@st.cache_resource(show_spinner="Running the test digits through the network…")
def test_probabilities(inverted_model: bool, inverted_digits: bool) -> np.ndarray:
    """The network ``inverted_model``'s probabilities (10,000, 10) for the test digits (inverted if
    ``inverted_digits``), computed once per server; read-only."""
    from lib import mnist

    return _read_only(mnist.test_probabilities(inverted_model, inverted_digits))[0]


def _read_only(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    for array in arrays:
        array.flags.writeable = False
    return arrays


#: The steps that show the answering network's results: while one is open, switching network reruns the page.
ANSWERING_STEPS = ("course", "unsure", "card", "inside", "mistakes")


def steps_open(names) -> bool:
    """Whether a learner has any of the steps ``names`` open (:func:`step`)."""
    from lib.ui import OPEN

    return any(st.session_state.get(OPEN + name) for name in names)


def step(view, name: str, advanced: bool = False):
    """The step ``name`` below the playground (a lesson section; ``advanced``: not in kid mode), drawn only
    while a learner has it open (:func:`lib.ui.unfolded`), its question the label: the box to fill, or None
    while it is closed or hidden."""
    from lib import ui
    from lib.mnist import content as words

    return ui.unfolded(view, view.say(words.STEPS[name]), name) if view.shown(name, advanced) else None


def thumbnails(images, **options) -> None:
    """Digits drawn small and sharp (each pixel enlarged, not blurred), one after another."""
    st.image([enlarge(to_8bit(image), THUMBNAIL) for image in images], width=THUMBNAIL, **options)


@st.cache_resource(show_spinner=False)
def course_images() -> np.ndarray:
    """The course's ten images (:func:`lib.mnist.results.load_course_images`), read once; read-only."""
    from lib.mnist import results

    return _read_only(results.load_course_images())[0]


@st.cache_resource(show_spinner=False)
def course_probabilities() -> dict[bool, np.ndarray]:
    """Each shipped network's probabilities (10, 10) for the course's ten images, keyed by "with inverted
    copies?"; computed once per server."""
    from lib import mnist

    answers = {inverted: mnist.predict(shipped_network(inverted), course_images()) for inverted in (False, True)}
    _read_only(*answers.values())
    return answers


@st.cache_resource(show_spinner=False)
def course_pictures() -> list[bytes]:
    """The course's ten images as small sharp PNGs, encoded once."""
    return [png_bytes(enlarge(to_8bit(image), THUMBNAIL)) for image in course_images()]


@st.cache_resource(show_spinner=False, max_entries=200)
def threshold_view(invert: bool, percent: int):
    """The threshold chart of the network ``invert`` at ``percent`` %, and the share of test digits it then
    answers and its accuracy on those."""
    from lib.mnist import charts

    curve = _threshold_curve(invert)
    at = curve.iloc[percent]
    return charts.threshold_chart(curve, percent / 100), float(at["answered"]), float(at["accuracy"])


@st.cache_resource(show_spinner=False)
def _threshold_curve(invert: bool):
    from lib.mnist import results

    return results.threshold_curve(test_probabilities(invert, False), test_set()[1], np.linspace(0, 0.99, 100))


@st.cache_resource(show_spinner=False)
def kernel_figure(invert: bool):
    """The first layer's 16 filters of the network ``invert``."""
    from lib import mnist
    from lib.mnist import charts

    return charts.kernel_chart(mnist.first_layer_kernels(shipped_network(invert)))


@st.cache_resource(show_spinner=False, max_entries=32)
def feature_map_figures(invert: bool, digit: np.ndarray) -> tuple:
    """The feature maps of both convolution layers of the network ``invert`` for ``digit`` (28×28)."""
    from lib import mnist
    from lib.mnist import charts

    maps = mnist.feature_maps(shipped_network(invert), digit)
    return (charts.feature_map_chart(maps["conv1"], "Layer 1: where each filter fires"),
            charts.feature_map_chart(maps["conv2"], "Layer 2: 32 larger shapes, half size"))


@st.cache_resource(show_spinner=False)
def confusion_view(invert: bool, flipped_test: bool):
    """The confusion matrix of the network ``invert`` on the test digits (inverted if ``flipped_test``), and its
    chart; read-only."""
    from lib.mnist import charts, results

    matrix = _read_only(results.confusion(test_probabilities(invert, flipped_test), test_set()[1]))[0]
    share_right = np.trace(matrix) / matrix.sum()
    return matrix, charts.confusion_chart(matrix, f"Answers for each true digit ({share_right:.2%} right)")


@st.cache_resource(show_spinner=False)
def digit_card(inverted: bool):
    """The model card of the shipped network ``inverted`` (:func:`lib.mnist.card.model_card`), from the same
    cached test-set and course answers the page shows; built once per server."""
    from lib.mnist import card

    return card.model_card(inverted, probabilities={flipped: test_probabilities(inverted, flipped)
                                                    for flipped in (False, True)},
                           labels=test_set()[1], course_probabilities=course_probabilities()[inverted])


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
