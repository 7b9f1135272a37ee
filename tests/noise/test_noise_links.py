"""/noise lesson links (AppTest): a link restores the secret, the noise kind, strength, copies, seed and the
other experiment settings; bad links (including unsafe typed messages) fall back to the defaults with a notice;
instructors can hide, lock and open at an exercise; kid mode; and the noise handout."""

from html.parser import HTMLParser

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lib import noise
from lib.noise import content as words
from lib.noise.handout import handout
from tests.conftest import bound_controls, open_with_link, texts, unescaped, unfold

PAGE = "pages/4_noise.py"


def open_page(**query) -> AppTest:
    return open_with_link(PAGE, query)


def controls(app: AppTest) -> dict:
    return bound_controls(app, "noise")


def test_every_setting_round_trips_through_a_link_and_defaults_stay_out():
    app = unfold(open_page())  # every step open, so every control is drawn
    assert dict(app.query_params) == {}
    app.selectbox(key="noise_picture").set_value("rocket").run()
    app.radio(key="noise_kind").set_value("uniform").run()
    app.slider(key="noise_strength").set_value(6.5).run()
    app.slider(key="noise_copies").set_value(64).run()
    app.number_input(key="noise_seed").set_value(123).run()
    app.slider(key="noise_combine").set_value(40).run()
    app.checkbox(key="noise_clip").check().run()
    app.slider(key="noise_sp_fraction").set_value(0.6).run()
    app.slider(key="noise_stamp").set_value(2.5).run()
    assert not app.exception
    query = dict(app.query_params)
    assert query == {"picture": "rocket", "kind": "uniform", "strength": "6.5", "copies": "64", "seed": "123",
                     "combine": "40", "clip": "on", "sp_fraction": "0.6", "stamp": "2.5"}
    sent = controls(app)

    received = unfold(open_page(**query))
    assert controls(received) == sent
    assert dict(received.query_params) == query
    assert not received.warning.values


def test_salt_and_pepper_keeps_its_own_strength_in_the_link():
    app = open_page(kind="salt-pepper", fraction="0.4")
    assert app.slider(key="noise_fraction").value == 0.4
    assert app.radio(key="noise_kind").value == "salt_pepper"
    assert dict(app.query_params) == {"kind": "salt-pepper", "fraction": "0.4"}


def test_a_typed_message_travels_in_the_link_and_unsafe_ones_do_not():
    app = open_page()
    app.radio(key="noise_source").set_value("message").run()
    for typed in ("HELLO JOHN!", "Café for Zoë", "¿Dónde? Straße № 5 — 東京"):
        app.text_input(key="noise_message").input(typed).run()
        query = dict(app.query_params)
        assert query == {"source": "message", "message": typed}
        received = open_page(**query)
        assert received.text_input(key="noise_message").value == typed
        assert not received.warning.values

    for unsafe in ("<script>alert(1)</script>" * 2, "x" * 41, "LINE\nBREAK", "\u202eRLO", "tab\there"):
        bad = open_page(source="message", message=unsafe)
        assert len(bad.warning.values) == 1 and "at most 40 characters" in bad.warning.values[0], unsafe
        assert bad.text_input(key="noise_message").value == "MEET AT 3"


def test_invalid_values_fall_back_to_the_defaults_with_a_notice():
    app = open_page(kind="lasers", strength="11", copies="0", seed="-1", combine="x", clip="maybe",
                    picture="cat", volume="11", lesson="99", hide="nonsense")
    notices = unescaped(texts(app, "warning"))
    for word in ("lasers", "11", "“0”" if "“0”" in notices else "0", "-1", "“x”", "maybe", "cat", "volume",
                 "exercise “99”", "nonsense"):
        assert word in notices, word
    assert controls(unfold(app)) == {"source": "picture", "picture": "word", "kind": "gaussian",
                             "strength": 4.0, "copies": 20, "seed": 7, "combine": 1, "clip": False,
                             "sp_fraction": 0.3, "stamp": 1.0}
    app.run()
    assert dict(app.query_params) == {}


def test_hide_sections_and_controls_and_lock_others():
    app = open_page(hide="subtract,measure,beyond,science,uploads,seed", lock="copies,kind", combine="7")
    headers = [h.value for h in app.header] + [step.label for step in app.expander]
    for gone in (words.STEP_SUBTRACT[0], "4 · Measure it", "5 · When averaging is not enough", words.STEP_SCIENCE):
        assert gone not in headers
    assert words.STEP_ADD[0] in headers
    assert "Upload a picture" not in app.radio(key="noise_source").options
    assert not [w for w in app.number_input if w.key == "noise_seed"]
    assert app.slider(key="noise_copies").disabled and app.radio(key="noise_kind").disabled
    assert not app.slider(key="noise_strength").disabled
    assert "after combining 7" in texts(app)

    hidden_add = open_page(hide="add", combine="7")
    assert words.STEP_ADD[0] not in [step.label for step in hidden_add.expander]
    assert words.STEP_LOOK[0] in [step.label for step in hidden_add.expander]
    hidden_add.slider(key="noise_strength").set_value(5.0).run()
    assert hidden_add.session_state["noise_combine"] == 7  # a hidden control keeps the link's value
    assert dict(hidden_add.query_params)["combine"] == "7"


def test_an_exercise_link_shows_the_question_and_sets_the_page_up():
    app = open_page(lesson="3")
    assert "Exercise 3" in texts(app, "info")
    assert app.slider(key="noise_stamp").value == 3.0
    assert dict(app.query_params) == {"lesson": "3"}
    first = open_page(lesson="1")
    assert first.slider(key="noise_combine").value == 1


def test_kid_mode_uses_simpler_words_and_fewer_controls():
    plain, kids = unfold(open_page()), unfold(open_page(kids="on"))
    assert "Scribbles left" in texts(kids) and "Scribbles left" not in texts(plain)
    assert "How many copies to add" == kids.slider(key="noise_combine").label
    assert not [w for w in kids.number_input if w.key == "noise_seed"]
    assert "For researchers" in texts(plain) and "For researchers" not in texts(kids)
    assert not [w for w in kids.slider if w.key == "noise_stamp"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_the_handout_records_the_settings_and_pictures():
    link = "http://localhost:8501/noise?source=message&message=%3Cb%3Ehi&copies=64"
    grey = np.full((128, 128), 128, dtype=np.uint8)
    record = handout(link, "type your own message", "Gaussian: bell-curve fuzz", 4.0, 64, 16, 7, True, grey,
                     grey, grey, 4.0, 1.0, message="<b>hi</b> *now*")
    markdown, page = record.to_markdown(), record.to_html()
    assert markdown.startswith("# ") and link in markdown
    assert "Copies Jane sent: 64" in markdown and "Copies John combined: 16" in markdown
    assert "Noise strength: 4" in markdown and "Random seed: 7" in markdown and "shown on the chart: yes" in markdown
    assert "| 16 | 1 |" in markdown
    assert "\\<b\\>hi\\</b\\> \\*now\\*" in markdown
    assert markdown.count("data:image/png;base64,") == 4  # secret, copy, average, QR code
    parser = _Tags()
    parser.feed(page)
    assert "img" in parser.tags and "table" in parser.tags
    assert "<script" not in page and "<b>hi" not in page
