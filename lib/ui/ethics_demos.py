"""The /ethics page's live demos: the playground at the top of the page (the dog shown to the two digit
networks, with the "I don't know" threshold) and a step for each other demo, each a small playground of its
own: its question first (the label of a step drawn only while open), its controls beside what they change, and
what to notice in "What happened?".

None of them needs TensorFlow: the digit networks predict in NumPy (:func:`lib.ui.mnist.shipped_network`),
the iris results are shipped and k-means is scikit-learn's. Each loads its model or data on first use, once
per server (cached here), behind a spinner that Streamlit shows only when the wait passes half a second. A
missing model says so instead of failing. The cached functions live in this module, not in the page, because
Streamlit rebuilds a cache decorator each time its line runs.
"""

import streamlit as st

from lib import ethics, ui
from lib.ethics import demos, words
from lib.ethics.charts import bars
from lib.images import enlarge, mosaic, png_bytes, to_8bit
from lib.ui import model_card as model_card_view
from lib.ui.links import apply_link
from lib.ui.mnist import digit_card, shipped_network
from lib.ui.svg_picture import svg_picture

MISSING = (ImportError, AttributeError, FileNotFoundError)  # what a demo raises while its page's model is missing
PICTURE = 150  # width of the pictures the networks see, in pixels


@st.fragment
def playground(view, ran: dict) -> None:
    """The page's first screen: the dog (or a real 9) and the threshold on the left, what the two digit
    networks answer on the right. A fragment: its controls rerun only it, not the checklist below. The
    sentence the handout records goes into ``ran["dog"]`` (a dict the page owns and the handout reads when
    it is made), none while a model is missing."""
    ran.pop("dog", None)
    # When it runs alone, the page does not write the address: the address bar and the handout's link
    # follow the playground's controls all the same (nothing is written when they are unchanged).
    view.link = apply_link(view.slug).link
    controls, effect = st.columns([2, 3], gap="large")
    with controls:
        st.markdown(f"**{view.say(words.QUESTIONS['dog'])}**")
        picture = st.container()
        dog = view.toggle("dog")
        threshold = view.slider("threshold")
    try:
        with effect, st.spinner(words.LOADING_DIGITS):
            probabilities = dog_probabilities() if dog else real_probabilities()
            seen = dog_as_digit() if dog else real_digit()
    except MISSING:
        effect.info(words.not_available(demos.demo("dog").needs))
        return
    picture.image(png_bytes(enlarge(to_8bit(seen), PICTURE)), width=PICTURE,
                  caption=view.say(words.DOG_CAPTION if dog else words.DIGIT_CAPTION),
                  alt=words.picture_alt(dog))
    names = words.network_names(probabilities, view.kids)
    with effect:
        svg_picture(bars(view.say(words.probabilities_title(dog)), [str(d) for d in range(10)],
                         {name: list(p) for name, p in zip(names, probabilities.values())},
                         "" if view.kids else words.PROBABILITY, labels=False, ticks=not view.kids, line=threshold,
                         line_label=view.say(words.threshold_line(threshold)), height=200,
                         x_title=view.say(words.DIGIT), alt=words.probabilities_alt(dog, threshold)),
                    "ethics_dog_chart")
        verdicts = [words.dog_verdict(name, int(p.argmax()), float(p.max()), threshold)
                    for name, p in probabilities.items()]
        if view.kids:
            st.markdown("  \n".join(words.kids_verdict(name, int(p.argmax()), float(p.max()), threshold)
                                    for name, p in zip(names, probabilities.values())))
        else:
            st.markdown("\n".join(f"- {line}" for line in verdicts))
        st.markdown(f":blue[{view.say(words.dog_try(dog))}]")
    with st.expander(view.say(words.WHAT_HAPPENED)):
        _what_happened(view, demos.demo("dog"))
    ran["dog"] = f"{demos.demo('dog').title}. {words.dog_result(threshold, verdicts, dog)}."


def step(view, number: int, demo: demos.Demo) -> str | None:
    """One demo as a numbered step, drawn only while open (:func:`lib.ui.unfolded`): its label asks the
    question; inside, the controls beside the result and "What happened?". A link that sets one of the step's
    settings opens it; switching kid mode leaves it as it was. The sentence the handout records once the
    learner has tried it, else ``None`` (also while the step is closed)."""
    name = f"ethics_{demo.key}"
    if view.opened and any(view.lesson.setting(setting).key in view.linked for setting in _SETTINGS[demo.key]):
        st.session_state[ui.OPEN + name] = True
    box = ui.unfolded(view, words.step(number, demo, view.kids), name)
    if box is None:
        return None
    with box:
        controls, effect = st.columns([2, 3], gap="large")
        try:
            said = _STEPS[demo.key](view, controls, effect)
        except MISSING:
            effect.info(words.not_available(demo.needs))
            return None
        with st.expander(view.say(words.WHAT_HAPPENED)):
            _what_happened(view, demo)
    return f"{demo.title}. {said}." if said else None


def model_card_example(view, number: int) -> bool | None:
    """The worked example, as step ``number`` drawn only while open: the app's digit network's model card (the
    plain one, or the one trained with inverted copies), and the checklist questions its parts answer. Which
    network the learner chose (True: with inverted copies) while the step is open, else ``None``."""
    box = ui.unfolded(view, f"{number} · {view.say(words.CARD_STEP)}", "ethics_card")
    if box is None:
        return None
    with box:
        st.markdown(view.say(words.CARD_INTRO), help=ui.define("model card"))
        inverted = st.toggle(view.say(words.CARD_NETWORK), key="ethics_card_inverted", help=words.CARD_NETWORK_HELP)
        try:
            with st.spinner(words.LOADING_DIGITS):
                card = digit_card(inverted)
        except MISSING:
            st.info(words.not_available(demos.demo("dog").needs))
            return None
        model_card_view.show(view, card)
        if not view.kids:
            st.caption(words.CARD_DOG)
        st.markdown(f"{view.say(words.CARD_ANSWERS_HEADING)}\n\n{words.card_answers(view.kids)}")
    return inverted


def worked_card(inverted: bool | None):
    """The worked example's card for the handout: the digit network ``inverted`` (None, the step never opened:
    the plain one), or None while that network is missing. Built from :mod:`lib.mnist.card`, not a cached view:
    the handout is made on the download's own thread."""
    from lib.mnist.card import model_card

    try:
        return model_card(bool(inverted))
    except MISSING:
        return None


def _what_happened(view, demo: demos.Demo) -> None:
    st.markdown(view.say(words.lesson(demo)))
    st.caption(view.say(words.checklist_question(ethics.item(demo.item_id))))


def _polarity(view, controls, effect) -> str | None:
    with controls:
        swapped = view.toggle("polarity")
        st.image(sample_picture(swapped), caption=view.say(words.polarity_caption(swapped)),
                 alt=words.polarity_alt(swapped))
    with effect:
        with st.spinner(words.TESTING_DIGITS):
            accuracy = polarity_accuracies()
        series = {view.say(words.AS_TRAINED): [normal for normal, _ in accuracy.values()]}
        if swapped:
            series[view.say(words.SWAPPED)] = [inverted for _, inverted in accuracy.values()]
        svg_picture(bars(view.say(words.POLARITY_TITLE), words.network_names(accuracy, view.kids), series,
                         "" if view.kids else words.SHARE_CORRECT, ticks=not view.kids, height=180,
                         x_title=view.say(words.NETWORK), alt=words.polarity_alt(swapped)), "ethics_polarity_chart")
        st.markdown(f":blue[{view.say(words.polarity_try(swapped))}]")
    return words.polarity_result(accuracy) if swapped else None


def _iris(view, controls, effect) -> str | None:
    with controls:
        species, keep = view.selectbox("species"), view.select_slider("keep")
        trained = view.toggle("iris")
    if not trained:
        effect.markdown(f":blue[{view.say(words.IRIS_TRY)}]")
        return None
    left_out = demos.SPECIES[species]
    with effect:
        balanced = _iris_accuracy((1.0, 1.0, 1.0))
        reduced = _iris_accuracy(demos.fraction_without(species, keep))
        series = {words.IRIS_ALL: balanced, words.iris_few(keep, left_out): reduced}
        svg_picture(bars(words.IRIS_TITLE, demos.SPECIES, series, words.SHARE_CORRECT, height=180,
                         x_title=words.SPECIES, alt=words.iris_alt(keep, left_out)), "ethics_iris_chart")
    return words.iris_result(list(demos.SPECIES), left_out, keep, balanced, reduced)


def _iris_accuracy(species_fraction: tuple) -> list:
    """Shipped results when this setting was precomputed; otherwise train once per setting and server,
    one training at a time across all users (lib.iris.cache)."""
    shipped = demos.shipped_iris_accuracy(species_fraction)
    if shipped is not None:
        return list(shipped)
    waiting, bar = st.empty(), st.progress(0.0, text=words.IRIS_STARTING)
    accuracy = demos.iris_species_accuracy(
        species_fraction, on_wait=lambda ahead: waiting.info(words.iris_waiting(ahead)),
        on_progress=lambda p: bar.progress(p.epoch / p.epochs, text=words.iris_training(p.epoch, p.epochs)))
    waiting.empty()
    bar.empty()
    return list(accuracy)


def _garden(view, controls, effect) -> str | None:
    with controls:
        stranger = view.selectbox("stranger")
        given = view.toggle("garden")
    if not given:
        effect.markdown(f":blue[{view.say(words.GARDEN_TRY)}]")
        return None
    name = view.label("stranger")
    with effect:
        with st.spinner(words.GROUPING):
            result = garden_stranger(stranger)
        st.markdown(words.garden_grouped(name, result.group, result.group_size, result.group_kind))
        measures = dict(zip(demos.FEATURES, demos.STRANGERS[stranger]))
        st.table(words.garden_table(name, measures, result.ranges))
        if result.outside:
            st.markdown(words.garden_outside([demos.FEATURE_NAMES[f].split(" (")[0] for f in result.outside]))
    return words.garden_result(name, result.group, result.group_kind)


_STEPS = {"polarity": _polarity, "iris": _iris, "garden": _garden}  # by lib.ethics.demos.Demo.key
#: The lesson settings each step's controls set, by demo key: a link naming one opens the step.
_SETTINGS = {"polarity": ("polarity",), "iris": ("iris", "species", "keep"), "garden": ("garden", "stranger")}


# --- cached results --------------------------------------------------------------------------------------

def _by_network(measure) -> dict:
    """``measure(network)`` for both shipped digit networks, keyed by the network's name as a label."""
    from lib.mnist import NETWORK_NAMES

    return {name.capitalize(): measure(shipped_network(invert)) for invert, name in NETWORK_NAMES.items()}


@st.cache_data(show_spinner=False)
def dog_probabilities() -> dict:
    return _by_network(demos.dog_probabilities)


@st.cache_data(show_spinner=False)
def real_probabilities() -> dict:
    picture = real_digit()
    return _by_network(lambda network: demos.dog_probabilities(network, picture))


dog_as_digit = st.cache_data(demos.dog_as_digit, show_spinner=False)


@st.cache_data(show_spinner=False)
def real_digit():
    from lib import mnist

    return demos.real_digit(mnist.load_test_set()[0])


@st.cache_data(show_spinner=False)
def sample_picture(swapped: bool) -> bytes:
    """The polarity demo's test digits, four to a row, as PNG bytes (grey gaps between them)."""
    from lib import mnist

    digits = to_8bit(demos.sample_digits(mnist.load_test_set()[0], swapped))
    return png_bytes(mosaic(digits, columns=4, gap=6, fill=128, scale=4))


@st.cache_data(show_spinner=False)
def polarity_accuracies() -> dict:
    from lib import mnist

    x_test, y_test = mnist.load_test_set()
    return _by_network(lambda network: demos.polarity_accuracy(network, x_test, y_test))


garden_stranger = st.cache_data(demos.garden_stranger, show_spinner=False)
