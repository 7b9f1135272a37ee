"""AppTest of the k-means page: every control reruns without an exception, stepping walks and steps back, the
playground's chart takes clicks only while a click means something, the new-item classifier answers, and bad CSV
files get clear messages."""

import json
import subprocess
import sys

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lib.kmeans import garden
from tests.conftest import ROOT, svg_pictures, unfold
from tests.svg_reader import parse, texts
from tests.test_charts_accessible import allowed, colours, encodings, title

PAGE = "pages/5_kmeans.py"


def _open() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def _texts(app, kind) -> list[str]:
    return [element.value for element in getattr(app, kind)]


def _clickable(app) -> bool:
    """Whether the playground's chart takes clicks (the data its component is drawn with)."""
    [chart] = [element for element in app.get("bidi_component") if element.key == "km_stepper_chart"]
    return json.loads(chart.proto.json)["clickable"]


@pytest.fixture(scope="module")
def app():
    """The page with every step open (the steps below the playground are drawn only while open)."""
    return unfold(_open())


def test_steps_open_closed_and_draw_nothing_until_opened():
    app = _open()
    assert [box.label for box in app.expander if "·" in box.label] == [
        "1 · How many groups can you see?", "2 · How many groups should k-means find?", "3 · What is in each group?",
        "4 · When k-means goes wrong"]
    assert not app.get("plotly_chart") and not app.get("arrow_data_frame")  # no plotly, no table on opening
    assert not app.get("vega_lite_chart") and list(svg_pictures(app)) == ["km_stepper_chart"]  # an SVG picture
    assert texts(parse(svg_pictures(app)["km_stepper_chart"]))[0] == "k-means at work"
    assert not _clickable(app)  # a click means nothing until the learner adds items or places centroids
    assert not [box for box in app.text_input if box.key.startswith("km_name_")]
    assert app.toggle(key="km_reveal").value is False  # the reveal stays on the page, under step 1


def test_names_are_kept_while_their_step_is_closed():
    app = unfold(_open(), "km_name")
    app.text_input(key="km_name_0").set_value("stones").run()
    app.session_state["open_km_name"] = False
    app.run()
    assert not [box for box in app.text_input if box.key.startswith("km_name_")]
    unfold(app, "km_name")
    assert app.text_input(key="km_name_0").value == "stones"


def test_page_opens_with_the_garden_and_hidden_kinds(app):
    assert app.title[0].value == "Garden bug detective"
    assert app.toggle(key="km_reveal").value is False
    assert app.slider(key="km_k").value == 3
    assert app.radio(key="km_init").value == "plusplus"


def test_the_inertia_curve_is_drawn_only_once_opened():
    app = _open()
    app.button(key="km_step").click().run()
    app.button(key="km_step").click().run()
    assert "Inertia after each move" in [box.label for box in app.expander]
    assert not app.get("vega_lite_chart")  # the first screen needs no chart library, even after steps
    unfold(app, "km_inertia")
    [curve] = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert curve["title"] == "Inertia after each move" and curve["layer"][0]["encoding"]["y"]["title"] == "inertia"


def test_step_back_and_run_to_the_end(app):
    app.button(key="km_step").click().run()
    assert any("Move 1" in text and "joined its nearest centroid" in text for text in _texts(app, "markdown"))
    app.button(key="km_step").click().run()
    assert any("Move 2" in text for text in _texts(app, "markdown"))
    app.button(key="km_back").click().run()
    assert any("Move 1" in text for text in _texts(app, "markdown"))
    app.button(key="km_run_all").click().run()
    assert not app.exception
    assert any("scikit-learn's KMeans from the same start finds the same groups" in t for t in _texts(app, "success"))
    app.button(key="km_restart").click().run()
    assert any("Move 0" in text for text in _texts(app, "markdown"))


def test_reveal_shows_agreement_and_names_the_clusters(app):
    app.toggle(key="km_reveal").set_value(True).run()
    app.button(key="km_run_all").click().run()
    agreement = [t for t in _texts(app, "markdown") if t.startswith("Agreement with the true kinds")]
    assert agreement and float(agreement[0].split("**")[1]) >= 0.9
    app.button(key="km_fill").click().run()
    names = sorted(app.text_input(key=f"km_name_{c}").value for c in range(3))
    assert names == sorted(garden.KINDS)


def test_classify_a_new_item(app):
    # The page groups by the two plotted measurements (length and weight) by default: a new item has those.
    assert [n.key for n in app.number_input if n.key.startswith("km_new_")] == ["km_new_length_mm", "km_new_weight_g"]
    for feature, value in (("length_mm", 6.6), ("weight_g", 0.036)):
        app.number_input(key=f"km_new_{feature}").set_value(value).run()
    assert any("it is a `ladybird`" in text for text in _texts(app, "success"))


CONTROLS = [
    ("slider", "km_k", 8), ("slider", "km_k", 1), ("toggle", "km_scale", False), ("radio", "km_init", "random"),
    ("number_input", "km_seed", 7), ("multiselect", "km_features", ["width_mm", "length_mm"]),
    ("multiselect", "km_features", ["weight_g"]), ("multiselect", "km_features", []),
    ("multiselect", "km_features", list(garden.MEASUREMENTS)), ("checkbox", "km_lines", True),
    ("selectbox", "km_hist", "length_mm"),
]


def test_every_control_reruns_cleanly():
    app = unfold(_open(), "km_look")  # the histogram's measurement is chosen in step 1
    for kind, key, value in CONTROLS:
        getattr(app, kind)(key=key).set_value(value).run()
        assert not app.exception, (key, value, app.exception)
    app.button(key="km_run_all").click().run()
    assert not app.exception, app.exception


def test_choose_starting_centroids_by_clicks():
    app = _open()
    app.radio(key="km_init").set_value("choose").run()
    assert any("3 of 3 starting centroids still to place" in text for text in _texts(app, "info"))
    assert _clickable(app) and texts(parse(svg_pictures(app)["km_stepper_chart"]))[0] == (
        "Click to place the starting centroids")
    # A click on the scatter appends its (x, y) position; the third measurement takes its mean.
    app.session_state["km_clicks"] = [{"length_mm": 6.6, "weight_g": 0.03}, {"length_mm": 13.0, "weight_g": 0.06},
                                      {"length_mm": 14.0, "weight_g": 1.6}]
    app.run()
    assert _clickable(app)  # all three placed: a click still places one, in place of the oldest
    app.button(key="km_run_all").click().run()
    assert not app.exception, app.exception
    assert any("finds the same groups" in text for text in _texts(app, "success"))


def test_every_bug_demo_runs(app):
    for entry in ("scales", "wrong-k", "unlucky-start", "shapes", "outlier", "numbering"):
        app.pills(key="km_bug").set_value(entry).run()
        assert not app.exception, (entry, app.exception)
        assert any("What goes wrong" in text for text in _texts(app, "markdown"))


@pytest.fixture(scope="module")
def upload_app():
    app = _open()
    app.radio(key="km_source").set_value("upload").run()
    return app


def _upload(app: AppTest, data: bytes, name: str = "mine.csv") -> AppTest:
    app.file_uploader(key="km_upload").set_value((name, data, "text/csv")).run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("data, kind, message", [
    (b"", "error", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "error", "not a CSV"),
    (b"name,colour\nann,red\nbob,blue\n", "error", "No column in this file holds numbers"),
    (b"a,b\n1,2\n", "error", "fewer than two rows"),
    (b"a,b\n1,2\n,4\n5,6\n7,8\n", "warning", "Left out 1 row"),
    (b"a,b\n1,2\n3,heavy\n5,6\n", "warning", "has text in it (row 2"),
    (("x\n" + "1\n" * 10_001).encode(), "error", "the most this page takes is 10,000"),
    (b"a,b\n1,1\n1,1\n1,1\n", "error", "Every item has the same values"),
    (b"a,b\n1e200,2\n3,4\n5,6\n", "error", "too large"),
])
def test_bad_csv_files_get_clear_messages(upload_app, data, kind, message):
    app = _upload(upload_app, data)
    assert any(message in text for text in _texts(app, kind)), (_texts(app, "error"), _texts(app, "warning"))


def test_k_larger_than_the_distinct_items_is_capped(upload_app):
    app = _upload(upload_app, b"a,b\n1,1\n2,2\n3,3\n3,3\n")
    app.slider(key="km_k").set_value(5).run()
    assert any("at most 3 groups" in text for text in _texts(app, "warning"))
    assert not app.exception


def test_a_good_csv_with_true_groups_works_end_to_end(upload_app):
    app = _upload(upload_app, garden.GARDEN_CSV.read_bytes(), "garden.csv")
    chosen = [m for m in app.multiselect if m.label.startswith("Measurements (number columns)")]
    assert chosen[0].value == list(garden.MEASUREMENTS)
    [truth] = [box for box in app.selectbox if box.label.startswith("Column with the true groups")]
    truth.set_value("kind").run()
    app.toggle(key="km_reveal").set_value(True).run()
    app.button(key="km_run_all").click().run()
    assert not app.exception, app.exception
    assert any("adjusted Rand index" in text for text in _texts(app, "markdown"))


def test_clicked_items_join_the_playground_and_can_be_removed():
    app = _open()
    assert app.toggle(key="km_paint").disabled is False  # k-means uses exactly the two plotted measurements
    app.toggle(key="km_paint").set_value(True).run()
    assert _clickable(app)
    # A click on the chart appends its (x, y) position (tests/browser/test_kmeans_browser.py clicks for real).
    app.session_state["km_added"] = [{"length_mm": 9.0, "weight_g": 3.0}, {"length_mm": 9.5, "weight_g": 3.2}]
    app.run()
    assert not app.exception, app.exception
    assert any("You added 2 item(s)" in text for text in _texts(app, "caption"))
    assert len(app.session_state["km_run"].points) == len(garden.load_garden()) + 2
    app.button(key="km_run_all").click().run()
    assert any("finds the same groups" in text for text in _texts(app, "success"))
    app.button(key="km_clear_added").click().run()
    assert len(app.session_state["km_run"].points) == len(garden.load_garden())
    app.multiselect(key="km_features").set_value(list(garden.MEASUREMENTS)).run()
    assert app.toggle(key="km_paint").disabled  # three measurements: a click gives only two


@pytest.mark.parametrize("where", ["km_added", "km_clicks"])
def test_a_click_on_the_chart_becomes_an_item_or_a_centroid_and_garbage_is_ignored(monkeypatch, where):
    """The callback the playground gives its chart, called as the component calls it: the clicked place (in the
    chart's numbers) joins the added items or the clicked centroids; a trigger value that is not a place adds
    nothing (tests/browser/test_kmeans_browser.py clicks for real)."""
    import streamlit as st

    import lib.ui.svg_picture as picture
    from lib.ui import kmeans_play

    drawn, state = {}, {}
    monkeypatch.setattr(picture, "_component", lambda **options: drawn.update(options))
    monkeypatch.setattr(st, "session_state", state)
    kmeans_play._draw("<svg/>", garden.load_garden(), "length_mm", "weight_g", where)
    assert drawn["key"] == "km_stepper_chart" and drawn["data"]["clickable"]
    state["km_stepper_chart"] = {"click": {"x": 6.6, "y": 0.03}}
    drawn["on_click_change"]()
    assert state[where] == [{"length_mm": 6.6, "weight_g": 0.03}]
    for garbage in (None, {}, {"click": None}, {"click": [6.6, 0.03]}, {"click": {"x": 6.6}},
                    {"click": {"x": "six", "y": 1}}, {"click": {"x": float("inf"), "y": 1}},
                    {"click": {"x": float("nan"), "y": 1}}):
        state["km_stepper_chart"] = garbage
        drawn["on_click_change"]()
    assert state[where] == [{"length_mm": 6.6, "weight_g": 0.03}]
    drawn.clear()
    kmeans_play._draw("<svg/>", garden.load_garden(), "length_mm", "weight_g", None)  # a click means nothing
    assert not drawn["data"]["clickable"] and "on_click_change" not in drawn


def _click_chart(app: AppTest, x: float, y: float) -> AppTest:
    """A click on the playground's chart at (``x``, ``y``) in its numbers, sent as the browser sends it
    (lib/ui/svg_picture/main.js: ``setTriggerValue("click", place)``), so the page's own callback takes it at the
    next run. AppTest cannot run a component: the run gets the component's trigger widget state added by hand."""
    from streamlit.components.v2.bidi_component.main import _make_trigger_id

    [chart] = [element for element in app.get("bidi_component") if element.key == "km_stepper_chart"]
    states = app._tree.get_widget_states()
    click = states.widgets.add()
    click.id = _make_trigger_id(chart.proto.id, "events")
    click.json_trigger_value = json.dumps([{"event": "click", "value": {"x": x, "y": y}}])
    return app._run(states)


def _axes(app: AppTest) -> tuple[float, float, float, float]:
    """What the playground chart's axes span: lowest and highest x, lowest and highest y (its data-plot)."""
    return tuple(float(v) for v in parse(svg_pictures(app)["km_stepper_chart"]).get("data-plot").split()[4:])


@pytest.mark.parametrize("where", ["km_added", "km_clicks"])
def test_a_click_message_far_off_the_chart_lands_on_the_edge_of_its_axes(where):
    """A crafted message with a huge finite place (1e300) adds an item, or places a centroid, on the edge of the
    axes drawn, not 1e300 away: the chart keeps its axes and the page runs on."""
    app = _open()
    if where == "km_added":
        app.toggle(key="km_paint").set_value(True).run()
    else:
        app.radio(key="km_init").set_value("choose").run()
    x_low, x_high, y_low, y_high = _axes(app)
    _click_chart(app, 10.0, 1.0)  # inside the plot: kept as it is
    _click_chart(app, 1e300, -1e300)
    assert not app.exception, app.exception
    inside, edge = app.session_state[where]
    assert inside == {"length_mm": 10.0, "weight_g": 1.0}
    assert edge == pytest.approx({"length_mm": x_high, "weight_g": y_low})
    now = _axes(app)  # the chart drawn after it: the new item inside its axes, which grew by 6 % of a side at most
    assert now[0] <= edge["length_mm"] <= now[1] and now[2] <= edge["weight_g"] <= now[3]
    assert now[1] - now[0] <= 1.2 * (x_high - x_low) and now[3] - now[2] <= 1.2 * (y_high - y_low)
    if where == "km_added":
        assert any("You added 2 item(s)" in text for text in _texts(app, "caption"))
        app.button(key="km_run_all").click().run()
        assert not app.exception, app.exception
    else:
        assert any("1 of 3 starting centroids still to place" in text for text in _texts(app, "info"))


def test_the_groups_to_name_are_where_the_playground_ends(app):
    app.button(key="km_restart").click().run()
    sizes = sorted(int(box.label.split("(")[1].split(" items")[0]) for box in app.text_input
                   if box.key.startswith("km_name_"))
    app.button(key="km_run_all").click().run()
    labels = app.session_state["km_run"].state.labels
    assert sizes == sorted(np.bincount(labels).tolist())


def test_the_first_open_does_not_import_scikit_learn():
    """scikit-learn takes about two seconds to import: the page's first open (the playground, the look, the
    groups to name) runs on NumPy, and only what a learner opens (the elbow, a bug's demo) needs it."""
    code = ("import sys; from streamlit.testing.v1 import AppTest; "
            f"app = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=60).run(); "
            f"app.switch_page({PAGE!r}).run(); assert not app.exception, app.exception; "
            "print('sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr[-2000:]


def test_every_chart_has_titles_and_palette_colours(app):
    """tests/test_charts_accessible.py's rules for Vega-Lite, on this page's charts with every step open (that
    test looks for Streamlit's element type "arrow_vega_lite_chart"; Streamlit 1.67 calls it "vega_lite_chart");
    the scatters are SVG pictures, which it checks too."""
    app.toggle(key="km_reveal").set_value(True)
    app.session_state["km_bug_open"] = True  # a bug's demo, under "See it happen"
    app.run()
    pictures = svg_pictures(app)
    assert {"km_stepper_chart", "km_look_chart", "km_new_chart"} <= set(pictures)  # and a bug's two pictures
    assert len([key for key in pictures if key.startswith("km_bug_")]) >= 2
    assert {"ladybird", "stone", "woodlouse"} <= set(texts(parse(pictures["km_look_chart"])))  # revealed
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert specs  # the histogram in step 1
    for spec in specs:
        assert title(spec), spec
        for encoding in encodings(spec):
            for channel in ("x", "y"):
                if encoding.get(channel, {}).get("field"):
                    assert encoding[channel].get("title"), (title(spec), channel)
        assert all(allowed(c) for c in colours(spec) if c.startswith(("#", "rgb"))), title(spec)
