"""The /convolution page through AppTest: the course's numbers in the step-through, every preset, custom
kernel edits (bad cells, huge values, all zeros, normalise), padding and stride, uploads of broken and odd
files, the camera, and the CNN section with and without the digit model."""

import json
import re
import sys
import types
from unittest.mock import patch

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import lib
from lib.convolution import kernels
from tests.conftest import ROOT, open_with_link, tensorflow_loaded_after, texts, unfold

CORPUS = ROOT / "tests" / "corpus"
PAGE = "pages/1_convolution.py"


@pytest.fixture
def app():
    test = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    test.switch_page(PAGE).run()
    assert not test.exception, test.exception
    return test


def result(app) -> str:
    return app.success[0].value


def picker(app) -> dict:
    """The data the playground's pixel picker got (AppTest cannot run a custom component; it keeps its data)."""
    [element] = [e for e in app.get("bidi_component") if e.proto.component_name == "ml_workshop_pixel_picker"]
    return json.loads(element.proto.mixed.json or element.proto.json)


def captions(app) -> list[str]:
    """The captions of the pictures on the page: the picker's two, then every image's."""
    return [*picker(app)["captions"], *(c for image in app.get("image") for c in image.captions)]


def test_step_through_shows_the_course_numbers(app):
    assert app.title[0].value == "Image kernels"
    unfold(app, "arithmetic")
    assert result(app).startswith("Result: **89** goes into the output at row 2, column 2")
    assert "105×0 + 102×(−1) + 100×0 + 103×(−1) + 99×5 + 103×(−1) + 101×0 + 98×(−1) + 104×0 = **89**" in texts(app)
    app.button(key="step_next").click().run()
    assert "**111**" in result(app) and "row 2, column 3" in result(app)
    app.button(key="step_previous").click().run()
    app.button(key="step_previous").click().run()
    assert "**210**" in result(app) and "row 2, column 1" in result(app)
    assert "Orange squares mark padding" in texts(app)
    # Wrapping: previous from the first pixel goes to the last one.
    app.slider(key="step_row").set_value(1).run()
    app.slider(key="step_col").set_value(1).run()
    app.button(key="step_previous").click().run()
    assert "row 5, column 5" in result(app)
    assert not app.exception


@pytest.mark.parametrize("filter_id", [*kernels.FILTER_NAMES])
def test_every_preset_runs(app, filter_id):
    unfold(app, "arithmetic")
    app.button_group(key="preset").set_value(filter_id).run()
    assert not app.exception, app.exception
    assert kernels.DESCRIPTIONS[kernels.FILTER_NAMES[filter_id]] in texts(app, "caption")  # beside the choice
    if filter_id == kernels.SOBEL_MAGNITUDE_ID:
        assert "Edge strength: √(horizontal² + vertical²)" in texts(app)


def test_padding_and_stride_change_the_output_size(app):
    unfold(app, "arithmetic", "edges")
    app.radio(key="padding").set_value("valid").run()
    assert "(5 − 3 + 2×0) / 1 + 1 = **3**" in texts(app)
    app.slider(key="step_row").set_value(1).run()
    app.slider(key="step_col").set_value(1).run()
    assert "**89**" in result(app)  # without padding, the first place the kernel fits is over the 99
    assert "row 2, column 2, whose value is **99**" in texts(app)
    app.radio(key="stride").set_value(2).run()
    assert "(5 − 3 + 2×0) / 2 + 1 = **2**" in texts(app)
    app.radio(key="padding").set_value("edge").run()
    assert "(5 − 3 + 2×1) / 2 + 1 = **3**" in texts(app)
    app.button_group(key="source").set_value("flower").run()
    assert "(640 − 3 + 2×1) / 2 + 1 = **320**" in texts(app)
    assert not app.exception


def test_custom_kernel_edits(app):
    unfold(app, "arithmetic", "edges")
    app.button_group(key="preset").set_value("custom").run()
    assert "Sum of the numbers: **1**" in texts(app)  # starts as the course's sharpen kernel
    assert "**89**" in result(app)
    app.session_state["kernel_cells_3_0"] = {
        "edited_rows": {0: {"1": "x"}, 1: {"2": "", "3": "1e9"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    warnings = texts(app, "warning")
    assert "not numbers" in warnings and "'x'" in warnings
    assert "Empty cells count as 0" in warnings and "capped" in warnings
    assert not app.exception

    app.session_state["kernel_cells_3_0"] = {
        "edited_rows": {r: {str(c): "0" for c in (1, 2, 3)} for r in range(3)}, "added_rows": [], "deleted_rows": []}
    app.run()
    assert "turns black" in texts(app, "warning") and "**0**" in result(app)
    app.button(key="normalise").click().run()
    assert "cannot be scaled" in texts(app, "error")

    app.session_state["kernel_cells_3_0"] = {
        "edited_rows": {r: {str(c): "1" for c in (1, 2, 3)} for r in range(3)}, "added_rows": [], "deleted_rows": []}
    app.run()
    assert "Sum of the numbers: **9**" in texts(app)
    app.button(key="normalise").click().run()
    assert "Sum of the numbers: **1**" in texts(app)
    assert app.data_editor[0].value.iloc[0, 0] == "1/9"
    assert not app.exception

    app.session_state["kernel_cells_3_1"] = {"edited_rows": {1: {"1": None}}, "added_rows": [], "deleted_rows": []}
    app.run()
    assert "Empty cells count as 0: row 2, column 1." in texts(app, "warning")

    app.radio(key="custom_size").set_value(5).run()
    assert app.data_editor[0].value.shape == (5, 5)
    app.radio(key="custom_size").set_value(3).run()
    assert "Empty cells count as 0: row 2, column 1." in texts(app, "warning")  # edits survive a size switch
    app.radio(key="custom_size").set_value(5).run()
    assert "(5 − 5 + 2×2) / 1 + 1 = **5**" in texts(app)
    app.radio(key="padding").set_value("valid").run()
    assert "(5 − 5 + 2×0) / 1 + 1 = **1**" in texts(app)
    assert not app.exception


def test_colour_pictures_per_channel_or_grey(app):
    unfold(app)
    app.button_group(key="source").set_value("temple").run()
    app.selectbox(key="channel").set_value("green").run()
    assert "green pixel" in texts(app)
    app.radio(key="colour").set_value("grey").run()
    assert "grey pixel" in texts(app)
    for mode in ("absolute", "rescale", "clip"):
        app.radio(key="range").set_value(mode).run()
    app.toggle(key="signed").set_value(True).run()
    assert any("Signed output" in caption for image in app.get("image") for caption in image.captions)
    assert not app.exception


def _files():
    return sorted(path for path in CORPUS.iterdir() if path.suffix != ".py")


@pytest.mark.parametrize("path", _files(), ids=[path.name for path in _files()])
def test_odd_and_broken_uploads(app, path):
    app.button_group(key="source").set_value("upload").run()
    assert "uses the test pattern" in texts(app, "info")
    app.file_uploader(key="upload").upload(path.name, path.read_bytes(), "application/octet-stream").run()
    assert not app.exception, app.exception
    unfold(app)
    errors = texts(app, "error")
    assert errors or any(caption.startswith("Upload your own picture") for caption in captions(app))
    # The page keeps working after the upload, good or bad.
    app.button(key="step_next").click().run()
    assert not app.exception and app.success


def test_large_upload_is_shrunk_with_a_notice(app):
    app.button_group(key="source").set_value("upload").run()
    app.file_uploader(key="upload").upload("wide.png", (CORPUS / "wide-12000x8.png").read_bytes(), "image/png").run()
    assert "was shrunk" in texts(app, "warning")
    assert not app.exception


def test_camera_photo(app):
    app.button_group(key="source").set_value("camera").run()
    photo = (ROOT / "data" / "photos" / "flower.jpg").read_bytes()
    app.camera_input(key="camera").set_value(("photo.jpg", photo, "image/jpeg")).run()
    assert not app.exception
    assert any("Take a photo: 640 × 427" in c for c in captions(app))


def _open_cnn_section(app):
    st.cache_resource.clear()
    unfold(app, "cnn")
    app.toggle(key="cnn_show").set_value(True).run()
    assert not app.exception, app.exception


def test_cnn_section_without_the_model(app, monkeypatch):
    monkeypatch.delattr(lib, "mnist", raising=False)
    monkeypatch.setitem(sys.modules, "lib.mnist", None)  # "import lib.mnist" now raises ImportError
    _open_cnn_section(app)
    assert "not available yet" in texts(app, "info")


def test_cnn_section_with_learned_kernels(app, monkeypatch):
    fake = types.SimpleNamespace(
        load_network=lambda invert: "network",
        first_layer_kernels=lambda model: np.random.default_rng(0).normal(scale=0.2, size=(16, 5, 5)))
    monkeypatch.setattr(lib, "mnist", fake, raising=False)
    monkeypatch.setitem(sys.modules, "lib.mnist", fake)
    _open_cnn_section(app)
    captions = [c for image in app.get("image") for c in image.captions]
    assert any("The 16 5×5 kernels" in c for c in captions)
    app.selectbox(key="cnn_kernel").set_value(7).run()
    assert any("Learned kernel 7 applied" in c for c in captions + [c for i in app.get("image") for c in i.captions])
    app.button(key="cnn_use").click().run()
    assert app.button_group(key="preset").value == "custom"
    assert app.data_editor[0].value.shape == (5, 5)
    assert not app.exception
    st.cache_resource.clear()


@pytest.mark.skipif(not (ROOT / "data" / "models" / "mnist_plain_weights.npz").exists(),
                    reason="the digits page's model is not trained yet")
def test_cnn_section_with_the_real_model(app):
    _open_cnn_section(app)
    captions = [c for image in app.get("image") for c in image.captions]
    assert any("The 16 5×5 kernels" in c for c in captions), texts(app, "info")


def test_cnn_section_without_the_weights_file(app, monkeypatch):
    from lib import mnist

    monkeypatch.setitem(mnist.WEIGHTS_PATHS, False, ROOT / "data" / "models" / "absent_weights.npz")
    _open_cnn_section(app)
    assert "not available yet" in texts(app, "info")


def test_the_page_never_loads_tensorflow_not_even_for_the_learned_kernels():
    assert not tensorflow_loaded_after(
        f"app.switch_page({PAGE!r}).run(); app.button_group(key='preset').set_value('emboss').run(); "
        "app.session_state['open_cnn'] = True; app.run(); app.toggle(key='cnn_show').set_value(True).run(); "
        "assert any('The 16 5×5 kernels' in c for i in app.get('image') for c in i.captions)"
    )


def test_the_playground_comes_first_with_the_course_pixel_live(app):
    """Issue #17: the picture, kernel and pixel beside the pictures they change and the live sum, on top."""
    assert app.markdown[0].value.endswith("over it?")  # the summary asks; nothing gives the answer away
    assert [s.key for s in app.slider][:2] == ["step_row", "step_col"]
    assert captions(app)[:2] == ["The course's 5×5 example: 5 × 5 pixels, grey (1 number per pixel)",
                                 "after Sharpen: 5 × 5"]  # the picture and the output, in the pixel picker
    assert not app.get("image")  # no server-drawn picture on the first screen: the picker draws both
    live = next(m.value for m in app.markdown if "the new pixel at row" in m.value)
    assert live.endswith("= **89**: the new pixel at row 2, column 2 (it was 99).")
    assert picker(app)["chosen"] == [2, 2] and dict(app.query_params) == {}
    app.slider(key="step_col").set_value(3).run()
    live = next(m.value for m in app.markdown if "the new pixel at row" in m.value)
    assert "= **111**: the new pixel at row 2, column 3 (it was 103)" in live
    assert picker(app)["chosen"] == [2, 3] and dict(app.query_params) == {"col": "3"}  # the link carries it
    steps = [e.label for e in app.expander if e.label[0].isdigit()]
    assert steps == ["1 · Read the numbers: what is a picture made of?",
                         "2 · Multiply and add: can you work out the next pixel?",
                         "3 · Edges and steps: what happens at the border, and how big is the new picture?",
                         "4 · Numbers below 0 and above 255: what should the screen show?",
                         "5 · From kernels to CNNs: who chooses the numbers?"]  # each step asks, closed
    assert not app.success and not app.get("vega_lite_chart") and not app.get("plotly_chart")
    unfold(app)
    assert "**111**" in result(app)  # the step-through follows the same pixel
    assert len(app.get("vega_lite_chart")) >= 4 and not app.get("plotly_chart")  # grids of numbers, without plotly
    assert [e.label for e in app.expander].count("What happened?") == 4  # each step's answer waits to be asked


def test_a_new_picture_starts_at_its_middle(app):
    unfold(app, "arithmetic", "edges")
    app.button_group(key="source").set_value("digit_7").run()
    assert (app.slider(key="step_row").value, app.slider(key="step_col").value) == (14, 14)
    app.button_group(key="preset").set_value("sobel_magnitude").run()
    assert "edge strength √(" in texts(app) and not app.exception
    app.button_group(key="source").set_value("course").run()
    assert "**89**" in result(app.button_group(key="preset").set_value("sharpen").run())


def test_the_pixel_picker_gets_the_pictures_and_kernel_the_server_uses(app):
    """What the browser works out the live sum from (tests/browser/test_convolution_picker_browser.py checks it
    does): the picture's own numbers and the output as shown, from the app's media store, and the kernel."""
    data = picker(app)
    assert data["kernels"] == [{"name": "Sharpen", "values": kernels.KERNELS["sharpen"].tolist(),
                                "labels": [["0", "-1", "0"], ["-1", "5", "-1"], ["0", "-1", "0"]]}]
    assert (data["height"], data["width"], data["colour"], data["out"], data["pad"]) == (5, 5, False, [5, 5], [1, 1])
    assert "click or tap to choose" in data["alt"][0] and data["words"]["result"] == "New pixel:"
    for url in (data["before"], data["after"]):
        assert re.fullmatch(r"(/mock)?/media/[0-9a-f]+\.png", url)  # the app's own media store (AppTest: /mock)
    app.button_group(key="source").set_value("temple").run()
    data = picker(app)
    assert (data["colour"], data["grey"], data["channel"]) == (True, False, 0)  # red, as the step-through
    app.radio(key="colour").set_value("grey").run()
    assert (picker(app)["grey"], picker(app)["channel"]) == (True, None)
    app.button_group(key="preset").set_value("sobel_magnitude").run()
    assert [k["name"] for k in picker(app)["kernels"]] == ["Sobel horizontal", "Sobel vertical"]


def test_a_click_on_the_picture_moves_the_sliders_and_the_link(app):
    """The picker's click writes the bound row and column (as its callback does); the sliders, the live sum,
    the step-through and the link follow. A link carries the pixel; one past the picture's edge is moved in."""
    from lib.ui.pixel_picker import _picked

    app.session_state["pixel_row"], app.session_state["pixel_col"] = 3, 4  # what _picked sets (tested below)
    app.run()
    assert (app.slider(key="step_row").value, app.slider(key="step_col").value) == (3, 4)
    assert dict(app.query_params) == {"row": "3", "col": "4"} and picker(app)["chosen"] == [3, 4]
    assert "the new pixel at row 3, column 4" in texts(app)
    unfold(app, "arithmetic")
    assert "row 3, column 4" in result(app)

    linked = open_with_link(PAGE, {"row": "9", "col": "1"})
    assert (linked.slider(key="step_row").value, linked.slider(key="step_col").value) == (5, 1)
    assert "only 5 rows" in texts(linked, "warning") and dict(linked.query_params) == {"row": "5", "col": "1"}
    locked = open_with_link(PAGE, {"lock": "row,col", "col": "4"})  # an instructor holds the pixel still
    assert locked.slider(key="step_row").disabled and locked.slider(key="step_col").value == 4
    assert picker(locked)["locked"] and picker(open_with_link(PAGE, {"lock": "padding"}))["locked"] is False
    assert picker(locked)["alt"][0].endswith("at any pixel.")  # no click to offer

    state = {"pixel_picker": {"pick": {"row": 2, "col": 5}}}
    with patch.object(st, "session_state", state):
        _picked(("pixel_row", "pixel_col"))
    assert (state["pixel_row"], state["pixel_col"]) == (2, 5)
    for bad in (None, {"pick": None}, {"pick": {"row": "x", "col": 1}}, {"pick": {"row": 0, "col": 1}}):
        state = {"pixel_picker": bad}
        with patch.object(st, "session_state", state):
            _picked(("pixel_row", "pixel_col"))
        assert "pixel_row" not in state


def test_kid_mode_offers_a_short_row_of_kernels_and_keeps_one_a_link_chose():
    kids = open_with_link(PAGE, {"kids": "on"})
    assert kids.button_group(key="preset").options == ["Identity", "Sharpen", "Box blur", "Outline (Laplacian)",
                                                       "Emboss", "Custom (edit the numbers)"]
    assert len(open_with_link(PAGE).button_group(key="preset").options) == 11  # the full page: every kernel
    linked = open_with_link(PAGE, {"kids": "on", "preset": "sobel-vertical"})
    assert not linked.exception and linked.button_group(key="preset").value == "sobel_vertical"
    assert "Sobel vertical" in linked.button_group(key="preset").options
