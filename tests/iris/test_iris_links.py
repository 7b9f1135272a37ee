"""/iris lesson links (AppTest): a link restores the design and training settings, bad links fall back to the
defaults with a notice, instructors can hide/lock/open at an exercise, kid mode; and the iris handout."""

from html.parser import HTMLParser

import numpy as np
from streamlit.testing.v1 import AppTest

from lib import ui
from lib.iris import IrisConfig
from lib.iris.handout import handout
from tests.conftest import bound_controls, open_with_link, unescaped, unfold

PAGE = "pages/2_iris.py"


def open_page(**query) -> AppTest:
    return open_with_link(PAGE, query)


def controls(app: AppTest) -> dict:
    return bound_controls(app, "iris")


def test_every_setting_round_trips_through_a_link_and_defaults_stay_out():
    app = open_page()
    assert dict(app.query_params) == {}
    unfold(app, "iris_split")  # the split's controls are in step 2
    app.slider(key="iris_test_fraction").set_value(0.4).run()
    app.select_slider(key="iris_train_size").set_value(20).run()
    app.number_input(key="iris_seed").set_value(42).run()
    app.slider(key="iris_design_layers").set_value(3).run()
    app.slider(key="iris_design_neurons_0").set_value(16).run()
    app.slider(key="iris_design_neurons_2").set_value(5).run()
    app.radio(key="iris_design_activation").set_value("tanh").run()
    app.select_slider(key="iris_design_lr").set_value(0.03).run()
    app.slider(key="iris_design_epochs").set_value(25).run()
    app.slider(key="iris_design_steps").set_value(50).run()
    app.select_slider(key="iris_design_batch").set_value(8).run()
    assert not app.exception
    query = dict(app.query_params)
    assert query == {"test": "0.4", "flowers": "20", "seed": "42", "layers": "3", "n1": "16", "n3": "5",
                     "activation": "tanh", "lr": "0.03", "epochs": "25", "steps": "50", "batch": "8"}
    sent = controls(app)

    received = open_page(**query)
    unfold(received, "iris_split", "iris_design")
    assert controls(received) == sent
    assert dict(received.query_params) == query
    assert not received.warning.values  # nothing in the link was rejected
    assert received.metric[0].value == f"{(4 + 1) * 16 + (16 + 1) * 10 + (10 + 1) * 5 + (5 + 1) * 3:,}"


def test_bad_values_fall_back_to_the_defaults_with_a_notice():
    app = open_page(layers="7", lr="fast", activation="swish", seed="-3", flowers="lots", colour="blue",
                    lesson="99", hide="nonsense")
    notices = unescaped(" ".join(app.warning.values))
    for expected in ("“Hidden layers”", "“Learning rate”", "“Activation", "“Random seed”",
                     "“Training flowers to use”", "“colour”", "no exercise “99”", "“nonsense”"):
        assert expected in notices, expected
    assert controls(app)["layers"] == 2 and controls(app)["lr"] == 0.001
    assert controls(app)["activation"] == "relu" and controls(app)["seed"] == 0
    assert dict(app.query_params) == {}


def test_hide_lock_and_lesson():
    app = open_page(hide="seed,data", lock="layers,lr")
    assert app.slider(key="iris_design_layers").disabled and app.select_slider(key="iris_design_lr").disabled
    assert not app.slider(key="iris_design_epochs").disabled
    assert not [w for w in app.number_input if w.key == "iris_seed"]
    unfold(app)
    assert app.dataframe and all(len(d.value) != 150 for d in app.dataframe)  # the data table is hidden

    exercise = open_page(lesson="2")
    assert any("Exercise 2" in box.value for box in exercise.info)
    assert exercise.select_slider(key="iris_design_lr").value == 1.0
    assert exercise.query_params["lesson"] == "2" and "lr" not in exercise.query_params


def test_a_hidden_setting_from_the_link_is_still_used():
    app = open_page(hide="layers", layers="1")
    unfold(app, "iris_design")
    assert not [w for w in app.slider if w.key == "iris_design_layers"]
    assert app.metric[0].value == f"{(4 + 1) * 10 + (10 + 1) * 3}"
    app.slider(key="iris_design_epochs").set_value(5).run()  # another rerun keeps the hidden value
    assert app.metric[0].value == f"{(4 + 1) * 10 + (10 + 1) * 3}" and app.query_params["layers"] == "1"


def test_kid_mode_uses_simpler_words_and_fewer_controls():
    plain, kids = open_page(), open_page(kids="on")
    assert any("garden robot" in m.value for m in kids.markdown)
    assert not any("garden robot" in m.value for m in plain.markdown)
    assert [w for w in plain.select_slider if w.key == "iris_design_lr"]
    assert not [w for w in kids.select_slider if w.key == "iris_design_lr"]


def test_the_link_restores_a_trained_view_with_one_press_when_this_server_already_trained_it():
    app = open_page(epochs="2", steps="20")
    app.button(key="iris_train").click().run()
    assert not app.exception and any("test flowers right" in m.value for m in app.markdown)
    again = open_page(epochs="2", steps="20")  # a new session, same server: the design, ready to train
    assert any("Press **Train the network**" in m.value for m in again.markdown)
    again.button(key="iris_train").click().run()  # the stored run, replayed in a second or two
    assert any(m.label == "Test accuracy" for m in unfold(again, "iris_judge").metric)
    assert [e.label for e in again.main.get("expander")][-2:] == ["Try this: 5 challenges", ui.RECORD_STEP[0]]


def test_handout_records_the_network_settings_and_results():
    link = "http://localhost:8501/iris?layers=1&seed=3"
    config = IrisConfig(hidden_layers=(8,), activation="tanh", learning_rate=0.01, epochs=2)
    history = {"loss": [1.0, 0.5], "test_loss": [1.1, 0.6], "accuracy": [0.5, 0.9], "test_accuracy": [0.4, 0.95]}
    record = handout(link, config, 3, 0.95, history, np.array([[12, 0, 0], [0, 11, 2], [0, 0, 13]]),
                     ["✓ Prediction is 'setosa' (99.0%), expected 'setosa'"], [5.1, 3.3, 1.7, 0.5],
                     "This looks like **setosa** (99.0% sure).")
    markdown, page = record.to_markdown(), record.to_html()
    assert markdown.startswith("# My iris network")
    for expected in (link, "4 → 8 → 3", "tanh", "0.01", "| Random seed | 3 |", "95.0%", "predicted virginica",
                     "| true versicolor | 0 | 11 | 2 |", "expected 'setosa'", "setosa"):
        assert expected in markdown, expected
    assert "<script" not in page.lower() and link.replace("&", "&amp;") in page
    HTMLParser().feed(page)

    untrained = handout(link, IrisConfig(), 0).to_markdown()
    assert "Not trained yet" in untrained and "4 → 10 → 10 → 3" in untrained
