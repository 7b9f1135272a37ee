"""Lesson links on /ethics: printable mode and the demos' selectors in the URL (answers never), bad links,
instructor options, kid mode and the handout."""

from html.parser import HTMLParser

import pytest
from streamlit.testing.v1 import AppTest

from lib import ethics, lessons
from lib.ethics import words
from lib.ethics.handout import handout
from tests.conftest import open_question, open_with_link, unescaped, unfold

PAGE = "pages/6_ethics.py"


def open_page(query: dict | None = None) -> AppTest:
    return open_with_link(PAGE, query)


def headers(app) -> list[str]:
    """The page's headers and its steps' labels (a step is drawn only while open; its label always is)."""
    return [h.value for h in app.header] + [e.label for e in app.expander]


def test_round_trip_through_a_link():
    app = open_page()
    assert dict(app.query_params) == {}
    open_question(app, "collect-who")
    app.radio(key="ethics_answer_collect-who").set_value("no").run()
    unfold(app, "ethics_save").text_input(key="ethics_project").input("Secret project").run()
    assert dict(app.query_params) == {}  # answers stay out of the URL
    assert app.toggle(key="ethics_demo_dog").value is True  # the dog is the page's playground: on from the start
    app.toggle(key="ethics_demo_dog").set_value(False).run()  # a real 9 instead
    unfold(app, "ethics_polarity", "ethics_iris", "ethics_garden")
    for demo in ("polarity", "iris", "garden"):
        app.toggle(key=f"ethics_demo_{demo}").set_value(True).run()
    app.slider(key="ethics_threshold").set_value(0.75).run()
    app.selectbox(key="ethics_iris_species").set_value(2).run()
    app.select_slider(key="ethics_iris_keep").set_value(0.2).run()
    app.selectbox(key="ethics_stranger").set_value("ant").run()
    link = dict(app.query_params)
    assert link == {"dog": "off", "threshold": "0.75", "polarity": "on", "iris": "on", "species": "virginica",
                    "keep": "20", "garden": "on", "stranger": "ant"}

    again = open_page(link)  # a link naming a step's settings opens that step
    assert all(again.session_state[f"open_ethics_{d}"] for d in ("polarity", "iris", "garden"))
    assert again.slider(key="ethics_threshold").value == 0.75
    assert again.selectbox(key="ethics_iris_species").value == 2
    assert again.select_slider(key="ethics_iris_keep").value == 0.2
    assert again.selectbox(key="ethics_stranger").value == "ant"
    assert all(again.toggle(key=f"ethics_demo_{d}").value for d in ("polarity", "iris", "garden"))
    assert again.toggle(key="ethics_demo_dog").value is False
    assert open_question(again, "collect-who").radio(key="ethics_answer_collect-who").value is None  # a new visitor starts blank
    assert dict(again.query_params) == link


def test_printable_mode_travels_in_the_link_and_survives_switching_back():
    app = open_page({"printable": "on"})
    assert not app.get("radio")
    assert any("Ethics checklist" in m.value for m in app.markdown)
    app.toggle(key="ethics_printable").set_value(False).run()
    assert app.get("progress") and dict(app.query_params) == {}


def test_invalid_links_fall_back_to_defaults_with_a_notice():
    app = open_page({"threshold": "7", "species": "rose", "keep": "33", "dog": "perhaps", "answers": "yes",
                     "lesson": "99", "hide": "nonsense", "lock": "everything"})
    notices = unescaped(" ".join(w.value for w in app.warning))
    for word in ("7", "rose", "33", "perhaps", "answers", "99", "nonsense", "everything"):
        assert word in notices
    assert app.toggle(key="ethics_demo_dog").value is True  # the default: the dog, the page's playground
    unfold(app, "ethics_iris")
    app.toggle(key="ethics_demo_iris").set_value(True).run()
    assert app.selectbox(key="ethics_iris_species").value == 1
    assert app.select_slider(key="ethics_iris_keep").value == 0.1


def test_hide_lock_and_lesson_settings():
    app = open_page({"hide": "save,sources,polarity", "lock": "threshold,dog", "lesson": "1"})
    assert words.SAVE_HEADING not in headers(app) and words.SOURCES_HEADING not in headers(app)
    assert not [t for t in app.toggle if t.key == "ethics_demo_polarity"]
    assert app.toggle(key="ethics_demo_dog").value is True  # exercise 1 opens the dog demo
    assert app.toggle(key="ethics_demo_dog").disabled and app.slider(key="ethics_threshold").disabled
    assert any("Exercise 1: Where to say 'I don't know'" in i.value for i in app.info)
    assert any(h.startswith("Try this") for h in headers(app))


def test_hiding_the_demos_section():
    app = open_page({"hide": "demos,principles"})
    assert "See it happen" not in headers(app) and words.PRINCIPLES_HEADING not in headers(app)
    assert words.SOURCES_HEADING in headers(app)


def test_kid_mode_has_simpler_words_and_fewer_sections():
    app = open_page({"kids": "on"})
    text = " ".join(m.value for m in app.markdown)
    assert "detective" in text and "**Did you test it on everyone who will use it?**" in text
    assert words.SOURCES_HEADING not in headers(app) and words.PRINCIPLES_HEADING not in headers(app)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_handout_records_the_answers_the_demos_and_the_link():
    answers = ethics.empty_answers("Loan *model*")
    answers["answers"]["collect-who"] = {"answer": "no", "note": "<script>alert(1)</script> only [adults](x)"}
    answers["answers"]["deploy-human"] = {"answer": "yes", "note": ""}
    link = "http://localhost:8501/ethics?dog=on&threshold=0.75"
    record = handout(link, answers, ["The dog demo. With 'I don't know' below 75%: …"])
    markdown = record.to_markdown()
    assert markdown.startswith("# ") and markdown.count("\n# ") == 0  # one top-level heading
    assert link in markdown and "2 of 26 questions settled" in markdown
    assert "Answer: **no**" in markdown and "Answer: **yes**" in markdown and "below 75%" in markdown
    assert "Loan \\*model\\*" in markdown and "\\[adults\\]\\(x\\)" in markdown
    page = record.to_html()
    parser = _Tags()
    parser.feed(page)
    assert "<script" not in page.lower()
    text = "".join(parser.text)
    assert "<script>alert(1)</script> only [adults](x)" in text  # shown as typed
    # Each answer reads as what it is; no tick box that would make a "no" look passed.
    assert "Answer: no" in text and "Answer: yes" in text and "Answer: open (not answered)" in text
    assert "[x]" not in text and "[ ]" not in text
    assert any(tag == "a" and attrs.get("href") == link for tag, attrs in parser.tags)


def test_handout_refuses_malformed_answers():
    with pytest.raises(ValueError):
        handout("http://x/ethics", {"project": "", "answers": {"nope": {}}})


def test_the_lesson_file():
    lesson = lessons.lesson("ethics")
    assert len(lesson.exercises) == 3 and {"demos", "save", "principles"} <= set(lesson.sections)
    assert lesson.baseline(lesson.exercises[0])["ethics_demo_dog"] is True
