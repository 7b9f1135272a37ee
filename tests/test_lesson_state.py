"""Lesson state through a visit (lib.ui with lib.lessons): classroom links, exercises, navigation between pages,
corrected values and link notices. Browser-only parts (the address bar after "Set the page up for this", the
scroll position) are in tests/browser/test_lesson_state_browser.py."""

import pytest

from lib import lessons
from lib.lessons import Classroom
from lib.topics import TOPICS
from lib.workshop_handout import workshop_handout
from tests.conftest import bound_controls, open_with_link, texts, unfold

PAGES = {t.slug: t.page_file for t in TOPICS}


def _away_from_defaults(lesson: lessons.Lesson) -> dict:
    """Session state in which every setting differs from its default (as a learner might leave a page)."""
    state = {}
    for setting in lesson.settings:
        default = setting.default
        if setting.choices:
            state[setting.key] = next(v for v in setting.choices.values() if v != default)
        elif isinstance(default, bool):
            state[setting.key] = not default
        elif isinstance(default, str):
            state[setting.key] = default + "x"
        else:
            low = setting.low if setting.low is not None else default - 1
            state[setting.key] = low if low != default else setting.high
    return state


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
def test_a_classroom_link_opens_every_exercise_with_the_exercises_own_settings(slug):
    lesson = lessons.lesson(slug)
    state = _away_from_defaults(lesson)
    for exercise in lesson.exercises:
        params = lesson.classroom_link(state, Classroom(exercise))
        assert params["lesson"] == str(exercise.number)
        values, classroom, notices = lesson.read(params)
        assert not notices and classroom.lesson == exercise
        for name, text in exercise.settings.items():
            setting = lesson.setting(name)
            assert values[setting.key] == setting.parse(text), (slug, exercise.number, name)


def test_the_share_panels_classroom_link_keeps_the_exercises_setting():
    app = unfold(open_with_link(PAGES["noise"]), "share")  # stamp at its default 1, which exercise 3 sets to 3
    app.selectbox(key="share_lesson").set_value(3).run()
    classroom = app.sidebar.code[1].value
    assert classroom.endswith("/noise?lesson=3"), classroom
    kmeans = unfold(open_with_link(PAGES["kmeans"]), "share")
    kmeans.selectbox(key="share_lesson").set_value(2).run()
    assert "k=" not in kmeans.sidebar.code[1].value


def _visit_the_glossary_and_come_back(app, page_file):
    for page in ("pages/7_glossary.py", page_file):
        app.query_params.clear()  # the app's own menu opens a page without a query
        app.switch_page(page).run()
        assert not app.exception
    return app


def test_classroom_settings_and_the_learners_values_survive_a_visit_to_another_page():
    app = open_with_link(PAGES["noise"], {"copies": "50", "lock": "all", "hide": "peek"})
    assert app.slider(key="noise_copies").value == 50 and app.slider(key="noise_copies").disabled
    _visit_the_glossary_and_come_back(app, PAGES["noise"])
    assert not app.warning.values
    assert app.slider(key="noise_copies").value == 50 and app.slider(key="noise_copies").disabled
    assert "Peek at the secret" not in [e.label for e in app.expander]
    assert dict(app.query_params) == {"copies": "50", "hide": "peek", "lock": "all"}

    learner = open_with_link(PAGES["noise"])
    learner.slider(key="noise_strength").set_value(6.0).run()
    learner.radio(key="noise_kind").set_value("uniform").run()
    _visit_the_glossary_and_come_back(learner, PAGES["noise"])
    assert learner.slider(key="noise_strength").value == 6.0 and learner.radio(key="noise_kind").value == "uniform"
    assert dict(learner.query_params) == {"kind": "uniform", "strength": "6"}


def test_an_exercise_link_inside_the_page_keeps_hiding_locking_and_the_learners_other_values():
    app = open_with_link(PAGES["noise"], {"hide": "peek", "lock": "copies"})
    app.slider(key="noise_strength").set_value(6.0).run()
    app.query_params.clear()
    app.query_params["lesson"] = "3"  # what "Set the page up for this" opens
    app.run()
    assert app.slider(key="noise_stamp").value == 3.0 and app.slider(key="noise_strength").value == 6.0
    assert app.slider(key="noise_copies").disabled
    assert dict(app.query_params) == {"strength": "6", "lesson": "3", "hide": "peek", "lock": "copies"}


def test_only_a_link_that_was_opened_says_it_set_the_design():
    # On /iris it is said in the playground's line under Train (markdown).
    plain = open_with_link(PAGES["iris"])
    plain.slider(key="iris_design_epochs").set_value(40).run()
    assert "The link you opened" not in texts(plain, "markdown")
    linked = open_with_link(PAGES["iris"], {"epochs": "40"})
    assert "The link you opened" in texts(linked, "markdown")
    linked.slider(key="iris_design_epochs").set_value(30).run()
    assert "The link you opened" not in texts(linked, "markdown")


def test_a_corrected_value_is_said_once_and_the_address_holds_what_is_shown():
    app = open_with_link(PAGES["noise"], {"copies": "5", "combine": "50"})
    assert app.slider(key="noise_combine").value == 5
    assert len(app.warning) == 1 and "only 5 copies were sent" in app.warning[0].value
    assert dict(app.query_params) == {"copies": "5", "combine": "5"}

    kmeans = open_with_link(PAGES["kmeans"], {"features": "weight", "x": "width", "y": "length"})
    notice = texts(kmeans, "warning")
    assert "Plot across" in notice and "Plot up" in notice and len(kmeans.warning) == 1
    query = dict(kmeans.query_params)
    assert query.get("x") != "width" and query.get("y") != "length"


def test_a_badly_formed_link_gives_one_notice_listing_what_was_ignored():
    app = open_with_link(PAGES["noise"], {"kind": "lasers", "strength": "11", "copies": "0", "seed": "-1",
                                          "combine": "x", "clip": "maybe", "picture": "cat", "volume": "11",
                                          "lesson": "99", "hide": "nonsense"})
    assert len(app.warning) == 1
    assert app.warning[0].value.count("\n- ") >= 8


def test_link_notices_show_the_links_text_as_text():
    app = open_with_link(PAGES["noise"], {"kind": "**bold** [x](http://example.org)"})
    assert "“`**bold** [x](http://example.org)`”" in app.warning[0].value


def _shown_exercises(app) -> list[int]:
    numbers = []
    for block in app.markdown:
        text = block.value
        if text.startswith("**") and ".**" in text[:8] and text[2:text.index(".**")].isdigit():
            numbers.append(int(text[2:text.index(".**")]))
    return numbers


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
@pytest.mark.parametrize("kids", [False, True], ids=["full", "kids"])
def test_every_exercise_shown_can_be_done_in_that_mode(slug, kids):
    lesson = lessons.lesson(slug)
    extra = {"kids": "on"} if kids else {}
    app = open_with_link(PAGES[slug], extra)
    offered = [e.number for e in lesson.exercises_for(kids)]
    assert _shown_exercises(unfold(app, f"try_{slug}")) == offered
    for number in offered:
        exercise = lesson.exercises[number - 1]
        if not exercise.settings:
            continue
        app.query_params.clear()
        app.query_params.update({"lesson": str(number), **extra})
        app.run()
        assert not app.exception
        missing = set(exercise.settings) - set(bound_controls(app, slug))
        assert not missing, f"/{slug} exercise {number} needs {missing}, not shown {'to kids' if kids else ''}"


def test_kids_handouts_list_only_exercises_kids_can_do():
    sheet = workshop_handout("https://ml.example.org", kids=True).to_markdown()
    for topic in TOPICS:
        for exercise in lessons.lesson(topic.slug).exercises:
            assert (f"Try this {exercise.number}: {exercise.title}" in sheet) == exercise.for_kids, exercise.title
    assert any(not e.for_kids for t in TOPICS for e in lessons.lesson(t.slug).exercises)
