"""The /ethics page's Streamlit side: the learner's answers and the widgets that write them, the save panel,
the four live demos, and the demos' cached results.

The answers live in one dict in ``st.session_state[STORE]`` (see :mod:`lib.ethics.checklist` for its shape),
which every answer widget writes on change. Streamlit forgets the state of a widget that is not drawn
(another page, the printable view) unless it is created with ``persist_state="session"``: every answer
widget is, so it shows what the learner gave when it is drawn again. (Writing the value back under the
widget's key before it is drawn does not do it: the browser keeps showing the widget's default.) An import
writes the loaded answers into the widgets' keys. The answers are not lesson settings (they never travel in
a link), so their widgets are plain ``st.*`` ones.

The cached results live in a module, not in the page, because Streamlit builds a cached function's wrapper
each time its ``@st.cache_*`` line runs, reading the function's source to key the cache: in the page that
cost every rerun of the checklist a few milliseconds for demos that are usually switched off. A module is
imported once.
"""

import streamlit as st

from lib import ethics
from lib.ethics import demos, words
from lib.ethics.charts import bars
from lib.ui.mnist import shipped_network

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
    entry = {"answer": st.session_state[answer_key(item_id)], "note": st.session_state[note_key(item_id)]}
    given = st.session_state[STORE]["answers"]
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


def project_name() -> None:
    st.text_input("Project name", key=PROJECT, on_change=_save_project, max_chars=ethics.MAX_PROJECT_CHARS,
                  persist_state="session", placeholder="for example: the digit reader", help=words.PROJECT_HELP)


def progress(view, given: dict) -> None:
    """A bar per section, and the questions still open."""
    for section, settled, total in ethics.progress(given):
        st.progress(settled / total, text=f"{view.say(words.title(section))}: {settled} of {total} settled")
    still_open = ethics.open_items(given)
    with st.expander(words.still_open(len(still_open), len(ethics.ITEMS))):
        for section in ethics.CHECKLIST:
            lines = [f"- {view.say(words.question(entry))}" for where, entry in still_open if where is section]
            if lines:  # our own questions, not user text, so Markdown is safe here
                st.markdown(f"**{view.say(words.title(section))}**\n\n" + "\n".join(lines))


def checklist_item(view, entry: ethics.Item) -> None:
    """One question in a card: why it matters, its live demo if it has one, the answer and a note."""
    with st.container(border=True, key=f"ethics_item_{entry.id}"):
        st.markdown(f"**{view.say(words.question(entry))}**")
        st.caption(words.why_it_matters(entry, view.kids))
        for demo in demos.DEMOS:
            if demo.item_id == entry.id:
                st.caption(f"See it happen: live demo “{demo.title}” below.")
        st.radio("Your answer", ethics.ANSWER_CHOICES, index=None, horizontal=True, key=answer_key(entry.id),
                 on_change=_save_item, args=(entry.id,), persist_state="session", help=words.ANSWER_HELP)
        st.text_input("Note (optional)", key=note_key(entry.id), on_change=_save_item, args=(entry.id,),
                      max_chars=ethics.MAX_NOTE_CHARS, persist_state="session", help=words.NOTE_HELP)


def save_panel(given: dict) -> None:
    """Download the answers as JSON, or load such a file to carry on; the last import's outcome, once."""
    st.header("Save or continue later", anchor=False)
    st.download_button("Download as JSON", ethics.to_json(given), f"{ethics.file_stem(given['project'])}.json",
                       mime="application/json", icon=":material/download:", key="ethics_download_json",
                       on_click="ignore", help=words.DOWNLOAD_HELP)
    st.file_uploader("Continue from a saved JSON file", type=["json"], key=UPLOAD, max_upload_size=ethics.MAX_FILE_MB,
                     on_change=_import_answers, help=words.IMPORT_HELP)
    if MESSAGE in st.session_state:
        kind, text = st.session_state.pop(MESSAGE)
        (st.error if kind == "error" else st.success)(text)


# --- the live demos: each loads its model only when switched on -------------------------------------------

def run_demo(view, demo: demos.Demo) -> str | None:
    """Draw a switched-on demo; the sentence the handout records, or ``None`` while its model is missing."""
    try:
        return f"{demo.title}. {_DRAW[demo.key](view)}."
    except (ImportError, AttributeError, FileNotFoundError):
        st.info(words.not_available(demo.needs))
        return None


def _chart(figure) -> None:
    st.plotly_chart(figure, config={"displayModeBar": False})


def _dog(view) -> str:
    with st.spinner("Loading the two digit networks…"):
        probabilities = dog_probabilities()
    photo, seen = st.columns(2)
    photo.image(str(demos.DOG_PHOTO), width=140, caption=words.DOG_CAPTION, alt="A dog's face")
    seen.image(dog_as_digit(), width=140, clamp=True, alt="The dog photo shrunk to a 28 by 28 grey square",
               caption=words.DOG_SEEN)
    _chart(bars("What the digit networks think the dog is", [str(d) for d in range(10)],
                {name: list(p) for name, p in probabilities.items()}, "probability", labels=False))
    threshold = view.slider("threshold")
    verdicts = [words.dog_verdict(name, int(p.argmax()), float(p.max()), threshold)
                for name, p in probabilities.items()]
    st.markdown("\n".join(f"- {line}" for line in verdicts))
    return words.dog_result(threshold, verdicts)


def _polarity(view) -> str:
    with st.spinner("Testing both digit networks on 200 test digits…"):
        accuracy = polarity_accuracies()
    _chart(bars("Accuracy on 200 test digits", words.POLARITY_CATEGORIES,
                {name: list(a) for name, a in accuracy.items()}, "share correct"))
    return words.polarity_result(accuracy)


def _iris(view) -> str:
    species, keep = view.selectbox("species"), view.select_slider("keep")
    left_out = demos.SPECIES[species]
    balanced = _iris_accuracy((1.0, 1.0, 1.0))
    reduced = _iris_accuracy(demos.fraction_without(species, keep))
    _chart(bars("Test accuracy for each species", demos.SPECIES,
                {"All training flowers": balanced, f"Only {keep:.0%} of {left_out}": reduced}, "share correct"))
    return words.iris_result(list(demos.SPECIES), left_out, keep, balanced, reduced)


def _iris_accuracy(species_fraction: tuple) -> list:
    """Shipped results when this setting was precomputed; otherwise train once per setting and server,
    one training at a time across all users (lib.iris.cache)."""
    shipped = demos.shipped_iris_accuracy(species_fraction)
    if shipped is not None:
        return list(shipped)
    waiting, bar = st.empty(), st.progress(0.0, text="Training the iris network…")
    accuracy = demos.iris_species_accuracy(
        species_fraction, on_wait=lambda ahead: waiting.info(words.iris_waiting(ahead)),
        on_progress=lambda p: bar.progress(p.epoch / p.epochs, text=words.iris_training(p.epoch, p.epochs)))
    waiting.empty()
    bar.empty()
    return list(accuracy)


def _garden(view) -> str:
    stranger = view.selectbox("stranger")
    name = view.label("stranger")
    with st.spinner("Grouping the garden finds…"):
        result = garden_stranger(stranger)
    st.markdown(words.garden_grouped(name, result.group, result.group_size, result.group_kind))
    measures = dict(zip(demos.FEATURES, demos.STRANGERS[stranger]))
    st.table({"measurement": [demos.FEATURE_NAMES[f] for f in measures], name: list(measures.values()),
              "smallest in the group": [result.ranges[f][0] for f in measures],
              "largest in the group": [result.ranges[f][1] for f in measures]})
    if result.outside:
        st.markdown(words.garden_outside([demos.FEATURE_NAMES[f].split(" (")[0] for f in result.outside]))
    return words.garden_result(name, result.group, result.group_kind)


_DRAW = {"dog": _dog, "polarity": _polarity, "iris": _iris, "garden": _garden}  # by lib.ethics.demos.Demo.key


# --- cached results --------------------------------------------------------------------------------------

def _by_network(measure) -> dict:
    """``measure(network)`` for both shipped digit networks, keyed by the network's name as a label."""
    from lib.mnist import NETWORK_NAMES

    return {name.capitalize(): measure(shipped_network(invert)) for invert, name in NETWORK_NAMES.items()}


@st.cache_data(show_spinner=False)
def dog_probabilities() -> dict:
    return _by_network(demos.dog_probabilities)


dog_as_digit = st.cache_data(demos.dog_as_digit, show_spinner=False)


@st.cache_data(show_spinner=False)
def polarity_accuracies() -> dict:
    from lib import mnist

    x_test, y_test = mnist.load_test_set()
    return _by_network(lambda network: demos.polarity_accuracy(network, x_test, y_test))


garden_stranger = st.cache_data(demos.garden_stranger, show_spinner=False)
