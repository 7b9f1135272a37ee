"""/iris in kid mode stays a short path after training too (issue #17: the whole page under ~350 words): the
steps wait closed under their questions, so training adds the steps' questions, not their contents."""

import re

from streamlit.testing.v1 import element_tree as tree

from tests.conftest import open_with_link, unfold

KID_WORDS = 350  #: as tests/browser/test_playground_browser.py counts on opening, what is on screen

TEXTS = (tree.Markdown, tree.Caption, tree.HeadingBase, tree.AlertBase, tree.Code, tree.Text)


def _label(node) -> str:
    label = getattr(node, "label", None)
    return label if isinstance(label, str) else ""


def shown_text(node) -> list[str]:
    """The text a browser shows of ``node`` (an AppTest element or block): texts, metrics, labels, a slider's
    value and bounds; not the inside of a closed expander or popover, nor help tooltips."""
    if isinstance(node, TEXTS):
        return [str(node.value)]
    if isinstance(node, tree.Metric):
        return [node.label, node.value]
    if isinstance(node, tree.Slider):
        return [node.label, str(node.value), str(node.min), str(node.max)]
    found = [_label(node)]
    # A step ("3 · …", lib.ui.unfolded) holds its content only while open; any other expander starts closed.
    if node.type == "popover" or (node.type == "expander" and not node.proto.expanded
                                  and not _label(node)[:1].isdigit()):
        return found
    for child in getattr(node, "children", {}).values():
        found += shown_text(child)
    return found


def words(app) -> int:
    return len(re.findall(r"\S+", " ".join(shown_text(app.main))))


def test_kid_mode_stays_short_after_training():
    app = open_with_link("pages/2_iris.py", {"kids": "on"})
    before = words(app)
    assert before <= KID_WORDS, f"/iris shows {before} words in kid mode on opening"
    app.button(key="iris_train").click().run()
    assert not app.exception, app.exception
    assert any("secret flowers right" in m.value for m in app.markdown)  # trained: the kid line says so
    after = words(app)
    assert after <= KID_WORDS, f"/iris shows {after} words in kid mode after training"
    assert any(e.label.startswith("5 · Measure a flower") for e in app.expander)  # the kid steps are there


def test_an_open_step_stays_open_when_kid_mode_relabels_it():
    app = open_with_link("pages/2_iris.py")
    unfold(app, "iris_split")
    assert any(e.label.startswith("2 · Split") for e in app.expander)
    app.toggle(key="kids_switch").set_value(True).run()
    assert not app.exception, app.exception
    [step] = [e for e in app.expander if e.label.startswith("2 · Secret test flowers")]
    assert app.session_state["open_iris_split"]
    assert step.markdown, "the open step's content is drawn"
    assert not app.warning, [w.value for w in app.warning]
