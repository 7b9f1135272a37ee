"""The /ethics page's Streamlit side for the checklist: the learner's answers and the widgets that write them
(the whole checklist, or kid mode's six detective questions), the printable view and the save panel. The
live demos are drawn by :mod:`lib.ui.ethics_demos`.

The answers live in one dict in ``st.session_state[STORE]`` (see :mod:`lib.ethics.checklist` for its shape),
which every answer widget writes on change. Streamlit forgets the state of a widget that is not drawn
(another page, the printable view) unless it is created with ``persist_state="session"``: every answer
widget is, so it shows what the learner gave when it is drawn again. (Writing the value back under the
widget's key before it is drawn does not do it: the browser keeps showing the widget's default.) An import
writes the loaded answers into the widgets' keys. The answers are not lesson settings (they never travel in
a link), so their widgets are plain ``st.*`` ones.

"""

import streamlit as st

from lib import ethics, ui
from lib.ethics import demos, words

STORE = "ethics_answers"  # the answers dict: the one source of truth
MESSAGE = "ethics_import_message"  # outcome of the last import, shown once
PROJECT = "ethics_project"
UPLOAD = "ethics_import"


def answers() -> dict:
    """The learner's answers in this session, empty on the first visit."""
    if STORE not in st.session_state:
        st.session_state[STORE] = ethics.empty_answers()
    return st.session_state[STORE]


def answer_key(item_id: str) -> str:
    return f"ethics_answer_{item_id}"


def note_key(item_id: str) -> str:
    return f"ethics_note_{item_id}"


def _save_item(item_id: str) -> None:
    given = st.session_state[STORE]["answers"]
    # Kid mode draws no note widget: the note stays as it was.
    note = st.session_state.get(note_key(item_id), given.get(item_id, {}).get("note", ""))
    entry = {"answer": st.session_state[answer_key(item_id)], "note": note}
    if entry["answer"] is None and not entry["note"]:
        given.pop(item_id, None)
    else:
        given[item_id] = entry


def _save_project() -> None:
    st.session_state[STORE]["project"] = st.session_state[PROJECT]


def _import_answers() -> None:
    """Replace the answers with an uploaded export; a bad file changes nothing and says why."""
    upload = st.session_state[UPLOAD]
    if upload is None:
        return
    try:
        loaded = ethics.from_json(upload.getvalue())
    except ValueError as error:
        st.session_state[MESSAGE] = ("error", f"{words.KEPT} {error}")
        return
    st.session_state[STORE] = loaded
    st.session_state[PROJECT] = loaded["project"]
    for entry in ethics.ITEMS:
        given = loaded["answers"].get(entry.id, {"answer": None, "note": ""})
        st.session_state[answer_key(entry.id)] = given["answer"]
        st.session_state[note_key(entry.id)] = given["note"]
    count = sum(entry["answer"] is not None for entry in loaded["answers"].values())
    st.session_state[MESSAGE] = ("success", words.loaded(count, loaded["project"]))


# --- the checklist ---------------------------------------------------------------------------------------

def printable(given: dict) -> None:
    """The checklist and the answers as text, ready for the browser's Print."""
    st.caption(words.PRINT_HINT)
    st.markdown(words.printed_title(given["project"]))
    for section, settled, total in ethics.progress(given):
        st.markdown(f"#### {section.title} ({settled} of {total} settled)")
        for entry in section.items:
            st.markdown(words.printed_item(entry, given["answers"].get(entry.id, {})))


def _project_name() -> None:
    st.text_input("Project name", key=PROJECT, on_change=_save_project, max_chars=ethics.MAX_PROJECT_CHARS,
                  persist_state="session", placeholder="for example: the digit reader", help=words.PROJECT_HELP)


def progress(view, given: dict) -> None:
    """A bar per section, and the questions still open."""
    for section, settled, total in ethics.progress(given):
        st.progress(settled / total, text=f"{view.say(words.title(section))}: {settled} of {total} settled")
    still_open = ethics.open_items(given)
    # Drawn only while open: a closed expander's 26 questions would still cost the page's first open.
    if box := ui.unfolded(view, words.still_open(len(still_open), len(ethics.ITEMS)), "ethics_still_open",
                          by_exercise=False):
        with box:
            for section in ethics.CHECKLIST:
                lines = [f"- {view.say(words.question(entry))}" for where, entry in still_open if where is section]
                if lines:  # our own questions, not user text, so Markdown is safe here
                    st.markdown(f"**{view.say(words.title(section))}**\n\n" + "\n".join(lines))


def section_step(section: ethics.Section) -> str:
    """The name of the step (:func:`lib.ui.unfolded`) that holds a checklist section's questions."""
    return "ethics_" + section.title.lower().replace(" ", "_")


def checklist_section(view, section: ethics.Section) -> None:
    """A section of the checklist as a step drawn only while open: the page opens with the progress bars
    and the sections' names, not all 26 cards and their 52 fields."""
    box = ui.unfolded(view, f"{view.say(words.title(section))} · {len(section.items)} questions",
                      section_step(section), by_exercise=False)  # an exercise is about the demos above
    if box is not None:
        with box:
            for entry in section.items:
                checklist_item(view, entry)


def checklist_item(view, entry: ethics.Item) -> None:
    """One question in a card: why it matters, its live demo if it has one, the answer and a note."""
    with st.container(border=True, key=f"ethics_item_{entry.id}"):
        st.markdown(f"**{view.say(words.question(entry))}**")
        st.caption(words.why_it_matters(entry, view.kids))
        for demo in demos.DEMOS:
            if demo.item_id == entry.id:
                st.caption(f"See it happen: live demo “{demo.title}” above.")
        _answer(entry)
        st.text_input("Note (optional)", key=note_key(entry.id), on_change=_save_item, args=(entry.id,),
                      max_chars=ethics.MAX_NOTE_CHARS, persist_state="session", help=words.NOTE_HELP)


def _answer(entry: ethics.Item, kids: bool = False) -> None:
    """An item's answer: the same widget (key, stored values) in the whole checklist and in kid mode's list,
    so an answer given in one shows in the other."""
    st.radio("Your answer", ethics.ANSWER_CHOICES, index=None, horizontal=True, key=answer_key(entry.id),
             on_change=_save_item, args=(entry.id,), persist_state="session", help=words.ANSWER_HELP,
             format_func=words.KIDS_ANSWERS.get if kids else str,
             label_visibility="collapsed" if kids else "visible")  # kids: the question above names it


def kids_checklist(given: dict) -> None:
    """Kid mode's checklist: the six detective questions, an answer each and one progress bar."""
    settled = ethics.settled_count(given, ethics.KID_ITEMS)
    st.progress(settled / len(ethics.KID_ITEMS), text=words.kids_progress(settled, len(ethics.KID_ITEMS)))
    for entry in ethics.KID_ITEMS:
        with st.container(border=True, key=f"ethics_item_{entry.id}"):
            st.markdown(f"**{entry.kid_question}**")
            _answer(entry, kids=True)


def save_panel(view, given: dict) -> None:
    """The project's name, the answers downloaded as JSON, or such a file loaded to carry on; the last import's
    outcome, once. A step drawn only while open (:func:`lib.ui.unfolded`): its text field and file uploader are
    not loaded until they are wanted (a text field on the first screen cost each open about 140 ms)."""
    box = ui.unfolded(view, words.SAVE_HEADING, "ethics_save", icon=":material/save:")
    if box is None:
        return
    with box:
        _project_name()
        st.download_button("Download as JSON", ethics.to_json(given), f"{ethics.file_stem(given['project'])}.json",
                           mime="application/json", icon=":material/download:", key="ethics_download_json",
                           on_click="ignore", help=words.DOWNLOAD_HELP)
        st.file_uploader("Continue from a saved JSON file", type=["json"], key=UPLOAD,
                         max_upload_size=ethics.MAX_FILE_MB, on_change=_import_answers, help=words.IMPORT_HELP)
        if MESSAGE in st.session_state:
            kind, text = st.session_state.pop(MESSAGE)
            (st.error if kind == "error" else st.success)(text)
