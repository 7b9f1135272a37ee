"""The iris page through the app (AppTest): design, train, judge, measure, with no exception."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    app.switch_page("pages/2_iris.py").run()
    assert not app.exception, app.exception
    return app


def test_page_shows_data_split_and_design_before_training():
    app = open_page()
    headers = [h.value for h in app.header]
    assert headers[:4] == ["1 · Meet the data", "2 · Split: flowers to learn from, flowers to test on",
                           "3 · Design the network", "4 · Train"]
    assert app.metric[0].value == "193"
    assert "Press **Train the network**" in app.info[0].value
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
