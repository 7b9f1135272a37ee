"""The words of the /convolution page, each as a pair (plain words, kid words) for ``view.say`` where kid mode
has its own; the ones that quote a result are functions of it. The page itself is layout only
(``pages/1_convolution.py``)."""

from __future__ import annotations

import numpy as np

PIXELS = (
    "A computer stores a grey picture as one number per pixel (dot): **0 is black, 255 is white**. "
    "A colour picture has three numbers per pixel: how much red, green and blue.",
    "To a computer, a picture is lots of tiny dots, each one a number: **0 is black, 255 is "
    "white**. Pick a picture and zoom in to see its numbers.")

KERNEL = (
    "A **kernel** is a small grid of numbers. Put it on top of the picture, multiply the numbers "
    "that lie on top of each other, and add them up: that sum is the new pixel. Different "
    "numbers, different effects.",
    "A **kernel** is a tiny grid of numbers, like a stamp. Press it on the picture, multiply "
    "and add up the numbers under it, and you get one new dot. Try a few!")

PADDING = (
    "At the picture's border the kernel hangs over the edge, where there are no pixels. "
    "We can pretend there are (**padding**) or only use places where it fits. The **stride** is "
    "how far the kernel moves each step: 2 skips every other pixel and halves the size.",
    "At the edge, the stamp hangs off the picture. We can pretend there are extra dots there "
    "(**padding**). The **stride** is how far the stamp jumps each time.")

READ = ("**What numbers is the picture made of? Find the darkest and the brightest pixel in the window.**",
        "**Zoom in. Which number is the darkest dot? Which is the brightest?**")
MULTIPLY = ("**Before you press *Next pixel*, can you work out the next new number yourself?**",
            "**Can you do the next dot's sum before you press *Next pixel*?**")
EDGES = ("**At the border the kernel hangs over the edge of the picture. What should it use there, and how big will "
         "the new picture be? Guess, then choose.**",
         "**The stamp hangs off the edge. What should go there? Guess, then choose.**")
SIGNS = ("**Sharpen and the edge kernels make numbers below 0 and above 255, but a screen shows only 0 (black) to "
         "255 (white). What should it show instead?**")
SIGNS_WHY = ("Clipping, what most programs do without asking, throws the sign away: every negative number becomes "
             "black, everything above 255 white, so half of an edge detector's edges vanish. The absolute value keeps "
             "both kinds of edge, the rescaled view keeps everything but makes brightness relative, and the signed "
             "view shows the signs themselves.")
WHY = ("What happened?", "Why?")
#: Each step's label, a question (plain, kid words); the steps open below the playground (lib.ui.unfolded).
HEADINGS = {"numbers": ("1 · Read the numbers: what is a picture made of?", "1 · What is a picture made of?"),
            "sum": ("2 · Multiply and add: can you work out the next pixel?",
                    "2 · Do the sum: what is the next dot?"),
            "edges": ("3 · Edges and steps: what happens at the border, and how big is the new picture?",
                      "3 · At the edge: what goes past it?"),
            "signs": "4 · Numbers below 0 and above 255: what should the screen show?",
            "cnn": "5 · From kernels to CNNs: who chooses the numbers?"}

TOO_BIG = ("The kernel is bigger than the picture, so without padding it fits nowhere. Choose zero or "
           "edge padding, or a bigger picture.")

CNN = ("The kernels above were designed by people. A **convolutional neural network (CNN)** treats each "
       "number in its kernels as a weight and learns them from examples, exactly as it learns every "
       "other weight: by nudging them to make fewer mistakes. So it ends up with the kernels that help "
       "its own task most, including ones nobody would have thought to design.")

LEARNED_MISSING = ("The learned kernels are not available yet: the digits page's model has not been trained and "
                   "saved. Once it is, they appear here.")

CURIOUS = ("A note for the curious: mathematicians' *convolution* flips the kernel upside down and left to right "
           "before sliding it. CNN libraries such as Keras and PyTorch, and the course, do not flip it; strictly "
           "that is called *cross-correlation*. For symmetric kernels (sharpen, blurs, outline) it makes no "
           "difference; for Sobel and emboss, flipping swaps the sign.")


def picture_caption(name: str, width: int, height: int, colour: bool) -> str:
    """The caption under the chosen picture ``name``."""
    return (f"{name}: {width} × {height} pixels, "
            f"{'colour (3 numbers per pixel)' if colour else 'grey (1 number per pixel)'}")


def learned_caption(count: int) -> str:
    """The caption of the mosaic of the digit CNN's ``count`` first-layer kernels."""
    return (f"The {count} 5×5 kernels of the digit CNN's first layer, blue negative, white 0, "
            "vermillion positive. Many look like edge detectors for different directions.")


def output_size(size: tuple[int, int], kernel: tuple[int, int], pad: int, stride: int,
                out: tuple[int, int]) -> tuple[str, str]:
    """The output's size worked out by the formula (plain) or just said (kids); every size is (width, height)."""
    (width, height), (f_cols, f_rows), (out_cols, out_rows) = size, kernel, out
    return ("Output size = (W − F + 2P) / S + 1, with W the picture's width, F the kernel's width, P the padding "
            f"and S the stride (rounded down):\n\n- width: ({width} − {f_cols} + 2×{pad}) / {stride} + 1 = "
            f"**{out_cols}**\n- height: ({height} − {f_rows} + 2×{pad}) / {stride} + 1 = **{out_rows}**",
            f"New picture: **{out_cols} × {out_rows}** dots (old: {width} × {height}).")


def number(value: float) -> str:
    """A number for an equation: 4 significant digits, a real minus sign, negatives in brackets."""
    text = f"{float(value) + 0.0:.4g}"
    return f"(−{text[1:]})" if text.startswith("-") else text


def _terms(patch: np.ndarray, kernel: np.ndarray) -> str:
    return " + ".join(f"{number(p)}×{number(k)}" for p, k in zip(np.ravel(patch), np.ravel(kernel)))


def products_sum(name: str, patch: np.ndarray, kernel: np.ndarray, total: float) -> str:
    """One output pixel's sum written out, pixel × kernel cell by cell: ``name: 105×0 + … = **89**``."""
    return f"{name}: {_terms(patch, kernel)} = **{total:.4g}**"


def _sums(patch: np.ndarray, weights: dict[str, np.ndarray], totals: dict[str, float], result: float) -> str:
    if len(weights) > 1:  # Sobel magnitude
        (first, a), (second, b) = totals.items()
        return (f"{first} sum **{a:.4g}**, {second} sum **{b:.4g}**: edge strength "
                f"√({number(a)}² + {number(b)}²) = **{result:.4g}**")
    kernel = next(iter(weights.values()))
    if kernel.size > 9:
        return f"Multiply the {kernel.size} pairs and add them up: **{result:.4g}**"
    return f"{_terms(patch, kernel)} = **{result:.4g}**"


def live_sum(patch: np.ndarray, weights: dict[str, np.ndarray], totals: dict[str, float], result: float) -> str:
    """The playground's sum in plain text (the arithmetic picture's description)."""
    return "The neighbourhood times the kernel: " + _sums(patch, weights, totals, result).replace("**", "")


def live_result(patch: np.ndarray, weights: dict[str, np.ndarray], totals: dict[str, float], result: float,
                where: tuple[int, int], old: float) -> tuple[str, str]:
    """The playground's answer: the sum that makes the new pixel at ``where`` (row, column) from ``old``."""
    row, col = where
    return (f"{_sums(patch, weights, totals, result)}: the new pixel at row {row}, column {col} (it was "
            f"{old:.4g}).", f"The new dot is **{result:.4g}** (it was {old:.4g}).")


#: What the pixel picker is for, after its picture's description (its alt text), plain and in kid words.
PICKER_HOW = ("Move over it to work out the kernel's sum at any pixel; click or tap to choose that pixel.",
              "Move over it to try the stamp anywhere; tap or click to pick a dot.")

#: The pixel picker's words (lib/ui/pixel_picker/main.js), plain and in kid words; {row} and {col} are filled in.
_PICKER_WORDS = {
    "group": ("The picture and the picture after the kernel, with the sum at the pixel under the pointer",
              "The picture and the new picture, with the sum under your finger or mouse"),
    "hint": ("Move over a picture to work out any pixel; click or tap to choose it.",
             "Move over the picture to try the stamp anywhere; tap to pick a dot."),
    "locked": ("Move over a picture to work out any pixel (this lesson keeps the chosen one).",
               "Move over the picture to try the stamp anywhere."),
    "exploring": ("Under the pointer: row {row}, column {col}", "Trying row {row}, column {col}"),
    "chosen": ("Chosen pixel: row {row}, column {col}", "Your dot: row {row}, column {col}"),
    "neighbourhood": ("Neighbourhood", "Dots under the stamp"),
    "kernel": ("Kernel", "Stamp"),
    "products": ("Each pixel × kernel", "Dot × stamp"),
    "sum": ("The sum of the products", "All added up"),
    "result": ("New pixel:", "New dot:"),
    "shown": ("shown as", "shown as"),
    "was": ("it was", "it was"),
    "failed": ("The picture could not be loaded here; the sliders still choose the pixel.",
               "The picture did not load; use the sliders to pick a dot."),
}


def picker_words(kids: bool) -> dict[str, str]:
    """The pixel picker's words in kid words (``kids``) or plain ones."""
    return {name: pair[1 if kids else 0] for name, pair in _PICKER_WORDS.items()}


TRY = ("Move the pixel and watch the sum. Then try another kernel: which one finds edges?",
       "Move the dot. Which kernel draws outlines?")


def out_of_range(below: float, above: float, low: float, high: float) -> str:
    """How much of the output a screen cannot show as it is: shares below 0 and above 255, and the extremes."""
    return (f"In this output {below:.0%} of the numbers are below 0 and {above:.0%} above 255 "
            f"(lowest {low:.4g}, highest {high:.4g}).")
