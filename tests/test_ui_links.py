"""lib.ui with AppTest: links applied and written back, notices, kid mode across pages, the share panel, and the
home page's workshop handout generator. Each page's own round trips are in tests/test_<slug>_links.py."""

import pytest

from tests.conftest import open_with_link, unescaped, unfold


def open_page(page=None, **query):
    return open_with_link(page, query)


def shared_links(app):
    """The links the sidebar's share panel shows (opening the panel, which is drawn only while open)."""
    return [block.value for block in unfold(app, "share").sidebar.code]


def test_the_address_bar_and_the_share_panel_hold_the_current_view():
    app = open_page("pages/3_mnist.py")
    assert not app.exception and dict(app.query_params) == {}
    assert shared_links(app)[0] == "http://localhost:8501/mnist"
    app.toggle(key="mnist_invert").set_value(True).run()
    assert app.query_params["invert"] == "on"
    assert shared_links(app)[0] == "http://localhost:8501/mnist?invert=on"
    assert any("QR code" in image.proto.imgs[0].caption for image in app.sidebar.get("image"))
    app.toggle(key="mnist_invert").set_value(False).run()
    assert "invert" not in app.query_params  # back at the default: out of the URL


def test_the_issue_example_link_opens_as_asked():
    app = open_page("pages/3_mnist.py", invert="on", lesson="2", hide="train")
    assert not app.exception and not app.warning.values
    assert app.toggle(key="mnist_invert").value is True
    assert any("Exercise 2" in box.value for box in app.info)
    assert "Train it yourself" not in [h.value for h in app.header]
    assert shared_links(app)[0].startswith("http://localhost:8501/mnist?")


def test_a_bad_link_opens_the_page_with_defaults_and_says_why():
    app = open_page("pages/3_mnist.py", invert="maybe", lesson="42", colour="blue")
    assert not app.exception
    notices = unescaped(" ".join(app.warning.values))
    assert "on or off" in notices and "no exercise “42”" in notices and "“colour”" in notices
    assert app.toggle(key="mnist_invert").value is False
    assert dict(app.query_params) == {}  # the bad values are cleaned out of the address


def test_kid_mode_from_the_link_stays_on_across_pages_and_switches_off():
    app = open_page(None, kids="on")
    assert app.toggle(key="kids_switch").value is True
    app.switch_page("pages/4_noise.py").run()
    assert not app.exception
    assert app.toggle(key="kids_switch").value is True and app.query_params["kids"] == "on"
    app.toggle(key="kids_switch").set_value(False).run()
    assert "kids" not in app.query_params
    app.switch_page("pages/1_convolution.py").run()
    assert app.toggle(key="kids_switch").value is False


def test_classroom_link_builder_adds_hide_lock_and_lesson():
    app = unfold(open_page("pages/3_mnist.py"), "share")
    app.multiselect(key="share_hide").set_value(["train"]).run()
    app.multiselect(key="share_lock").set_value(["invert"]).run()
    app.selectbox(key="share_lesson").set_value(2).run()
    classroom = shared_links(app)[1]
    assert classroom.startswith("http://localhost:8501/mnist?")
    for part in ("hide=train", "lock=invert", "lesson=2"):
        assert part in classroom
    assert "lesson" not in app.query_params  # building a link does not change the instructor's own view


def test_locked_controls_are_disabled():
    app = open_page("pages/3_mnist.py", invert="on", lock="invert")
    assert app.toggle(key="mnist_invert").disabled and app.toggle(key="mnist_invert").value is True


def test_home_page_makes_a_workshop_handout():
    app = unfold(open_page(), "handout")
    assert not app.exception
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Download the handout (HTML, to print)" in labels
    app.text_input(key="handout_address").input("not a web address").run()
    assert any("must start with http" in message for message in app.error.values)
    app.text_input(key="handout_address").input("https://ml.example.org").run()
    app.multiselect(key="handout_pages").set_value(["mnist"]).run()
    assert not app.error and not app.exception


@pytest.mark.parametrize("page", ["pages/7_glossary.py"])
def test_reference_pages_open(page):
    assert not open_page(page).exception
