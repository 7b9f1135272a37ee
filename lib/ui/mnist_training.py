"""The /mnist page's "Train it yourself": the form of choices, the learner's run trained live (or replayed
when this server already has it) with its curves, and their network beside the shipped two.

:mod:`lib.mnist.live` (and with it TensorFlow) is imported inside the functions, so the page loads it only
when someone presses Train.
"""

from __future__ import annotations

import time
from functools import partial

import numpy as np
import streamlit as st

from lib.training import replay_frames


def training_form():
    """The choices for "Train it yourself", in a form so nothing trains until Train is pressed: the
    :class:`lib.mnist.live.LiveSetting` chosen, and whether Train was pressed."""
    from lib.mnist import content as words
    from lib.mnist.augment import Augmentations
    from lib.mnist.live import SIZES, LiveSetting

    default = LiveSetting()

    def control(widget, name: str, *args):
        label, help_text = words.TRAIN_CONTROLS[name]
        return widget(label, *args, key=f"mnist_train_{name}", help=help_text)

    with st.form("mnist_train_form"):
        size = control(partial(st.select_slider, format_func=lambda n: f"{n:,}"), "size", SIZES, default.size)
        epochs = control(st.slider, "epochs", 1, 3, default.epochs)
        wants = Augmentations(invert=control(st.checkbox, "invert", default.wants.invert),
                              rotation=control(st.slider, "rotation", 0, 30, 0),
                              noise=control(st.slider, "noise", 0.0, 0.3, 0.0, 0.05),
                              blur=control(st.slider, "blur", 0.0, 1.5, 0.0, 0.25),
                              brightness=control(st.slider, "brightness", 0.0, 0.8, 0.0, 0.1))
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
             words.training_progress(progress.epoch, progress.epochs, progress.step, progress.steps))

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


def compare_with_yours(run, course: np.ndarray, course_probabilities: dict, digit: np.ndarray | None) -> np.ndarray:
    """The learner's own network beside the shipped two on the course's images, and its answer to ``digit``;
    returns its probabilities (10, 10) for the course's images."""
    from lib import mnist
    from lib.mnist import results

    yours = mnist.predict(run.model, course)
    mine = results.course_table(yours)
    st.dataframe({"image": mine.index, "plain": course_probabilities[False].argmax(1),
                  "with inverted copies": course_probabilities[True].argmax(1), "yours": mine["answer"],
                  "yours is": mine["verdict"]}, hide_index=True, width="stretch")
    if digit is not None:
        st.write(f"On your digit, your network says **{int(mnist.predict(run.model, digit)[0].argmax())}**.")
    return yours
