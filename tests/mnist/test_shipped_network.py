"""The two shipped digit networks are one thing across the app: loaded once per server for the three pages
that use them (/mnist, /ethics, /convolution) and called by the same names everywhere."""

import streamlit as st
from streamlit.testing.v1 import AppTest

from lib import mnist
from tests.conftest import ROOT, unfold


def _visit_the_three_pages() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/3_mnist.py").run()
    app.switch_page("pages/6_ethics.py").run()
    app.toggle(key="ethics_demo_dog").set_value(True).run()
    unfold(app.switch_page("pages/1_convolution.py").run(), "cnn")  # the step with the learned kernels
    app.toggle(key="cnn_show").set_value(True).run()
    assert not app.exception, app.exception
    return app


def test_each_shipped_network_is_loaded_once_for_all_three_pages(monkeypatch):
    loaded, load = [], mnist.load_network
    monkeypatch.setattr(mnist, "load_network", lambda invert: loaded.append(invert) or load(invert))
    st.cache_resource.clear()
    app = _visit_the_three_pages()
    assert any("16 5×5 kernels" in caption for image in app.get("image") for caption in image.captions)
    assert sorted(loaded) == [False, True]
    st.cache_resource.clear()


def test_the_networks_have_the_same_names_on_mnist_in_its_handout_and_on_ethics():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/3_mnist.py").run()
    assert any(f"the network **{mnist.NETWORK_NAMES[False]}**" in caption.value for caption in app.caption)
    app.switch_page("pages/6_ethics.py").run()
    app.toggle(key="ethics_demo_dog").set_value(True).run()
    lines = [line for text in (e.value for e in app.markdown) for line in text.splitlines() if "with your rule" in line]
    assert [line.split(":")[0].removeprefix("- ") for line in lines] == [
        name.capitalize() for name in mnist.NETWORK_NAMES.values()]
