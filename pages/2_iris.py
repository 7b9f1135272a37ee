"""Topic page /iris: build, train and question the course's first neural network (issues #4, #17). The playground
comes first, as in TensorFlow Playground: Train and the design beside the network drawn with its weights, the
decision map and the curves, which grow epoch by epoch while it trains (a random untrained network until then);
then short steps, each asking before it explains; once trained, the network's model card (lib.iris.card, issue #18)
follows the judge step and goes into the record. The network lives in lib.iris, the words in lib.iris.content,
the settings in lib/iris/lesson.toml, training and the cached views in lib.ui.iris, the steps in lib.ui.iris_steps,
the learner's own table (issue #18: the same network on it) in lib.ui.iris_own_data; this page lays them out."""

from functools import partial

import streamlit as st

# No import here runs a Streamlit command or imports TensorFlow (it loads when the first network is trained).
from lib import iris, ui
from lib.iris import network
from lib.iris import content as words
from lib.iris.card import model_card
from lib.iris.handout import handout
from lib.ui.iris import Playground, flower_now, iris_frame, reset_design, shown_result, train, weights_of
from lib.ui.iris_own_data import choose_source, own_data_step
from lib.ui.iris_steps import (baselines_step, card_step, data_step, design_step, judge_step, map_step, measure_step,
                               overfit_step, split_step, training_step)

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

# The steps (lib.ui.iris_steps): each asks its question in its label and is drawn only while open.
data_step(view, frame, data)
split_step(view, config, y_train, y_test)
if not view.kids:
    design_step(view, config)
    training_step(view, result, items)
if result is None:
    kids = view.kids  # the handout is built on another thread, where Streamlit is not
    ui.end_of_page(view, handout=lambda: handout(view.link, config, seed,
                                                 card=model_card(config, seed), kids=kids))
    st.stop()

examples = iris.example_lines(result.model) if data is None else []  # the course's flowers: irises only
confusion = iris.confusion(result.model, X_test, y_test)
judge_step(view, result, config, examples, confusion, X_test, y_test)
card = model_card(config, seed, result)
card_step(view, card)
# The learner's flower (the map and the record use it; the course's first example flower until measured).
flower, verdict = measure_step(view, result, frame, flower_now(), data)
map_step(view, config, frame, flower, weights, data)
baselines_step(view, result, seed)
overfit_step(view)

ui.end_of_page(view, handout=partial(handout, view.link, config, seed, result.test_accuracy, result.history, confusion,
                                     examples, list(flower) if data is None else None, verdict, card=card,
                                     kids=view.kids),
               notebook={"weights": weights, "data": data})
