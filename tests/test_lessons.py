"""lib.lessons: the lesson-file format, reading links (with notices instead of errors) and writing them."""

import pytest

from lib import lessons
from lib.lessons import Setting, load, url_word
from lib.topics import TOPICS

LESSON_FILE = """
goal = "Learn a thing."
kids_goal = "Learn a thing, simply."

[settings.invert]
key = "p_invert"
default = false
label = "Invert"

[settings.level]
key = "p_level"
default = 50
low = 0
high = 99

[settings.strength]
key = "p_strength"
default = 0.5
low = 0.0
high = 1.0

[settings.paper]
key = "p_paper"
default = "White on black"
choices = { dark = "White on black", light = "Black on white" }

[settings.source]
key = "p_source"
default = "Draw"
choices = ["Draw", "Upload a photo"]

[sections]
train = "Train it yourself"

[[exercise]]
title = "First"
question = "Q1?"
answer = "A1."
settings = { invert = "on", paper = "light" }

[[exercise]]
title = "Second"
question = "Q2?"
answer = "A2."
"""


@pytest.fixture
def lesson(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_text(LESSON_FILE)
    return load(path)


def test_url_words_are_lower_case_with_dashes():
    assert url_word("Upload a photo") == "upload-a-photo"
    assert url_word("White pen on black (like MNIST)") == "white-pen-on-black-like-mnist"


@pytest.mark.parametrize("text, value", [("on", True), ("TRUE", True), ("1", True), ("off", False), ("no", False)])
def test_switches_read_on_and_off(text, value):
    assert Setting("invert", "k", False).parse(text) is value


def test_free_text_is_plain_and_short():
    search = Setting("q", "q", "")
    assert search.parse("  learning rate ") == "learning rate"
    for bad in ("x" * 201, "line\nbreak", "\x00"):
        with pytest.raises(ValueError, match="plain text"):
            search.parse(bad)


def test_numbers_are_read_within_their_range(lesson):
    level = lesson.setting("level")
    assert level.parse("70") == 70 and isinstance(level.parse("70"), int)
    assert lesson.setting("strength").parse("0.25") == 0.25
    for bad in ("250", "-1", "7.5", "seventy", "nan", ""):
        with pytest.raises(ValueError):
            level.parse(bad)
    with pytest.raises(ValueError, match="between 0 and 1"):
        lesson.setting("strength").parse("inf")


def test_choices_accept_their_url_word_or_the_option_itself(lesson):
    paper = lesson.setting("paper")
    assert paper.parse("light") == "Black on white"
    assert paper.parse("black-on-white") == "Black on white"
    assert lesson.setting("source").parse("upload-a-photo") == "Upload a photo"
    with pytest.raises(ValueError, match="can be dark, light"):
        paper.parse("purple")


def test_format_is_the_inverse_of_parse(lesson):
    for setting in lesson.settings:
        for text in {"invert": ["on", "off"], "level": ["0", "99"], "strength": ["0.25", "1"],
                     "paper": ["dark", "light"], "source": ["draw", "upload-a-photo"]}[setting.name]:
            assert setting.format(setting.parse(text)) == text


def test_a_link_sets_every_setting_and_the_classroom(lesson):
    values, classroom, notices = lesson.read({"level": "70", "lesson": "1", "hide": "train,invert",
                                              "lock": "all", "kids": "on"})
    assert notices == []
    assert values == {"p_invert": True, "p_level": 70, "p_strength": 0.5, "p_paper": "Black on white",
                      "p_source": "Draw"}
    assert classroom.lesson.title == "First"
    assert classroom.hide == {"train", "invert"}
    assert classroom.lock == set(lesson.names)
    assert classroom.kids is True


def test_the_url_overrides_the_exercise_settings(lesson):
    values, _, _ = lesson.read({"lesson": "1", "invert": "off"})
    assert values["p_invert"] is False and values["p_paper"] == "Black on white"


def test_bad_values_fall_back_to_defaults_with_one_notice_each(lesson):
    values, classroom, notices = lesson.read({"level": "250", "paper": "purple", "nonsense": "1", "lesson": "9",
                                              "hide": "train,wings", "lock": "tail", "kids": "maybe"})
    assert values == lesson.defaults
    assert classroom.lesson is None and classroom.hide == {"train"} and classroom.lock == set()
    assert classroom.kids is None
    assert len(notices) == 7
    assert any("between 0 and 99, not “250”" in n for n in notices)
    said = {text for notice in notices for text, from_link in notice.pieces if from_link}
    assert said == {"250", "purple", "nonsense", "9", "wings", "tail", "maybe"}  # shown as text by lib.ui
    assert any("no exercise “9”" in n for n in notices)
    assert any("“wings”" in n and "it can hide" in n for n in notices)


def test_repeated_parameters_use_the_last_one(lesson):
    values, _, notices = lesson.read({"level": ["10", "20"]})
    assert values["p_level"] == 20 and not notices


def test_links_carry_only_what_differs_from_the_baseline(lesson):
    state = {**lesson.defaults, "p_level": 70, "p_paper": "Black on white"}
    assert lesson.to_query(state) == {"level": "70", "paper": "light"}
    assert lesson.to_query(lesson.defaults) == {}
    # Opened at exercise 1 (invert on, light paper): turning invert off must travel, light paper need not.
    first = lesson.exercises[0]
    state = {**lesson.baseline(first), "p_invert": False}
    assert lesson.to_query(state, first) == {"invert": "off"}


def test_round_trip_through_a_link(lesson):
    state = {**lesson.defaults, "p_invert": True, "p_level": 3, "p_strength": 0.75, "p_source": "Upload a photo"}
    values, _, notices = lesson.read(lesson.to_query(state))
    assert values == state and not notices


@pytest.mark.parametrize("broken, message", [
    ("goal = ''", "non-empty `goal`"),
    ("goal = 'x'\n[settings.a]\nkey = 'k'", "needs `key` and `default`"),
    ("goal = 'x'\n[settings.lesson]\nkey = 'k'\ndefault = 1", "must be lower-case"),
    ("goal = 'x'\n[settings.a]\nkey = 'k'\ndefault = 'z'\nchoices = ['x', 'y']", "not one of its choices"),
    ("goal = 'x'\n[[exercise]]\ntitle = 't'\nquestion = 'q'", "needs answer"),
    ("goal = 'x'\n[[exercise]]\ntitle = 't'\nquestion = 'q'\nanswer = 'a'\nsettings = { zz = '1' }",
     "exercise 1"),
    ("goal = [", "not valid TOML"),
])
def test_broken_lesson_files_say_what_to_fix(tmp_path, broken, message):
    path = tmp_path / "broken.toml"
    path.write_text(broken)
    with pytest.raises(ValueError, match=message):
        load(path)


@pytest.mark.parametrize("item", TOPICS, ids=lambda t: t.slug)
def test_every_topic_has_a_valid_lesson_with_goal_and_exercises(item):
    page = lessons.lesson(item.slug)
    assert page.goal and page.kids_goal
    assert len(page.exercises) >= 3
    assert page.settings, "every page has settings worth sharing in a link"
    # Every exercise's settings survive a round trip through a link.
    for exercise in page.exercises:
        values, classroom, notices = page.read({"lesson": str(exercise.number)})
        assert not notices and classroom.lesson == exercise
        assert page.to_query(values, exercise) == {}


def test_a_setting_with_an_unknown_key_or_a_label_for_no_choice_is_refused_with_what_to_fix(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_text('goal = "g"\n[settings.kind]\nkey = "k"\ndefault = "a"\nchoices = ["a", "b"]\nhelpp = "typo"\n')
    with pytest.raises(ValueError, match="unknown helpp"):
        load(path)
    path.write_text('goal = "g"\n[settings.kind]\nkey = "k"\ndefault = "a"\nchoices = ["a", "b"]\n'
                    'labels = { a = "A", c = "C" }\n')
    with pytest.raises(ValueError, match="labels c name no choice"):
        load(path)


def test_a_choice_is_stored_as_its_value_and_shown_by_its_label():
    setting = Setting("kind", "k", "salt_pepper", choices={"gaussian": "gaussian", "salt-pepper": "salt_pepper"},
                      labels={"salt-pepper": "Salt and pepper"})
    assert setting.parse("salt-pepper") == "salt_pepper" and setting.format("salt_pepper") == "salt-pepper"
    assert [setting.label_for(value) for value in setting.options] == ["gaussian", "Salt and pepper"]


def test_kid_mode_offers_its_own_choices_and_whatever_a_link_chose():
    setting = Setting("kernel", "k", "sharpen", choices={"identity": "identity", "sharpen": "sharpen",
                                                         "box-blur": "box_blur", "emboss": "emboss"},
                      kids_choices=("sharpen", "box-blur"))
    assert setting.options_in(False) == ["identity", "sharpen", "box_blur", "emboss"]
    assert setting.options_in(True) == ["sharpen", "box_blur"]
    assert setting.options_in(True, current="emboss") == ["sharpen", "box_blur", "emboss"]  # in the file's order
    assert Setting("k", "k", "a", choices={"a": "a"}).options_in(True) == ["a"]  # no kids_choices: all


@pytest.mark.parametrize("spec, message", [
    ('kids_choices = ["a", "z"]', "kids_choices must be URL words of its choices"),
    ('kids_choices = ["b"]', "its default among them"),
])
def test_kids_choices_name_choices_and_keep_the_default(tmp_path, spec, message):
    path = tmp_path / "demo.toml"
    path.write_text(f'goal = "g"\n[settings.kind]\nkey = "k"\ndefault = "a"\nchoices = ["a", "b", "c"]\n{spec}\n')
    with pytest.raises(ValueError, match=message):
        load(path)


def test_an_exercise_for_kids_may_only_choose_what_kid_mode_offers(tmp_path):
    path = tmp_path / "demo.toml"
    head = 'goal = "g"\n[settings.kind]\nkey = "k"\ndefault = "a"\nchoices = ["a", "b"]\nkids_choices = ["a"]\n'
    exercise = '[[exercise]]\ntitle = "t"\nquestion = "q"\nanswer = "a"\nsettings = { kind = "b" }\n'
    path.write_text(head + exercise)
    with pytest.raises(ValueError, match="exercise 1 is offered in kid mode but sets kind"):
        load(path)
    path.write_text(head + exercise + "kids = false\n")
    assert not load(path).exercises[0].for_kids
