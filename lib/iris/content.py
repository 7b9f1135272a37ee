"""The words of the /iris page: a pair (plain words, kid words) for ``view.say`` where kid mode has its own,
else plain words; the ones that quote a result are functions of it. The page itself is layout only
(``pages/2_iris.py``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lib.iris.model import SPECIES, IrisConfig

MORE = "More settings"
WHY = ("What happened?", "Why?")
ANSWER = ("The answer", "The answer")


def items(config: IrisConfig) -> str:
    """What the page calls the examples of ``config``'s data: "flowers", or "rows" of an own table."""
    return "flowers" if config.data is None else "rows"


def untrained(accuracy: float, test_flowers: int, from_link: bool, items: str = "flowers") -> tuple[str, str]:
    """The playground's line before training: the random network's ``accuracy`` on the ``test_flowers``
    (``items``: what they are, :func:`items`)."""
    return (f"Untrained (random weights): **{accuracy:.0%}** of the {test_flowers} test {items} right. "
            + press_train(from_link),
            f"The robot's brain is random now: **{accuracy:.0%}** of the secret {items} right. Press **Train the "
            "network** and watch it learn!")


def trained(accuracy: float, test_flowers: int, epochs: int, items: str = "flowers") -> tuple[str, str]:
    """The playground's line once trained: the test ``accuracy`` on the ``test_flowers`` after ``epochs``
    (``items``: what they are, :func:`items`)."""
    return (f"After {epochs} epochs: **{accuracy:.1%}** of the {test_flowers} test {items} right. Could a smaller "
            "network do as well? Change the design and train again.",
            f"Now **{accuracy:.0%}** of the secret {items} right. Could a smaller brain do it too? Try fewer "
            "neurons and train again!")


#: Each step is a question in its label (a step is drawn only while open): (plain, kid words).
STEP_DATA = ("1 · Meet the data: which measurement tells the three species apart best?",
             "1 · Meet the flowers: can you see three groups?")
DATA_QUESTION = ("**Which of the four measurements tells the three species apart best? Look before you open the "
                 "answer.**",
                 "**Look at the dots on the map above: can you see three groups of flowers?**")
DATA = (
    "Someone measured 150 iris flowers with a ruler: the length and width of the **sepals** (the green leaves "
    "under the flower) and of the **petals**, in cm. These four numbers are the **features**, what the network "
    "sees. Each flower also has its species, the answer we want: the **label**. A network only does maths, "
    "so each species name is swapped for a number: **0 = setosa, 1 = versicolor, 2 = virginica**.",
    "The garden robot has a ruler. For 150 iris flowers someone measured four things: how long and wide the "
    "**petals** are, and the **sepals** (the green leaves under the flower). The robot must guess which of three "
    "kinds each flower is: **setosa**, **versicolor** or **virginica**. Its brain is little **neurons** in "
    "layers: the 4 measurements go in on the left, 3 scores come out on the right, one per kind.")
DATA_CAPTION = ("Setosa (blue circles) stands apart in every picture; versicolor (orange squares) and virginica "
                "(green diamonds) overlap in each one, least on the petal measurements (the playground's map). "
                "The network has to combine all four measurements.")

STEP_SPLIT = ("2 · Split: why keep some flowers away from the network?", "2 · Secret test flowers: why?")
SPLIT_QUESTION = ("**Why keep some flowers away from the network while it learns? Guess, then open the answer.**",
                  "**Why does the robot never see some of the flowers while it learns?**")

SPLIT = (
    "We hide some flowers from the network while it learns (the **test set**) and use them only to mark it at "
    "the end, like an exam with questions the student has never seen. Training on them would be marking "
    "homework the student copied: a perfect score that tells us nothing.",
    "Some flowers are kept secret from the robot while it learns. At the end it is tested on them, like a quiz "
    "with questions it has never seen: that is the only fair way to know if it really learned.")

STEP_DESIGN = "3 · Design the network: how many numbers must training find?"
DESIGN_QUESTION = ("**Every line in the drawing is a weight, and every neuron past the inputs has one more number, "
                   "its bias. How many numbers must training find? Guess, then change the design and watch.**")
DESIGN = ("The course's network is preselected: 4 inputs → 10 neurons → 10 neurons → 3 outputs, one per species. "
          "Each neuron has one weight per input plus one bias. **Softmax** on the outputs turns them into "
          "probabilities that add up to 100%.")


def split_caption(training: int, test: int) -> str:
    return f"{training} flowers to learn from, {test} to test on."


def diagram_caption(layer_sizes: Sequence[int], most_drawn: int) -> str:
    """Under the network diagram; says so when a layer is wider than the ``most_drawn`` neurons it shows."""
    return ("Vermillion lines are positive weights, dashed purple ones negative; thicker means stronger, and "
            "hovering (or tapping) the middle of a line shows its weight. Before training the weights are random "
            "(Keras draws its own random start when you train)."
            + (f" Layers wider than {most_drawn} neurons show their first {most_drawn}."
               if max(layer_sizes) > most_drawn else ""))


STEP_TRAIN = "4 · Train: what does training change?"
#: What the charts show, for screen readers (``alt``).
def diagram_alt(config: IrisConfig) -> str:
    """The network diagram's alt text, naming what goes in and comes out of ``config``'s network."""
    ends = ("the four measurements on the left, the three species on the right" if config.data is None else
            f"the table's {len(config.features)} input columns on the left, its {len(config.classes)} classes on "
            "the right")
    return (f"The network as dots and lines: {ends}, each line a weight (vermillion positive, dashed purple "
            "negative, thicker for stronger).")


def map_alt(config: IrisConfig) -> str:
    """The decision map's alt text, for the irises or an own table."""
    if config.data is None:
        return ("Which species the network picks for every pair of values of two measurements, shaded in the "
                "species' colours, with the 150 measured flowers on top.")
    return ("Which class the network picks for every pair of values of two of the table's columns, shaded in the "
            f"classes' colours, with the table's {len(config.data.y)} rows on top.")
PROBABILITY_ALT = "The network's probability for each species as bars, with the “sure enough” threshold as a line."
CONFUSION_ALT = ("A grid counting the test flowers by their true species (rows) and the species the network said "
                 "(columns); the diagonal holds the right answers.")
BASELINES_ALT = "Test accuracy of your network and of three simpler methods, as bars."
def curves_alt(items: str) -> str:
    """The training curves' alt text; ``items``: "flowers" or "rows" (:func:`items`)."""
    return (f"Loss and accuracy after each epoch, for the training {items} (solid black) and the test {items} "
            "(dashed purple).")

TRAIN_QUESTION = ("**What does training change? Press Train and watch the lines, the map and the curves in the "
                  "playground grow epoch by epoch.**")
TRAIN = (
    "Training shows the network the training flowers batch by batch and nudges every weight to make the "
    "**loss** (a measure of how wrong it is: sparse categorical cross-entropy) smaller, using the **Adam** "
    "optimiser. After each epoch it is tested on the hidden test flowers.",
    "Training means showing the robot the flowers again and again. Each time it gets one wrong, it changes its "
    "brain a tiny bit to be less wrong next time.")


def press_train(from_link: bool) -> str:
    """What to do before the first training; ``from_link``: the design came from a link someone sent."""
    return ("Press **Train the network** and watch the lines and the map change."
            + (" The link you opened set up this design; training is seeded, so you will get exactly the same "
               "run as the person who sent it." if from_link else ""))


def waiting(ahead: int) -> str:
    """While ``ahead`` other training runs go first."""
    return (f"Waiting for {ahead} other training run{'s' if ahead > 1 else ''} on this server to "
            "finish; yours starts right after.")


def epoch_line(epoch: int, epochs: int, test_accuracy: float) -> str:
    """The progress bar's text after ``epoch`` of ``epochs``."""
    return f"Epoch {epoch} of {epochs}: test accuracy {test_accuracy:.1%}"


REPLAYING = ("This design was already trained on this server; replaying its training.",
             "Someone here already taught this robot brain; watch how it learned.")
REPLAYED = ("This design was already trained on this server, so you watched a replay of that run. The same "
            "design and seed give the same network.",
            "That was a replay: this robot brain was already taught here. The same settings always give the "
            "same brain.")
def curves_caption(items: str) -> str:
    """What to read in the training curves; ``items``: "flowers" or "rows" (:func:`items`)."""
    return (f"Solid: training {items}; dashed: test {items}. Both should improve together. If training keeps "
            "improving while test gets worse, the network is memorising (overfitting).")

STEP_JUDGE = ("5 · Judge it: how does it do on flowers it never saw?",
              "3 · Test the robot: how many does it get right?")
JUDGE_QUESTION = ("**Its score on the flowers it learned from is not the point. How does it do on the test flowers "
                  "it never saw, and on the course's three example flowers?**",
                  "**How many secret flowers does the robot get right? And the three flowers below?**")
STEP_CARD = ("6 · What is it good for, and what not? Its model card",
             "4 · What is the robot good for? Its report card")
CARD_QUESTION = ("**Before anyone relies on your network: what did it learn from, where does it go wrong, and what "
                 "should it never be used for? Guess, then read its model card: it says all of that in one place.**",
                 "**What did the robot learn, what fools it, and what should it never be used for?**")
CARD_NOTE = ("The card is filled in from your run: change the design, train again and it changes. *Download my "
             "results* carries it too.", "*Download my results* carries it too.")

EXAMPLES = ("The course's three example flowers. The expected species is only printed next to the answer: "
            "the network never sees it.")

STEP_MEASURE = ("7 · Measure a flower: where does the network stop being sure?",
                "5 · Measure a flower: which kind does the robot say?")
MEASURE = ("**Move the sliders as if you had measured a flower yourself (from the course's first example flower). "
           "Where does the network stop being sure?**",
           "**Move the sliders as if you had measured a flower with a ruler. Which kind does the robot say?**")


def verdict(probabilities: np.ndarray, answer: int | None, threshold: int) -> str:
    """The network's answer for the learner's flower: species ``answer`` (an index), or None when no species
    reaches ``threshold`` percent."""
    if answer is None:
        return (f"I don't know: no species reaches {threshold}%. The best guess would be "
                f"{SPECIES[int(probabilities.argmax())]} at {probabilities.max():.1%}.")
    return f"This looks like **{SPECIES[answer]}** ({probabilities[answer]:.1%} sure)."


STEP_MAP = "8 · See what it learned: where does it put each species?"
MAP = ("The background shows which species the network would pick for every pair of values on two "
       "measurements, with the other two held at your flower's values.")

STEP_BASELINES = "9 · Maybe you don't need a neural network: would a simpler method do?"
BASELINES = ("Three classic methods from scikit-learn, trained in milliseconds on the same training flowers and "
             "tested on the same test flowers. Sometimes the best solution is not a complex model.")


STEP_OVERFIT = "10 · Overfitting: what if a big network learns from nine flowers?"


def overfit_intro(config: IrisConfig) -> str:
    """What the overfitting demo's ``config`` does."""
    return (f"A tiny training set ({config.train_size} flowers), a big network "
            f"({' → '.join(map(str, config.layer_sizes))}) and {config.epochs} epochs. Watch the training "
            "curves race to perfect while the test curves stall, and the test loss climb: the network memorises "
            "its nine flowers instead of learning what makes a species.")


def overfit_caption(history: dict[str, list[float]], test_accuracy: float) -> str:
    """Under the overfitting demo's curves: how far training and test parted."""
    return (f"Training accuracy {history['accuracy'][-1]:.0%}, test accuracy {test_accuracy:.0%}; "
            f"test loss went from {min(history['test_loss']):.2f} at best to {history['test_loss'][-1]:.2f}. "
            "Irises are easy, so even this network scores well on test; on harder data the gap is far larger.")


# The own-data path (issue #18): a learner's own table instead of the irises. Grown-ups only (kid mode keeps the
# flowers), so plain words.
SOURCES = {"iris": "Iris flowers", "own": "My own table"}
SOURCE_HELP = ("Train the same network on the 150 iris flowers, or on a table of your own: number columns to learn "
               "from and one column of labels.")
OWN_NOT_READY = "Still the iris flowers: load your table in step 0 below, and the network trains on it."
STEP_OWN = "0 · Your own table: what should the network learn to tell apart?"
HOW = {"file": "Upload a file", "typed": "Type it here"}


def own_rules(max_rows: int, max_inputs: int, max_classes: int, per_class: int) -> str:
    """What a table must look like, with the limits."""
    return (f"One row per thing measured, with a header row. At least two columns of numbers (the inputs, at most "
            f"{max_inputs}) and one column of labels: 2 to {max_classes} classes, each on at least {per_class} rows, "
            f"and at most {max_rows:,} rows. CSV or TSV, from any spreadsheet; decimal commas (12,5) are fine. "
            "Your table stays on this server and is not in the page's link; the notebook you download carries it.")


NO_TABLE = "Upload a table, or download the sample table (penguins) and upload that."
EDITOR_HELP = "Type or paste your measurements; add rows at the bottom. It starts with 15 of the sample penguins."


def own_ready(summary: str, dropped: int) -> str:
    """The line under a usable table: its ``summary`` (Markdown, names in code spans) and rows left out."""
    left_out = f" {dropped} row(s) with a gap were left out." if dropped else ""
    return f"Training on your table: {summary}.{left_out} Press **Train the network** above."


STEP_OWN_DATA = "1 · Meet the data: which of your columns might tell the classes apart?"
OWN_DATA = ("The network has one input per column you chose and one output per class; its design, the split "
            "and the training are the iris network's.")
OWN_NO_EXAMPLES = "The course's example flowers and *Measure a flower* are about irises: they are not shown for your table."
OWN_DIAGRAM_TITLE = "Your network: your columns in, your classes out"
