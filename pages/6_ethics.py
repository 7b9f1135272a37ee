"""Topic page /ethics: what to ask before trusting a model, as a checklist to answer, save and reload,
with live demos that show this app's own models going wrong. The checklist and the answers' format live in
lib.ethics, the page's sentences in lib.ethics.words, the settings in lib/ethics/lesson.toml, the answers'
widgets and the demos in lib.ui.ethics; this page lays them out."""

import copy

import streamlit as st

from lib import ethics, ui
from lib.ethics import words
from lib.ethics.content import DATA_RULES, PRACTICAL_QUESTIONS, PRINCIPLES, SOURCES
from lib.ethics.demos import DEMOS
from lib.ethics.handout import handout
from lib.ui.ethics import answers, checklist_item, printable, progress, project_name, run_demo, save_panel

view = ui.page_setup("ethics")
given = answers()

if view.toggle("printable"):
    printable(given)
    st.stop()

st.markdown(view.say(words.INTRO))

if view.shown("principles", advanced=True):
    principles, questions, rules = st.tabs(words.TABS)
    with principles:
        st.markdown(words.PRINCIPLES_SOURCE)
        st.markdown("\n".join(f"{n}. **{name}** – {meaning}" for n, (name, meaning) in enumerate(PRINCIPLES, 1)))
    with questions:
        st.markdown(words.QUESTIONS_INTRO)
        st.markdown("\n".join(f"- **{name}** {meaning}" for name, meaning in PRACTICAL_QUESTIONS))
    with rules:
        st.markdown(words.RULES_INTRO)
        st.markdown("\n".join(f"{n}. **{rule}.** {why}" for n, (rule, why) in enumerate(DATA_RULES, 1)))

st.header("The checklist", anchor=False)
project_name()
st.subheader("Progress", anchor=False)
progress(view, given)
for section in ethics.CHECKLIST:
    st.subheader(view.say(words.title(section)), anchor=False)
    for entry in section.items:
        checklist_item(view, entry)

ran = []  # one sentence per demo shown, for the handout
if view.shown("demos"):
    st.header("See it happen", anchor=False, help=ui.define("bias (fairness)"))
    st.markdown(view.say(words.DEMOS_INTRO))
    for demo in DEMOS:
        if not view.shown(demo.key):
            continue
        with st.container(border=True):
            st.subheader(demo.title, anchor=False)
            st.caption(f"Checklist: {view.say(words.question(ethics.item(demo.item_id)))}")
            st.markdown(demo.lesson)
            if view.toggle(demo.key, help=words.loads(demo.needs)) and (said := run_demo(view, demo)):
                ran.append(said)

if view.shown("save"):
    save_panel(given)

if view.shown("sources", advanced=True):
    st.header("Sources", anchor=False)
    st.markdown("\n".join(f"- **{name}**: {what}" for name, what in SOURCES))
    st.caption(words.SOURCES_NOTE)

snapshot = copy.deepcopy(given)  # the handout is built later, on another thread
ui.end_of_page(view, handout=lambda: handout(view.link, snapshot, ran))
