"""Lesson links on /mnist: the URL round trip, bad links, instructor options, kid mode and the handout."""

from html.parser import HTMLParser

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lib import lessons, mnist
from lib.mnist import results
from lib.mnist.handout import handout
from lib.mnist import content as words
from tests.conftest import open_with_link, unescaped, unfold

PAGE = "pages/3_mnist.py"


def open_page(query: dict | None = None) -> AppTest:
    return open_with_link(PAGE, query)


def steps(app) -> list[str]:
    """The steps below the playground, by their questions (open or closed)."""
    return [box.label for box in app.expander if box.label[0].isdigit()]


TRAIN, INSIDE, MISTAKES = (words.STEPS[name][0] for name in ("train", "inside", "mistakes"))


def test_round_trip_through_a_link():
    app = unfold(open_page())
    assert dict(app.query_params) == {}  # every control at its default (every step open): nothing in the URL
    app.toggle(key="mnist_invert").set_value(True).run()
    app.checkbox(key="mnist_auto_invert").set_value(True).run()
    app.slider(key="mnist_threshold").set_value(70).run()
    app.slider(key="mnist_pen").set_value(30).run()
    app.radio(key="mnist_paper").set_value("light").run()
    app.toggle(key="mnist_test_inverted").set_value(True).run()
    app.selectbox(key="mnist_true").set_value(7).run()
    app.radio(key="mnist_source").set_value("course").run()
    app.selectbox(key="mnist_course_image").set_value("dog").run()
    link = dict(app.query_params)
    assert link == {"invert": "on", "auto_invert": "on", "threshold": "70", "pen": "30", "paper": "light",
                    "test_inverted": "on", "true_digit": "7", "source": "course", "image": "dog"}

    again = unfold(open_page(link))
    assert again.toggle(key="mnist_invert").value is True
    assert again.checkbox(key="mnist_auto_invert").value is True
    assert again.slider(key="mnist_threshold").value == 70
    assert again.toggle(key="mnist_test_inverted").value is True
    assert again.selectbox(key="mnist_true").value == 7
    assert again.radio(key="mnist_source").value == "course"
    assert again.selectbox(key="mnist_course_image").value == "dog"
    assert again.session_state["mnist_paper"] == "light"  # not drawn while not drawing
    assert again.session_state["mnist_pen"] == 30
    assert dict(again.query_params) == link
    again.radio(key="mnist_source").set_value("draw").run()
    assert again.radio(key="mnist_paper").value == "light"
    assert again.slider(key="mnist_pen").value == 30


def test_the_issue_example_link():
    app = open_page({"invert": "on", "lesson": "2", "hide": "train"})
    assert TRAIN not in steps(app)
    assert MISTAKES in steps(app)
    assert app.get("plotly_chart")  # an exercise's link opens every step
    assert any("Exercise 2: The door-number 9" in i.value for i in app.info)
    assert app.toggle(key="mnist_invert").value is True
    assert app.radio(key="mnist_source").value == "course"
    assert app.selectbox(key="mnist_course_image").value == "9"
    assert not app.warning
    app.run()  # the settings survive a rerun
    assert app.toggle(key="mnist_invert").value is True
    assert app.query_params["lesson"] == "2" and app.query_params["hide"] == "train"


@pytest.mark.parametrize("query", [
    {"threshold": "150", "source": "telescope", "invert": "maybe", "pen": "thick", "colour": "red",
     "lesson": "99", "hide": "nonsense", "lock": "everything"},
])
def test_invalid_links_fall_back_to_defaults_with_a_notice(query):
    app = open_page(query)
    notices = unescaped(" ".join(w.value for w in app.warning))
    for word in ("150", "telescope", "maybe", "thick", "colour", "99", "nonsense", "everything"):
        assert word in notices
    assert app.radio(key="mnist_source").value == "draw"
    assert app.toggle(key="mnist_invert").value is False
    assert TRAIN in steps(app)
    assert unfold(app, "unsure").slider(key="mnist_threshold").value == 50


def test_hide_lock_and_lesson_settings():
    app = open_page({"hide": "upload,inside,invert", "lock": "threshold", "lesson": "4"})
    assert INSIDE not in steps(app) and MISTAKES in steps(app)
    assert not [t for t in app.toggle if t.key == "mnist_invert"]
    assert app.radio(key="mnist_source").options == ["Draw", "A course image"]
    assert app.radio(key="mnist_source").value == "course"  # exercise 4's own settings
    assert app.selectbox(key="mnist_course_image").value == "dog"
    assert app.slider(key="mnist_threshold").disabled
    assert any("Exercise 4" in i.value for i in app.info)


def test_hidden_uploads_turn_an_upload_link_into_drawing():
    app = open_page({"source": "upload", "hide": "upload"})
    assert app.radio(key="mnist_source").value == "draw"
    assert not app.exception


def test_kid_mode_has_simpler_words_and_fewer_sections():
    app = open_page({"kids": "on"})
    assert steps(app) == [kids for _, kids in words.STEPS.values()][:3]  # the course, "I don't know", the card
    assert any("chalkboards" in m.value for m in unfold(app, "course").markdown)
    assert not [s for s in app.slider if s.key == "mnist_pen"]


@pytest.fixture(scope="module")
def course_probabilities():
    course = results.load_course_images()
    return course, {inverted: mnist.predict(mnist.load_network(inverted), course) for inverted in (False, True)}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_handout_records_the_digit_the_answers_and_the_link(course_probabilities):
    course, probabilities = course_probabilities
    digit = course[4]
    link = "http://localhost:8501/mnist?invert=on&threshold=70"
    record = handout(
        link, invert=True, source="Draw", threshold=0.7, auto_invert=True, course_probabilities=probabilities,
        course_images=course, digit=digit, probabilities={k: v[4] for k, v in probabilities.items()},
        flipped=True, trained="Your network (1,000 digits): 90.0% right")
    markdown = record.to_markdown()
    assert markdown.startswith("# ")
    assert link in markdown
    assert "with inverted copies" in markdown and "70%" in markdown and "Auto-invert light backgrounds: on" in markdown
    assert "it's a 5" in markdown and "black and white swapped" in markdown
    assert "door-number plate" in markdown and "| 9 |" in markdown
    assert "Your network (1,000 digits)" in markdown
    page = record.to_html()
    parser = _Tags()
    parser.feed(page)
    images = [attrs["src"] for tag, attrs in parser.tags if tag == "img"]
    assert len(images) == 11 and all(src.startswith("data:image/png;base64,") for src in images)
    assert "<script" not in page.lower()
    assert any(tag == "a" and attrs.get("href") == link for tag, attrs in parser.tags)


def test_handout_without_a_digit_says_so_and_checks_the_threshold(course_probabilities):
    _, probabilities = course_probabilities
    record = handout("http://x/mnist", invert=False, source="Upload a photo", threshold=0.5,
                                   auto_invert=False, course_probabilities=probabilities)
    assert "no digit yet" in record.to_markdown()
    with pytest.raises(ValueError, match="divide a percentage by 100"):
        handout("http://x/mnist", invert=False, source="Draw", threshold=50, auto_invert=False,
                              course_probabilities=probabilities)


def test_every_exercise_setting_is_a_valid_setting():
    lesson = lessons.lesson("mnist")
    assert len(lesson.exercises) == 4 and {"train", "inside", "mistakes", "upload"} <= set(lesson.sections)
    assert lesson.baseline(lesson.exercises[3])["mnist_course_image"] == "dog"
    assert np.isclose(lesson.setting("threshold").parse("70"), 70)
