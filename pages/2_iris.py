"""Topic page /iris: build, train and question the course's first neural network (issue #4). The network
lives in lib.iris, the words in lib.iris.content, the settings in lib/iris/lesson.toml, training and the
cached views in lib.ui.iris; this page lays them out."""

from functools import partial

import streamlit as st

# These imports come before page_setup, as on every page: none of them runs a Streamlit command (lib never
# imports Streamlit and lib.ui.iris only defines functions), and Streamlit 1.67's set_page_config need not
# be the first command anyway. Nothing here imports TensorFlow: it loads when the first network is trained.
from lib import iris, ui
from lib.iris import charts
from lib.iris import content as words
from lib.iris.handout import handout
from lib.iris.tables import species_counts, species_scores
from lib.ui.iris import (OVERFIT_RESULT, baselines, iris_frame, map_axes, measured_flower, reset_design, show_curves,
                         shown_result, train)

view = ui.page_setup("iris")
frame = iris_frame()

# 1 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("1 · Meet the data", anchor=False, help=ui.define("feature"))
st.markdown(view.say(words.DATA))
if view.shown("data"):
    st.dataframe(frame, height=240, hide_index=True)
    st.plotly_chart(charts.scatter_matrix(frame), key="iris_splom")
    st.caption(words.DATA_CAPTION)

# 2 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("2 · Split: flowers to learn from, flowers to test on", anchor=False, help=ui.define("test set"))
st.markdown(view.say(words.SPLIT))
test_fraction = view.slider("test", format="%.2f")
train_limit = view.select_slider("flowers")
seed = view.number_input("seed")

# 3 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("3 · Design the network", anchor=False, help=ui.define("neural network"))
st.markdown(view.say(words.DESIGN))
st.button("Back to the course's network", key="iris_reset", icon=":material/restart_alt:", on_click=reset_design,
          args=(view,), help="Restore every setting in this section to the course's values.")
layers = view.slider("layers")
hidden = tuple(view.slider(f"n{k + 1}") for k in range(layers))
activation, learning_rate = view.selectbox("activation"), view.select_slider("lr")
epochs, steps, batch_size = view.slider("epochs"), view.slider("steps"), view.select_slider("batch")
config = iris.IrisConfig(hidden_layers=hidden, activation=activation, learning_rate=learning_rate, epochs=epochs,
                         steps_per_epoch=steps, batch_size=batch_size, test_fraction=test_fraction,
                         train_size=None if train_limit == "all" else train_limit)

X_train, X_test, y_train, y_test = iris.split(config, seed)
st.subheader("The split", anchor=False)
st.dataframe(species_counts(y_train, y_test))
st.caption(words.split_caption(len(y_train), len(y_test)))

result = shown_result(config, seed)
st.subheader("The diagram", anchor=False)
st.metric("Weights and biases to learn", f"{config.parameter_count:,}",
          help="Each neuron has one weight per input plus one bias; training finds all of them.")
st.plotly_chart(charts.network_diagram(config.layer_sizes, iris.layer_weights(result.model) if result else None),
                key="iris_diagram")
st.caption(words.diagram_caption(config.layer_sizes, charts.MAX_NODES_DRAWN))

# 4 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("4 · Train", anchor=False, help=ui.define("training"))
st.markdown(view.say(words.TRAIN))
if st.button("Train the network", key="iris_train", type="primary", icon=":material/play_arrow:",
             help="Train this design with this seed. Results are kept: settings this server has already "
                  "trained are replayed, not trained again."):
    train(view, config, seed)
if result is None:
    st.info(words.press_train(view.from_link), icon=":material/info:")
    ui.end_of_page(view, handout=partial(handout, view.link, config, seed))
    st.stop()
show_curves(view, result, "iris_curves", words.CURVES_CAPTION)

# 5 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("5 · Judge it", anchor=False, help=ui.define("accuracy"))
st.metric("Test accuracy", f"{result.test_accuracy:.1%}",
          help="Share of the test flowers (never trained on) the network labels correctly.")
st.metric("Training accuracy (last epoch)", f"{result.history['accuracy'][-1]:.1%}")
st.caption(f"Trained in {result.seconds:.1f} s.")
st.markdown(words.EXAMPLES)
examples = iris.example_lines(result.model)
st.code("\n".join(examples), language=None, wrap_lines=True)
confusion = iris.confusion(result.model, X_test, y_test)
st.plotly_chart(charts.confusion_figure(confusion), key="iris_confusion")
st.dataframe(species_scores(y_test, iris.per_species_accuracy(result.model, X_test, y_test)), hide_index=True)

# 6 ────────────────────────────────────────────────────────────────────────────────────────────────
flower, verdict = iris.EXAMPLE_FLOWERS[0], ""
if view.shown("measure"):
    st.header("6 · Measure a flower", anchor=False, help=ui.define("probability"))
    st.markdown(words.MEASURE)
    flower = measured_flower(frame)
    threshold = view.slider("threshold")
    probabilities = result.predict_proba(flower)[0]
    answer = iris.decide(probabilities, threshold / 100)
    verdict = words.verdict(probabilities, answer, threshold)
    if answer is None:
        st.warning(verdict, icon=":material/help:")
    else:
        st.success(verdict, icon=":material/local_florist:")
    st.plotly_chart(charts.probability_bars(probabilities, threshold / 100), key="iris_probabilities")

# 7 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("map"):
    st.header("7 · See what it learned", anchor=False)
    st.markdown(words.MAP)
    x_feature, y_feature = map_axes()
    if x_feature == y_feature:
        st.warning("Pick two different measurements for the two axes.")
    else:
        xs, ys, grid = iris.decision_grid(result.model, x_feature, y_feature, flower)
        st.plotly_chart(charts.decision_map(xs, ys, grid, frame, x_feature, y_feature, flower), key="iris_map")

# 8 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("baselines", advanced=True):
    st.header("8 · Maybe you don't need a neural network", anchor=False, help=ui.define("model"))
    st.markdown(words.BASELINES)
    scores = {"Your neural network": result.test_accuracy} | baselines(result.X_train, result.y_train,
                                                                       result.X_test, result.y_test, seed)
    st.plotly_chart(charts.accuracy_bars(scores), key="iris_baselines")

# 9 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("overfit", advanced=True):
    st.header("9 · Overfitting: learning by heart", anchor=False, help=ui.define("overfitting"))
    st.markdown(words.overfit_intro(iris.OVERFIT_CONFIG))
    if st.button("Run the overfitting demo", key="iris_overfit", icon=":material/trending_up:",
                 help="Trains the big network on nine flowers; takes a little longer than the course's network."):
        train(view, iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, OVERFIT_RESULT)
    if demo := shown_result(iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, OVERFIT_RESULT):
        show_curves(view, demo, "iris_overfit_curves", words.overfit_caption(demo.history, demo.test_accuracy))

ui.end_of_page(view, handout=partial(handout, view.link, config, seed, result.test_accuracy, result.history, confusion,
                                     examples, list(flower), verdict))
