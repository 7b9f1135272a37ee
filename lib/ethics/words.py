"""The /ethics page's own sentences, each as a pair (plain words, kid words) for ``view.say`` where kid mode
words it differently; those that quote a result are functions of it. The checklist, principles and sources
themselves are in :mod:`lib.ethics.content`; this module holds what the page says around them: its
introduction, the help of its widgets that are not lesson settings, the live demos' results and the save
panel's messages. Plain Python, no Streamlit."""

from __future__ import annotations

from lib.ethics.checklist import answer_words, item
from lib.ethics.content import Item, Section
from lib.handout import code_span

CHECKLIST_HEADING = ("The checklist", "Your detective questions")
CHECKLIST_INTRO = (
    "A model always gives an answer. Whether to **trust** it is a question about people and data, not code. "
    "Work through these questions for a project of yours – or for one of the models on the other pages.",
    "Be a detective: ask these about any robot.")

def title(section: Section) -> tuple[str, str]:
    """A checklist section's title, for ``view.say``."""
    return section.title, section.kid_title


def question(entry: Item) -> tuple[str, str]:
    """A checklist item's question, for ``view.say``."""
    return entry.question, entry.kid_question


# --- the printable view ----------------------------------------------------------------------------------

PRINT_HINT = "Print with your browser (Ctrl+P, or ⌘P on a Mac). Turn off 'Printable view' to edit again."


def printed_title(project: str) -> str:
    # The project name and notes go in code spans: Streamlit would link a web address even when escaped.
    return f"### Ethics checklist: {code_span(project) or '(unnamed project)'}"


def printed_item(entry: Item, given: dict) -> str:
    """One item as the printable view shows it: question, answer in words and the note, if any."""
    lines = [f"**{entry.question}** ({entry.id})", f"Answer: **{answer_words(given.get('answer'))}**"]
    if given.get("note", "").strip():
        lines.append(f"Note: {code_span(given['note'])}")
    return "  \n".join(lines)


# --- principles, questions and data rules (the full page only) ---------------------------------------------

PRINCIPLES_HEADING = "Where do these questions come from?"
SOURCES_HEADING = "Sources: who wrote these rules?"
TABS = ["Six principles", "Before you build", "Data rules"]
PRINCIPLES_SOURCE = ("The course's six principles come from **Google's AI principles as published in 2018**; "
                     "Google has revised its principles since.")
QUESTIONS_INTRO = "Six questions to answer before choosing any method:"
RULES_INTRO = "The data rules from the ML-school slides:"

# --- the checklist ---------------------------------------------------------------------------------------

PROJECT_HELP = "Which project these answers are about; it heads the saved files."
ANSWER_HELP = "'Not sure' keeps the question open in the progress above."
NOTE_HELP = "Why you answered this way, or what to do next."


def still_open(count: int, total: int) -> str:
    return f"Still open: {count} of {total} questions (not answered or 'not sure')"


def why_it_matters(entry: Item, kids: bool) -> str:
    """An item's caption: why it matters, and for grown-ups an example and the source."""
    return (f"Why it matters: {entry.why}" if kids else
            f"Why it matters: {entry.why}  \nExample: {entry.example}  \nSource: {entry.source}")


# --- the live demos: the playground at the top, then one step each ---------------------------------------

#: Each demo's question, asked before the learner tries it (plain, kids), by :attr:`lib.ethics.demos.Demo.key`.
QUESTIONS = {
    "dog": ("These two networks were only ever shown handwritten digits. What do they answer when they see a dog?",
            "What does a number robot say when it sees a dog?"),
    "polarity": ("Both networks learned from white digits on black. Can they read the same digits as black ink "
                 "on white paper? Guess, then swap.",
                 "The robots learned white numbers on black. Can they read black on white?"),
    "iris": ("Take away most of one species' training flowers. Which species will the network get wrong – and "
             "would its overall score tell you?",
             "Take away most of one kind of flower. Which kind will the robot get wrong?"),
    "garden": ("The garden robot groups woodlice, ladybirds and stones. What does it do with a coin, a snail or "
               "an ant?",
               "What does the garden robot do with a coin?"),
}
#: What the learner should notice, in kid words (the plain words are :attr:`lib.ethics.demos.Demo.lesson`).
KIDS_LESSONS = {
    "dog": "The robot only knows numbers, so it always answers with a number – even for a dog. Saying "
           "“I don't know” is a rule people have to add.",
    "polarity": "One robot only ever saw white numbers on black. It gets most black-on-white numbers wrong. The "
                "robot that practised with both kinds gets them right.",
    "iris": "The kind of flower the robot hardly saw is the kind it gets wrong.",
    "garden": "The robot always picks one of its groups. It has no group called “none of these”.",
}
WHAT_HAPPENED = ("What happened?", "What happened?")


def lesson(demo) -> tuple[str, str]:
    """What to notice after a demo, for ``view.say``."""
    return demo.lesson, KIDS_LESSONS[demo.key]


#: Shorter step titles for kid mode, by demo key (the others use the demo's title).
KIDS_TITLES = {"polarity": "Black on white"}


def step(number: int, demo, kids: bool = False) -> str:
    """A demo's step as its folded label shows it: number, title and the question the step asks."""
    title = KIDS_TITLES.get(demo.key, demo.title) if kids else demo.title
    return f"{number} · {title} – {QUESTIONS[demo.key][kids]}"


def checklist_question(entry: Item) -> tuple[str, str]:
    """The checklist question a demo answers, for its "What happened?"."""
    return f"Checklist: {entry.question}", f"Detective question: {entry.kid_question}"


def not_available(page: str) -> str:
    return f"This demo needs the {page} page's model, which is not available yet."


DOG_CAPTION = ("The dog, 28 × 28, as the networks see it (photo: Emily Mathews, CC BY 2.0)", None)
DIGIT_CAPTION = ("A real handwritten 9 from the test set, as the networks see it", "A real 9")
#: The two digit networks' names in kid mode, in the order of :data:`lib.mnist.NETWORK_NAMES`.
KIDS_NETWORKS = ("Robot 1", "Robot 2")


def network_names(names, kids: bool) -> list[str]:
    """The networks' names as the page shows them: their own, or "Robot 1" and "Robot 2" in kid mode."""
    return list(KIDS_NETWORKS[:len(names)] if kids else names)


LOADING_DIGITS = "Loading the two digit networks…"
PROBABILITY, SHARE_CORRECT = "probability", "share correct"
DIGIT = ("digit", "number")  #: the probabilities chart's x axis
NETWORK = ("network", "robot")  #: the accuracy chart's x axis


def picture_alt(dog: bool) -> str:
    return "A dog's face shrunk to a 28 by 28 grey square" if dog else "A handwritten 9"


def probabilities_title(dog: bool) -> tuple[str, str]:
    shown = "the dog" if dog else "the real 9"
    return f"What the digit networks think {shown} is", "The robots' guesses"


def probabilities_alt(dog: bool, threshold: float) -> str:
    """The probabilities chart in one sentence, for a screen reader."""
    shown = "the dog" if dog else "a real handwritten 9"
    return (f"Bar chart: the probability each of the two digit networks gives each digit from 0 to 9 for {shown}, "
            f"with the 'I don't know' threshold as a dashed line at {threshold:.0%}.")


def threshold_line(threshold: float) -> tuple[str, str]:
    return f"“I don't know” below {threshold:.0%}", f"“I don't know” below {threshold:.0%}"


def dog_verdict(name: str, digit: int, sure: float, threshold: float) -> str:
    """What one digit network answers for the dog, and what the 'I don't know' rule makes of it."""
    verdict = f"still “{digit}”" if sure >= threshold else "“I don't know”"
    return f"{name}: answers **{digit}** ({sure:.0%} sure); with your rule: {verdict}"


def kids_verdict(name: str, digit: int, sure: float, threshold: float) -> str:
    return f"{name}: **{digit if sure >= threshold else 'I don’t know'}** ({sure:.0%} sure)"


def dog_result(threshold: float, verdicts: list[str], dog: bool = True) -> str:
    shown = "" if dog else "Shown a real 9 instead of the dog. "
    return f"{shown}With 'I don't know' below {threshold:.0%}: " + "; ".join(verdicts)


def dog_try(dog: bool) -> tuple[str, str]:
    """The line under the playground: what to try next."""
    if dog:
        return ("Drag the slider: at what sureness do both networks say “I don't know”? Then switch the dog off.",
                "Move the slider until both say “I don't know”.")
    return ("A real 9, read correctly – and no more surely than the dog. Where would you put the slider now?",
            "A real 9! Can the robots still answer?")


def polarity_caption(swapped: bool) -> tuple[str, str]:
    return (("The first 8 test digits, black on white (swapped)", None) if swapped else
            ("The first 8 test digits, white on black (as trained)", None))


TESTING_DIGITS = "Testing both digit networks on 200 test digits…"


def polarity_alt(swapped: bool) -> str:
    return "Eight handwritten digits, " + ("black on white" if swapped else "white on black")


AS_TRAINED = ("White on black (as trained)", "As learned")
SWAPPED = ("Black on white (swapped)", "Swapped")
POLARITY_TITLE = ("Accuracy on 200 test digits", "Numbers the robots get right")


def polarity_alt(swapped: bool) -> str:
    """The accuracy chart in one sentence, for a screen reader."""
    return ("Bar chart: the share of 200 test digits each digit network reads right, white on black as trained"
            + (" and with black and white swapped." if swapped else "."))


def polarity_result(accuracy: dict) -> str:
    """``accuracy``: network name → (share right as trained, share right swapped)."""
    return "; ".join(f"{name}: {normal:.0%} right on white-on-black digits, {swapped:.0%} on black-on-white ones"
                     for name, (normal, swapped) in accuracy.items())


def polarity_try(swapped: bool) -> tuple[str, str]:
    return (("Both networks were right this often. Now swap black and white: will they still be?",
             "Swap and see!") if not swapped else
            ("Which network still reads them – and what was different about how it was trained?",
             "Why does one robot still read them?"))


def iris_waiting(ahead: int) -> str:
    return f"Waiting for another training to finish ({ahead} ahead of you)…"


IRIS_STARTING = "Training the iris network…"


def iris_training(epoch: int, epochs: int) -> str:
    return f"Training the iris network: epoch {epoch} of {epochs}"


def iris_result(species: list[str], left_out: str, keep: float, balanced: list, reduced: list) -> str:
    """How each species' test accuracy moved when only ``keep`` of ``left_out``'s training flowers were kept."""
    return (f"Keeping only {keep:.0%} of the {left_out} training flowers: "
            + ", ".join(f"{name} {all_:.0%} → {few:.0%}" for name, all_, few in zip(species, balanced, reduced))
            + " right")


GROUPING = "Grouping the garden finds…"


def garden_table(stranger: str, measures: dict, ranges: dict) -> dict:
    """The garden demo's table: each measurement of the stranger beside the smallest and largest in its group
    (``measures`` and ``ranges`` keyed by :data:`lib.ethics.demos.FEATURES`, named by ``FEATURE_NAMES``)."""
    from lib.ethics.demos import FEATURE_NAMES

    return {"measurement": [FEATURE_NAMES[f] for f in measures], stranger: list(measures.values()),
            "smallest in the group": [ranges[f][0] for f in measures],
            "largest in the group": [ranges[f][1] for f in measures]}


def garden_grouped(stranger: str, group: int, size: int, kind: str) -> str:
    """Where k-means put the stranger; ``group`` counts from 0, the page from 1."""
    return f"k-means puts **{stranger}** in group {group + 1}, with {size} finds that are mostly **{kind}s**."


def garden_outside(measurements: list[str]) -> str:
    return (f"Its {' and '.join(measurements)} lie outside every find in that group – it was put there anyway. "
            "A rule such as 'too far from every group centre: unknown' has to be added by people.")


def garden_result(stranger: str, group: int, kind: str) -> str:
    return f"k-means put {stranger} in group {group + 1}, mostly {kind}s"


IRIS_TITLE = "Test accuracy for each species"
IRIS_ALL = "All training flowers"
SPECIES = "species"  #: the iris chart's x axis


def iris_few(keep: float, left_out: str) -> str:
    return f"Only {keep:.0%} of {left_out}"


def iris_alt(keep: float, left_out: str) -> str:
    """The iris chart in one sentence, for a screen reader."""
    return (f"Bar chart: test accuracy for each iris species, for the network trained on all training flowers "
            f"and for the one trained with only {keep:.0%} of the {left_out} flowers.")


IRIS_TRY = ("Choose a species and how much of it to keep, then train.", "Choose a kind, then train.")
GARDEN_TRY = ("Choose a stranger, then give it to the robot.", "Guess first!")


# --- kid mode's detective questions --------------------------------------------------------------------------

#: The answers' words in kid mode (the stored answers are :data:`lib.ethics.ANSWER_CHOICES`).
KIDS_ANSWERS = {"yes": "yes", "no": "no", "not applicable": "skip", "not sure": "unsure"}


def kids_progress(settled: int, total: int) -> str:
    return f"{settled} of {total} answered"


# --- saving and loading the answers ----------------------------------------------------------------------

SAVE_HEADING = "Name your project, save it or continue later"

DOWNLOAD_HELP = ("Load this file here later to carry on where you left off. (For a record to read or print, use "
                 "“Download my results” at the end of the page.)")
IMPORT_HELP = "Replaces the answers above with those in the file. A file this page cannot read changes nothing."
KEPT = "Your answers were kept as they were."


def loaded(count: int, project: str) -> str:
    named = f"the project {code_span(project)}" if project.strip() else "an unnamed project"
    return f"Loaded {count} answers for {named}."


SOURCES_NOTE = ("The checklist follows the shape of deon (five stages of a project) in our own words, with "
                "examples from the workshop.")


# --- the worked example: a model card, filled in -----------------------------------------------------------

CARD_STEP = ("A model card, filled in: what should you know before trusting the app's digit network?",
             "The number robot's report card: what should you know before you trust it?")
CARD_INTRO = (
    "A **model card** answers several of the checklist's questions for one model, in one place, where its users "
    "will see them. Here is the card of the app's own digit network, filled in from its test results: the same "
    "numbers the Handwritten digits page shows. Read it as a user would, then compare the two networks.",
    "A **report card** tells you what a robot learned, how well it does, what fools it and what not to use it "
    "for. Here is the number robot's.")
CARD_NETWORK = ("The network trained with inverted copies", "The robot that has seen both colours")
CARD_NETWORK_HELP = "Off: the plain network, trained on white-on-black digits only. On: trained on both."
CARD_DOG = ("Its dog is the course's own 28×28 dog picture, read as the Handwritten digits page reads it; the "
            "playground at the top prepares the dog photo like a drawing first, so its numbers differ. Its lesson "
            "does not: the network names a digit.")
#: Which checklist questions each part of the card answers: (the card's part, plain and kid; checklist item ids).
CARD_ANSWERS = (
    (("What it learned from and never saw", "What it learned from and never saw"),
     ("collect-who", "collect-appropriate")),
    (("Accuracy for each digit, not only overall", "Its score for each number"), ("model-groups",)),
    (("What it gets wrong and what not to use it for", "What fools it and what not to use it for"),
     ("model-limits", "model-dont-know")),
    (("When and how it was made", "When it was made"), ("analyse-repeatable",)),
)
CARD_ANSWERS_HEADING = ("Which checklist questions the card answers:", "Which detective questions it answers:")


def card_answers(kids: bool) -> str:
    """The card's parts and the checklist questions each answers, as a Markdown list (the app's own words)."""
    return "\n".join(f"- **{part[kids]}**: " + " ".join((item(i).kid_question if kids else item(i).question)
                                                        for i in ids) for part, ids in CARD_ANSWERS)

