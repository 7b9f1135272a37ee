"""The /iris page's Streamlit side (issue #4): its cached data and baselines, the "back to the course's
network" button, live training (the queue, a progress bar and the curves growing epoch by epoch, or the replay
of a run this server already trained), which trained network the learner may see, and the controls of the
learner's own flower and of the decision map (plain widgets: they are not lesson settings).

The cached functions live in a module, not in the page, because Streamlit builds a cached function's wrapper
each time its ``@st.cache_*`` line runs; a module is imported once, so each wrapper is built once per process.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import streamlit as st

from lib import iris
from lib.iris import charts
from lib.iris import content as words
from lib.iris.baselines import baseline_accuracies
from lib.iris.cache import cached, train_cached
from lib.training import replay_frames

WATCHED = "iris_watched"  #: session state: (config, seed) → whether the learner watched that run as a replay
RESULT, OVERFIT_RESULT = "iris_result", "iris_overfit_result"  #: session state: the learner's last runs


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


def measured_flower(frame: pd.DataFrame) -> np.ndarray:
    """The learner's own flower: one slider per measurement, from a centimetre below the smallest flower in
    ``frame`` to one above the largest, starting at the course's first example flower."""
    return np.array([st.slider(feature, float(frame[feature].min()) - 1, float(frame[feature].max()) + 1,
                               float(iris.EXAMPLE_FLOWERS[0][k]), 0.1, key=f"iris_flower_{k}",
                               help=f"The flower's {feature.replace(' (cm)', '')} in centimetres.")
                     for k, feature in enumerate(iris.FEATURES)])


def map_axes() -> tuple[int, int]:
    """The two measurements (feature indices) the decision map spreads along its axes; petal length across
    and petal width up at first."""
    x = st.selectbox("Across (x axis)", range(4), 2, format_func=iris.FEATURES.__getitem__, key="iris_map_x",
                     help="The measurement along the bottom of the map.")
    y = st.selectbox("Up (y axis)", range(4), 3, format_func=iris.FEATURES.__getitem__, key="iris_map_y",
                     help="The measurement up the side of the map.")
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


def train(view, config: iris.IrisConfig, seed: int, slot: str = RESULT) -> None:
    """Train (or replay) this design, keep it as the learner's run in ``slot`` and draw the page again from the
    top, so what comes above (the network diagram) shows the trained weights."""
    result, replayed = train_with_progress(view, config, seed)
    st.session_state[slot] = result
    st.session_state.setdefault(WATCHED, {})[(config, seed)] = replayed
    st.rerun()


def train_with_progress(view, config: iris.IrisConfig, seed: int) -> tuple[iris.TrainResult, bool]:
    """Train a run, showing the queue, a progress bar and live curves while it trains. A run this server has
    already trained is replayed from its stored curves instead, so every learner watches it learn. Returns
    the run and whether it was a replay."""
    status, bar, curves = st.empty(), st.progress(0.0, text="Starting TensorFlow and building the network…"), st.empty()

    def on_wait(ahead: int) -> None:
        status.info(words.waiting(ahead), icon=":material/hourglass_top:")

    def show(history: dict[str, list[float]]) -> None:
        epoch = len(history["loss"])
        bar.progress(epoch / config.epochs, text=words.epoch_line(epoch, config.epochs, history["test_accuracy"][-1]))
        curves.plotly_chart(charts.training_curves(history, config.epochs), key=f"iris_live_{epoch}")

    trained_here = []

    def on_progress(progress: iris.Progress) -> None:
        status.empty()
        trained_here.append(progress.epoch)
        show(progress.history)

    result = train_cached(config, seed, on_progress=on_progress, on_wait=on_wait)
    if not trained_here:  # trained before, or by the run we queued behind
        status.info(view.say(words.REPLAYING), icon=":material/replay:")
        for frame in replay_frames(result.history):
            show(frame.history)
            time.sleep(frame.pause)
    for placeholder in (status, bar, curves):
        placeholder.empty()
    return result, not trained_here


def show_curves(view, result: iris.TrainResult, key: str, caption: str) -> None:
    """A finished run's training curves with their ``caption``, then, when the learner watched a replay of it,
    a caption saying so."""
    st.plotly_chart(charts.training_curves(result.history, result.config.epochs), key=key)
    st.caption(caption)
    if st.session_state.get(WATCHED, {}).get((result.config, result.seed)):
        st.caption(view.say(words.REPLAYED))
