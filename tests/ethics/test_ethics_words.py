"""lib.ethics.words, lib.ethics.charts and the lesson file's demo settings: the page's sentences, its bar
chart and the choices its controls offer, without Streamlit."""

import pytest

from lib import ethics, lessons
from lib.ethics import charts, demos, words
from lib.ethics.charts import bars
from lib.palette import OKABE_ITO
from tests.svg_reader import elements, parse, texts, tips


def bar_heights(root) -> list[float]:
    return [float(bar.get("height")) for bar in elements(root, "rect")]


def test_bars_draw_one_group_per_series_with_shares_as_percentages():
    # 200 units of bars' area for shares up to TOP (1.08): a share of 0.54 is 100 units tall, 0.27 is 50.
    root = parse(bars("Test accuracy", ["a", "b"], {"all": [0.54, 0.27], "few": (0.81, 0.0)}, "share correct",
                      x_title="species", alt="Bar chart: accuracy"))
    assert root.get("aria-label") == "Bar chart: accuracy"
    words = texts(root)
    assert words[0] == "Test accuracy" and elements(root, "text")[0].get("font-weight") == "bold"
    assert charts.TOP == 1.08 and bar_heights(root) == [100, 150, 50, 0]  # a: all, few; then b: all, few
    blue, orange = OKABE_ITO["blue"], OKABE_ITO["orange"]
    assert [bar.get("fill") for bar in elements(root, "rect")] == [blue, orange, blue, orange]
    # Grouped: the two series side by side in each category's room (300 units for two categories, a quarter
    # of each left empty between the groups).
    assert [float(bar.get("x")) for bar in elements(root, "rect")] == [73.25, 129.5, 223.25, 279.5]
    assert tips(root, "rect") == ["species a, all: share correct 54.0%", "species a, few: share correct 81.0%",
                                  "species b, all: share correct 27.0%", "species b, few: share correct 0.0%"]
    # Each bar's value above its middle: the 54% bar's top is 100 units above the axis at 230.
    [value] = [e for e in elements(root, "text") if e.text == "54%"]
    assert (float(value.get("x")), float(value.get("y"))) == pytest.approx((73.25 - 0.5 + 56.25 / 2, 230 - 100 - 3),
                                                                          abs=0.01)
    assert words.count("0%") == 2 and {"81%", "27%"} <= set(words)  # "0%": an axis tick and a bar's value
    assert {"25%", "50%", "75%", "100%", "share correct", "species", "a", "b", "all", "few"} <= set(words)
    assert [e.get("fill") for e in elements(root, "polygon")] == [blue, orange]  # the legend's swatches
    unlabelled = parse(bars("Probabilities", ["0"], {"plain": [0.3]}, "probability", labels=False, alt="x"))
    assert "30%" not in texts(unlabelled) and tips(unlabelled, "rect") == ["0, plain: probability 30.0%"]


def test_a_long_category_name_breaks_before_its_parenthesis_and_long_series_names_get_a_row_each():
    names = {"Plain (white-on-black digits only)": [0.9], "With inverted copies": [0.95]}
    root = parse(bars("Accuracy", ["Plain (white-on-black digits only)"], names, "share correct", alt="x"))
    first, second = (e for e in elements(root, "text") if e.text in ("Plain", "(white-on-black digits only)"))
    assert first.get("x") == second.get("x") and float(second.get("y")) > float(first.get("y"))
    rows = {e.text: e.get("y") for e in elements(root, "text") if e.text in names}
    assert rows["Plain (white-on-black digits only)"] != rows["With inverted copies"]  # one under the other
    short = parse(bars("Guesses", ["0"], {"Robot 1": [0.5], "Robot 2": [0.5]}, "", alt="x"))
    assert len({e.get("y") for e in elements(short, "text") if e.text.startswith("Robot")}) == 1  # one row


def test_names_are_shown_as_text_never_as_markup():
    root = parse(bars("<i>Title</i>", ["<b>a</b>"], {"<b>x</b>": [0.5]}, "<u>y</u>", x_title="&lt;", alt="<x>"))
    assert {"<i>Title</i>", "<b>a</b>", "<b>x</b>", "<u>y</u>", "&lt;"} <= set(texts(root))
    assert root.get("aria-label") == "<x>" and tips(root, "rect") == ["&lt; <b>a</b>, <b>x</b>: <u>y</u> 50.0%"]
    assert not [e for e in root.iter() if e.tag.split("}")[1] in ("b", "i", "u")]


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
    root = parse(bars("Guesses", ["0", "1"], {"a": [0.2, 0.8]}, "", ticks=False, line=0.54, line_label="below 54%",
                      alt="x"))
    [level] = [e for e in elements(root, "path") if e.get("class") == "threshold"]
    # One dashed line across the whole plot (not one per bar), at 0.54 of 1.08: half-way up the 200 units.
    top = 30
    assert level.get("d") == f"M10,{top + 100}H354" and level.get("stroke-dasharray")
    assert level.get("stroke") == OKABE_ITO["black"]
    [outline] = [g for g in elements(root, "g") if g.get("stroke")]  # the label in black, outlined in white
    [label] = elements(outline, "text")
    assert label.text == "below 54%" and label.get("fill") == OKABE_ITO["black"]
    assert outline.get("stroke") == "#FFFFFF" and outline.get("paint-order") == "stroke"
    assert float(label.get("y")) < top + 100  # just above the line
    words = texts(root)
    assert not {"0%", "25%", "100%"} & set(words)  # no percentages up the side, and no y title
    assert bar_heights(root) == pytest.approx([200 * 0.2 / 1.08, 200 * 0.8 / 1.08], abs=0.01)


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
