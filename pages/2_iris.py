"""Topic page /iris: build, train and question the course's first neural network (issue #4)."""

import time
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from lib import ui

view = ui.page_setup("iris")

from lib import iris  # noqa: E402  (page_setup must be the first Streamlit call)
from lib.iris import charts  # noqa: E402
from lib.iris.baselines import baseline_accuracies  # noqa: E402
from lib.iris.cache import cached, train_cached  # noqa: E402
from lib.iris.handout import handout  # noqa: E402
from lib.training import replay_frames  # noqa: E402

LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64)
TRAIN_SIZES = (3, 5, 10, 20, 50, "all")


@st.cache_data(show_spinner="Loading the 150 iris measurements…")
def iris_frame() -> pd.DataFrame:
    return iris.load_iris_frame()


@st.cache_data(show_spinner="Training the simpler models on the same flowers…")
def baselines(X_train, y_train, X_test, y_test, seed) -> dict[str, float]:
    return baseline_accuracies(X_train, y_train, X_test, y_test, seed)


def reset_design() -> None:
    """"Back to the course's network": every unlocked design setting to its default."""
    for setting in view.lesson.settings:
        if setting.key.startswith("iris_design_") and not view.locked(setting.name):
            st.session_state[setting.key] = setting.default


def species_counts(y_train, y_test) -> pd.DataFrame:
    counts = {side: np.bincount(labels, minlength=3) for side, labels in (("training", y_train), ("test", y_test))}
    return pd.DataFrame(counts, index=[f"{k} {name}" for k, name in enumerate(iris.SPECIES)]).rename_axis("species")


def train_with_progress(config: iris.IrisConfig, seed: int) -> tuple[iris.TrainResult, bool]:
    """Train a run, showing the queue, a progress bar and live curves while it trains. A run this server has
    already trained is replayed from its stored curves instead, so every learner watches it learn. Returns
    the run and whether it was a replay."""
    status, bar, curves = st.empty(), st.progress(0.0, text="Starting TensorFlow and building the network…"), st.empty()

    def on_wait(ahead: int) -> None:
        status.info(f"Waiting for {ahead} other training run{'s' if ahead > 1 else ''} on this server to "
                    "finish; yours starts right after.", icon=":material/hourglass_top:")

    def show(history: dict[str, list[float]]) -> None:
        epoch = len(history["loss"])
        bar.progress(epoch / config.epochs, text=f"Epoch {epoch} of {config.epochs}: "
                     f"test accuracy {history['test_accuracy'][-1]:.1%}")
        curves.plotly_chart(charts.training_curves(history, config.epochs), key=f"iris_live_{epoch}")

    trained_here = []

    def on_progress(progress: iris.Progress) -> None:
        status.empty()
        trained_here.append(progress.epoch)
        show(progress.history)

    result = train_cached(config, seed, on_progress=on_progress, on_wait=on_wait)
    if not trained_here:  # trained before, or by the run we queued behind
        status.info(view.say("This design was already trained on this server; replaying its training.",
                             "Someone here already taught this robot brain; watch how it learned."),
                    icon=":material/replay:")
        for frame in replay_frames(result.history):
            show(frame.history)
            time.sleep(frame.pause)
    for placeholder in (status, bar, curves):
        placeholder.empty()
    return result, not trained_here


def replay_caption(config: iris.IrisConfig, seed: int) -> None:
    """Under a run's curves: say so when what the learner watched was a replay."""
    if st.session_state["iris_watched"].get((config, seed)):
        st.caption(view.say("This design was already trained on this server, so you watched a replay of that "
                            "run. The same design and seed give the same network.",
                            "That was a replay: this robot brain was already taught here. The same settings "
                            "always give the same brain."))


frame = iris_frame()

# 1 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("1 · Meet the data", anchor=False, help=ui.define("feature"))
st.markdown(view.say(
    "Someone measured 150 iris flowers with a ruler: the length and width of the **sepals** (the green leaves "
    "under the flower) and of the **petals**, in cm. These four numbers are the **features**, what the network "
    "sees. Each flower also has its species, the answer we want: the **label**. A network only does maths, "
    "so each species name is swapped for a number: **0 = setosa, 1 = versicolor, 2 = virginica**.",
    "The garden robot has a ruler. For 150 iris flowers someone measured four things: how long and wide the "
    "**petals** are, and the **sepals** (the green leaves under the flower). The robot must guess which of three "
    "kinds each flower is: **setosa**, **versicolor** or **virginica**."))
if view.shown("data"):
    st.dataframe(frame, height=240, hide_index=True)
    st.plotly_chart(charts.scatter_matrix(frame), key="iris_splom")
    st.caption("Setosa (blue circles) stands apart in every picture; versicolor (orange squares) and virginica "
               "(green diamonds) overlap in each one. The network has to combine all four measurements.")

# 2 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("2 · Split: flowers to learn from, flowers to test on", anchor=False, help=ui.define("test set"))
st.markdown(view.say(
    "We hide some flowers from the network while it learns (the **test set**) and use them only to mark it at "
    "the end, like an exam with questions the student has never seen. Training on them would be marking "
    "homework the student copied: a perfect score that tells us nothing.",
    "Some flowers are kept secret from the robot while it learns. At the end it is tested on them, like a quiz "
    "with questions it has never seen: that is the only fair way to know if it really learned."))
if view.shown("test"):
    st.slider("Share of flowers kept for the test", 0.1, 0.5, step=0.05, key="iris_test_fraction", format="%.2f",
              disabled=view.locked("test"),
              help="The course keeps 25% (38 flowers) for testing and trains on the other 112.")
if view.shown("flowers"):
    st.select_slider("Training flowers to use", TRAIN_SIZES, key="iris_train_size", disabled=view.locked("flowers"),
                     help="Learn from only a few of the training flowers (taken from each species in turn) to see "
                          "how much data a network needs. The test set stays the same.")
if view.shown("seed"):
    st.number_input("Random seed", 0, 999, key="iris_seed", disabled=view.locked("seed"),
                    help="Picks which flowers go to the test set, the network's starting weights and the order "
                         "flowers are shown in. The same seed gives the same result every time.")
test_fraction, train_limit, seed = view.value("test"), view.value("flowers"), view.value("seed")

# 3 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("3 · Design the network", anchor=False, help=ui.define("neural network"))
st.markdown(view.say("The course's network is preselected: 4 inputs → 10 neurons → 10 neurons → 3 outputs, one per "
            "species. **Softmax** on the outputs turns them into probabilities that add up to 100%.",
    "The robot's brain is made of little **neurons** in layers: 4 measurements go in, pass through the hidden "
    "layers, and 3 answers come out, one score per kind of flower."))
st.button("Back to the course's network", key="iris_reset", icon=":material/restart_alt:", on_click=reset_design,
          help="Restore every setting in this section to the course's values.")
if view.shown("layers"):
    st.slider("Hidden layers", 0, 3, key="iris_design_layers", disabled=view.locked("layers"),
              help="Layers of neurons between the inputs and the outputs. 0 means the inputs connect straight to "
                   "the outputs.")
for k in range(3):
    if view.shown(f"n{k + 1}") and k < view.value("layers"):
        st.slider(f"Neurons in hidden layer {k + 1}", 1, 64, key=f"iris_design_neurons_{k}",
                  disabled=view.locked(f"n{k + 1}"),
                  help="More neurons can learn more detailed patterns, but take longer and can overfit.")
hidden = tuple(view.value(f"n{k + 1}") for k in range(view.value("layers")))
if view.shown("activation"):
    st.selectbox("Activation of the hidden neurons", iris.ACTIVATIONS, key="iris_design_activation",
                  disabled=view.locked("activation"),
                  help="What each hidden neuron does to its weighted sum: relu keeps positives and zeroes negatives; "
                       "sigmoid squashes to 0–1; tanh to −1–1; linear changes nothing.")
if view.shown("lr"):
    st.select_slider("Learning rate", LEARNING_RATES, key="iris_design_lr", disabled=view.locked("lr"),
                     help="How big a step Adam takes when it nudges the weights. The course's 0.001 is Adam's "
                          "default; too big and training jumps around.")
if view.shown("epochs"):
    st.slider("Epochs", 1, 100, key="iris_design_epochs", disabled=view.locked("epochs"),
              help="Rounds of training. After each one the page measures the network on the test flowers.")
if view.shown("steps"):
    st.slider("Batches per epoch", 10, 200, step=10, key="iris_design_steps", disabled=view.locked("steps"),
              help="How many batches make one epoch (the course's steps_per_epoch = 150).")
if view.shown("batch"):
    st.select_slider("Batch size", BATCH_SIZES, key="iris_design_batch", disabled=view.locked("batch"),
                     help="Flowers shown together before each nudge of the weights; their average effect smooths "
                          "the steps.")
activation, learning_rate, epochs = view.value("activation"), view.value("lr"), view.value("epochs")
steps, batch_size = view.value("steps"), view.value("batch")
config = iris.IrisConfig(hidden_layers=hidden, activation=activation, learning_rate=learning_rate, epochs=epochs,
                         steps_per_epoch=steps, batch_size=batch_size, test_fraction=test_fraction,
                         train_size=None if train_limit == "all" else train_limit)

X_train, X_test, y_train, y_test = iris.split(config, seed)
st.subheader("The split", anchor=False)
st.dataframe(species_counts(y_train, y_test))
st.caption(f"{len(y_train)} flowers to learn from, {len(y_test)} to test on.")

# A learner sees a trained network only once they have pressed Train for it (trained live or watched the
# replay): showing a run someone else in the room trained would take away the moment of watching it learn.
watched = st.session_state.setdefault("iris_watched", {})  # (config, seed) -> whether it was a replay
result = None
if (config, seed) in watched:
    result = cached(config, seed)
    previous = st.session_state.get("iris_result")
    if result is None and previous is not None and (previous.config, previous.seed) == (config, seed):
        result = previous

st.subheader("The diagram", anchor=False)
st.metric("Weights and biases to learn", f"{config.parameter_count:,}",
          help="Each neuron has one weight per input plus one bias; training finds all of them.")
st.plotly_chart(charts.network_diagram(config.layer_sizes, iris.layer_weights(result.model) if result else None),
                key="iris_diagram")
st.caption("Grey lines until you train; then blue lines are negative weights, orange/red positive, "
           "thicker means stronger."
           + (f" Layers wider than {charts.MAX_NODES_DRAWN} neurons show their first {charts.MAX_NODES_DRAWN}."
              if max(config.layer_sizes) > charts.MAX_NODES_DRAWN else ""))

# 4 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("4 · Train", anchor=False, help=ui.define("training"))
st.markdown(view.say("Training shows the network the training flowers batch by batch and nudges every weight to make the "
            "**loss** (a measure of how wrong it is: sparse categorical cross-entropy) smaller, using the **Adam** "
            "optimiser. After each epoch it is tested on the hidden test flowers.",
    "Training means showing the robot the flowers again and again. Each time it gets one wrong, it changes its "
    "brain a tiny bit to be less wrong next time."))
if st.button("Train the network", key="iris_train", type="primary", icon=":material/play_arrow:",
             help="Train this design with this seed. Results are kept: settings this server has already "
                  "trained are replayed, not trained again."):
    st.session_state["iris_result"], watched[(config, seed)] = train_with_progress(config, seed)
    st.rerun()  # redraw from the top, so the diagram above shows the trained weights
if result is None:
    st.info("Press **Train the network**: the course's network takes a few seconds."
            + (" The link you opened set up this design; training is seeded, so you will get exactly the same "
               "run as the person who sent it." if view.from_link else ""),
            icon=":material/info:")
    ui.end_of_page(view, handout=partial(handout, view.link, config, seed))
    st.stop()
st.plotly_chart(charts.training_curves(result.history, config.epochs), key="iris_curves")
st.caption("Solid: training flowers; dashed: test flowers. Both should improve together. If training keeps "
           "improving while test gets worse, the network is memorising (overfitting).")
replay_caption(config, seed)

# 5 ────────────────────────────────────────────────────────────────────────────────────────────────
st.header("5 · Judge it", anchor=False, help=ui.define("accuracy"))
st.metric("Test accuracy", f"{result.test_accuracy:.1%}",
          help="Share of the test flowers (never trained on) the network labels correctly.")
st.metric("Training accuracy (last epoch)", f"{result.history['accuracy'][-1]:.1%}")
st.caption(f"Trained in {result.seconds:.1f} s.")
st.markdown("The course's three example flowers. The expected species is only printed next to the answer: "
            "the network never sees it.")
examples = iris.example_lines(result.model)
st.code("\n".join(examples), language=None, wrap_lines=True)
confusion = iris.confusion(result.model, X_test, y_test)
st.plotly_chart(charts.confusion_figure(confusion), key="iris_confusion")
per_species = iris.per_species_accuracy(result.model, X_test, y_test)
st.dataframe(pd.DataFrame({"species": iris.SPECIES, "test flowers": np.bincount(y_test, minlength=3),
                           "accuracy": [f"{a:.0%}" if np.isfinite(a) else "–" for a in per_species]}),
             hide_index=True)

# 6 ────────────────────────────────────────────────────────────────────────────────────────────────
flower, verdict = iris.EXAMPLE_FLOWERS[0], ""
if view.shown("measure"):
    st.header("6 · Measure a flower", anchor=False, help=ui.define("probability"))
    st.markdown("Move the sliders as if you had measured a flower yourself. The starting values are the course's "
                "first example flower.")
    flower = np.array([st.slider(feature, float(frame[feature].min()) - 1, float(frame[feature].max()) + 1,
                                 float(iris.EXAMPLE_FLOWERS[0][k]), 0.1, key=f"iris_flower_{k}",
                                 help=f"The flower's {feature.replace(' (cm)', '')} in centimetres.")
                       for k, feature in enumerate(iris.FEATURES)])
    if view.shown("threshold"):
        st.slider("Only answer when at least this sure (%)", 34, 99, key="iris_threshold",
                  disabled=view.locked("threshold"),
                  help="If no species reaches this probability, the app says \"I don't know\" instead of guessing. "
                       "Networks always give an answer, even for nonsense, unless we add this rule.")
    threshold = view.value("threshold")
    probabilities = iris.predict_proba(result.model, flower)[0]
    answer = iris.decide(probabilities, threshold / 100)
    if answer is None:
        verdict = (f"I don't know: no species reaches {threshold}%. The best guess would be "
                   f"{iris.SPECIES[int(probabilities.argmax())]} at {probabilities.max():.1%}.")
        st.warning(verdict, icon=":material/help:")
    else:
        verdict = f"This looks like **{iris.SPECIES[answer]}** ({probabilities[answer]:.1%} sure)."
        st.success(verdict, icon=":material/local_florist:")
    st.plotly_chart(charts.probability_bars(probabilities, threshold / 100), key="iris_probabilities")

# 7 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("map"):
    st.header("7 · See what it learned", anchor=False)
    st.markdown("The background shows which species the network would pick for every pair of values on two "
                "measurements, with the other two held at your flower's values.")
    x_feature = st.selectbox("Across (x axis)", range(4), 2, format_func=lambda k: iris.FEATURES[k],
                             key="iris_map_x", help="The measurement along the bottom of the map.")
    y_feature = st.selectbox("Up (y axis)", range(4), 3, format_func=lambda k: iris.FEATURES[k], key="iris_map_y",
                             help="The measurement up the side of the map.")
    if x_feature == y_feature:
        st.warning("Pick two different measurements for the two axes.")
    else:
        xs, ys, grid = iris.decision_grid(result.model, x_feature, y_feature, flower)
        st.plotly_chart(charts.decision_map(xs, ys, grid, frame, x_feature, y_feature, flower), key="iris_map")

# 8 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("baselines", advanced=True):
    st.header("8 · Maybe you don't need a neural network", anchor=False, help=ui.define("model"))
    st.markdown("Three classic methods from scikit-learn, trained in milliseconds on the same training flowers and "
                "tested on the same test flowers. Sometimes the best solution is not a complex model.")
    scores = {"Your neural network": result.test_accuracy} | baselines(result.X_train, result.y_train,
                                                                       result.X_test, result.y_test, seed)
    st.plotly_chart(charts.accuracy_bars(scores), key="iris_baselines")

# 9 ────────────────────────────────────────────────────────────────────────────────────────────────
if view.shown("overfit", advanced=True):
    st.header("9 · Overfitting: learning by heart", anchor=False, help=ui.define("overfitting"))
    overfit = iris.OVERFIT_CONFIG
    st.markdown(f"A tiny training set ({overfit.train_size} flowers), a big network "
                f"({' → '.join(map(str, overfit.layer_sizes))}) and {overfit.epochs} epochs. Watch the training "
                "curves race to perfect while the test curves stall, and the test loss climb: the network memorises "
                "its nine flowers instead of learning what makes a species.")
    if st.button("Run the overfitting demo", key="iris_overfit", icon=":material/trending_up:",
                 help="Trains the big network on nine flowers; takes a little longer than the course's network."):
        st.session_state["iris_overfit_result"], watched[(overfit, iris.OVERFIT_SEED)] = train_with_progress(
            overfit, iris.OVERFIT_SEED)
        st.rerun()
    demo = st.session_state.get("iris_overfit_result")
    if demo is not None:
        st.plotly_chart(charts.training_curves(demo.history, overfit.epochs), key="iris_overfit_curves")
        st.caption(f"Training accuracy {demo.history['accuracy'][-1]:.0%}, test accuracy {demo.test_accuracy:.0%}; "
                   f"test loss went from {min(demo.history['test_loss']):.2f} at best to "
                   f"{demo.history['test_loss'][-1]:.2f}. Irises are easy, so even this network scores well on "
                   "test; on harder data the gap is far larger.")
        replay_caption(overfit, iris.OVERFIT_SEED)

ui.end_of_page(view, handout=partial(handout, view.link, config, seed, result.test_accuracy, result.history, confusion,
                                     examples, list(flower), verdict))
