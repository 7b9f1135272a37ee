"""The /convolution page's notebook (issue #18, :func:`lib.notebooks.build`): the learner's picture and kernel,
the convolution written out with loops as the course does it (multiply, add, move), the same with
``scipy.ndimage``, padding and stride as chosen, and what happens to numbers a screen cannot show. With the
page's defaults it works the course's example: 89 at row 2, column 2, then 111 beside it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from lib.convolution import kernels
from lib.convolution.editor import cells_from_text, format_cell, kernel_from_cells
from lib.convolution.sources import BUNDLED, COURSE_EXAMPLE, builtin
from lib.notebooks import Topic, code, grid, markdown

#: The page's photos are scikit-learn's own sample photos, which it installs with itself (no download).
PHOTOS = {"temple": "china.jpg", "flower": "flower.jpg"}
OWN = ("upload", "camera")
FIRST_CUSTOM = "sharpen"  #: the page's kernel editor starts from this kernel (a link's empty kernel= means it)
_PADDING_WORDS = {"zero": "a frame of 0s", "edge": "the edge pixels repeated", "valid": "none (the output shrinks)"}


def cells(settings: Mapping[str, Any]) -> Topic:
    """The notebook's cells for the page's parsed settings (URL name → value)."""
    notes: list[str] = []
    picture, preset = settings["picture"], settings["preset"]
    padding, stride, colour, range_mode = settings["padding"], settings["stride"], settings["colour"], settings["range"]
    packages = ["numpy", "pillow", "scipy"]
    picture_code, is_colour = _picture(picture, notes)
    if picture in PHOTOS:
        packages.append("scikit-learn")
    chosen = _kernels(preset, settings["kernel"], notes)
    grey_first = not is_colour or colour == "grey"
    result = [
        markdown("""
## 1 · A picture is a grid of numbers

A grey picture is one number per pixel: 0 is black, 255 is white. A colour picture has three numbers per pixel:
how much red, green and blue."""),
        code(picture_code),
    ]
    if is_colour:
        result.append(code(f"""
GREY_FIRST = {grey_first}  # True: turn the picture grey first (one number per pixel); False: each colour on its own
if GREY_FIRST:
    image = image @ np.array([0.299, 0.587, 0.114])  # how much red, green and blue count towards grey
print(image.shape)"""))
    result += [
        markdown("""
## 2 · The kernel

A kernel is a small grid of numbers. Put it on the picture, multiply the numbers that lie on top of each other and
add them up: that sum is the new pixel. Its numbers decide what happens: blur, sharpen or find edges."""),
        code(_kernel_code(chosen)),
        markdown("""
## 3 · Multiply, add, move: the convolution written out

The course's way, one pixel at a time. **Padding** says what the kernel uses where it hangs over the edge of the
picture, and the **stride** how many pixels it moves each step. Like the course and like every CNN, the kernel is
not flipped (strictly speaking this is *cross-correlation*). On a big photo the loops take a few seconds: step 4
shows the fast way."""),
        code(f"""
PADDING = {padding!r}  # "zero": a frame of 0s, "edge": repeat the edge pixels, "valid": no padding (it shrinks)
STRIDE = {int(stride)}  # how many pixels the kernel moves each step (2 halves the size, as in a CNN)


def convolve(image, kernel, padding=PADDING, stride=STRIDE):
    \"\"\"Slide the kernel over a grey picture: multiply the numbers on top of each other, add them up, move on.\"\"\"
    k_rows, k_cols = kernel.shape
    if padding == "valid":
        padded = image  # only where the kernel fits inside the picture
    else:
        frame = ((k_rows // 2, k_rows // 2), (k_cols // 2, k_cols // 2))  # this many pixels round the edge
        padded = np.pad(image, frame, mode="constant" if padding == "zero" else "edge")
    out_rows = (padded.shape[0] - k_rows) // stride + 1
    out_cols = (padded.shape[1] - k_cols) // stride + 1
    output = np.zeros((out_rows, out_cols))
    for row in range(out_rows):
        for col in range(out_cols):
            top, left = row * stride, col * stride
            patch = padded[top : top + k_rows, left : left + k_cols]  # the pixels under the kernel
            output[row, col] = (patch * kernel).sum()
    return output


def convolve_picture(image, kernel):
    \"\"\"A grey picture in one go; a colour one colour by colour (red, green, blue).\"\"\"
    if image.ndim == 2:
        return convolve(image, kernel)
    return np.stack([convolve(image[:, :, colour], kernel) for colour in range(3)], axis=-1)


{_output_code(chosen)}
print(f"The picture is {{image.shape[0]}} × {{image.shape[1]}} pixels; the output is "
      f"{{output.shape[0]}} × {{output.shape[1]}}.")"""),
        code(_worked_pixel(picture, chosen)),
        markdown("""
The output's size follows a formula: (W − F + 2P) / S + 1, rounded down, for a picture W pixels across, a kernel F
wide, P pixels of padding on each side and stride S."""),
        code("""
k_rows = next(iter(KERNELS.values())).shape[0]
P = 0 if PADDING == "valid" else k_rows // 2
print(f"({image.shape[0]} − {k_rows} + 2×{P}) / {STRIDE} + 1 = {(image.shape[0] - k_rows + 2 * P) // STRIDE + 1} rows")"""),
        markdown("""
## 4 · The same with `scipy.ndimage`

Nobody writes the loops in real work: `scipy.ndimage.correlate` does the same sum for every pixel at once (and
`convolve` flips the kernel first). It keeps the picture's size, so no padding and a bigger stride are a matter of
cutting the edges off and taking every second pixel."""),
        code(_scipy_code(chosen)),
        markdown("""
## 5 · Numbers below 0 and above 255

A screen shows only 0 (black) to 255 (white), but sharpening and edge kernels make numbers outside that range.
**Clip** cuts them off (the sign is lost), **absolute** makes negatives positive first, **rescale** stretches the
lowest to 0 and the highest to 255."""),
        code(f"""
from PIL import Image

RANGE = {range_mode!r}  # "clip", "absolute" or "rescale"


def to_screen(values, mode=RANGE):
    \"\"\"Numbers as 0-255 greys a screen can show.\"\"\"
    values = np.asarray(values, dtype=float)
    if mode == "absolute":
        values = np.abs(values)
    elif mode == "rescale" and values.max() > values.min():
        values = (values - values.min()) * 255 / (values.max() - values.min())
    return np.clip(np.rint(values), 0, 255).astype(np.uint8)


def show(pixels, width=280):
    \"\"\"A picture, enlarged without smoothing so every pixel stays a square.\"\"\"
    picture = Image.fromarray(np.asarray(pixels, dtype=np.uint8))
    scale = max(1, width // picture.width)
    return picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST)


print(f"{{(output < 0).mean():.0%}} of the output is below 0 and {{(output > 255).mean():.0%}} above 255.")
display(show(to_screen(image, "clip")), show(to_screen(output)))"""),
    ]
    if settings["signed"]:
        result += [
            markdown("**The signs**: negative numbers in blue, positive in orange-red, 0 white (as the page's "
                     "signed view)."),
            code("""
grey_output = output if output.ndim == 2 else output @ np.array([0.299, 0.587, 0.114])
limit = np.abs(grey_output).max() or 1.0
share = np.clip(grey_output / limit, -1, 1)[:, :, None]  # -1 … 1
white, blue, red = np.array([255, 255, 255]), np.array([0, 114, 178]), np.array([213, 94, 0])
signed = np.where(share < 0, white + (blue - white) * -share, white + (red - white) * share)
show(np.rint(signed).astype(np.uint8))"""),
        ]
    result.append(markdown("""
**Try next:** change a number in `KERNELS`, or `PADDING` and `STRIDE`, and run the cells again. A kernel whose
numbers add up to 1 keeps the brightness; one whose numbers add up to 0 finds edges."""))
    return Topic(result, tuple(packages), tuple(notes))


def _picture(picture: str, notes: list[str]) -> tuple[str, bool]:
    """The code that makes ``image``, and whether the picture is in colour."""
    header = "import numpy as np\n\n"
    if picture in OWN:
        notes.append("Your own picture stays on your computer and is not in the link, so this notebook starts "
                     "with the test pattern, as the page does until a picture arrives: the first code cell says "
                     "how to load yours.")
        picture = "pattern"
        own = '\n# To use your own picture instead: image = np.asarray(Image.open("my_picture.jpg").convert("L"))\n'
    else:
        own = ""
    if picture == "course":
        return header + f"""# The course's example: the top-left 5×5 corner of a photo ("Applying a kernel")
image = np.array({grid(COURSE_EXAMPLE)})
print(image)""", False
    if picture == "pattern":
        return header + ("from PIL import Image\n" if own else "") + f"""

def test_pattern(side=256):
    \"\"\"A grey test card: a checkerboard, a left-to-right ramp, a disc and diagonal stripes.\"\"\"
    half = side // 2
    y, x = np.mgrid[0:half, 0:half]
    checker = np.where((y // 8 + x // 8) % 2 == 0, 230, 25)
    ramp = np.broadcast_to(np.linspace(0, 255, half), (half, half))
    disc = np.where((y - half / 2) ** 2 + (x - half / 2) ** 2 < (half / 3) ** 2, 220, 40)
    stripes = np.where(((x + y) // 6) % 2 == 0, 200, 60)
    return np.rint(np.block([[checker, ramp], [disc, stripes]])).astype(np.uint8)


image = test_pattern(){own}
print(image.shape, image[:4, :4])""", False
    if picture in PHOTOS:
        return header + f"""from sklearn.datasets import load_sample_image

# The page's photo is one of scikit-learn's sample photos, which come with scikit-learn (nothing downloads).
image = load_sample_image({PHOTOS[picture]!r}).astype(float)  # height × width × 3: red, green, blue
print(image.shape, image[0, 0])""", True
    if picture in BUNDLED:  # the course's 28×28 digits and its dog
        what = "the dog photo" if picture == "dog" else f"digit {picture.rsplit('_', 1)[1]}"
        pixels = builtin(picture).pixels
        return header + f"""# The course's {what}, 28 × 28 grey pixels (0 black … 255 white)
image = np.array({grid(pixels)})
print(image.shape)""", pixels.ndim == 3
    raise KeyError(f"No picture {picture!r} on the kernel page.")


def _kernels(preset: str, text: str, notes: list[str]) -> dict[str, np.ndarray]:
    """The kernels by name, as the page applies them: two for Sobel magnitude, the editor's for custom."""
    if preset != "custom":
        return kernels.filter_kernels(preset)
    if not text:
        return {"Your kernel": kernels.KERNELS[FIRST_CUSTOM]}
    try:
        kernel, problems = kernel_from_cells(cells_from_text(text))
    except ValueError as error:
        notes.append(f"{error} The link's kernel was ignored, so the notebook starts from the sharpen kernel, "
                     "as the page's editor does.")
        return {"Your kernel": kernels.KERNELS[FIRST_CUSTOM]}
    notes.extend(problems)
    return {"Your kernel": kernel}


def _cell(value: float) -> str:
    """A kernel number as Python reads it back exactly: ``-1``, ``1/16``, or the full decimal."""
    text = format_cell(value)
    if "/" in text:
        numerator, denominator = text.split("/")
        if float(numerator) / float(denominator) == value:
            return text
    return text if float(text) == value else repr(float(value))


def _kernel_code(chosen: dict[str, np.ndarray]) -> str:
    lines = ["KERNELS = {"]
    for name, kernel in chosen.items():
        width = max(len(_cell(v)) for v in kernel.ravel())
        rows = ",\n".join("        [" + ", ".join(_cell(v).rjust(width) for v in row) + "]" for row in kernel)
        lines.append(f"    {name!r}: np.array([\n{rows},\n    ]),")
    lines.append("}")
    if len(chosen) > 1:
        lines.append("# Sobel magnitude: both kernels, then √(horizontal² + vertical²) for each pixel")
    lines.append("for name, kernel in KERNELS.items():")
    lines.append('    print(f"{name}: {kernel.shape[0]}×{kernel.shape[1]}, its numbers add up to {kernel.sum():g}")')
    return "\n".join(lines)


def _output_code(chosen: dict[str, np.ndarray]) -> str:
    if len(chosen) > 1:
        return ("horizontal, vertical = (convolve_picture(image, kernel) for kernel in KERNELS.values())\n"
                "output = np.hypot(horizontal, vertical)  # edge strength in every direction")
    return "kernel = next(iter(KERNELS.values()))\noutput = convolve_picture(image, kernel)"


def _worked_pixel(picture: str, chosen: dict[str, np.ndarray]) -> str:
    first = "(2, 2)  # the course's first worked pixel: the kernel's centre on the 99" if picture == "course" else \
        "((output.shape[0] + 1) // 2, (output.shape[1] + 1) // 2)  # the middle of the output"
    return f"""# One pixel of the output written out, as the course does it (rows and columns counted from 1)
ROW, COL = {first}


def written_out(row, col, kernel):
    \"\"\"The sum that makes output pixel (row, col) of a grey picture: pixel × kernel number, cell by cell.\"\"\"
    k_rows, k_cols = kernel.shape
    grey = image if image.ndim == 2 else image[:, :, 0]  # a colour picture: its red numbers
    padded = grey if PADDING == "valid" else np.pad(
        grey, ((k_rows // 2,) * 2, (k_cols // 2,) * 2), mode="constant" if PADDING == "zero" else "edge")
    top, left = (row - 1) * STRIDE, (col - 1) * STRIDE
    patch = padded[top : top + k_rows, left : left + k_cols]
    terms = " + ".join(f"{{p:g}}×{{k:g}}" for p, k in zip(patch.ravel(), kernel.ravel()))
    return terms, (patch * kernel).sum()


for row, col in [(ROW, COL), (ROW, COL + 1)]:  # that pixel and the next one along
    if col <= output.shape[1]:
        for name, kernel in KERNELS.items():
            terms, total = written_out(row, col, kernel)
            print(f"Row {{row}}, column {{col}} ({{name}}): {{terms if kernel.size <= 9 else '…'}} = {{total:g}}")"""


def _scipy_code(chosen: dict[str, np.ndarray]) -> str:
    combine = ("fast = np.hypot(*(correlate_picture(image, kernel) for kernel in KERNELS.values()))"
               if len(chosen) > 1 else "fast = correlate_picture(image, kernel)")
    return f"""from scipy import ndimage

EDGE_MODE = {{"zero": "constant", "edge": "nearest", "valid": "constant"}}  # scipy's names for the padding


def correlate_picture(image, kernel):
    \"\"\"scipy's correlate on each colour (or the grey picture), then no padding and the stride by cutting.\"\"\"
    k_rows, k_cols = kernel.shape
    channels = [image] if image.ndim == 2 else [image[:, :, c] for c in range(3)]
    same = [ndimage.correlate(np.asarray(c, dtype=float), kernel, mode=EDGE_MODE[PADDING], cval=0.0)
            for c in channels]
    result = same[0] if image.ndim == 2 else np.stack(same, axis=-1)
    if PADDING == "valid":  # keep only the places where the kernel fits inside the picture
        result = result[k_rows // 2 : result.shape[0] - k_rows // 2, k_cols // 2 : result.shape[1] - k_cols // 2]
    return result[::STRIDE, ::STRIDE]


{combine}
print("The same numbers as the loops:", np.allclose(fast, output))"""
