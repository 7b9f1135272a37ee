"""Bound controls (lib.ui.controls): a page names a setting once and the lesson file gives its control the
key, label, help (in kid words in kid mode), bounds and choice labels; the link hides or locks it."""

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from lib.lessons import Classroom, Lesson
    from lib.settings import Setting
    from lib.ui.links import View

    lesson = Lesson("demo", "goal", settings=(
        Setting("copies", "demo_copies", 20, "Copies sent", low=1, high=50, help="How many copies.",
                kids_help="How many times.", kids_label="Times sent", term="mean"),
        Setting("kind", "demo_kind", "salt_pepper", "Kind of noise", choices={"gaussian": "gaussian",
                "salt-pepper": "salt_pepper"}, labels={"salt-pepper": "Salt and pepper"}),
        Setting("seed", "demo_seed", 7, "Random seed", low=0, high=9, kids=False),
    ))
    state = st.session_state
    for key, value in lesson.defaults.items():
        state.setdefault(key, value)
    classroom = Classroom(hide=frozenset(state.get("hide", ())), lock=frozenset(state.get("lock", ())))
    view = View("demo", lesson, classroom, kids=state.get("kids", False))
    st.write(f"copies={view.slider('copies')}")
    st.write(f"kind={view.radio('kind')}")
    st.write(f"seed={view.number_input('seed')}")
    st.write(f"label={view.label('kind')}")


def _run(**state) -> AppTest:
    app = AppTest.from_function(_page)
    for key, value in state.items():
        app.session_state[key] = value
    return app.run()


def _said(app: AppTest) -> list[str]:
    return [m.value for m in app.markdown]


def test_a_bound_control_takes_its_label_help_bounds_and_choice_words_from_the_lesson():
    app = _run()
    slider = app.slider(key="demo_copies")
    assert (slider.label, slider.min, slider.max, slider.value) == ("Copies sent", 1, 50, 20)
    assert slider.help.startswith("How many copies.") and "**Mean**" in slider.help  # the glossary's word
    radio = app.radio(key="demo_kind")
    assert radio.options == ["gaussian", "Salt and pepper"] and radio.value == "salt_pepper"
    assert "label=Salt and pepper" in _said(app)


def test_kid_mode_uses_kid_words_and_leaves_out_what_kids_do_not_see_keeping_its_value():
    app = _run(kids=True, demo_seed=3)
    slider = app.slider(key="demo_copies")
    assert slider.label == "Times sent" and slider.help.startswith("How many times.")
    assert not app.number_input and "seed=3" in _said(app)


def test_a_hidden_control_is_not_drawn_and_a_locked_one_cannot_be_changed():
    app = _run(hide=("copies",), lock=("kind",), demo_copies=33)
    assert not app.slider and "copies=33" in _said(app)
    assert app.radio(key="demo_kind").disabled


def test_a_control_keeps_its_value_while_it_is_hidden_and_shows_it_again():
    app = _run()
    app.slider(key="demo_copies").set_value(42).run()
    app.session_state["hide"] = ("copies",)
    app.run()
    assert not app.slider and "copies=42" in _said(app)
    app.session_state["hide"] = ()
    app.run()
    assert app.slider(key="demo_copies").value == 42
