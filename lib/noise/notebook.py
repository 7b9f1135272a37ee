"""The /noise page's notebook (issue #18, :func:`lib.notebooks.build`): spy Jane's secret (carried inside the
notebook as a small PNG), the baddie's noise with the learner's kind, strength, copies and seed, and each step
of the page: look at the copies, try subtracting, add them up (sum and mean), measure the remaining noise against
the 1/√N law, then salt and pepper (the median) and the baddie's stamp.

The copies are drawn exactly as :func:`lib.noise.noisy_copies` draws them, so every "noise left" number is the
page's (tests/noise/test_noise_notebook.py checks it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lib import noise
from lib.handout import code_span
from lib.images import load_image
from lib.notebooks import Topic, code, markdown, png_text, wrapped

MAX_COPIES = 200  #: the page's most copies: its stamp demo averages this many
MEDIAN_COPIES = 9  #: the page's salt-and-pepper comparison starts at this many copies


def secret_of(settings: Mapping[str, Any], notes: list[str] | None = None) -> tuple[np.ndarray, str]:
    """The page's secret for its parsed settings (a grey float picture, 0 black … 1 white) and what it is in
    words; a message it cannot draw, or an upload (never in a link), gives the word picture, as the page does."""
    notes = [] if notes is None else notes
    source = settings["source"]
    if source == "message":
        try:
            return noise.render_message(settings["message"], noise.SIDE), "the message " + code_span(settings["message"])
        except ValueError as error:
            notes.append(f"{error} The notebook sends the word picture instead, as the page does.")
    elif source == "upload":
        notes.append("Your own picture stays on your computer and is not in the link, so the notebook sends the "
                     "word picture, as the page does until a picture arrives; the secret's cell says how to send "
                     "yours.")
    name = settings["picture"] if source == "picture" else "word"
    secret, _ = noise.picture_to_secret(load_image(str(noise.builtin_secrets()[name])), noise.SIDE)
    return secret, f"the ready-made picture “{name}”"  # a name from the lesson file: plain words


def cells(settings: Mapping[str, Any]) -> Topic:
    """The notebook's cells for the page's parsed settings (URL name → value)."""
    notes: list[str] = []
    secret, what = secret_of(settings, notes)
    kind, copies = settings["kind"], int(settings["copies"])
    strength = settings["fraction"] if kind == "salt_pepper" else settings["strength"]
    combine = min(int(settings["combine"]), copies)
    if combine != settings["combine"]:
        notes.append(f"Only {copies} copies were sent, so {combine} are combined, as on the page.")
    packed = wrapped(png_text(np.rint(secret * 255).astype(np.uint8)))
    result = [
        markdown("""
## Your settings

Spy Jane sends spy John the same secret picture `COPIES` times; a baddie garbles every copy with fresh random
noise. Change a number and run everything again."""),
        code(f"""
KIND = {kind!r}  # "gaussian" (bell-curve fuzz), "uniform" (flat fuzz) or "salt_pepper" (white and black specks)
STRENGTH = {float(strength)!r}  # how strong the fuzz is (black is 0, white is 1); for salt_pepper: the share of pixels hit
COPIES = {copies}  # how many copies Jane sends
COMBINE = {combine}  # how many of them John combines (the first ones)
SEED = {int(settings["seed"])}  # picks the random noise: the same seed, the same copies
CLIP = {bool(settings["clip"])}  # also measure copies cut to black..white, as a camera would store them
SP_FRACTION = {float(settings["sp_fraction"])!r}  # step 5: share of pixels turned into specks
STAMP = {float(settings["stamp"])!r}  # step 5: strength of the noise pattern that is the same in every copy"""),
        markdown(f"""
## The secret

Jane's secret is {what}, 128 × 128 grey pixels from 0 (black) to 1 (white). It is packed into this
notebook as a PNG file written in letters (base64). No peeking until step 5!"""),
        code(f"""
import base64
import io

import numpy as np
from PIL import Image

SECRET_PNG = {packed}
secret = np.asarray(Image.open(io.BytesIO(base64.b64decode(SECRET_PNG))), dtype=np.float32) / 255
# Your own secret instead: a grey picture of 128 × 128 pixels, from 0 to 1
# secret = np.asarray(Image.open("my_picture.png").convert("L").resize((128, 128)), dtype=np.float32) / 255
print(secret.shape, secret.min(), secret.max())"""),
        markdown("""
## The baddie's noise

Every copy gets fresh noise. Gaussian and uniform noise move every pixel up or down at random (by `STRENGTH` on
average, its standard deviation) and are not cut off at black and white; salt and pepper turns a share of the
pixels pure white or pure black."""),
        code("""
def noisy_copies(secret, n, kind=KIND, strength=STRENGTH, seed=SEED):
    \"\"\"n copies of the secret, each garbled by fresh random noise: an array of n pictures.\"\"\"
    rng = np.random.default_rng(seed)
    shape = (n, *secret.shape)
    if kind == "gaussian":
        return secret + rng.standard_normal(shape, dtype=np.float32) * np.float32(strength)
    if kind == "uniform":
        half_width = np.float32(strength * np.sqrt(3))  # a flat band this wide has standard deviation `strength`
        return secret + rng.uniform(-half_width, half_width, shape).astype(np.float32)
    draw = rng.random(shape, dtype=np.float32)  # salt and pepper: below strength/2 black, up to strength white
    return np.where(draw < strength, (draw >= strength / 2).astype(np.float32), secret)


def remaining_noise(estimate, secret):
    \"\"\"How far a picture is from the secret: the root-mean-square difference over the pixels.\"\"\"
    return float(np.sqrt(np.mean((np.asarray(estimate, dtype=float) - secret) ** 2)))


def to_8bit(values, low=0.0, high=1.0):
    \"\"\"Numbers as screen greys: low → black, high → white, cut off beyond.\"\"\"
    return np.clip((np.asarray(values, dtype=np.float32) - low) * (255 / (high - low)) + 0.5, 0, 255).astype(np.uint8)


def show(*pictures, scale=2):
    \"\"\"Pictures side by side (grey, 0 … 255), each pixel drawn as a `scale` × `scale` square.\"\"\"
    row = np.concatenate([np.pad(p, ((0, 0), (0, 8)), constant_values=255) for p in pictures], axis=1)
    return Image.fromarray(row).resize((row.shape[1] * scale, row.shape[0] * scale), Image.NEAREST)


copies = noisy_copies(secret, COPIES)
print(copies.shape)"""),
        markdown("""
## 1 · Look at the copies

Every copy is garbled differently. Can you read the secret in any single one?"""),
        code("""
first = copies[:20]  # the first 20 copies John received, five to a row
for start in range(0, len(first), 5):
    display(show(*[to_8bit(c) for c in first[start : start + 5]], scale=1))"""),
        markdown("""
## 2 · Try subtracting

Would taking one copy away from another clean it up? Guess, then run the cell."""),
        code("""
if COPIES >= 2:
    difference = copies[0] - copies[1]
    one, both = remaining_noise(copies[0], secret), remaining_noise(difference, secret)
    print(f"Copy 1 is {one:.2f} away from the secret; copy 1 − copy 2 is {both:.2f} away.")
    display(show(to_8bit(copies[0]), to_8bit(copies[1]), to_8bit(difference, -2, 2)))
else:
    print("Subtracting needs two copies: send at least 2.")"""),
        markdown("""
The secret is the same in both copies, so subtracting cancels it; the noise is different, so it does not cancel.

## 3 · Add them up

Random noise goes up as often as down, so adding many copies makes it cancel out while the secret, the same every
time, adds up. The **sum** grows with every copy (squeezed to fit the screen here); the **mean** divides by the
number of copies and stays on the secret's own scale."""),
        code("""
total = copies[:COMBINE].sum(axis=0)
mean = total / COMBINE
noise_one, noise_combined = remaining_noise(copies[0], secret), remaining_noise(mean, secret)
print(f"Noise left: {noise_combined:.2f} after combining {COMBINE} (one copy: {noise_one:.2f}).")
print(f"The sum's numbers go from {total.min():.0f} to {total.max():.0f}.")
show(to_8bit(copies[0]), to_8bit(total, total.min(), max(total.max(), total.min() + 1)), to_8bit(mean))"""),
        markdown("""
## 4 · Measure it

The noise left in the mean of the first N copies, for every N: it follows the **1/√N law** (the standard error of
the mean). Four times as many copies halve the noise."""),
        code("""
curve = np.array([remaining_noise(copies[:n].mean(axis=0), secret) for n in range(1, COPIES + 1)])
law = curve[0] / np.sqrt(np.arange(1, COPIES + 1))
if CLIP:  # a camera cannot store darker than black or brighter than white
    clipped = np.clip(copies, 0, 1)
    clipped_curve = np.array([remaining_noise(clipped[:n].mean(axis=0), secret) for n in range(1, COPIES + 1)])
print(" copies | noise left | 1/√N law" + (" | clipped copies" if CLIP else ""))
for n in [1, 2, 4, 8, 16, 32, 64, 128, COPIES]:
    if n <= COPIES:
        print(f"{n:7} | {curve[n - 1]:10.3f} | {law[n - 1]:8.3f}" + (f" | {clipped_curve[n - 1]:.3f}" if CLIP else ""))"""),
        code("""
import plotly.graph_objects as go

figure = go.Figure()
figure.add_scatter(x=np.arange(1, COPIES + 1), y=curve, mode="markers", name="measured")
figure.add_scatter(x=np.arange(1, COPIES + 1), y=law, mode="lines", name="1/√N law", line={"dash": "dash"})
if CLIP:
    figure.add_scatter(x=np.arange(1, COPIES + 1), y=clipped_curve, mode="markers", name="clipped copies")
figure.update_xaxes(type="log", title="copies averaged (N)")
figure.update_yaxes(type="log", title="noise left")
figure.update_layout(title="Remaining noise as copies are averaged")
figure.show()"""),
        markdown("""
## 5 · When averaging is not enough

**Salt and pepper**: a speck is pure white or pure black, far from the true value, so one wild value drags the mean
a long way. The **median** (the middle value of each pixel) ignores the wild ones, as long as fewer than half the
copies of a pixel are specks."""),
        code(f"""
SP_COPIES = {MEDIAN_COPIES}  # an odd number, so every pixel has one middle value
specks = noisy_copies(secret, SP_COPIES, "salt_pepper", SP_FRACTION)
sp_mean, sp_median = specks.mean(axis=0), np.median(specks, axis=0)
mean_error, median_error = remaining_noise(sp_mean, secret), remaining_noise(sp_median, secret)
print(f"Mean of {{SP_COPIES}} copies: error {{mean_error:.2f}}; median of {{SP_COPIES}} copies: error {{median_error:.2f}}")
show(to_8bit(sp_mean), to_8bit(sp_median))"""),
        markdown(f"""
**The baddie's stamp**: one noise pattern added to every copy alike, on top of the random noise. It is not random
from copy to copy, so averaging cannot remove it: the curve goes flat at the stamp's strength. (The page averages
all {MAX_COPIES} copies here.)"""),
        code(f"""
ALL_COPIES = {MAX_COPIES}
every_copy = copies if COPIES == ALL_COPIES else noisy_copies(secret, ALL_COPIES)
stamp = np.random.default_rng(SEED + 1).standard_normal(secret.shape, dtype=np.float32) * np.float32(STAMP)
stamped = every_copy + stamp
for n in [1, 10, 100, ALL_COPIES]:
    print(f"{{n:4}} copies: noise left {{remaining_noise(every_copy[:n].mean(axis=0), secret):.3f}} without the stamp, "
          f"{{remaining_noise(stamped[:n].mean(axis=0), secret):.3f}} with it")
show(to_8bit(every_copy.mean(axis=0)), to_8bit(stamped.mean(axis=0)))"""),
        markdown("""
## Peek at the secret

Now you may look."""),
        code("show(to_8bit(secret))"),
    ]
    return Topic(result, ("numpy", "pillow", "plotly"), tuple(notes))

