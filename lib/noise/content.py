"""The words of the /noise page, each as a pair (plain words, kid words) for ``view.say``; the ones that
quote a result are functions of it. The page itself is layout only (``pages/4_noise.py``)."""

from __future__ import annotations

GRID_SCALE = (" Pixels are shown from black (0) to white (1); noise pushing beyond is drawn as pure black or white, "
              "but the sums below use the real numbers.", "")

CHANGE_SECRET = "Change the secret or the random noise"

NO_NOISE = ("With no noise every copy is already perfect: there is nothing to average away. "
            "Turn the strength up to play.")


def result(k: int, left: float, one: float) -> tuple[str, str]:
    """The playground's answer: ``left`` noise remains after combining ``k`` copies (``one`` for one copy)."""
    if k == 1:
        return (f"Noise left after combining 1 (one copy: {one:.2f}). Slide *How many copies to combine*: "
                "when can you read the secret?",
                f"Scribbles left: **{one:.2f}**. Slide *How many copies to add*: when can you read it?")
    return (f"Noise left: **{left:.2f}** after combining {k} (one copy: {one:.2f}).",
            f"Scribbles left: **{left:.2f}** after adding {k} copies (one copy: {one:.2f}).")


LOOK = ("**Every copy is garbled differently. Can you read the secret in any single one?**",
        "**Can you read the secret in any one copy?**")
SUBTRACT = ("**Would taking one copy away from another clean it up? Guess, then look.**",
            "**What if you take one copy away from another? Guess first!**")
ADD = ("**Combining copies works. But why, and why divide by the number of copies (the mean) rather than just "
       "add them up (the sum)?**",
       "**Why does adding copies work?**")
MEASURE = "**How fast does the noise shrink as you combine more copies? Guess: half the noise takes how many?**"
WHY = ("What happened?", "Why?")
#: The steps under the playground, each drawn only while open and asking its question in its label.
STEP_LOOK = ("1 · Look at the copies: can you read the secret in any one?", "1 · Can you read any one copy?")
STEP_SUBTRACT = ("2 · Would subtracting one copy from another clean it?", "2 · Does taking copies away help?")
STEP_ADD = ("3 · Why does adding copies work?", "3 · Why does adding copies work?")
STEP_SCIENCE = "Where do scientists use this?"


def subtracted(one: float, both: float) -> tuple[str, str]:
    """Why the difference of two copies hides the secret; ``one``, ``both``: the error of a copy and of it."""
    return (f"The secret is gone, and so is any hope: the difference is further from the secret "
            f"(error {both:.2f}) than a single copy ({one:.2f}). **Why?** Both copies carry the *same* secret, "
            "so subtracting cancels it. Their noise is *different*, and random ups and downs do not cancel: "
            "sometimes they add up. For Gaussian or uniform noise the difference is about √2 ≈ 1.4 times "
            "noisier than one copy.",
            "Oh no, the secret is gone! Both copies have the *same* secret, so taking one away from the other "
            "rubs it out. But the scribbles are *different*, so they stay.")


def added(high: float) -> tuple[str, str]:
    """Why combining copies works, and the sum (whose numbers reach ``high``) against the mean."""
    return ("The noise goes up as often as down, so adding many copies makes it cancel out, while the secret, "
            "the same every time, keeps adding up. The **sum** gets brighter and brighter with every copy (its "
            f"numbers reach {high:.0f}), too bright for a screen. The **mean** divides by the number of copies, so "
            "it stays on the picture's own scale, 0 (black) to 1 (white), and can be compared with the secret "
            "directly.",
            "The random dots go up as often as down, so they cancel out, while the secret is the same every time "
            "and adds up.")


CHART_TITLE = "Remaining noise as copies are averaged"
CHART_ALT = "Log-log chart: the measured remaining noise falls along the 1/√N line."
ONE_LINE = "**In one line:** every time you collect 4 times as many copies, the leftover noise halves."
FOR_RESEARCHERS = (
    "**For researchers:** for independent zero-mean noise of standard deviation σ, the mean of N "
    "copies has noise σ/√N, the standard error of the mean: a straight line of slope −½ on log–log "
    "axes, and a signal-to-noise ratio growing as √N. Clipping makes the noise lopsided near black "
    "and white, so it no longer averages to zero and the curve levels off; salt-and-pepper noise is "
    "lopsided to begin with.")


def median_captions(copies: int, mean_error: float, median_error: float) -> tuple[list[str], list[str]]:
    """Captions of the mean and the median of ``copies`` salt-and-pepper copies."""
    return ([f"Mean of {copies} copies: error {mean_error:.2f}", f"Median of {copies} copies: error {median_error:.2f}"],
            [f"Average of {copies} copies: {mean_error:.2f} scribbles left",
             f"Middle value of {copies} copies: {median_error:.2f} scribbles left"])


MEDIAN = (
    "A speck is pure white or pure black, far from the true value, and one wild value drags the **mean** a "
    "long way; the mean also turns every pixel towards grey, however many copies you add. The **median** "
    "lines the copies of each pixel up from dark to bright and takes the middle one, so specks do not matter "
    "as long as fewer than half the copies of that pixel are hit.",
    "For white and black specks, adding does not work well. Instead, line up each dot's copies from dark to "
    "bright and take the one in the middle (the **median**): the specks lose!")


def stamp(copies: int) -> str:
    """Why averaging keeps the stamp that is the same in all ``copies``."""
    return (f"Here the baddie stamps all {copies} copies, however many you chose to send above. "
            "Averaging only removes what changes from copy to copy. The stamp is identical every time, so the "
            "average keeps it: the remaining noise stops falling at the stamp's own strength. Scientists call it "
            "**fixed-pattern noise** (a camera's hot pixels, a scanner's stripes) and remove it by measuring it "
            "separately, for example with dark frames, then subtracting it: here subtracting works!")


STAMP_ALT = "Log-log chart: with the stamp, the remaining noise levels off at the stamp's strength."

SCIENCE = (  # where scientists use this
    "**Astronomy:** a faint galaxy barely shows in one telescope frame, so astronomers take hundreds of "
    "frames and stack (average) them: the galaxy stays, the noise fades.\n\n"
    "**Cryo-electron microscopy:** pictures of single protein molecules are so noisy that the signal is about "
    "a tenth of the noise (S/N ~ 0.1). Averaging thousands of aligned particle images reveals the molecule's "
    "shape; since signal-to-noise grows as √N, going from 0.1 to 10 takes about 10,000 images. "
    "Machine-learning denoisers such as Topaz-Denoise learn from pairs of independently noisy images of the "
    "same thing, the same trick as Jane's copies.",
    "**Star gazers:** a faint galaxy hardly shows in one photo, so astronomers take hundreds of photos and "
    "average them: the galaxy stays, the fuzz fades.\n\n"
    "**Molecule photographers:** photos of tiny molecules are mostly fuzz, ten times more fuzz than "
    "molecule. Scientists average thousands of them to see the molecule's shape, just like John with "
    "Jane's copies.")
