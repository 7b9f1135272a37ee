"""Topic page /ethics: what to ask before trusting a model (issues #16, #17). The live demos come first, each a
small playground asking its question before it shows anything: at the top the dog shown to the digit networks,
with the "I don't know" threshold beside what they answer; then, as steps drawn only while open, black-on-white
digits, an iris network trained with few flowers of one species and a stranger in the garden; then the worked
example, a step too: the digit network's model card, filled in (issue #18). Then the checklist to answer, save
and reload: a progress bar per section, each section's questions drawn only while open, the project's name and
the saving a step of their own (kid mode: six detective questions). The playground reruns alone (a fragment).
The checklist and the answers' format live in lib.ethics, the page's sentences in lib.ethics.words, the settings
in lib/ethics/lesson.toml, the answers' widgets in lib.ui.ethics and the demos and the worked example in
lib.ui.ethics_demos; this page lays them out."""

import copy

import streamlit as st

from lib import ethics, ui
from lib.ethics import words
from lib.ethics.content import DATA_RULES, PRACTICAL_QUESTIONS, PRINCIPLES, SOURCES
from lib.ethics.demos import DEMOS
from lib.ethics.handout import handout
from lib.ui.ethics import answers, checklist_section, kids_checklist, printable, progress, save_panel
from lib.ui.ethics_demos import model_card_example, playground, step, worked_card

view = ui.page_setup("ethics")
given = answers()

if view.value("printable"):  # only the checklist and the answers, ready for the browser's Print
    view.toggle("printable")
    printable(given)
    st.stop()

ran = {}  # demo → a sentence on what the learner tried, for the handout (the playground updates its own)
number = 0
if view.shown("demos"):
    if view.shown("dog"):
        playground(view, ran)
    for demo in DEMOS[1:]:
        if view.shown(demo.key, advanced=demo.key == "iris"):  # kids: the dog, the digits, the garden
            number += 1
            if said := step(view, number, demo):
                ran[demo.key] = said
card_network = None  # the worked example's network (True: with inverted copies), once its step is opened
if view.shown("card"):
    number += 1
    card_network = model_card_example(view, number)

st.header(f"{number + 1} · {view.say(words.CHECKLIST_HEADING)}", anchor=False)
st.markdown(view.say(words.CHECKLIST_INTRO))
if not view.kids:  # kids print their answers from "Download my results"
    view.toggle("printable")
if view.kids:
    kids_checklist(given)
else:
    st.subheader("Progress", anchor=False)
    progress(view, given)
    for section in ethics.CHECKLIST:
        checklist_section(view, section)

if view.shown("save", advanced=True):  # kids' answers stay for the visit; their record is the download
    save_panel(view, given)

# Where the questions come from, and the sources: steps drawn only while open, like the demos.
if view.shown("principles", advanced=True) and (step_box := ui.unfolded(view, words.PRINCIPLES_HEADING,
                                                                         "ethics_principles")):
    with step_box:
        principles, questions, rules = st.tabs(words.TABS)
        with principles:
            st.markdown(words.PRINCIPLES_SOURCE, help=ui.define("bias (fairness)"))
            st.markdown("\n".join(f"{n}. **{name}** – {meaning}" for n, (name, meaning) in enumerate(PRINCIPLES, 1)))
        with questions:
            st.markdown(words.QUESTIONS_INTRO)
            st.markdown("\n".join(f"- **{name}** {meaning}" for name, meaning in PRACTICAL_QUESTIONS))
        with rules:
            st.markdown(words.RULES_INTRO)
            st.markdown("\n".join(f"{n}. **{rule}.** {why}" for n, (rule, why) in enumerate(DATA_RULES, 1)))

if view.shown("sources", advanced=True) and (step_box := ui.unfolded(view, words.SOURCES_HEADING, "ethics_sources")):
    with step_box:
        st.markdown("\n".join(f"- **{name}**: {what}" for name, what in SOURCES))
        st.caption(words.SOURCES_NOTE)

snapshot = copy.deepcopy(given)  # the handout is built later, on another thread
kids = view.kids  # read here: the handout is built on another thread, where Streamlit is not
ui.end_of_page(view, handout=lambda: handout(view.link, snapshot, list(ran.values()), card=worked_card(card_network),
                                             kids=kids),
               notebook={"answers": snapshot})
