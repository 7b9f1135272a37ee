"""lib.ethics.words, lib.ethics.charts and the lesson file's demo settings: the page's sentences, its bar
chart and the choices its controls offer, without Streamlit."""

import pytest

from lib import ethics, lessons
from lib.ethics import demos, words
from lib.ethics.charts import bars
from lib.palette import OKABE_ITO


def marks(spec: dict) -> list[str]:
    """Every mark of a Vega-Lite spec, its layers' included, in drawing order."""
    found = [spec["mark"]["type"]] if "mark" in spec else []
    return found + [mark for layer in spec.get("layer", []) for mark in marks(layer)]


def test_bars_draw_one_group_per_series_with_shares_as_percentages():
    spec = bars("Test accuracy", ["a", "b"], {"all": [1.0, 0.5], "few": (0.25, 0.0)}, "share correct",
                x_title="species")
    assert spec["title"] == "Test accuracy" and spec["data"]["values"] == [
        {"category": "a", "series": "all", "share": 1.0}, {"category": "b", "series": "all", "share": 0.5},
        {"category": "a", "series": "few", "share": 0.25}, {"category": "b", "series": "few", "share": 0.0}]
    encoding = spec["layer"][0]["encoding"]
    assert encoding["x"]["title"] == "species" and encoding["x"]["sort"] == ["a", "b"]
    assert encoding["xOffset"]["field"] == "series"  # grouped: the series side by side in each category
    assert encoding["y"]["title"] == "share correct" and encoding["y"]["axis"]["format"] == ".0%"
    assert encoding["color"]["scale"] == {"domain": ["all", "few"], "range": [OKABE_ITO["blue"], OKABE_ITO["orange"]]}
    assert [t["field"] for t in encoding["tooltip"]] == ["category", "series", "share"]
    assert marks(spec) == ["bar", "text"]  # each bar's value printed above it
    assert spec["layer"][0]["layer"][1]["encoding"]["text"]["format"] == ".0%"
    unlabelled = bars("Probabilities", ["0"], {"plain": [0.3]}, "probability", labels=False)
    assert marks(unlabelled) == ["bar"]


def test_the_lesson_offers_exactly_the_demos_choices():
    lesson = lessons.lesson("ethics")
    stranger = lesson.setting("stranger")
    assert stranger.options == list(demos.STRANGERS)  # the ids garden_stranger takes
    assert [stranger.format(s) for s in stranger.options] == ["coin", "snail", "ant"]  # the URL words
    assert [stranger.label_for(s) for s in stranger.options] == ["a 1p coin", "a garden snail", "an ant"]
    species = lesson.setting("species")
    assert [species.label_for(s) for s in species.options] == list(demos.SPECIES)
    keep = lesson.setting("keep")
    assert tuple(keep.options) == demos.KEEP_CHOICES
    assert [keep.format(k) for k in keep.options] == ["5", "10", "20", "50", "100"]
    assert [keep.label_for(k) for k in keep.options] == ["5%", "10%", "20%", "50%", "100%"]
    assert {demo.key for demo in demos.DEMOS} <= set(lesson.names)  # each demo's switch is a setting


def test_the_printable_view_quotes_the_learners_words_and_says_what_is_open():
    entry = ethics.item("collect-who")
    printed = words.printed_item(entry, {"answer": "no", "note": "see www.evil.test"})
    assert printed.startswith(f"**{entry.question}** (collect-who)")
    assert "Answer: **no**" in printed and "Note: `see www.evil.test`" in printed
    assert "Answer: **open (not answered)**" in words.printed_item(entry, {}) and "Note" not in words.printed_item(
        entry, {"answer": None, "note": "  "})
    assert words.printed_title("") == "### Ethics checklist: (unnamed project)"


@pytest.mark.parametrize("project, stem", [("Digit reader – v2", "ethics-checklist-digit-reader-v2"),
                                           ("", "ethics-checklist-project"), ("../../etc", "ethics-checklist-etc"),
                                           ("x" * 99, "ethics-checklist-" + "x" * 40)])
def test_saved_files_get_a_safe_name(project, stem):
    assert ethics.file_stem(project) == stem


def test_demo_sentences_quote_their_results():
    assert words.dog_verdict("Plain", 3, 0.42, 0.5) == (
        "Plain: answers **3** (42% sure); with your rule: “I don't know”")
    assert words.dog_verdict("Plain", 3, 0.42, 0.4).endswith("still “3”")
    assert words.iris_result(["a", "b"], "b", 0.1, [1.0, 0.9], [1.0, 0.2]) == (
        "Keeping only 10% of the b training flowers: a 100% → 100%, b 90% → 20% right")
    assert words.garden_grouped("an ant", 0, 12, "woodlouse").startswith("k-means puts **an ant** in group 1,")
    assert words.loaded(2, "") == "Loaded 2 answers for an unnamed project."


def test_a_threshold_line_and_no_ticks_when_asked():
    spec = bars("Guesses", ["0", "1"], {"a": [0.2, 0.8]}, "", ticks=False, line=0.6, line_label="below 60%")
    level = spec["layer"][1]
    assert marks(level) == ["rule", "text", "text"] and level["encoding"]["y"]["datum"] == 0.6
    assert level["data"] == {"values": [{}]}  # one line across the chart, not one per bar
    halo, label = level["layer"][1:]  # the label in black over the same text outlined in white
    assert halo["encoding"] == label["encoding"] and label["encoding"]["text"] == {"value": "below 60%"}
    assert halo["mark"]["stroke"] == "#FFFFFF" and label["mark"]["color"] == level["layer"][0]["mark"]["color"] == (
        OKABE_ITO["black"])
    axis = spec["layer"][0]["encoding"]["y"]
    assert axis["axis"]["labels"] is False and axis["title"] is None


def test_every_demo_asks_its_question_first_in_both_wordings():
    for demo in demos.DEMOS:
        plain, kids = words.QUESTIONS[demo.key]
        assert plain.strip().endswith(("?", "swap.")) and "?" in kids, demo.key
        assert words.lesson(demo) == (demo.lesson, words.KIDS_LESSONS[demo.key])
    polarity = demos.demo("polarity")
    assert words.step(1, polarity) == f"1 · Black digits on white paper – {words.QUESTIONS['polarity'][0]}"
    assert words.step(1, polarity, kids=True) == f"1 · Black on white – {words.QUESTIONS['polarity'][1]}"


def test_kid_mode_names_the_networks_robots_and_says_what_they_answer():
    assert words.network_names(["Plain", "Inverted"], kids=True) == ["Robot 1", "Robot 2"]
    assert words.network_names(["Plain", "Inverted"], kids=False) == ["Plain", "Inverted"]
    assert words.kids_verdict("Robot 1", 3, 0.62, 0.5) == "Robot 1: **3** (62% sure)"
    assert words.kids_verdict("Robot 1", 3, 0.62, 0.7) == "Robot 1: **I don’t know** (62% sure)"
    assert set(words.KIDS_ANSWERS) == set(ethics.ANSWER_CHOICES)
