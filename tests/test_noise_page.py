"""The noise page through AppTest: every control works, bad input gets a message, never a traceback."""

import io

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


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


def test_the_story_comes_first_then_the_copies_and_every_section(app):
    assert app.title[0].value == "Secret spy messages"
    story = [m.value for m in app.markdown if m.value.startswith("Spy Jane")]
    assert story and "Words on this page" in app.expander[0].label  # the page's words, then the story
    headers = [header.value for header in app.header]
    assert headers == ["Choose the secret", "Choose the noise", "Try subtracting", "Try adding", "Measure it",
                       "When averaging is not enough", "Where scientists use this", "Try this", "Keep a record"]
    assert "The first 20 of the 20 copies" in _texts(app)
    assert len(app.expander) >= 1 + 3  # peek at the secret, and the challenges with their answers
    assert app.slider(key="noise_combine").value == 20


def test_the_combine_slider_updates_the_remaining_noise(app):
    app.slider(key="noise_combine").set_value(1).run()
    assert "after combining 1 (one copy" in _texts(app)
    app.slider(key="noise_combine").set_value(16).run()
    assert not app.exception
    assert "after combining 16 (one copy" in _texts(app)


def test_fewer_copies_clamp_the_combine_slider_and_one_copy_explains_itself(app):
    app.slider(key="noise_copies").set_value(5).run()
    assert app.slider(key="noise_combine").value == 5
    app.slider(key="noise_copies").set_value(1).run()
    assert not app.exception
    assert "Subtracting needs two copies" in _texts(app)


@pytest.mark.parametrize("kind, strength_key, value", [
    ("uniform", "noise_strength", 10.0), ("salt_pepper", "noise_fraction", 1.0), ("gaussian", "noise_strength", 0.0),
])
def test_every_noise_kind_and_extreme_strengths_run(app, kind, strength_key, value):
    app.radio(key="noise_kind").set_value(kind).run()
    app.slider(key=strength_key).set_value(value).run()
    app.checkbox(key="noise_clip").check().run()
    app.number_input(key="noise_seed").set_value(123).run()
    assert not app.exception, app.exception
    if value == 0:
        assert "nothing to average away" in _texts(app)


def test_median_and_stamp_controls(app):
    app.slider(key="noise_sp_fraction").set_value(0.6).run()
    app.select_slider(key="noise_sp_copies").set_value(25).run()
    app.slider(key="noise_stamp").set_value(3.0).run()
    assert not app.exception
    assert "Median of 25 copies" in _texts(app)


def test_ready_made_pictures_and_typed_messages(app):
    for name in ("smiley", "house", "rocket"):
        app.selectbox(key="noise_picture").set_value(name).run()
        assert not app.exception
    app.radio(key="noise_source").set_value("Type your own message").run()
    app.text_input(key="noise_message").input("Héllo 😀").run()
    assert not app.exception
    assert "cannot draw 😀" in _texts(app)
    app.text_input(key="noise_message").input("   ").run()
    assert "The message is empty" in _texts(app)


def test_uploads_work_and_broken_uploads_get_a_message(app):
    app.radio(key="noise_source").set_value("Upload a picture").run()
    assert "Choose a picture to send" in _texts(app)
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), "orange").save(picture, "PNG")
    app.get("file_uploader")[0].set_value(("photo.png", picture.getvalue(), "image/png")).run()
    assert not app.exception and not app.error
    app.get("file_uploader")[0].set_value(("broken.png", b"not a picture at all", "image/png")).run()
    assert not app.exception
    assert "John gets the word picture instead" in app.error[0].value
