"""/kmeans lesson links (AppTest): a link restores k, scaling, measurements, axes, starts, seed, reveal and the
bug shown; bad links fall back to the defaults with a notice; hide/lock/lesson; kid mode; and the handout."""

from html.parser import HTMLParser

import numpy as np
from streamlit.testing.v1 import AppTest

from lib import ui
from lib.kmeans import garden
from lib.kmeans.handout import handout, scatter_picture
from tests.conftest import open_with_link, unescaped, unfold

PAGE = "pages/5_kmeans.py"
WIDGETS = {"k": ("slider", "km_k"), "scale": ("toggle", "km_scale"), "features": ("multiselect", "km_features"),
           "x": ("selectbox", "km_x"), "y": ("selectbox", "km_y"), "init": ("radio", "km_init"),
           "seed": ("number_input", "km_seed"), "reveal": ("toggle", "km_reveal"), "bug": ("pills", "km_bug")}


def open_page(**query) -> AppTest:
    return open_with_link(PAGE, query)


def controls(app: AppTest) -> dict:
    """The value of every control, with step 4 open (the bug shown is chosen there)."""
    unfold(app, "km_bugs")
    return {name: getattr(app, kind)(key=key).value for name, (kind, key) in WIDGETS.items()}


def test_every_setting_round_trips_through_a_link_and_defaults_stay_out():
    app = unfold(open_page(), "km_bugs")
    assert dict(app.query_params) == {}
    app.slider(key="km_k").set_value(5).run()
    app.toggle(key="km_scale").set_value(False).run()
    app.multiselect(key="km_features").set_value(["weight_g", "width_mm"]).run()  # kept in table order
    app.selectbox(key="km_y").set_value("width_mm").run()
    app.radio(key="km_init").set_value("random").run()
    app.number_input(key="km_seed").set_value(12).run()
    app.toggle(key="km_reveal").set_value(True).run()
    app.pills(key="km_bug").set_value("outlier").run()
    assert not app.exception
    query = dict(app.query_params)
    assert query == {"k": "5", "scale": "off", "features": "width-weight", "x": "width", "y": "width",
                     "init": "random", "seed": "12", "reveal": "on", "bug": "outlier"}
    sent = controls(app)
    assert sent["features"] == ["width_mm", "weight_g"]

    received = open_page(**query)
    assert controls(received) == sent and dict(received.query_params) == query
    assert not received.warning.values


def test_bad_values_fall_back_to_the_defaults_with_a_notice():
    app = open_page(k="99", scale="maybe", features="colour", init="psychic", seed="x", bug="gremlin", x="smell",
                    hide="nonsense", lock="everything", lesson="0", zoom="2")
    notices = unescaped(" ".join(app.warning.values))
    for expected in ("“Number of groups (k)”", "“Scale the measurements", "“Measurements k-means may use”",
                     "“Starting centroids”", "“Random seed”", "“k-means bug”", "“Plot across”", "“nonsense”",
                     "“everything”", "no exercise “0”", "“zoom”"):
        assert expected in notices, expected
    assert controls(app) == controls(open_page())
    assert dict(app.query_params) == {}


def test_axes_the_measurements_lack_fall_back_to_the_plot_defaults():
    app = open_page(features="width-length", y="weight")
    assert (app.selectbox(key="km_x").value, app.selectbox(key="km_y").value) == ("width_mm", "length_mm")
    one = open_page(features="weight")
    assert (one.selectbox(key="km_x").value, one.selectbox(key="km_y").value) == ("weight_g", "item number")


def test_hide_lock_and_lesson():
    app = open_page(hide="upload,howmany,seed", lock="k,scale")
    assert app.slider(key="km_k").disabled and app.toggle(key="km_scale").disabled
    assert not app.radio(key="km_init").disabled
    assert not [w for w in app.radio if w.key == "km_source"]
    assert not [w for w in app.number_input if w.key == "km_seed"]
    assert not [box for box in app.expander if "How many groups should" in box.label]

    exercise = open_page(lesson="3")
    assert any("Exercise 3" in box.value for box in exercise.info)
    assert exercise.multiselect(key="km_features").value == ["width_mm", "length_mm"]
    assert exercise.toggle(key="km_reveal").value is True
    assert exercise.query_params["lesson"] == "3" and "features" not in exercise.query_params


def test_kid_mode_uses_simpler_words_and_fewer_controls():
    plain, kids = open_page(), open_page(kids="on")
    assert any("sort them into groups" in m.value for m in kids.markdown)
    assert not any("sort them into groups" in m.value for m in plain.markdown)
    assert [w for w in plain.radio if w.key == "km_init"] and not [w for w in kids.radio if w.key == "km_init"]
    assert [box.label for box in kids.expander if "·" in box.label] == ["1 · How many groups can you see?",
                                                                         "2 · Name the groups"]
    assert "2 · How many groups should k-means find?" in [box.label for box in plain.expander]


def test_the_page_ends_with_try_this_and_the_results_buttons():
    app = open_page()
    assert [e.label for e in app.main.get("expander")][-2:] == ["Try this: 5 challenges", ui.RECORD_STEP[0]]
    assert "Try this" not in [tab.label for tab in app.tabs]


def test_handout_records_settings_centroids_and_the_plot():
    table = garden.load_garden()
    fit = garden.fit(table[list(garden.MEASUREMENTS)], 3)
    picture = scatter_picture(table.length_mm, table.weight_g, fit.labels, fit.centroids[:, 1:], "length (mm)",
                              "weight (g)", "k-means found 3 groups")
    assert picture.size == (640, 480)
    assert len(np.unique(np.asarray(picture).reshape(-1, 3), axis=0)) > 4  # white, grey, black, cluster colours
    link = "http://localhost:8501/kmeans?k=3&scale=off"
    record = handout(link, {"Number of groups (k)": 3, "Scaled (standardised)": "no"},
                     ["width (mm)", "length (mm)", "weight (g)"], fit.centroids, np.bincount(fit.labels), fit.inertia,
                     {0: "lady*birds* <b>", 2: "stones"}, picture, 0.97)
    markdown, page = record.to_markdown(), record.to_html()
    assert markdown.startswith("# My k-means groups")
    for expected in (link, "| Number of groups (k) | 3 |", "| Scaled (standardised) | no |", "weight (g)",
                     "stones", "0.97", f"{fit.inertia:.2f}", "data:image/png;base64,"):
        assert expected in markdown, expected
    assert "&lt;b&gt;" in page and "<b>" not in page and "<script" not in page.lower()  # learner text is text
    HTMLParser().feed(page)
