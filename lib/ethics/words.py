"""The /ethics page's own sentences, each as a pair (plain words, kid words) for ``view.say`` where kid mode
words it differently; those that quote a result are functions of it. The checklist, principles and sources
themselves are in :mod:`lib.ethics.content`; this module holds what the page says around them: its
introduction, the help of its widgets that are not lesson settings, the live demos' results and the save
panel's messages. Plain Python, no Streamlit."""

from __future__ import annotations

from lib.ethics.checklist import answer_words
from lib.ethics.content import Item, Section
from lib.handout import code_span

INTRO = (
    "A model always gives an answer. Whether to **trust** it is a question about people and data, not code. "
    "Read the principles, then work through the checklist for a project of yours – or for one of the models "
    "on the other pages – and watch four of the problems happen live below.",
    "A robot always gives an answer – even when it should say “I don't know”. Be a detective: ask the "
    "questions below about a robot, then watch this app's own robots get things wrong.")


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


# --- the live demos --------------------------------------------------------------------------------------

DEMOS_INTRO = ("Four checklist questions, answered by the models of this app's other pages. Each demo loads "
               "its model only when you switch it on.",
               "Four robots from this app, getting things wrong. Switch one on to watch.")


def loads(page: str) -> str:
    return f"Loads the {page} page's model."


def not_available(page: str) -> str:
    return f"This demo needs the {page} page's model, which is not available yet."


DOG_CAPTION = "The course's dog photo (Emily Mathews, CC BY 2.0)"
DOG_SEEN = "What the networks see: 28 × 28 grey squares, prepared like a drawn digit"


def dog_verdict(name: str, digit: int, sure: float, threshold: float) -> str:
    """What one digit network answers for the dog, and what the 'I don't know' rule makes of it."""
    verdict = f"still “{digit}”" if sure >= threshold else "“I don't know”"
    return f"{name}: answers **{digit}** ({sure:.0%} sure); with your rule: {verdict}"


def dog_result(threshold: float, verdicts: list[str]) -> str:
    return f"With 'I don't know' below {threshold:.0%}: " + "; ".join(verdicts)


POLARITY_CATEGORIES = ["White on black<br>(as trained)", "Black on white<br>(swapped)"]


def polarity_result(accuracy: dict) -> str:
    """``accuracy``: network name → (share right as trained, share right swapped)."""
    return "; ".join(f"{name}: {normal:.0%} right on white-on-black digits, {swapped:.0%} on black-on-white ones"
                     for name, (normal, swapped) in accuracy.items())


def iris_waiting(ahead: int) -> str:
    return f"Waiting for another training to finish ({ahead} ahead of you)…"


def iris_training(epoch: int, epochs: int) -> str:
    return f"Training the iris network: epoch {epoch} of {epochs}"


def iris_result(species: list[str], left_out: str, keep: float, balanced: list, reduced: list) -> str:
    """How each species' test accuracy moved when only ``keep`` of ``left_out``'s training flowers were kept."""
    return (f"Keeping only {keep:.0%} of the {left_out} training flowers: "
            + ", ".join(f"{name} {all_:.0%} → {few:.0%}" for name, all_, few in zip(species, balanced, reduced))
            + " right")


def garden_grouped(stranger: str, group: int, size: int, kind: str) -> str:
    """Where k-means put the stranger; ``group`` counts from 0, the page from 1."""
    return f"k-means puts **{stranger}** in group {group + 1}, with {size} finds that are mostly **{kind}s**."


def garden_outside(measurements: list[str]) -> str:
    return (f"Its {' and '.join(measurements)} lie outside every find in that group – it was put there anyway. "
            "A rule such as 'too far from every group centre: unknown' has to be added by people.")


def garden_result(stranger: str, group: int, kind: str) -> str:
    return f"k-means put {stranger} in group {group + 1}, mostly {kind}s"


# --- saving and loading the answers ----------------------------------------------------------------------

DOWNLOAD_HELP = ("Load this file here later to carry on where you left off. (For a record to read or print, use "
                 "“Download my results” at the end of the page.)")
IMPORT_HELP = "Replaces the answers above with those in the file. A file this page cannot read changes nothing."
KEPT = "Your answers were kept as they were."


def loaded(count: int, project: str) -> str:
    named = f"the project {code_span(project)}" if project.strip() else "an unnamed project"
    return f"Loaded {count} answers for {named}."


SOURCES_NOTE = ("The checklist follows the shape of deon (five stages of a project) in our own words, with "
                "examples from the workshop.")
