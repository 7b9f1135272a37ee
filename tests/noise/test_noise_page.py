"""The noise page through AppTest: every control works, bad input gets a message, never a traceback."""

import io

import pytest
from PIL import Image, ImageDraw
from streamlit.testing.v1 import AppTest

from lib import ui
from lib.noise import content as words
from tests.conftest import ROOT, unfold


@pytest.fixture
def app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.switch_page("pages/4_noise.py").run()
    assert not app.exception, app.exception
    return app


def _texts(app: AppTest) -> str:
    """Every text the page shows: markdown, messages and image captions."""
    texts = [element.value for kind in (app.markdown, app.caption, app.info, app.warning, app.error)
             for element in kind]
    return "\n".join(texts + [caption for image in app.get("image") for caption in image.captions])


def test_the_playground_comes_first_then_steps_that_ask_before_they_explain(app):
    assert app.title[0].value == "Secret spy messages"
    summary = app.markdown[0].value
    assert summary.endswith("Can John still read it?")  # a question: nothing gives the answer away
    assert "Words on this page" in app.expander[0].label
    # The playground: the noise, the copies and how many to combine, then one copy beside their average.
    assert [s.key for s in app.slider][:3] == ["noise_strength", "noise_copies", "noise_combine"]
    assert app.slider(key="noise_combine").value == 1  # the learner finds how many it takes
    captions = [c for image in app.get("image") for c in image.captions if not c.startswith("The clean secret")]
    assert captions[:2] == ["One copy, as John gets it", "Average of the first copy: itself"]
    assert "when can you read the secret?" in _texts(app)
    assert not app.header  # the record's buttons wait in the last step
    # The steps ask their questions in their labels and are drawn only when opened: the page opens with the
    # playground alone (no step's pictures, no chart's browser code).
    steps = [e.label for e in app.main.get("expander")]
    assert steps[0].startswith("Words on this page") and steps[1].startswith("Peek at the secret")  # in "Change"
    assert steps[2:] == [words.STEP_LOOK[0], words.STEP_SUBTRACT[0], words.STEP_ADD[0], "4 · Measure it",
                         "5 · When averaging is not enough", words.STEP_SCIENCE, "Try this: 5 challenges",
                         ui.RECORD_STEP[0]]
    assert all(label.endswith("?") for label in steps[2:5])
    assert "The first 20 of the 20 copies" not in _texts(app) and not app.get("vega_lite_chart")
    unfold(app, "look")
    assert "The first 20 of the 20 copies" in _texts(app)
    unfold(app, "subtract")
    unfold(app, "add")
    whys = [e for e in app.expander if e.label == "What happened?"]
    assert len(whys) == 2  # each step's explanation waits until the learner asks for it
    unfold(app, "measure")
    assert len(app.get("vega_lite_chart")) == 1 and "For researchers" in _texts(app)


def test_the_combine_slider_updates_the_remaining_noise(app):
    app.slider(key="noise_combine").set_value(1).run()
    assert "after combining 1 (one copy" in _texts(app)
    app.slider(key="noise_combine").set_value(16).run()
    assert not app.exception
    assert "after combining 16 (one copy" in _texts(app)


def test_fewer_copies_clamp_the_combine_slider_and_one_copy_explains_itself(app):
    app.slider(key="noise_combine").set_value(16).run()
    app.slider(key="noise_copies").set_value(5).run()
    assert app.slider(key="noise_combine").value == 5
    app.slider(key="noise_copies").set_value(1).run()
    assert not app.exception
    assert "Subtracting needs two copies" in _texts(unfold(app, "subtract"))


@pytest.mark.parametrize("kind, strength_key, value", [
    ("uniform", "noise_strength", 10.0), ("salt_pepper", "noise_fraction", 1.0), ("gaussian", "noise_strength", 0.0),
])
def test_every_noise_kind_and_extreme_strengths_run(app, kind, strength_key, value):
    unfold(app, "measure")
    app.radio(key="noise_kind").set_value(kind).run()
    app.slider(key=strength_key).set_value(value).run()
    app.checkbox(key="noise_clip").check().run()
    app.number_input(key="noise_seed").set_value(123).run()
    assert not app.exception, app.exception
    if value == 0:
        assert "nothing to average away" in _texts(app)


def test_median_and_stamp_controls(app):
    unfold(app, "beyond")
    app.slider(key="noise_sp_fraction").set_value(0.6).run()
    app.select_slider(key="noise_sp_copies").set_value(25).run()
    app.slider(key="noise_stamp").set_value(3.0).run()
    assert not app.exception
    assert "Median of 25 copies" in _texts(app)


def test_ready_made_pictures_and_typed_messages(app):
    for name in ("smiley", "house", "rocket"):
        app.selectbox(key="noise_picture").set_value(name).run()
        assert not app.exception
    app.radio(key="noise_source").set_value("message").run()
    app.text_input(key="noise_message").input("Héllo 😀").run()
    assert not app.exception
    assert "cannot draw 😀" in _texts(app)
    app.text_input(key="noise_message").input("   ").run()
    assert "The message is empty" in _texts(app)


def _png(picture: Image.Image) -> bytes:
    data = io.BytesIO()
    picture.save(data, "PNG")
    return data.getvalue()


def _photo(size: tuple[int, int]) -> Image.Image:
    """A picture with something to find: a dark disc on an orange background."""
    picture = Image.new("RGB", size, "orange")
    ImageDraw.Draw(picture).ellipse((size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4), "navy")
    return picture


def _peeked(app: AppTest) -> str:
    """The clean secret the page shows under "Peek at the secret", as its image URL (one per picture)."""
    return next(url for image in app.get("image") for url, caption in zip(image.value, image.captions)
                if caption.startswith("The clean secret"))


def test_uploads_work_and_broken_uploads_get_a_message(app):
    app.radio(key="noise_source").set_value("upload").run()
    assert "Choose a picture to send" in _texts(app)
    app.get("file_uploader")[0].set_value(("photo.png", _png(_photo((300, 200))), "image/png")).run()
    assert not app.exception and not app.error and not app.warning
    app.get("file_uploader")[0].set_value(("broken.png", b"not a picture at all", "image/png")).run()
    assert not app.exception
    assert "John gets the word picture instead" in app.error[0].value


def _transparent_logo() -> Image.Image:
    logo = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    logo.paste((255, 255, 255, 255), (20, 20, 100, 40))  # white on transparent: white on the white paper
    return logo


@pytest.mark.parametrize("picture", [
    pytest.param(_transparent_logo(), id="transparent logo"),
    pytest.param(Image.new("RGB", (640, 480), "black"), id="black frame"),
    pytest.param(Image.new("L", (1, 1), 200), id="one pixel"),
])
def test_a_flat_upload_says_so_and_john_keeps_the_word_picture(app, picture):
    word = _peeked(app)
    app.radio(key="noise_source").set_value("upload").run()
    app.get("file_uploader")[0].set_value(("flat.png", _png(picture), "image/png")).run()
    assert not app.exception and not app.error
    assert any("one flat colour" in text and "John gets the word picture" in text
               for text in (w.value for w in app.warning)), [w.value for w in app.warning]
    assert _peeked(app) == word


@pytest.mark.parametrize("size, shape", [((1600, 100), "wide"), ((100, 1600), "tall")])
def test_a_very_long_upload_keeps_its_middle_and_says_so(app, size, shape):
    app.radio(key="noise_source").set_value("upload").run()
    app.get("file_uploader")[0].set_value(("strip.png", _png(_photo(size)), "image/png")).run()
    assert not app.exception and not app.error and not app.warning
    assert any(f"very {shape}" in text and "middle part" in text for text in (i.value for i in app.info))
