"""Topic page /iris: build, train and question the course's first neural network (issues #4, #17). The playground
comes first, as in TensorFlow Playground: Train and the design beside the network drawn with its weights, the
decision map and the curves, which grow epoch by epoch while it trains (a random untrained network until then);
then short steps, each asking before it explains; once trained, the network's model card (lib.iris.card, issue #18)
follows the judge step and goes into the record. The network lives in lib.iris, the words in lib.iris.content,
the settings in lib/iris/lesson.toml, training and the cached views in lib.ui.iris, the learner's own table (issue
#18: the same network on it) in lib.ui.iris_own_data; this page lays them out."""

from functools import partial

import streamlit as st

# No import here runs a Streamlit command or imports TensorFlow (it loads when the first network is trained).
from lib import iris, ui
from lib.iris import charts, network, pictures
from lib.iris import content as words
from lib.iris.card import model_card
from lib.iris.handout import handout
from lib.iris.tables import species_counts, species_scores
from lib.ui import model_card as model_card_view
from lib.ui.iris import (OVERFIT_RESULT, OWN_MAP_AXES, LiveCurves, Playground, baselines, flower_now, iris_frame, map_axes,
                         measure_a_flower, reset_design, show_curves, shown_result, train, weights_of)
from lib.ui.iris_own_data import choose_source, map_parts, own_data_step
from lib.ui.svg_picture import svg_picture

view = ui.page_setup("iris")
frame = iris_frame()

# The playground: Train and the design beside the pictures they change
controls, effect = st.columns([1, 2], gap="medium")  # side by side on a wide screen, stacked on a phone
with controls:
    data = choose_source(view)  # None: the irises
    pressed = st.button("Train the network", key="iris_train", type="primary", icon=":material/play_arrow:",
                        width="stretch", help="Train this design with this seed. Results are kept: settings this "
                                              "server has already trained are replayed, not trained again.")
    board = Playground(frame)  # the queue notice and the progress bar, under Train
    layers = view.slider("layers")
    hidden = tuple(view.slider(f"n{k + 1}") for k in range(layers))
    activation, epochs = view.radio("activation", horizontal=True), view.slider("epochs")
    with st.popover(words.MORE, icon=":material/tune:", width="stretch"):
        learning_rate, steps, batch_size = view.select_slider("lr"), view.slider("steps"), view.select_slider("batch")
        seed = view.number_input("seed")
        st.button("Back to the course's network", key="iris_reset", icon=":material/restart_alt:",
                  on_click=reset_design, args=(view,), help="Restore every design setting to the course's values.")
test_fraction, train_limit = view.value("test"), view.value("flowers")  # chosen in step 2
config = iris.IrisConfig(hidden_layers=hidden, activation=activation, learning_rate=learning_rate, epochs=epochs,
                         steps_per_epoch=steps, batch_size=batch_size, test_fraction=test_fraction,
                         train_size=None if train_limit == "all" else train_limit, data=data)
X_train, X_test, y_train, y_test = iris.split(config, seed)
with effect:
    board.place()
    if pressed:
        train(view, config, seed, board)
    result = shown_result(config, seed)
    weights = weights_of(result) if result else network.untrained(config.layer_sizes, seed)
    board.show(config, weights, result.history if result else {})
items = words.items(config)  # "flowers", or an own table's "rows"
board.note.markdown(view.say(words.trained(result.test_accuracy, len(y_test), epochs, items) if result else
                             words.untrained(network.accuracy(weights, activation, X_test, y_test), len(y_test),
                                             view.from_link, items)))
own_data_step(view)  # step 0, while "My own table" is chosen

# The steps: each asks its question in its label and is drawn only while open, so the page opens with only
# the playground's browser code (a step's charts, tables and code boxes load when a learner opens it).
if step := ui.unfolded(view, view.say(words.STEP_DATA) if data is None else words.STEP_OWN_DATA, "iris_data"):
    with step:
        if data is not None:
            st.markdown(words.OWN_DATA, help=ui.define("feature"))
            st.dataframe(data.table, height=240, hide_index=True)
        else:
            st.markdown(view.say(words.DATA_QUESTION), help=ui.define("feature"))
            if view.shown("data", advanced=True):
                st.plotly_chart(charts.scatter_matrix(frame), key="iris_splom")
            with st.expander(view.say(words.ANSWER)):
                st.markdown(view.say(words.DATA))
                if view.shown("data", advanced=True):
                    st.caption(words.DATA_CAPTION)
                    st.dataframe(frame, height=240, hide_index=True)

if step := ui.unfolded(view, view.say(words.STEP_SPLIT), "iris_split"):
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

if not view.kids:
    if step := ui.unfolded(view, words.STEP_DESIGN, "iris_design"):
        with step:
            st.markdown(words.DESIGN_QUESTION, help=ui.define("neural network"))
            st.metric("Weights and biases to learn", f"{config.parameter_count:,}",
                      help="Each neuron has one weight per input plus one bias; training finds all of them.")
            with st.expander(words.ANSWER[0]):
                st.markdown(words.DESIGN + " " + words.diagram_caption(config.layer_sizes, pictures.MAX_NODES_DRAWN))
    if step := ui.unfolded(view, words.STEP_TRAIN, "iris_training"):
        with step:
            st.markdown(words.TRAIN_QUESTION, help=ui.define("training"))
            if result is not None:
                show_curves(view, result, "iris_curves", words.curves_caption(items))
                with st.expander(words.WHY[0]):
                    st.markdown(words.TRAIN)
if result is None:
    kids = view.kids  # the handout is built on another thread, where Streamlit is not
    ui.end_of_page(view, handout=lambda: handout(view.link, config, seed,
                                                 card=model_card(config, seed), kids=kids))
    st.stop()

examples = iris.example_lines(result.model) if data is None else []  # the course's flowers: irises only
confusion = iris.confusion(result.model, X_test, y_test)
if step := ui.unfolded(view, view.say(words.STEP_JUDGE), "iris_judge"):
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

card = model_card(config, seed, result)
if view.shown("card") and (step := ui.unfolded(view, view.say(words.STEP_CARD), "iris_card")):
    with step:
        st.markdown(view.say(words.CARD_QUESTION), help=ui.define("model card"))
        model_card_view.show(view, card)
        st.caption(view.say(words.CARD_NOTE))

# The learner's flower (the map and the record use it; the course's first example flower until measured).
flower, verdict = flower_now(), ""
if data is None and view.shown("measure") and (step := ui.unfolded(view, view.say(words.STEP_MEASURE), "iris_measure")):
    with step:
        st.markdown(view.say(words.MEASURE), help=ui.define("probability"))
        flower, verdict = measure_a_flower(view, result, frame)

if view.shown("map", advanced=True) and (step := ui.unfolded(view, words.STEP_MAP, "iris_map")):
    with step:
        st.markdown(words.MAP)
        x_feature, y_feature = (map_axes() if data is None else
                                map_axes(data.inputs, OWN_MAP_AXES, f"iris_map_own_{data.digest[:12]}"))
        if x_feature == y_feature:
            st.warning("Pick two different measurements for the two axes.")
        else:
            points, fixed, star, names = map_parts(config, frame, flower)
            xs, ys, grid = network.decision_grid(weights, activation, x_feature, y_feature, fixed, resolution=120,
                                                 data=data)
            svg_picture(pictures.decision_map(xs, ys, grid, points, x_feature, y_feature, star,
                                              alt=words.map_alt(config), **names), key="iris_map")

if view.shown("baselines", advanced=True) and (step := ui.unfolded(view, words.STEP_BASELINES, "iris_baselines")):
    with step:
        st.markdown(words.BASELINES, help=ui.define("model"))
        scores = {"Your neural network": result.test_accuracy} | baselines(result.X_train, result.y_train,
                                                                           result.X_test, result.y_test, seed)
        st.vega_lite_chart(charts.accuracy_bars(scores), key="iris_baselines", width="stretch",
                           alt=words.BASELINES_ALT)

if view.shown("overfit", advanced=True) and (step := ui.unfolded(view, words.STEP_OVERFIT, "iris_overfit")):
    with step:
        st.markdown(words.overfit_intro(iris.OVERFIT_CONFIG), help=ui.define("overfitting"))
        if st.button("Run the overfitting demo", key="iris_overfit", icon=":material/trending_up:",
                     help="Trains the big network on nine flowers; takes a little longer than the course's network."):
            train(view, iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, LiveCurves("iris_overfit_live"), OVERFIT_RESULT)
        if demo := shown_result(iris.OVERFIT_CONFIG, iris.OVERFIT_SEED, OVERFIT_RESULT):
            show_curves(view, demo, "iris_overfit_curves", words.overfit_caption(demo.history, demo.test_accuracy))

ui.end_of_page(view, handout=partial(handout, view.link, config, seed, result.test_accuracy, result.history, confusion,
                                     examples, list(flower) if data is None else None, verdict, card=card,
                                     kids=view.kids),
               notebook={"weights": weights, "data": data})
