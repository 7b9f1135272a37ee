"""The /iris page's Streamlit side (issues #4, #17): its cached data and baselines, the "back to the course's
network" button, the playground's pictures (the network, the decision map and the curves), live training (the
queue, a progress bar and those pictures growing epoch by epoch, or the replay of a run this server already
trained), which trained network the learner may see, and the controls of the learner's own flower and of the
decision map (plain widgets: they are not lesson settings).

The cached functions live in a module, not in the page, because Streamlit builds a cached function's wrapper
each time its ``@st.cache_*`` line runs; a module is imported once, so each wrapper is built once per process.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import streamlit as st

from lib import iris
from lib.iris import charts, network, pictures
from lib.iris import content as words
from lib.iris.baselines import baseline_accuracies
from lib.iris.cache import cached, train_cached
from lib.iris.network import Weights
from lib.ui.iris_own_data import map_parts
from lib.training import replay_frames
from lib.ui.svg_picture import svg_picture

WATCHED = "iris_watched"  #: session state: (config, seed) → whether the learner watched that run as a replay
RESULT, OVERFIT_RESULT = "iris_result", "iris_overfit_result"  #: session state: the learner's last runs
#: Redraws in a replay: each draws three charts, which a browser needs a moment to build, so fewer than
#: lib.training's default and each shown longer.
REPLAY_FRAMES = 6
MAP_AXES = (2, 3)  #: the playground's decision map: petal length across, petal width up (they part the species best)
OWN_MAP_AXES = (0, 1)  #: with an own table: its first two inputs


@st.cache_data(show_spinner="Loading the 150 iris measurements…")
def iris_frame() -> pd.DataFrame:
    return iris.load_iris_frame()


@st.cache_data(show_spinner="Training the simpler models on the same flowers…")
def baselines(X_train, y_train, X_test, y_test, seed) -> dict[str, float]:
    return baseline_accuracies(X_train, y_train, X_test, y_test, seed)


def reset_design(view) -> None:
    """"Back to the course's network": every unlocked design setting to its default."""
    for setting in view.lesson.settings:
        if setting.key.startswith("iris_design_") and not view.locked(setting.name):
            st.session_state[setting.key] = setting.default


def flower_now() -> np.ndarray:
    """The learner's flower as the sliders of :func:`measured_flower` hold it (the course's first example
    flower until they are moved), for drawing before those sliders are."""
    return np.array([st.session_state.get(f"iris_flower_{k}", float(value))
                     for k, value in enumerate(iris.EXAMPLE_FLOWERS[0])])


def measured_flower(frame: pd.DataFrame) -> np.ndarray:
    """The learner's own flower: one slider per measurement, from the smallest to the largest flower measured
    in ``frame`` (the network has seen nothing outside that), starting at the course's first example flower.
    The sliders keep their values while their step is closed (:func:`flower_now` reads them then)."""
    return np.array([st.slider(feature, float(frame[feature].min()), float(frame[feature].max()),
                               float(iris.EXAMPLE_FLOWERS[0][k]), 0.1, key=f"iris_flower_{k}", persist_state="session",
                               help=f"The flower's {feature.replace(' (cm)', '')} in centimetres, within the "
                                    "range of the 150 measured flowers.")
                     for k, feature in enumerate(iris.FEATURES)])


def measure_a_flower(view, result: iris.TrainResult, frame: pd.DataFrame) -> tuple[np.ndarray, str]:
    """The learner's flower and the "I don't know" threshold beside the network's answer and its probability
    bars; returns the flower and the answer in words."""
    flower_column, answer_column = st.columns(2, gap="medium")
    with flower_column:
        flower = measured_flower(frame)
        threshold = view.slider("threshold")
    with answer_column:
        probabilities = result.predict_proba(flower)[0]
        answer = iris.decide(probabilities, threshold / 100)
        verdict = words.verdict(probabilities, answer, threshold)
        if answer is None:
            st.warning(verdict, icon=":material/help:")
        else:
            st.success(verdict, icon=":material/local_florist:")
        st.vega_lite_chart(charts.probability_bars(probabilities, threshold / 100), key="iris_probabilities",
                           width="stretch", alt=words.PROBABILITY_ALT)
    return flower, verdict


def map_axes(features: tuple[str, ...] = iris.FEATURES, start: tuple[int, int] = MAP_AXES,
             key: str = "iris_map") -> tuple[int, int]:
    """The two measurements (feature indices) the decision map spreads along its axes; petal length across
    and petal width up at first (kept while their step is closed). An own table passes its ``features``, the
    ``start`` and a ``key`` of its own."""
    x = st.selectbox("Across (x axis)", range(len(features)), start[0], format_func=features.__getitem__,
                     key=f"{key}_x", help="The measurement along the bottom of the map.", persist_state="session")
    y = st.selectbox("Up (y axis)", range(len(features)), start[1], format_func=features.__getitem__,
                     key=f"{key}_y", help="The measurement up the side of the map.", persist_state="session")
    return x, y


def shown_result(config: iris.IrisConfig, seed: int, slot: str = RESULT) -> iris.TrainResult | None:
    """The trained network for this design and seed, or None until this learner has pressed Train for it
    (trained live or watched the replay): showing a run someone else in the room trained would take away the
    moment of watching it learn. ``slot`` holds the learner's own last run, for when the server has since
    dropped it."""
    if (config, seed) not in st.session_state.setdefault(WATCHED, {}):
        return None
    result, previous = cached(config, seed), st.session_state.get(slot)
    if result is None and previous is not None and (previous.config, previous.seed) == (config, seed):
        return previous
    return result


class LiveCurves:
    """Where a run is drawn while it trains: the queue notice, a progress bar and the curves, one above the
    other where this is made (the overfitting demo)."""

    config: iris.IrisConfig  #: the run being drawn (set by :func:`train`)

    def __init__(self, key: str):
        self.key = key
        self.status, self.bar, self.curves = st.empty(), st.empty(), st.empty()

    def progress(self, epoch: int, epochs: int, history: dict[str, list[float]], weights) -> None:
        """Draw the run after ``epoch`` of ``epochs``: its curves so far (``weights``: the network then)."""
        self.advance(epoch, epochs, history)
        items = words.items(self.config)
        with self.curves:
            svg_picture(pictures.training_curves(history, epochs, items=items, alt=words.curves_alt(items)),
                        key=f"{self.key}_{epoch}")

    def begin(self, seed: int) -> None:
        """Before the first epoch: nothing to draw yet."""

    def advance(self, epoch: int, epochs: int, history: dict[str, list[float]]) -> None:
        self.bar.progress(epoch / epochs, text=words.epoch_line(epoch, epochs, history["test_accuracy"][-1]))

    def done(self) -> None:
        for placeholder in (self.status, self.bar, self.curves):
            placeholder.empty()


class Playground(LiveCurves):
    """The playground's pictures: the network diagram and, under it side by side, the decision map and the
    curves, drawn again after every epoch while a run trains. The queue notice, the progress bar and the
    playground's one line of result (:attr:`note`) go where this is made (under Train); :meth:`place` puts the
    pictures where it is called."""

    def __init__(self, frame: pd.DataFrame):
        self.frame, self.key = frame, "iris_live"
        self.status, self.bar, self.note = st.empty(), st.empty(), st.empty()

    def place(self) -> None:
        self.diagram = st.empty()
        left, right = st.columns(2, gap="small")
        self.map, self.curves = left.empty(), right.empty()

    def show(self, config: iris.IrisConfig, weights: Weights, history: dict[str, list[float]], tag: str = "") -> None:
        """Draw the network ``weights`` (of ``config``) and its curves so far (``history``, empty before
        training); ``tag`` keeps each redraw's charts apart while a run trains."""
        axes = MAP_AXES if config.data is None else OWN_MAP_AXES
        points, fixed, _, names = map_parts(config, self.frame, flower_now())
        xs, ys, grid = network.decision_grid(weights, config.activation, *axes, fixed, data=config.data)
        title = pictures.DIAGRAM_TITLE if config.data is None else words.OWN_DIAGRAM_TITLE
        items = words.items(config)
        # The same key at every rerun: the browser swaps the drawing in place (a run's redraws, all in one
        # rerun, each need their own).
        with self.diagram:
            svg_picture(pictures.network_diagram(config.layer_sizes, weights, title, alt=words.diagram_alt(config),
                                                 features=config.features, classes=config.classes),
                        key="iris_diagram" + tag)
        with self.map:
            svg_picture(pictures.decision_map(xs, ys, grid, points, *axes, compact=True, alt=words.map_alt(config),
                                              **names), key="iris_small_map" + tag)
        with self.curves:
            svg_picture(pictures.training_curves(history, config.epochs, compact=True, items=items,
                                                 alt=words.curves_alt(items)), key="iris_small_curves" + tag)

    def begin(self, seed: int) -> None:
        """Before the first epoch: the untrained network, so the pictures never go blank while it starts."""
        self.show(self.config, network.untrained(self.config.layer_sizes, seed), {}, tag="_start")

    def progress(self, epoch: int, epochs: int, history: dict[str, list[float]], weights) -> None:
        self.advance(epoch, epochs, history)
        if weights is not None:
            self.show(self.config, weights, history, tag=f"_live_{epoch}")

    def done(self) -> None:
        self.status.empty()
        self.bar.empty()


def weights_of(result: iris.TrainResult) -> Weights:
    """The trained network's weights, as the playground draws them."""
    return result.snapshots[-1] if result.snapshots else network.layer_parameters(result.model)


def train(view, config: iris.IrisConfig, seed: int, board: LiveCurves, slot: str = RESULT) -> None:
    """Train (or replay) this design, drawing it on ``board`` as it learns, keep it as the learner's run in
    ``slot`` and draw the page again from the top, so everything shows the trained network."""
    board.config = config
    result, replayed = train_with_progress(view, config, seed, board)
    st.session_state[slot] = result
    st.session_state.setdefault(WATCHED, {})[(config, seed)] = replayed
    st.rerun()


def train_with_progress(view, config: iris.IrisConfig, seed: int, board: LiveCurves) -> tuple[iris.TrainResult, bool]:
    """Train a run, showing the queue, a progress bar and the run growing on ``board`` while it trains. A run
    this server has already trained is replayed from its stored curves and weights instead, so every learner
    watches it learn. Returns the run and whether it was a replay."""
    board.bar.progress(0.0, text="Starting TensorFlow and building the network…")
    board.begin(seed)

    def on_wait(ahead: int) -> None:
        board.status.info(words.waiting(ahead), icon=":material/hourglass_top:")

    trained_here = []

    def on_progress(progress: iris.Progress) -> None:
        board.status.empty()
        trained_here.append(progress.epoch)
        board.progress(progress.epoch, config.epochs, progress.history, progress.weights)

    result = train_cached(config, seed, on_progress=on_progress, on_wait=on_wait)
    if not trained_here:  # trained before, or by the run we queued behind
        board.status.info(view.say(words.REPLAYING), icon=":material/replay:")
        for frame in replay_frames(result.history, max_frames=REPLAY_FRAMES):
            epoch = len(frame.history["loss"])
            board.progress(epoch, config.epochs, frame.history,
                           result.snapshots[epoch - 1] if len(result.snapshots) >= epoch else None)
            time.sleep(frame.pause)
    board.done()
    return result, not trained_here


def show_curves(view, result: iris.TrainResult, key: str, caption: str) -> None:
    """A finished run's training curves with their ``caption``, then, when the learner watched a replay of it,
    a caption saying so."""
    items = words.items(result.config)
    svg_picture(pictures.training_curves(result.history, result.config.epochs, items=items,
                                         alt=words.curves_alt(items)), key=key)
    st.caption(caption)
    if st.session_state.get(WATCHED, {}).get((result.config, result.seed)):
        st.caption(view.say(words.REPLAYED))
