"""The /ethics page (AppTest): answering, progress, kid mode, answers surviving page switches, imports
good and bad, the printable view, and the demos' fallback while another page's model is missing."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from lib import ethics
from lib.ethics.words import CARD_STEP, QUESTIONS
from lib.ui.controls import KIDS
from tests.conftest import ROOT, open_question, svg_pictures, tensorflow_loaded_after, unfold
from tests.svg_reader import elements, parse, texts, tips

PAGE = "pages/6_ethics.py"
SAVE = "ethics_save"  #: the step that saves and loads the answers as a JSON file


@pytest.fixture
def app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.switch_page(PAGE).run()
    assert not app.exception, app.exception
    return app


def progress_texts(app: AppTest) -> list[str]:
    return [element.proto.text for element in app.get("progress")]


def answer(app: AppTest, item_id: str, value: str, note: str = "") -> None:
    if not (KIDS in app.session_state and app.session_state[KIDS]):  # kids' questions are on the page; the checklist's in closed sections
        open_question(app, item_id)
    app.radio(key=f"ethics_answer_{item_id}").set_value(value).run()
    if note:
        app.text_input(key=f"ethics_note_{item_id}").input(note).run()
    assert not app.exception, app.exception


def project_shown(app) -> str:
    """The project's name the browser is told to show, opening the save step (where it is asked) if closed: a
    rerun with the step already open would send no value, as the browser keeps what it shows."""
    if not any(widget.key == "ethics_project" for widget in app.text_input):
        unfold(app, SAVE)
    return told_to_show(app.text_input(key="ethics_project"))


def told_to_show(widget):
    """What the server tells the browser to show in a widget: the value it sends with it, else the widget's
    default. The browser shows this when it draws the widget afresh (after the printable view or another
    page) and after an import replaced the answers. AppTest's own ``.value`` reads the server's state,
    which can hold an answer the browser is never told to show."""
    proto = widget.proto
    if widget.type == "radio":
        # The answer radios start with nothing chosen; a value of "nothing chosen" is sent without raw_value.
        return proto.raw_value if proto.set_value and proto.HasField("raw_value") else None
    return proto.value if proto.set_value else proto.default


def test_answering_updates_the_answers_and_the_progress(app):
    assert progress_texts(app)[0] == "Collecting data: 0 of 5 settled"
    answer(app, "collect-who", "no", "only adults <script>alert(1)</script>")
    answer(app, "collect-consent", "not sure")
    assert app.session_state["ethics_answers"]["answers"]["collect-who"] == {
        "answer": "no", "note": "only adults <script>alert(1)</script>"}
    assert progress_texts(app)[0] == "Collecting data: 1 of 5 settled"  # "not sure" stays open
    assert any(e.label.startswith("Still open: 25 of 26") for e in app.expander)


def test_answers_survive_moving_to_another_page_and_back(app):
    unfold(app, SAVE).text_input(key="ethics_project").input("Digit reader").run()
    answer(app, "deploy-human", "yes", "a teacher checks every mark")
    app.switch_page("pages/1_convolution.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert project_shown(app) == "Digit reader"
    open_question(app, "deploy-human")  # a section opened before is closed again on coming back
    assert told_to_show(app.radio(key="ethics_answer_deploy-human")) == "yes"
    assert told_to_show(app.text_input(key="ethics_note_deploy-human")) == "a teacher checks every mark"
    assert progress_texts(app)[-1] == "Using it for real: 1 of 5 settled"


def test_kid_mode_shows_the_simpler_questions(app):
    open_question(app, "model-groups")
    questions = [e.value for e in app.markdown]
    assert "**" + ethics.item("model-groups").question + "**" in questions
    app.toggle(key="kids_switch").set_value(True).run()  # the sidebar's "Simpler words"
    questions = [e.value for e in app.markdown]
    assert "**Did you test it on everyone who will use it?**" in questions
    assert "**" + ethics.item("model-groups").question + "**" not in questions
    # Kids get the short list of detective questions, not the 26 of the whole checklist, and one progress bar.
    kid_questions = {f"**{entry.kid_question}**" for entry in ethics.ITEMS}
    assert [q for q in questions if q in kid_questions] == [f"**{entry.kid_question}**" for entry in ethics.KID_ITEMS]
    assert progress_texts(app) == [f"0 of {len(ethics.KID_ITEMS)} answered"]


def test_a_kids_answer_is_the_checklists_answer(app):
    app.toggle(key="kids_switch").set_value(True).run()
    answer(app, "model-dont-know", "no")
    assert progress_texts(app) == [f"1 of {len(ethics.KID_ITEMS)} answered"]
    assert app.session_state["ethics_answers"]["answers"]["model-dont-know"] == {"answer": "no", "note": ""}
    app.toggle(key="kids_switch").set_value(False).run()  # the whole checklist has the same answer (the browser
    assert open_question(app, "model-dont-know").radio(key="ethics_answer_model-dont-know").value == "no"  # shows it: test_ethics_browser.py)
    assert progress_texts(app)[3] == "Building the model: 1 of 7 settled"


def test_a_good_import_replaces_the_answers(app):
    saved = ethics.empty_answers("Loan model")
    saved["answers"]["model-explain"] = {"answer": "no", "note": "black box"}
    answer(app, "collect-who", "yes")
    unfold(app, SAVE)
    app.file_uploader(key="ethics_import").upload("loan.json", ethics.to_json(saved).encode(), "application/json")
    app.run()
    assert not app.exception
    assert app.session_state["ethics_answers"] == saved
    assert project_shown(app) == "Loan model"
    assert "Loaded 1 answers" in app.success[0].value  # said once
    open_question(app, "model-explain")
    assert told_to_show(app.radio(key="ethics_answer_model-explain")) == "no"
    assert told_to_show(app.radio(key="ethics_answer_collect-who")) is None
    assert told_to_show(app.text_input(key="ethics_note_model-explain")) == "black box"


def test_a_file_saved_with_a_byte_order_mark_is_loaded(app):
    saved = ethics.empty_answers("Notepad")
    saved["answers"]["collect-who"] = {"answer": "yes", "note": ""}
    data = b"\xef\xbb\xbf" + ethics.to_json(saved).encode()  # as Windows Notepad saves UTF-8
    unfold(app, SAVE)
    app.file_uploader(key="ethics_import").upload("notepad.json", data, "application/json").run()
    assert not app.error and app.session_state["ethics_answers"] == saved
    assert told_to_show(open_question(app, "collect-who").radio(key="ethics_answer_collect-who")) == "yes"


@pytest.mark.parametrize("data", [b"not json at all", b'{"format": "other-tool"}',
                                  b'{"format": "ml-workshop-ethics-checklist", "version": 1, "project": "",'
                                  b' "answers": {"A.1": {"answer": "yes", "note": ""}}}'])
def test_a_bad_import_keeps_the_answers_and_says_why(app, data):
    answer(app, "collect-who", "no", "keep me")
    before = app.session_state["ethics_answers"]
    unfold(app, SAVE)
    app.file_uploader(key="ethics_import").upload("bad.json", data, "application/json")
    app.run()
    assert not app.exception
    assert app.session_state["ethics_answers"] == before
    assert app.radio(key="ethics_answer_collect-who").value == "no"
    assert app.error[0].value.startswith("Your answers were kept as they were.")


def test_printable_view_shows_the_answers_as_text(app):
    answer(app, "collect-who", "no", "<b>only</b> adults")
    app.toggle(key="ethics_printable").set_value(True).run()
    text = "\n".join(e.value for e in app.markdown)
    assert "Answer: **no**" in text and "Note: `<b>only</b> adults`" in text  # the note as typed, in a code span
    assert not app.get("radio")  # no widgets in the printable view
    app.toggle(key="ethics_printable").set_value(False).run()
    assert told_to_show(app.radio(key="ethics_answer_collect-who")) == "no"  # restored after being hidden


def test_answers_show_as_they_were_after_the_printable_view(app):
    unfold(app, SAVE).text_input(key="ethics_project").input("Digit reader").run()
    answer(app, "collect-who", "no", "only adults")
    for _ in range(2):  # twice: the second round trip must not lose what the first one kept
        app.toggle(key="ethics_printable").set_value(True).run()
        app.toggle(key="ethics_printable").set_value(False).run()
        assert not app.exception, app.exception
        assert project_shown(app) == "Digit reader"
        assert told_to_show(app.radio(key="ethics_answer_collect-who")) == "no"
        assert told_to_show(app.text_input(key="ethics_note_collect-who")) == "only adults"
        assert progress_texts(app)[0] == "Collecting data: 1 of 5 settled"


def test_downloads_hold_the_current_answers(app):
    answer(app, "collect-who", "no", "only adults")
    unfold(app, "record_ethics")  # the record's buttons are in the page's last step
    assert {b.label for b in app.get("download_button")} == {"Download my results (HTML)",
                                                             "Download my results (Markdown)",
                                                             "Download a notebook (.ipynb)"}
    unfold(app, SAVE)  # the JSON file is saved from a step drawn only while open
    buttons = {b.label: b for b in app.get("download_button")}
    assert set(buttons) == {"Download as JSON", "Download my results (HTML)", "Download my results (Markdown)",
                            "Download a notebook (.ipynb)"}


#: What each demo shows once tried: the title of its chart, or (the garden) a table.
RESULTS = {"dog": "What the digit networks think the dog is", "polarity": "Accuracy on 200 test digits",
           "iris": "Test accuracy for each species", "garden": "table"}


def shown_results(app: AppTest) -> list[str]:
    titles = [texts(parse(markup))[0] for markup in svg_pictures(app).values()]
    return titles + ["table"] * len(app.get("table"))


@pytest.mark.parametrize("demo", ["dog", "polarity", "iris", "garden"])
def test_each_demo_shows_its_result_or_says_what_is_missing(app, demo):
    if demo != "dog":  # the playground is open from the start; the other demos are steps to open
        unfold(app, f"ethics_{demo}")
    app.toggle(key=f"ethics_demo_{demo}").set_value(True).run()
    assert not app.exception, app.exception
    missing = [e.value for e in app.info if "not available yet" in e.value]
    shown = RESULTS[demo] in shown_results(app)
    assert bool(missing) != shown, (missing, shown_results(app))


def test_the_playground_is_shown_on_opening_and_the_reveals_wait_for_the_learner(app):
    # The dog is there at once; each other demo is a step whose label asks its question, drawn when opened.
    assert shown_results(app) == [RESULTS["dog"]]
    steps = [e.label for e in app.expander if e.label[0].isdigit()]
    assert steps == [f"{n} · {title} – {QUESTIONS[key][0]}" for n, (key, title) in enumerate(
        [("polarity", "Black digits on white paper"), ("iris", "Too few flowers of one species"),
         ("garden", "A stranger in the garden")], 1)] + [f"4 · {CARD_STEP[0]}"]
    assert [h.value for h in app.header][:1] == ["5 · The checklist"]
    unfold(app, "ethics_polarity")  # opened, the digits' accuracy as trained is there at once
    assert shown_results(app) == [RESULTS["dog"], RESULTS["polarity"]]
    unfold(app, "ethics_iris", "ethics_garden")  # iris and garden wait to be tried
    assert RESULTS["iris"] not in shown_results(app) and "table" not in shown_results(app)
    app.toggle(key="ethics_demo_dog").set_value(False).run()  # a real 9 instead of the dog
    assert shown_results(app)[0] == "What the digit networks think the real 9 is"


def test_the_worked_example_is_the_digit_networks_model_card_in_plain_and_kid_words(downloads, app):
    assert "open_ethics_card" not in app.session_state or not app.session_state["open_ethics_card"]
    unfold(app, "record_ethics")  # the record's buttons are in the page's last step
    assert "Report card" not in downloads["ethics-my-results.md"]()  # plain words until kid mode
    unfold(app, "ethics_card")
    cards = [m.value for m in app.markdown if m.value.startswith("#### ")]
    assert len(cards) == 1 and cards[0].startswith("#### Model card: the plain digit network")
    assert "**99.08%** of the 10,000 MNIST test digits right" in cards[0]  # as /mnist shows it
    assert any("Did you measure how well it works for each group separately" in m.value for m in app.markdown)
    assert "\n## Model card: the plain digit network\n" in downloads["ethics-my-results.md"]()
    app.toggle(key="ethics_card_inverted").set_value(True).run()
    assert not app.exception, app.exception
    assert any(m.value.startswith("#### Model card: the digit network trained with inverted copies")
               for m in app.markdown)
    assert "## Model card: the digit network trained with inverted copies" in downloads["ethics-my-results.md"]()
    app.toggle(key="kids_switch").set_value(True).run()  # kid words; the step stays open, renumbered
    assert not app.exception, app.exception
    assert f"3 · {CARD_STEP[1]}" in [e.label for e in app.expander]
    assert any(m.value.startswith("#### Report card: the number robot that has seen both colours")
               for m in app.markdown)
    assert "## Report card: the number robot that has seen both colours" in downloads["ethics-my-results.md"]()


def test_an_open_step_stays_open_when_kid_mode_rewords_and_renumbers_it(app):
    unfold(app, "ethics_polarity", "ethics_garden")
    for kids in (True, False):  # kid mode words the labels its own way, and the garden becomes step 2
        app.toggle(key="kids_switch").set_value(kids).run()
        assert {"ethics_demo_polarity", "ethics_demo_garden"} <= {t.key for t in app.toggle}, kids
    app.session_state["open_ethics_garden"] = False  # closed by the learner: drawn no more
    app.run()
    assert "ethics_demo_garden" not in {t.key for t in app.toggle}


def test_the_page_loads_no_tensorflow_until_a_demo_is_opened():
    assert not tensorflow_loaded_after(f"app.switch_page({PAGE!r}).run()")


def test_the_upload_limit_shown_is_the_limit_applied(app):
    # The uploader shows (and the browser enforces) its limit in whole megabytes of 1024 × 1024 bytes.
    unfold(app, SAVE)
    shown = app.file_uploader(key="ethics_import").proto.max_upload_size_mb * 1024 * 1024
    document = ethics.to_json(ethics.empty_answers("Big")).encode()
    padded = document[:-1] + b" " * (shown - len(document)) + b"}"  # exactly at the limit: still read
    assert len(padded) == shown and ethics.from_json(padded) == ethics.empty_answers("Big")
    with pytest.raises(ValueError, match="at most"):
        ethics.from_json(padded[:-1] + b" }")  # one byte over


def dog_verdicts(app: AppTest) -> list[str]:
    """The dog demo's line per network: what it answers and what the 'I don't know' rule makes of it."""
    return [line for text in (e.value for e in app.markdown) for line in text.splitlines() if "with your rule" in line]


def test_the_dog_exercise_says_what_the_demo_shows():
    from lib import lessons
    from tests.conftest import open_with_link

    exercise = lessons.lesson("ethics").exercises[0]
    app = open_with_link(PAGE, {"lesson": "1"})  # as the exercise's "Set the page up for this" opens it
    verdicts = dog_verdicts(app)
    assert len(verdicts) == 2, verdicts
    # The exercise says both networks name a digit for the dog, and asks the learner to raise the threshold:
    assert "name a digit for your dog" in exercise.question and "Raise" in exercise.question
    assert all("still" in line and "I don't know" not in line for line in verdicts), verdicts
    sure = [int(re.search(r"\((\d+)% sure\)", line)[1]) for line in verdicts]
    assert "neither is very sure" in exercise.question and max(sure) < 90, sure
    app.slider(key="ethics_threshold").set_value(0.99).run()
    assert all("I don't know" in line for line in dog_verdicts(app)), dog_verdicts(app)


def test_every_demo_chart_has_titles_tooltips_and_palette_colours(app):
    # The rules of tests/test_charts_accessible.py (which opens every step but tries no demo), applied with
    # every demo tried: the charts are SVG pictures, no chart library.
    from tests.test_charts_accessible import allowed

    unfold(app, "ethics_polarity", "ethics_iris", "ethics_garden")
    for demo in ("polarity", "iris", "garden"):
        app.toggle(key=f"ethics_demo_{demo}").set_value(True).run()
    assert not app.get("vega_lite_chart") and not app.get("plotly_chart")
    pictures = svg_pictures(app)
    assert list(pictures) == ["ethics_dog_chart", "ethics_polarity_chart", "ethics_iris_chart"]
    roots = [parse(markup) for markup in pictures.values()]
    assert [texts(root)[0] for root in roots] == [RESULTS["dog"], RESULTS["polarity"], RESULTS["iris"]]
    for root, axis in zip(roots, ("digit", "network", "species")):
        assert root.get("aria-label") and axis in texts(root), texts(root)[0]
        bars = tips(root, "rect")
        assert bars and all(tip.startswith(f"{axis} ") and tip.endswith("%") for tip in bars), bars
        painted = {e.get(a).lower() for e in root.iter() for a in ("fill", "stroke") if e.get(a)} - {"none"}
        assert all(allowed(colour) for colour in painted), (texts(root)[0], sorted(painted))
    dog, polarity, _ = roots
    assert len(tips(dog, "rect")) == 10 * 2 and "“I don't know” below 50%" in texts(dog)  # the threshold line
    assert len({bar.get("fill") for bar in elements(polarity, "rect")}) == 2  # as trained and swapped

def test_the_questions_still_open_are_listed_only_once_their_step_is_opened():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page(PAGE).run()
    assert any(e.label == "Still open: 26 of 26 questions (not answered or 'not sure')" for e in app.expander)
    assert not any(ethics.ITEMS[0].question in m.value for m in app.markdown)  # not drawn while closed
    listed = "\n".join(m.value for m in unfold(app, "ethics_still_open").markdown)
    assert all(f"- {item.question}" in listed for item in ethics.ITEMS)
