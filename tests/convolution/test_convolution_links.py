"""/convolution lesson links (AppTest): a link restores the picture, kernel (presets and a typed custom one),
padding, stride and display options; bad links fall back to the defaults with a notice; instructors can hide,
lock and open at an exercise; kid mode; and the convolution handout."""

import json
from html.parser import HTMLParser

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lib.convolution import kernels
from lib.convolution.editor import cells_from_text, kernel_to_text
from lib.convolution.handout import handout
from tests.conftest import bound_controls, open_with_link, texts, unescaped, unfold

PAGE = "pages/1_convolution.py"
CUSTOM = "custom"


def open_page(**query) -> AppTest:
    return open_with_link(PAGE, query)


def controls(app: AppTest) -> dict:
    return bound_controls(app, "convolution")


def test_every_setting_round_trips_through_a_link_and_defaults_stay_out():
    app = unfold(open_page())  # padding, stride and the display options sit in the steps below the playground
    assert dict(app.query_params) == {}
    app.button_group(key="source").set_value("flower").run()
    app.button_group(key="preset").set_value("sobel_vertical").run()
    app.radio(key="padding").set_value("edge").run()
    app.radio(key="stride").set_value(2).run()
    app.radio(key="colour").set_value("grey").run()
    app.radio(key="range").set_value("rescale").run()
    app.toggle(key="signed").set_value(True).run()
    assert not app.exception
    query = dict(app.query_params)
    assert query == {"picture": "flower", "preset": "sobel-vertical", "padding": "edge", "stride": "2",
                     "colour": "grey", "range": "rescale", "signed": "on"}
    sent = controls(app)

    received = unfold(open_page(**query))
    assert controls(received) == sent
    assert dict(received.query_params) == query
    assert not received.warning.values


def test_a_typed_kernel_travels_in_the_link():
    app = open_page()
    app.button_group(key="preset").set_value(CUSTOM).run()
    assert dict(app.query_params) == {"preset": "custom"}  # the editor's first kernel needs no text
    app.session_state["kernel_cells_3_0"] = {
        "edited_rows": {0: {"1": "1/9", "3": "-2"}, 2: {"2": "0.5"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    assert not app.exception
    query = dict(app.query_params)
    assert query == {"preset": "custom", "kernel": "1/9,-1,-2;-1,5,-1;0,1/2,0"}

    received = open_page(**query)
    np.testing.assert_allclose(received.session_state["custom_kernel"], app.session_state["custom_kernel"])
    assert received.data_editor[0].value.iloc[0, 0] == "1/9"
    assert dict(received.query_params) == query
    assert not received.warning.values


def test_a_five_by_five_kernel_from_a_link_sets_the_size_and_a_bad_one_gets_a_notice():
    ones = ";".join([",".join(["1"] * 5)] * 5)
    app = open_page(preset="custom", kernel=ones)
    assert app.radio(key="custom_size").value == 5
    assert app.session_state["custom_kernel"].shape == (5, 5)

    bad = open_page(preset="custom", kernel="1,0;2,0")
    assert "must be 3×3 or 5×5" in texts(bad, "warning")
    np.testing.assert_array_equal(bad.session_state["custom_kernel"], kernels.PRESETS["Sharpen"])
    bad.run()
    assert "kernel" not in dict(bad.query_params)


def test_a_locked_or_hidden_kernel_is_applied_but_cannot_be_edited():
    emboss = "-2,-1,0;-1,1,1;0,1,2"
    locked = open_page(preset="custom", kernel=emboss, lock="kernel")
    assert locked.data_editor[0].disabled and locked.radio(key="custom_size").disabled
    assert locked.button(key="normalise").disabled
    hidden = open_page(preset="custom", kernel=emboss, hide="kernel")
    assert not hidden.data_editor and not [r for r in hidden.radio if r.key == "custom_size"]
    np.testing.assert_array_equal(hidden.session_state["custom_kernel"], kernels.PRESETS["Emboss"])
    unfold(hidden, "edges").radio(key="padding").set_value("edge").run()
    assert dict(hidden.query_params) == {"preset": "custom", "kernel": emboss, "padding": "edge", "hide": "kernel"}


def test_invalid_values_fall_back_to_the_defaults_with_a_notice():
    app = open_page(picture="nowhere", preset="magic", padding="mirror", stride="9", colour="purple", range="x",
                    signed="maybe", volume="11", lesson="99", hide="nonsense", lock="everything")
    notices = unescaped(texts(app, "warning"))
    for word in ("nowhere", "magic", "mirror", "9", "purple", "maybe", "volume", "exercise “99”", "nonsense",
                 "everything"):
        assert word in notices, word
    assert app.button_group(key="source").value == "course"
    assert app.button_group(key="preset").value == "sharpen"
    unfold(app, "edges")  # the notices were read once; padding and stride are in step 3
    assert app.radio(key="padding").value == "zero" and app.radio(key="stride").value == 1
    app.run()
    assert dict(app.query_params) == {}


def test_hide_sections_and_controls_and_lock_others():
    app = unfold(open_page(hide="zoom,arithmetic,cnn,uploads,padding,curious", lock="preset,stride", padding="edge"))
    assert "A note for the curious" in texts(open_page(), "info") and "A note for the curious" not in texts(app, "info")
    steps = [e.label for e in app.expander]
    assert not any(label.startswith(("1 ·", "2 ·", "5 ·")) for label in steps)
    assert any(label.startswith("4 · Numbers below 0 and above 255") for label in steps)
    zoom = lambda page: [c for c in page.get("vega_lite_chart")
                         if json.loads(c.proto.spec)["title"]["text"].startswith("Pixels in rows")]
    assert zoom(unfold(open_page(), "zoom")) and not zoom(app)
    assert "Upload your own picture" not in app.button_group(key="source").options
    assert not [r for r in app.radio if r.key == "padding"]
    assert "(256 + 2×1)" not in texts(app)  # hidden padding still applies: edge padding is 1 pixel wide
    assert app.button_group(key="preset").disabled and app.radio(key="stride").disabled
    assert not app.button_group(key="source").disabled
    assert open_page(picture="upload", hide="uploads").button_group(key="source").value == "course"


def test_an_exercise_link_shows_the_question_and_sets_the_page_up():
    app = open_page(lesson="4")
    assert "Exercise 4" in texts(app, "info") and "box blur" in texts(app, "info")
    assert app.button_group(key="source").value == "course"
    assert app.button_group(key="preset").value == "box_blur"
    assert dict(app.query_params) == {"lesson": "4"}
    assert any(e.label.startswith("Try this") and e.children for e in app.expander)  # its link opens the step
    assert app.radio(key="padding").value == "zero"  # an exercise opens every step: its controls are there to try


def test_kid_mode_uses_simpler_words_and_fewer_controls():
    plain, kids = unfold(open_page()), unfold(open_page(kids="on"))
    assert "stamp" in texts(kids) and "stamp" not in texts(plain)
    kid_steps, plain_steps = [e.label for e in kids.expander], [e.label for e in plain.expander]
    assert not any(label.startswith(("4 ·", "5 ·")) for label in kid_steps)
    assert any(label.startswith("2 · Do the sum") for label in kid_steps)
    assert not any(label.startswith("2 · Do the sum") for label in plain_steps)
    assert not [r for r in kids.radio if r.key == "range"]
    assert "A note for the curious" not in texts(kids, "info")
    assert "Output size = (W − F + 2P)" in texts(plain) and "Output size = (W − F + 2P)" not in texts(kids)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_the_handout_records_the_kernel_settings_and_pictures():
    link = "http://localhost:8501/convolution?preset=custom&kernel=1/9,0,-1;2,0,-2;1,0,-1"
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    record = handout(link, "Upload your own picture", "Custom (edit the numbers)", {"Your kernel <b>*": np.array(
        [[1 / 9, 0, -1], [2, 0, -2], [1, 0, -1]])}, "edge", 2, "rescale", png, png, png, (640, 480), (320, 240),
        (4, 7, 88.75))
    markdown, page = record.to_markdown(), record.to_html()
    assert "The pixel I worked out: row 4, column 7, new number 88.75" in markdown
    assert markdown.startswith("# ")
    assert link in markdown and "Stride: 2" in markdown and "repeat the edge pixels" in markdown
    assert "| 1/9 | 0 | -1 |" in markdown and "`1/9,0,-1;2,0,-2;1,0,-1`" in markdown
    assert markdown.count("data:image/png;base64,") == 4  # before, after, signs, QR code
    assert "Your kernel \\<b\\>\\*" in markdown  # learner-visible names are escaped
    parser = _Tags()
    parser.feed(page)
    assert "img" in parser.tags and "table" in parser.tags and "<script" not in page and "<b>" not in page


def test_kernel_text_round_trips():
    for kernel in (kernels.PRESETS["Box blur"], kernels.PRESETS["Gaussian blur 5×5"], kernels.PRESETS["Emboss"]):
        assert kernel_to_text(kernel) == kernel_to_text(np.array(
            [[eval(c) for c in row] for row in cells_from_text(kernel_to_text(kernel))]))
    with pytest.raises(ValueError, match="3×3 or 5×5"):
        cells_from_text("1,2;3,4")
    with pytest.raises(ValueError, match="at most"):
        cells_from_text("1," * 400)
