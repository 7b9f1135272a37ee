"""The home page and every topic page run without an exception (AppTest), and the home page stays light."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from lib.topics import TOPICS
from tests.conftest import ROOT, tensorflow_loaded_after

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
