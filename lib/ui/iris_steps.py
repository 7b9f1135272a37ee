"""The /iris page's steps below the playground (issues #4, #17), in the page's order: each asks its question in
its label and is drawn only while open (:func:`lib.ui.unfolded`), so the page opens with only the playground's
browser code; a step's charts, tables and code boxes load when a learner opens it. The data, the split, the
design and the training come first; the judge, the model card, the learner's flower, the decision map, the
baselines and the overfitting demo need a trained network. ``data`` is the learner's own table
(:class:`lib.iris.own_data.OwnData`), None for the irises."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lib import iris, ui
from lib.iris import charts, network, pictures
from lib.iris import content as words
from lib.iris.tables import species_counts, species_scores
from lib.ui import model_card as model_card_view
from lib.ui.iris import (OVERFIT_RESULT, OWN_MAP_AXES, LiveCurves, baselines, map_axes, measure_a_flower,
                         show_curves, shown_result, train)
from lib.ui.iris_own_data import map_parts
from lib.ui.svg_picture import svg_picture


def data_step(view, frame: pd.DataFrame, data) -> None:
    """What the network learns from: the irises (their scatter matrix on the full page) or the own table."""
    if not (step := ui.unfolded(view, view.say(words.STEP_DATA) if data is None else words.STEP_OWN_DATA,
                                "iris_data")):
        return
    with step:
        if data is not None:
            st.markdown(words.OWN_DATA, help=ui.define("feature"))
            st.dataframe(data.table, height=240, hide_index=True)
            return
        st.markdown(view.say(words.DATA_QUESTION), help=ui.define("feature"))
        if view.shown("data", advanced=True):
            st.plotly_chart(charts.scatter_matrix(frame), key="iris_splom")
        with st.expander(view.say(words.ANSWER)):
            st.markdown(view.say(words.DATA))
            if view.shown("data", advanced=True):
                st.caption(words.DATA_CAPTION)
                st.dataframe(frame, height=240, hide_index=True)


def split_step(view, config: iris.IrisConfig, y_train: np.ndarray, y_test: np.ndarray) -> None:
    """How many flowers to keep for the test, and how many to train on, beside the count of each class."""
    if not (step := ui.unfolded(view, view.say(words.STEP_SPLIT), "iris_split")):
        return
    with step:
        st.markdown(view.say(words.SPLIT_QUESTION), help=ui.define("test set"))
        split_controls, split_table = st.columns([1, 2], gap="medium") if not view.kids else (st.container(),) * 2
        with split_controls:
            view.slider("test", format="%.2f")
            view.select_slider("flowers")
        with split_table:
            st.dataframe(species_counts(y_train, y_test, config.classes))
            st.caption(words.split_caption(len(y_train), len(y_test)))
        with st.expander(view.say(words.ANSWER)):
            st.markdown(view.say(words.SPLIT))


def design_step(view, config: iris.IrisConfig) -> None:
    """How many weights and biases the chosen design has to learn (the full page only)."""
    if not (step := ui.unfolded(view, words.STEP_DESIGN, "iris_design")):
        return
    with step:
        st.markdown(words.DESIGN_QUESTION, help=ui.define("neural network"))
        st.metric("Weights and biases to learn", f"{config.parameter_count:,}",
                  help="Each neuron has one weight per input plus one bias; training finds all of them.")
        with st.expander(words.ANSWER[0]):
            st.markdown(words.DESIGN + " " + words.diagram_caption(config.layer_sizes, pictures.MAX_NODES_DRAWN))


def training_step(view, result: iris.TrainResult | None, items: str) -> None:
    """What training did, epoch by epoch, once trained (the full page only)."""
    if not (step := ui.unfolded(view, words.STEP_TRAIN, "iris_training")):
        return
    with step:
        st.markdown(words.TRAIN_QUESTION, help=ui.define("training"))
        if result is not None:
            show_curves(view, result, "iris_curves", words.curves_caption(items))
            with st.expander(words.WHY[0]):
                st.markdown(words.TRAIN)


def judge_step(view, result: iris.TrainResult, config: iris.IrisConfig, examples: list[str],
               confusion: np.ndarray, X_test: np.ndarray, y_test: np.ndarray) -> None:
    """How good the network is on flowers it never saw: the test accuracy and the course's example flowers;
    on the full page also the training accuracy, the confusion matrix and each class's score."""
    if not (step := ui.unfolded(view, view.say(words.STEP_JUDGE), "iris_judge")):
        return
    with step:
        st.markdown(view.say(words.JUDGE_QUESTION), help=ui.define("accuracy"))
        st.metric("Test accuracy", f"{result.test_accuracy:.1%}",
                  help="Share of the test flowers (never trained on) the network labels correctly.")
        if examples:
            st.code("\n".join(examples), language=None, wrap_lines=True)
        else:
            st.caption(words.OWN_NO_EXAMPLES)
        if not view.kids:
            st.metric("Training accuracy (last epoch)", f"{result.history['accuracy'][-1]:.1%}")
            st.caption(f"Trained in {result.seconds:.1f} s.")
            st.vega_lite_chart(charts.confusion_figure(confusion, classes=config.classes), key="iris_confusion",
                               width="stretch", alt=words.CONFUSION_ALT)
            st.dataframe(species_scores(y_test, iris.per_species_accuracy(result.model, X_test, y_test),
                                        config.classes), hide_index=True)
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say((words.EXAMPLES, words.TRAIN[1])))


def card_step(view, card) -> None:
    """The trained network's model card (:mod:`lib.iris.card`)."""
    if view.shown("card") and (step := ui.unfolded(view, view.say(words.STEP_CARD), "iris_card")):
        with step:
            st.markdown(view.say(words.CARD_QUESTION), help=ui.define("model card"))
            model_card_view.show(view, card)
            st.caption(view.say(words.CARD_NOTE))


def measure_step(view, result: iris.TrainResult, frame: pd.DataFrame, flower: np.ndarray,
                 data) -> tuple[np.ndarray, str]:
    """The learner's flower, measured with sliders, and what the network says it is; returns the flower and
    that verdict (``flower`` and "" while the step is closed, or on an own table)."""
    if data is None and view.shown("measure") and (step := ui.unfolded(view, view.say(words.STEP_MEASURE),
                                                                       "iris_measure")):
        with step:
            st.markdown(view.say(words.MEASURE), help=ui.define("probability"))
            return measure_a_flower(view, result, frame)
    return flower, ""


def map_step(view, config: iris.IrisConfig, frame: pd.DataFrame, flower: np.ndarray, weights, data) -> None:
    """The decision map on two measurements the learner picks, the others held at the learner's flower."""
    if not (view.shown("map", advanced=True) and (step := ui.unfolded(view, words.STEP_MAP, "iris_map"))):
        return
    with step:
        st.markdown(words.MAP)
        x_feature, y_feature = (map_axes() if data is None else
                                map_axes(data.inputs, OWN_MAP_AXES, f"iris_map_own_{data.digest[:12]}"))
        if x_feature == y_feature:
            st.warning("Pick two different measurements for the two axes.")
            return
        points, fixed, star, names = map_parts(config, frame, flower)
        xs, ys, grid = network.decision_grid(weights, config.activation, x_feature, y_feature, fixed,
                                             resolution=120, data=data)
        svg_picture(pictures.decision_map(xs, ys, grid, points, x_feature, y_feature, star,
                                          alt=words.map_alt(config), **names), key="iris_map")


def baselines_step(view, result: iris.TrainResult, seed: int) -> None:
    """The network's test accuracy beside simpler models' on the same split."""
    if not (view.shown("baselines", advanced=True) and (step := ui.unfolded(view, words.STEP_BASELINES,
                                                                              "iris_baselines"))):
        return
    with step:
        st.markdown(words.BASELINES, help=ui.define("model"))
        scores = {"Your neural network": result.test_accuracy} | baselines(result.X_train, result.y_train,
                                                                           result.X_test, result.y_test, seed)
        st.vega_lite_chart(charts.accuracy_bars(scores), key="iris_baselines", width="stretch",
                           alt=words.BASELINES_ALT)


def overfit_step(view) -> None:
    """A big network trained on nine flowers: its training curves part from its test curves."""
    if not (view.shown("overfit", advanced=True) and (step := ui.unfolded(view, words.STEP_OVERFIT,
                                                                            "iris_overfit"))):
        return
    with step:
        st.markdown(words.overfit_intro(iris.OVERFIT_CONFIG), help=ui.define("overfitting"))
        if st.button("Run the overfitting demo", key="iris_overfit", icon=":material/trending_up:",
                     help="Trains the big network on nine flowers; takes a little longer than the course's network."):
            train(view, iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, LiveCurves("iris_overfit_live"), OVERFIT_RESULT)
        if demo := shown_result(iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, OVERFIT_RESULT):
            show_curves(view, demo, "iris_overfit_curves", words.overfit_caption(demo.history, demo.test_accuracy))
