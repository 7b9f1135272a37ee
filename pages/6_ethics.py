"""Topic page /ethics: what to ask before trusting a model, as a checklist to answer, save and reload,
with live demos that show this app's own models going wrong.

The answers live in one dict in ``st.session_state`` (see :mod:`lib.ethics` for its shape), not only in
widget keys: Streamlit forgets the state of widgets that are not drawn (another page, the printable
view), so every widget is re-seeded from that dict when it is drawn again, and writes back on change.
"""

import re

import streamlit as st

from lib import ethics, ui
from lib.ethics_content import DATA_RULES, DISCUSSION, PRACTICAL_QUESTIONS, PRINCIPLES, SOURCES
from lib.ethics_demos import DEMOS

ui.page_setup("ethics")

STORE = "ethics_answers"  # the answers dict: the one source of truth
MESSAGE = "ethics_import_message"  # outcome of the last import, shown once
if STORE not in st.session_state:
    st.session_state[STORE] = ethics.empty_answers()


def answer_key(item_id: str) -> str:
    return f"ethics_answer_{item_id}"


def note_key(item_id: str) -> str:
    return f"ethics_note_{item_id}"


def seed(key: str, value) -> None:
    """Give a widget its stored value when it is (re)drawn after Streamlit forgot it."""
    if key not in st.session_state:
        st.session_state[key] = value


def save_item(item_id: str) -> None:
    entry = {"answer": st.session_state[answer_key(item_id)], "note": st.session_state[note_key(item_id)]}
    given = st.session_state[STORE]["answers"]
    if entry["answer"] is None and not entry["note"]:
        given.pop(item_id, None)
    else:
        given[item_id] = entry


def save_project() -> None:
    st.session_state[STORE]["project"] = st.session_state["ethics_project"]


def import_answers() -> None:
    """Replace the answers with an uploaded export; a bad file changes nothing and says why."""
    upload = st.session_state["ethics_import"]
    if upload is None:
        return
    try:
        loaded = ethics.from_json(upload.getvalue())
    except ValueError as error:
        st.session_state[MESSAGE] = ("error", f"Your answers were kept as they were. {error}")
        return
    st.session_state[STORE] = loaded
    # Forget the widgets' values so they are re-seeded from the imported answers below.
    for key in ["ethics_project"] + [k(i.id) for s in ethics.CHECKLIST for i in s.items for k in (answer_key, note_key)]:
        st.session_state.pop(key, None)
    count = sum(entry["answer"] is not None for entry in loaded["answers"].values())
    st.session_state[MESSAGE] = ("success", f"Loaded {count} answers for “{loaded['project'] or 'unnamed project'}”.")


def file_stem(project: str) -> str:
    return "ethics-checklist-" + (re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-")[:40] or "project")


answers = st.session_state[STORE]
top = st.columns(2)
kid = top[0].toggle("Kid mode: simpler questions", key="ethics_kid", persist_state="session",
                    help="Shows each question in words for a children's workshop; the answers stay the same.")
printable = top[1].toggle("Printable view", key="ethics_printable", persist_state="session",
                          help="Shows only the checklist and your answers, ready for your browser's Print.")

if printable:
    st.caption("Print with your browser (Ctrl+P, or ⌘P on a Mac). Turn off 'Printable view' to edit again.")
    st.markdown(ethics.to_markdown(answers))  # notes are escaped by to_markdown: they print as typed
    st.stop()

st.markdown(
    "A model always gives an answer. Whether to **trust** it is a question about people and data, not code. "
    "Read the principles, then work through the checklist for a project of yours – or for one of the models "
    "on the other pages – and watch four of the problems happen live below."
)

principles, questions, rules = st.tabs(["Six principles", "Before you build", "Data rules"])
with principles:
    st.markdown("The course's six principles come from **Google's AI principles as published in 2018**; "
                "Google has revised its principles since.")
    st.markdown("\n".join(f"{n}. **{name}** – {meaning}" for n, (name, meaning) in enumerate(PRINCIPLES, 1)))
with questions:
    st.markdown("Six questions to answer before choosing any method:")
    st.markdown("\n".join(f"- **{name}** {meaning}" for name, meaning in PRACTICAL_QUESTIONS))
with rules:
    st.markdown("The data rules from the ML-school slides:")
    st.markdown("\n".join(f"{n}. **{rule}.** {why}" for n, (rule, why) in enumerate(DATA_RULES, 1)))

st.header("The checklist", anchor=False)
seed("ethics_project", answers["project"])
st.text_input("Project name", key="ethics_project", on_change=save_project, max_chars=ethics.MAX_PROJECT_CHARS,
              placeholder="for example: the digit reader", help="Which project these answers are about; it "
              "heads the saved files.")

st.subheader("Progress", anchor=False)
for section, settled, total in ethics.progress(answers):
    st.progress(settled / total, text=f"{section.kid_title if kid else section.title}: {settled} of {total} settled")
still_open = ethics.open_items(answers)
with st.expander(f"Still open: {len(still_open)} questions (not answered or 'not sure')"):
    for section, entry in still_open:
        st.text(f"• {entry.kid_question if kid else entry.question}")

demo_for = {d.item_id: d for d in DEMOS}
for section in ethics.CHECKLIST:
    st.subheader(section.kid_title if kid else section.title, anchor=False)
    for entry in section.items:
        stored = answers["answers"].get(entry.id, {"answer": None, "note": ""})
        with st.container(border=True):
            st.markdown(f"**{entry.kid_question if kid else entry.question}**")
            st.caption(f"Why it matters: {entry.why}" if kid else f"Why it matters: {entry.why}  \n"
                       f"Example: {entry.example}  \nSource: {entry.source}")
            if entry.id in demo_for:
                st.caption(f"See it happen: live demo “{demo_for[entry.id].title}” below.")
            seed(answer_key(entry.id), stored["answer"])
            seed(note_key(entry.id), stored["note"])
            st.radio("Your answer", ethics.ANSWER_CHOICES, index=None, horizontal=True,
                     key=answer_key(entry.id), on_change=save_item, args=(entry.id,),
                     help="'Not sure' keeps the question open in the progress above.")
            st.text_input("Note (optional)", key=note_key(entry.id), on_change=save_item, args=(entry.id,),
                          max_chars=ethics.MAX_NOTE_CHARS, help="Why you answered this way, or what to do next.")

st.header("Save or continue later", anchor=False)
stem = file_stem(answers["project"])
st.download_button("Download as Markdown", ethics.to_markdown(answers), file_name=f"{stem}.md",
                   mime="text/markdown", icon=":material/download:", key="ethics_download_md",
                   help="A checklist file to keep next to your project's code.", on_click="ignore")
st.download_button("Download as JSON", ethics.to_json(answers), file_name=f"{stem}.json", mime="application/json",
                   icon=":material/download:", key="ethics_download_json", on_click="ignore",
                   help="Load this file here later to carry on where you left off.")
st.file_uploader("Continue from a saved JSON file", type=["json"], key="ethics_import", on_change=import_answers,
                 help="Replaces the answers above with those in the file. A file this page cannot read changes "
                      "nothing.")
if MESSAGE in st.session_state:
    kind, text = st.session_state.pop(MESSAGE)
    (st.error if kind == "error" else st.success)(text)

st.header("Try this in a group", anchor=False)
for number, (prompt, notes) in enumerate(DISCUSSION, 1):
    st.markdown(f"**{number}.** {prompt}")
    with st.expander("Notes for the instructor"):
        st.markdown(notes)

st.header("Sources", anchor=False)
st.markdown("\n".join(f"- **{name}**: {what}" for name, what in SOURCES))
st.caption("The checklist follows the shape of deon (five stages of a project) in our own words, with examples "
           "from the workshop.")
