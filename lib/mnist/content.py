"""The words of the /mnist page, each as a pair (plain words, kid words) for ``view.say`` or as plain words
where kid mode never shows them; the ones that quote a result are functions of it. The page itself is layout
only (``pages/3_mnist.py``)."""

from __future__ import annotations

TRY = (
    "Draw a 7, then switch to **black on white**: does the plain network still read it? Then turn on **Train "
    "with inverted copies**.",
    "Draw a number, then switch to **black on white**. Can the robot still read it? Now switch on **The robot "
    "has seen both colours**.")
OTHER_PICTURE = ("Another picture", "Another picture")
UNDO = ("Undo", "Undo")
CLEAR = ("Clear", "Wipe it clean")
CANVAS = ("Fill most of the square with it.", "Make it big!")

#: Each step below the playground: its question, shown as the label of the step a learner opens.
STEPS = {
    "course": ("1 · The course's ten images: how many will the plain network read?",
               "1 · How many of these will the robot get right?"),
    "unsure": ("2 · When should it say 'I don't know'?", "2 · When should the robot say 'I don't know'?"),
    "card": ("3 · What is this network good for, and what not? Its model card",
             "3 · What is the robot good for? Its report card"),
    "inside": ("4 · Look inside: what does each filter look for?", "4 · Look inside the robot"),
    "mistakes": ("5 · Which digits does it mix up on the test set?", "5 · Which numbers does it mix up?"),
    "train": ("6 · Train it yourself: can you make it read more?", "6 · Train your own robot"),
}

COURSE_ASK = (
    "**The course showed its network nine digits, mostly dark on light, and a dog. How many will the plain "
    "network get right?** Guess, then look; then turn on **Train with inverted copies** at the top.",
    "**How many will the robot get right?** Guess, then look.")
COURSE = (
    "Nine photos and scans of digits, and a dog. Each row shows how sure the network is of each digit (in %); "
    "the highlighted cell is its answer: **green if right, red-orange if wrong** (also spelled out in the "
    "first columns). The dog has no right answer (blue).",
    "Nine numbers and a dog. The coloured box is the robot's answer: **green = right, red-orange = wrong**.")
SIDE_BY_SIDE = "Side by side: the answer of each network on the same ten images, with how sure it is."
PLAIN_HELP = "Trained on white-on-black digits only."
INVERTED_HELP = "Trained on the originals plus black-on-white copies."
DOOR_NINE = (
    "The course saw the same pattern: 4 of 9 right without inverted copies, every digit but the door-number 9 "
    "with them. The 9 is a photo of a door plate — a frame, a shadow, a printed shape — and nothing like it "
    "was ever in the training digits, inverted or not.",
    "The door-number 9 still fools it: the robot never saw a door plate while learning.")
WHY = ("What happened?", "What happened?")
WHY_COLOUR = (
    "This network learned to read handwritten digits from 60,000 examples — all of them **white ink on a black "
    "background**. Ask it about a digit written in black on white paper and it still answers, confidently, and "
    "often wrongly. The fix the course uses is **data augmentation**: add a colour-swapped (inverted) copy of "
    "every training digit, so it learns that the colour of the ink does not matter.",
    "This robot learned to read numbers from 60,000 chalkboards: always **white chalk on black**. Show it a "
    "number in pencil on white paper and it gets muddled. The fix: show it every number in both colours.")

UNSURE_ASK = (
    "**Show it the dog (*Another picture* → *A course image*). What does it say?** Then raise the threshold "
    "until it says 'I don't know'.",
    "**Show the robot the dog (under *Another picture*). What does it say?** Then move the slider.")
UNSURE_NOW = ("For your picture now", "Your picture now")
UNSURE_WHY = (
    "The network must pick one of the ten digits, so it always answers, even for a dog. A threshold lets it say "
    "'I don't know' when its best answer is not sure enough: the higher it is, the fewer digits it answers and "
    "the more of those it gets right.",
    "The robot only knows ten numbers, so it always says one of them, even for a dog. The slider lets it say "
    "'I don't know' when it is not sure enough.")

CARD_ASK = (
    "**Before anyone relies on this network: what did it learn from, where does it go wrong, and what should it "
    "never be used for? Guess, then read its model card.** It follows the switch at the top: compare the two.",
    "**What did the robot learn, what fools it, and what should it never be used for?**")
CARD_NOTE = ("Every number here is the page's own: the test digits of the mistakes step, the course's ten images "
             "above. *Download my results* carries the card too.", "*Download my results* carries it too.")
YOUR_CARD = "Your network's model card, filled in from your run:"

TRUTH = ("What is it really? (to check the answer)", "Which number is it really?")
TRUTH_HELP = ("Tell the app the digit in your picture (or that it is not a digit) and it says whether the network "
              "got it right.")
SWAPPED = "The background was light, so black and white were swapped before the network saw it."
SEEN = ("What the network sees: 28×28", "What the robot sees")

INSIDE = ("The course's network, layer by layer. 'Outputs' is how many numbers the layer passes on; 'parameters' is "
          "how many it learned.")
MAPS_OF = "The maps below are of this digit: your latest one (the course's 5 until you try one)."
MAPS = "Where each filter of the two layers fires on that digit: brighter is stronger."

MISTAKES = ("Each row is a true digit and each column the network's answer, counted over the 10,000 test digits: "
            "the cells off the diagonal are its mistakes. Pick a row and a column to see those digits.")

TRAIN = ("Train a fresh copy of the same network here, with your own choice of data and augmentations, then see "
         "how it does on the course images and your digit. One training runs at a time for everyone.")
#: The "Train it yourself" form's controls: name → (label, help).
TRAIN_CONTROLS = {
    "size": ("Training digits", "How many of the 60,000 MNIST digits to learn from."),
    "epochs": ("Epochs", "How many times it sees every digit."),
    "invert": ("Add inverted copies", "Black-on-white copies of every digit (doubles the training set)."),
    "rotation": ("Rotate up to (degrees)", "Tilt each digit a little, as people write at an angle."),
    "noise": ("Speckle noise", "Random grain, like a grainy photo."),
    "blur": ("Blur up to (pixels)", "Soften each digit, like an out-of-focus photo."),
    "brightness": ("Dim the ink by up to", "Fainter ink, like a pencil or a faded print."),
}
REPLAYING = "This network was already trained on this server with these settings; replaying its training."
REPLAYED = ("This network was already trained on this server with these settings, so you watched a replay of its "
            "training.")


def answer(best: int, sure: float, answered: bool) -> str:
    """The heading over the network's answer: the ``best`` digit, ``sure`` its probability, and whether it was
    sure enough to answer (above the threshold)."""
    return f"It's a {best} ({sure:.0%} sure)" if answered else f"I don't know (best guess {best}, only {sure:.0%})"


def other_says(name: str, probabilities) -> str:
    """What the other network (called ``name``) answers, from its ten ``probabilities``."""
    best = int(probabilities.argmax())
    return f"The other network ({name}) says {best} ({probabilities[best]:.0%})."


def verdict(kind: str, truth: int | None, best: int, sure: float) -> tuple[str, str]:
    """What the page says about an answer judged ``kind`` (:func:`lib.mnist.results.judge`) for a picture of
    ``truth`` (None: not a digit), the network's ``best`` guess being ``sure`` (0 to 1)."""
    sure_text, really = f"{sure:.0%}", "not a digit at all" if truth is None else f"a {truth}"
    if kind == "confidently wrong" and truth is None:
        return (f"**Confidently wrong.** It is {sure_text} sure this is a {best}, but it is not a digit at all. "
                "Whatever you show it — a dog, a cat, a shopping list — the network answers with a digit: it can "
                "only choose among the ten classes it was trained on. It has no way to say 'this is not a digit' "
                "unless we build one in, like the threshold above.",
                "**Always a number.** Show the robot a dog and it still says a number: numbers are all it knows. "
                "The 'how sure' slider lets it say 'I don't know' instead.")
    if kind == "confidently wrong":
        return (f"**Confidently wrong.** It is {sure_text} sure this is a {best}, but it is {really}. Sure is not "
                "the same as right: the network only knows how much your picture looks like the digits it trained on.",
                f"**Sure, and wrong.** The robot is {sure_text} sure it is a {best}, but it is {really}.")
    if kind == "wrong":
        return (f"Wrong, but not sure either: only {sure_text} for {best}, and it is {really}.",
                f"Wrong: it is {really}. But the robot was not sure ({sure_text}).")
    if kind == "unsure":
        guess = "right" if best == truth else f"wrong: it is {really}"
        return (f"It would not say. Its best guess, {best}, was {guess}.",
                f"The robot did not say. It is {really}.")
    if truth is None:
        return "Right: it is not a digit, and the network says it does not know.", "Right! It is not a number."
    return f"Right: it is a {truth}.", f"Right! It is a {truth}."


def threshold_trade(threshold: float, answered: float, accuracy: float) -> str:
    """Under the threshold chart: at ``threshold`` the network answers the share ``answered`` of the test
    digits and gets ``accuracy`` of those right."""
    return (f"On the 10,000 MNIST test digits, at {threshold:.0%} the network answers {answered:.1%} of them and gets "
            f"{accuracy:.2%} of those right. Raising the threshold trades answers for accuracy.")


def training_progress(epoch: int, epochs: int, step: int, steps: int) -> str:
    """Over the progress bar while the learner's network trains: where it is in its epochs and batches."""
    return f"Epoch {epoch} of {epochs}: batch {step} of {steps}"


def trained(description: str, normal: float, inverted: float) -> str:
    """The learner's own network, as ``description`` says it was trained, and its test-set accuracy on normal
    and on inverted digits."""
    return (f"Your network ({description}): {normal:.1%} right on the normal test digits, {inverted:.1%} on "
            "inverted ones.")
