"""Topic page /ethics: what to ask before trusting a model, as a checklist to answer, save and reload,
with live demos that show this app's own models going wrong.

The answers live in one dict in ``st.session_state`` (see :mod:`lib.ethics` for its shape), which every
answer widget writes on change. Streamlit forgets the state of a widget that is not drawn (another page,
the printable view) unless it is created with ``persist_state="session"``: every answer widget is, so it
shows what the learner gave when it is drawn again. (Writing the value back under the widget's key before
it is drawn does not do it: the browser keeps showing the widget's default.) An import writes the loaded
answers into the widgets' keys.
"""

import copy
import re

import streamlit as st

from lib import ethics, ui
from lib.ethics import demos
from lib.ethics.content import DATA_RULES, PRACTICAL_QUESTIONS, PRINCIPLES, SOURCES
from lib.ethics.demos import DEMOS
from lib.ethics.handout import handout
from lib.ui.ethics import dog_as_digit, dog_probabilities, garden_stranger, polarity_accuracies
from lib.handout import code_span
from lib.palette import use_plotly_template

view = ui.page_setup("ethics")

STORE = "ethics_answers"  # the answers dict: the one source of truth
MESSAGE = "ethics_import_message"  # outcome of the last import, shown once
if STORE not in st.session_state:
    st.session_state[STORE] = ethics.empty_answers()


def answer_key(item_id: str) -> str:
    return f"ethics_answer_{item_id}"


def note_key(item_id: str) -> str:
    return f"ethics_note_{item_id}"


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
    st.session_state["ethics_project"] = loaded["project"]
    for entry in ethics.ITEMS:
        given = loaded["answers"].get(entry.id, {"answer": None, "note": ""})
        st.session_state[answer_key(entry.id)] = given["answer"]
        st.session_state[note_key(entry.id)] = given["note"]
    count = sum(entry["answer"] is not None for entry in loaded["answers"].values())
    project = f"the project {code_span(loaded['project'])}" if loaded["project"].strip() else "an unnamed project"
    st.session_state[MESSAGE] = ("success", f"Loaded {count} answers for {project}.")


def file_stem(project: str) -> str:
    return "ethics-checklist-" + (re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-")[:40] or "project")


answers = st.session_state[STORE]
kid = view.kids  # the sidebar's "Simpler words": each question in words for a children's workshop
if view.shows("printable"):
    st.toggle("Printable view", key="ethics_printable", persist_state="session", disabled=view.locked("printable"),
              help="Shows only the checklist and your answers, ready for your browser's Print.")
printable = view.value("printable")


def title(section) -> str:
    """A section's title, in kid mode's words when it is on."""
    return section.kid_title if kid else section.title


def ask(entry) -> str:
    """An item's question, in kid mode's words when it is on."""
    return entry.kid_question if kid else entry.question


if printable:
    st.caption("Print with your browser (Ctrl+P, or ⌘P on a Mac). Turn off 'Printable view' to edit again.")
    # The project name and notes go in code spans: Streamlit would link a web address even when escaped.
    st.markdown(f"### Ethics checklist: {code_span(answers['project']) or '(unnamed project)'}")
    for section, settled, total in ethics.progress(answers):
        st.markdown(f"#### {section.title} ({settled} of {total} settled)")
        for entry in section.items:
            given = answers["answers"].get(entry.id, {})
            lines = [f"**{entry.question}** ({entry.id})", f"Answer: **{ethics.answer_words(given.get('answer'))}**"]
            if given.get("note", "").strip():
                lines.append(f"Note: {code_span(given['note'])}")
            st.markdown("  \n".join(lines))
    st.stop()

st.markdown(view.say(
    "A model always gives an answer. Whether to **trust** it is a question about people and data, not code. "
    "Read the principles, then work through the checklist for a project of yours – or for one of the models "
    "on the other pages – and watch four of the problems happen live below.",
    "A robot always gives an answer – even when it should say “I don't know”. Be a detective: ask the "
    "questions below about a robot, then watch this app's own robots get things wrong."))

if view.shows("principles") and not kid:
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
st.text_input("Project name", key="ethics_project", on_change=save_project, max_chars=ethics.MAX_PROJECT_CHARS,
              persist_state="session",
              placeholder="for example: the digit reader", help="Which project these answers are about; it "
              "heads the saved files.")

st.subheader("Progress", anchor=False)
for section, settled, total in ethics.progress(answers):
    st.progress(settled / total, text=f"{title(section)}: {settled} of {total} settled")
still_open = ethics.open_items(answers)
with st.expander(f"Still open: {len(still_open)} of {len(ethics.ITEMS)} questions (not answered or 'not sure')"):
    for section in ethics.CHECKLIST:
        lines = [f"- {ask(entry)}" for where, entry in still_open if where is section]
        if lines:  # our own questions, not user text, so Markdown is safe here
            st.markdown(f"**{title(section)}**\n\n" + "\n".join(lines))

demos_for = {entry.id: [d.title for d in DEMOS if d.item_id == entry.id] for entry in ethics.ITEMS}
for section in ethics.CHECKLIST:
    st.subheader(title(section), anchor=False)
    for entry in section.items:
        with st.container(border=True, key=f"ethics_item_{entry.id}"):
            st.markdown(f"**{ask(entry)}**")
            st.caption(f"Why it matters: {entry.why}" if kid else f"Why it matters: {entry.why}  \n"
                       f"Example: {entry.example}  \nSource: {entry.source}")
            for demo_title in demos_for[entry.id]:
                st.caption(f"See it happen: live demo “{demo_title}” below.")
            st.radio("Your answer", ethics.ANSWER_CHOICES, index=None, horizontal=True,
                     key=answer_key(entry.id), on_change=save_item, args=(entry.id,), persist_state="session",
                     help="'Not sure' keeps the question open in the progress above.")
            st.text_input("Note (optional)", key=note_key(entry.id), on_change=save_item, args=(entry.id,),
                          max_chars=ethics.MAX_NOTE_CHARS, persist_state="session",
                          help="Why you answered this way, or what to do next.")

# --- live demos: each loads its model only when switched on ----------------------------------------------


def iris_accuracy(species_fraction: tuple) -> list:
    """Shipped results when this setting was precomputed; otherwise train once per setting and server,
    one training at a time across all users (lib.iris.cache)."""
    shipped = demos.shipped_iris_accuracy(species_fraction)
    if shipped is not None:
        return list(shipped)
    waiting, bar = st.empty(), st.progress(0.0, text="Training the iris network…")
    accuracy = demos.iris_species_accuracy(
        species_fraction,
        on_wait=lambda ahead: waiting.info(f"Waiting for another training to finish ({ahead} ahead of you)…"),
        on_progress=lambda p: bar.progress(p.epoch / p.epochs,
                                           text=f"Training the iris network: epoch {p.epoch} of {p.epochs}"))
    waiting.empty()
    bar.empty()
    return list(accuracy)




def bars(title: str, x: list, series: dict, y_title: str, labels: bool = True):
    """A grouped bar chart of shares (0-1), one colour per series; ``labels`` prints each bar's value."""
    import plotly.graph_objects as go

    use_plotly_template()
    figure = go.Figure([go.Bar(name=name, x=x, y=y, texttemplate="%{y:.0%}" if labels else None,
                               textposition="outside", cliponaxis=False) for name, y in series.items()])
    figure.update_layout(title=title, barmode="group", yaxis_title=y_title, height=340,
                         legend={"orientation": "h", "y": -0.25}, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    figure.update_yaxes(tickformat=".0%", range=[0, 1.08], tickvals=[0, 0.25, 0.5, 0.75, 1])
    st.plotly_chart(figure, config={"displayModeBar": False})


def dog_demo() -> str:
    with st.spinner("Loading the two digit networks…"):
        probabilities = dog_probabilities()
    photo, seen = st.columns(2)
    photo.image(str(demos.DOG_PHOTO), width=140, caption="The course's dog photo (Emily Mathews, CC BY 2.0)",
                alt="A dog's face")
    seen.image(dog_as_digit(), width=140, clamp=True, alt="The dog photo shrunk to a 28 by 28 grey square",
               caption="What the networks see: 28 × 28 grey squares, prepared like a drawn digit")
    bars("What the digit networks think the dog is", [str(d) for d in range(10)],
         {name: list(v) for name, v in probabilities.items()}, "probability", labels=False)
    if view.shows("threshold"):
        st.slider("Say 'I don't know' below this confidence", 0.5, 0.99, step=0.01, key="ethics_threshold",
                  disabled=view.locked("threshold"), persist_state="session",
                  help="A rule you design in: if the most likely digit is less sure than this, answer "
                       "'I don't know' instead.")
    threshold = view.value("threshold")
    lines = []
    for name, p in probabilities.items():
        verdict = f"still “{p.argmax()}”" if p.max() >= threshold else "“I don't know”"
        lines.append(f"{name}: answers **{p.argmax()}** ({p.max():.0%} sure); with your rule: "
                     f"{verdict}")
    st.markdown("\n".join(f"- {line}" for line in lines))
    return f"With 'I don't know' below {threshold:.0%}: " + "; ".join(lines)


def polarity_demo() -> str:
    with st.spinner("Testing both digit networks on 200 test digits…"):
        accuracy = polarity_accuracies()
    bars("Accuracy on 200 test digits", ["White on black<br>(as trained)", "Black on white<br>(swapped)"],
         {name: list(v) for name, v in accuracy.items()}, "share correct")
    return "; ".join(f"{name}: {normal:.0%} right on white-on-black digits, {swapped:.0%} on "
                     "black-on-white ones" for name, (normal, swapped) in accuracy.items())


def iris_demo() -> str:
    if view.shows("species"):
        st.selectbox("Species to leave mostly out", range(3), key="ethics_iris_species",
                     disabled=view.locked("species"), persist_state="session",
                     format_func=lambda i: demos.SPECIES[i], help="The species whose training "
                     "flowers are mostly removed; the test flowers stay the same.")
    if view.shows("keep"):
        st.select_slider("Share of its training flowers kept", demos.KEEP_CHOICES,
                         format_func="{:.0%}".format, key="ethics_iris_keep", disabled=view.locked("keep"),
                         persist_state="session", help="How much of that species the network may learn from.")
    species, keep = view.value("species"), view.value("keep")
    balanced = iris_accuracy((1.0, 1.0, 1.0))
    reduced = iris_accuracy(demos.fraction_without(species, keep))
    bars("Test accuracy for each species", list(demos.SPECIES),
         {"All training flowers": balanced, f"Only {keep:.0%} of {demos.SPECIES[species]}": reduced},
         "share correct")
    return (f"Keeping only {keep:.0%} of the {demos.SPECIES[species]} training flowers: "
            + ", ".join(f"{name} {all_:.0%} → {few:.0%}" for name, all_, few
                        in zip(demos.SPECIES, balanced, reduced)) + " right")


def garden_demo() -> str:
    if view.shows("stranger"):
        st.selectbox("Something that is not a woodlouse, ladybird or stone", list(demos.STRANGERS),
                     key="ethics_stranger", disabled=view.locked("stranger"), persist_state="session",
                     help="Its typical width, length and weight go to the garden robot.")
    name = view.value("stranger")
    with st.spinner("Grouping the garden finds…"):
        result = garden_stranger(name)
    st.markdown(f"k-means puts **{name}** in group {result.group + 1}, with {result.group_size} finds that are "
                f"mostly **{result.group_kind}s**.")
    measures = dict(zip(demos.FEATURES, demos.STRANGERS[name]))
    st.table({"measurement": [demos.FEATURE_NAMES[f] for f in measures], name: list(measures.values()),
              "smallest in the group": [result.ranges[f][0] for f in measures],
              "largest in the group": [result.ranges[f][1] for f in measures]})
    if result.outside:
        outside = " and ".join(demos.FEATURE_NAMES[f].split(" (")[0] for f in result.outside)
        st.markdown(f"Its {outside} lie outside every find in that group – it was put there anyway. "
                    "A rule such as 'too far from every group centre: unknown' has to be added by people.")
    return f"k-means put {name} in group {result.group + 1}, mostly {result.group_kind}s"


ran = []  # one sentence per demo shown, for the handout
if view.shows("demos"):
    st.header("See it happen", anchor=False, help=ui.define("bias (fairness)"))
    st.markdown(view.say("Four checklist questions, answered by the models of this app's other pages. Each demo "
                         "loads its model only when you switch it on.",
                         "Four robots from this app, getting things wrong. Switch one on to watch."))
    RUN = {"dog": dog_demo, "polarity": polarity_demo, "iris": iris_demo, "garden": garden_demo}
    for demo in DEMOS:
        if not view.shows(demo.key):
            continue
        with st.container(border=True):
            st.subheader(demo.title, anchor=False)
            st.caption(f"Checklist: {ask(ethics.item(demo.item_id))}")
            st.markdown(demo.lesson)
            st.toggle("Run this demo", key=f"ethics_demo_{demo.key}", disabled=view.locked(demo.key),
                      persist_state="session", help=f"Loads the {demo.needs} page's model.")
            if view.value(demo.key):
                try:
                    ran.append(f"{demo.title}. {RUN[demo.key]()}.")
                except (ImportError, AttributeError, FileNotFoundError):
                    st.info(f"This demo needs the {demo.needs} page's model, which is not available yet.")

if view.shows("save"):
    st.header("Save or continue later", anchor=False)
    st.download_button("Download as JSON", ethics.to_json(answers), f"{file_stem(answers['project'])}.json",
                       mime="application/json", icon=":material/download:", key="ethics_download_json",
                       on_click="ignore", help="Load this file here later to carry on where you left off. "
                       "(For a record to read or print, use “Download my results” at the end of the page.)")
    st.file_uploader("Continue from a saved JSON file", type=["json"], key="ethics_import",
                     max_upload_size=ethics.MAX_FILE_MB, on_change=import_answers,
                     help="Replaces the answers above with those in the file. A file this page cannot read "
                     "changes nothing.")
    if MESSAGE in st.session_state:
        kind, text = st.session_state.pop(MESSAGE)
        (st.error if kind == "error" else st.success)(text)

if view.shows("sources") and not kid:
    st.header("Sources", anchor=False)
    st.markdown("\n".join(f"- **{name}**: {what}" for name, what in SOURCES))
    st.caption("The checklist follows the shape of deon (five stages of a project) in our own words, with "
               "examples from the workshop.")

snapshot = copy.deepcopy(answers)  # the handout is built later, on another thread
ui.end_of_page(view, handout=lambda: handout(view.link, snapshot, ran))
