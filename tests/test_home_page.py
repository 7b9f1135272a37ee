"""The home page and every topic page run without an exception (AppTest), and the home page stays light."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from lib.topics import TOPICS
from tests.conftest import ROOT, tensorflow_loaded_after, unfold

APP = str(ROOT / "app.py")


def test_home_page_shows_a_card_per_topic():
    app = AppTest.from_file(APP).run()
    assert not app.exception
    assert app.title[0].value == "Machine learning, hands on"
    subheaders = [element.value for element in app.subheader]
    for item in TOPICS:
        assert item.title in subheaders


@pytest.mark.parametrize("item", TOPICS, ids=[t.slug for t in TOPICS])
def test_every_topic_page_runs_without_exception(item):
    app = AppTest.from_file(APP, default_timeout=60).run()
    app.switch_page(item.page_file).run()
    assert not app.exception, app.exception
    assert app.title[0].value == item.title


def _downloads(app: AppTest) -> list[str]:
    return [button.label for button in app.get("download_button")]


def test_the_handout_maker_is_drawn_only_when_opened():
    app = AppTest.from_file(APP).run()
    assert "handout_address" not in [box.key for box in app.text_input] and not _downloads(app)
    assert "Make a workshop handout (for instructors)" in [box.label for box in app.expander]
    assert len(_downloads(unfold(app, "handout"))) == 2


def test_the_handout_address_warns_when_phones_cannot_open_it():
    app = unfold(AppTest.from_file(APP).run(), "handout")
    address = app.text_input(key="handout_address")
    assert address.value == "http://localhost:8501"  # AppTest has no browser address: the local default
    warnings = [w.value for w in app.warning]
    assert any("Learners' phones cannot open this address" in w and "localhost" in w for w in warnings), warnings
    assert len(_downloads(app)) == 2  # still downloadable, to try the links on this computer

    address.set_value("http://192.168.1.20:8501").run()
    assert not app.warning and not app.error and len(_downloads(app)) == 2

    address.set_value("http://my laptop:8501").run()
    assert any("has a space in it" in e.value for e in app.error) and _downloads(app) == []

    address.set_value("http://0.0.0.0:8501").run()
    assert any("is what a server listens on" in w.value for w in app.warning)


def test_a_message_about_the_address_never_repeats_what_was_typed():
    app = unfold(AppTest.from_file(APP).run(), "handout")
    app.text_input(key="handout_address").set_value("[click](http://evil.example) **now**").run()
    assert [e.value for e in app.error] == ["The app's address must start with http:// or https://."]


def test_every_page_has_its_tab_icon_in_the_app():
    from lib.topics import HOME_ICON, REFERENCE, icon_file

    for icon in (HOME_ICON, *(item.icon for item in (*TOPICS, *REFERENCE))):
        assert icon_file(icon).read_bytes().startswith(b"\x89PNG"), icon


def test_home_page_does_not_import_tensorflow():
    assert not tensorflow_loaded_after()


def test_lib_imports_without_streamlit_or_tensorflow():
    script = (
        "import sys; import lib, lib.images, lib.palette, lib.topics; "
        "print(sorted(m for m in ('streamlit', 'tensorflow', 'keras') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
