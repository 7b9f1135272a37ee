"""The iris page through the app (AppTest): design, train, judge, measure, with no exception."""

import pytest
from streamlit.testing.v1 import AppTest

from lib.iris import cache
from lib.training import TRAINING
from tests.conftest import ROOT, open_with_link, training_elsewhere, unfold


def open_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    app.switch_page("pages/2_iris.py").run()
    assert not app.exception, app.exception
    return app


def drawn(app: AppTest, key: str) -> list:
    """The plotly charts with this ``key`` on the page."""
    return [chart for chart in app.get("plotly_chart") if chart.key == key]


def test_page_shows_data_split_and_design_before_training():
    app = open_page()
    # Each step below the playground is a question in its label, drawn only once opened (issue #17).
    steps = [e.label for e in app.expander if e.label[0].isdigit()]
    assert steps == ["1 · Meet the data: which measurement tells the three species apart best?",
                     "2 · Split: why keep some flowers away from the network?",
                     "3 · Design the network: how many numbers must training find?",
                     "4 · Train: what does training change?"]
    assert not app.metric and not app.dataframe and not drawn(app, "iris_splom")  # nothing drawn inside yet
    unfold(app, "iris_data", "iris_split", "iris_design")
    assert app.metric[0].value == "193" and len(app.dataframe) == 2 and drawn(app, "iris_splom")
    app.session_state["open_iris_data"] = False  # close the data step again: its picture and table go
    app.run()
    assert len(app.dataframe) == 1 and not drawn(app, "iris_splom")
    # The playground's line under Train: the untrained network's score, and what to do.
    assert any("Press **Train the network**" in m.value and "Untrained (random weights)" in m.value
               for m in app.markdown)
    app.slider(key="iris_design_layers").set_value(3).run()
    app.slider(key="iris_test_fraction").set_value(0.5).run()
    assert not app.exception
    assert app.metric[0].value == "303"  # (4+1)×10 + (10+1)×10 + (10+1)×10 + (10+1)×3
    app.select_slider(key="iris_train_size").set_value(10).run()
    assert any(c.value.startswith("10 flowers to learn from") for c in app.caption)
    app.button(key="iris_reset").click().run()
    assert app.slider(key="iris_design_layers").value == 2


def test_train_judge_and_i_dont_know():
    app = open_page()
    app.button(key="iris_train").click().run()
    assert not app.exception, app.exception
    unfold(app)
    metrics = {m.label: m.value for m in app.metric}
    assert float(metrics["Test accuracy"].rstrip("%")) >= 90
    lines = app.code[0].value.splitlines()
    assert [line.split(" Prediction")[0] for line in lines] == ["✓", "✓", "✓"]
    assert lines[0].startswith("✓ Prediction is 'setosa' (") and lines[0].endswith("expected 'setosa'")
    assert "This looks like **setosa**" in app.success[0].value

    app.slider(key="iris_threshold").set_value(99).run()
    assert any(w.value.startswith("I don't know") for w in app.warning)

    app.selectbox(key="iris_map_y").set_value(2).run()  # same feature on both axes
    assert any("two different" in w.value for w in app.warning)
    assert not app.exception


def test_the_model_card_step_follows_the_run_in_plain_and_kid_words_and_goes_into_the_handout(downloads):
    app = unfold(open_page(), "record_iris")  # the record's buttons are in the page's last step
    untrained = downloads["iris-my-results.md"]()  # before training the record's card says so
    assert "## Model card: the iris network 4 → 10 → 10 → 3" in untrained and "Not measured" in untrained
    app.button(key="iris_train").click().run()
    assert not app.exception, app.exception
    assert "6 · What is it good for, and what not? Its model card" in [e.label for e in app.expander]
    unfold(app, "iris_judge", "iris_card")
    card = next(m.value for m in app.markdown if m.value.startswith("#### "))
    assert card.startswith("#### Model card: the iris network 4 → 10 → 10 → 3")
    accuracy = next(m.value for m in app.metric if m.label == "Test accuracy")
    assert f"**{accuracy}** of the 38 test flowers right" in card  # the judge step's number
    table = app.dataframe[-1].value  # the judge step's accuracy per species
    for _, row in table.iterrows():
        assert any(line.startswith(f"| {row['species']} | {row['test flowers']} | ") and
                   f"{float(line.split('|')[3].strip().rstrip('%')):.0f}%" == row["accuracy"]
                   for line in card.splitlines())
    record = downloads["iris-my-results.md"]()
    assert "\n## Model card: the iris network 4 → 10 → 10 → 3\n" in record and f"**{accuracy}**" in record
    app.toggle(key="kids_switch").set_value(True).run()
    assert not app.exception, app.exception
    assert "4 · What is the robot good for? Its report card" in [e.label for e in app.expander]
    unfold(app, "iris_card")  # reworded, it is another step: open it again
    card = next(m.value for m in app.markdown if m.value.startswith("#### "))
    assert card.startswith("#### Report card: the flower robot") and "of the 38 secret flowers right" in card
    assert "## Report card: the flower robot" in downloads["iris-my-results.md"]()


def test_a_user_who_leaves_the_queue_does_not_stop_the_next_one_training():
    link = {"epochs": "1", "steps": "10", "seed": "615"}  # a run no other test trains, so nothing is cached
    with training_elsewhere() as queue_lengths:  # someone else is training
        impatient = open_with_link("pages/2_iris.py", link)
        impatient.button(key="iris_train").click()
        # The learner is still queued when AppTest gives up on the run and stops it, as Streamlit does when a
        # waiting learner changes a widget or closes the tab: Streamlit raises inside the waiting message.
        with pytest.raises(RuntimeError, match="timed out"):
            impatient.run(timeout=3)
        assert 2 in queue_lengths  # the learner did join the line
        assert TRAINING.queue_length == 1  # and left it: only the run in progress is left
    assert TRAINING.queue_length == 0

    next_learner = open_with_link("pages/2_iris.py", link)
    next_learner.button(key="iris_train").click().run(timeout=90)
    assert not next_learner.exception, next_learner.exception
    unfold(next_learner, "iris_judge")
    assert any(m.label == "Test accuracy" for m in next_learner.metric)
    assert TRAINING.queue_length == 0


def test_every_learner_presses_train_and_watches_it_learn_even_when_the_server_already_trained_it(monkeypatch):
    link = {"epochs": "3", "steps": "20", "seed": "616"}
    first = open_with_link("pages/2_iris.py", link)
    first.button(key="iris_train").click().run()
    assert not first.exception, first.exception
    unfold(first, "iris_training", "iris_judge")
    accuracy = {m.label: m.value for m in first.metric}["Test accuracy"]
    assert not any("replay" in c.value for c in first.caption)  # trained live, not replayed

    def no_second_training(*args, **kwargs):
        raise AssertionError("the server trained the same design and seed twice")

    monkeypatch.setattr(cache, "train", no_second_training)
    second = open_with_link("pages/2_iris.py", link)  # another learner, same server
    assert not any(m.label == "Test accuracy" for m in second.metric)  # not shown before pressing Train
    assert any("Press **Train the network**" in m.value for m in second.markdown)
    second.button(key="iris_train").click().run()
    assert not second.exception, second.exception
    unfold(second, "iris_training", "iris_judge")
    assert {m.label: m.value for m in second.metric}["Test accuracy"] == accuracy
    assert any("already trained on this server, so you watched a replay" in c.value for c in second.caption)

    # Moving away and back to a run this learner has watched shows it again without another press.
    second.slider(key="iris_design_epochs").set_value(4).run()
    assert not any(m.label == "Test accuracy" for m in second.metric)
    second.slider(key="iris_design_epochs").set_value(3).run()
    assert {m.label: m.value for m in second.metric}["Test accuracy"] == accuracy
