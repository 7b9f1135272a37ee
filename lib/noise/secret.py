"""Jane's secret picture: a typed message, an uploaded picture or a ready-made one, as a grey float image.

Images are 2-D float arrays with 0 = black and 1 = white. Messages are drawn with the font that ships inside
Pillow, so a secret looks the same on every machine; pictures are fitted into the square with their shape
kept. :mod:`lib.noise.copies` garbles the secret and combines the copies.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageOps

from lib import DATA_DIR

#: The ready-made secret pictures (drawn by scripts/make_secrets.py), one PNG per secret.
SECRETS_DIR = DATA_DIR / "secrets"
#: Side in pixels of the secret pictures the page uses: big enough to read, small enough to stack 200.
SIDE = 128
#: Longest typed message: longer ones no longer fit a small picture legibly.
MAX_MESSAGE_CHARS = 40
#: Replaces characters the bundled font has no drawing for (emoji, most non-Latin scripts).
REPLACEMENT = "?"
_MARGIN = 0.08  # fraction of the picture left empty around a message
#: Least difference between the darkest and brightest grey of an uploaded picture (0 to 1) for it to hold
#: anything to find: a transparent logo on white, a black frame or one pixel has none.
MIN_CONTRAST = 0.1
#: Longest side of a picture over its shortest that is fitted whole; a longer strip would become a thin line
#: in the square secret, so its middle part of this shape is used.
MAX_ASPECT = 3
#: Fewest pixels across a picture may have: a thinner one has no shape to find, even stretched.
MIN_PICTURE_SIDE = 8


class UnusablePicture(ValueError):
    """A picture that decodes fine but would make a secret with nothing to find; says why in one sentence."""


def render_message(text: str, size: int | tuple[int, int]) -> np.ndarray:
    """Draw ``text`` as bright writing on a dark background: a float image in [0, 1].

    ``size`` is the side of a square picture, or ``(height, width)``. Long messages wrap onto up to three
    lines and the letters are made as large as fits. Accents are dropped (é → e) and characters the font
    cannot draw become ``"?"`` (see :func:`unsupported_characters`). Uses the font that ships inside
    Pillow, so the picture is the same on every machine.
    """
    height, width = _check_size(size)
    text = " ".join(str(text).split())
    if not text:
        raise ValueError("The message is empty: type at least one letter or number.")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ValueError(f"The message has {len(text)} characters; keep it to {MAX_MESSAGE_CHARS} or fewer.")
    text = "".join(ch if _font_has(ch) else REPLACEMENT for ch in _strip_accents(text))
    lines, font = _fit(text, width * (1 - 2 * _MARGIN), height * (1 - 2 * _MARGIN))
    canvas = Image.new("L", (width, height), 0)
    ImageDraw.Draw(canvas).multiline_text((width / 2, height / 2), "\n".join(lines), fill=255, font=font,
                                          anchor="mm", align="center", spacing=font.size // 5,
                                          stroke_width=_stroke(font.size), stroke_fill=255)
    return np.asarray(canvas, dtype=np.float32) / 255


def unsupported_characters(text: str) -> list[str]:
    """The characters of ``text`` (in order, without repeats) that :func:`render_message` draws as "?"."""
    missing = [ch for ch in _strip_accents(str(text)) if not ch.isspace() and not _font_has(ch)]
    return list(dict.fromkeys(missing))


def picture_to_secret(picture: Image.Image, size: int | tuple[int, int]) -> tuple[np.ndarray, str | None]:
    """A Pillow picture as a grey float image in [0, 1] of the given size (square side or (height, width)),
    scaled to fit with its shape kept and the spare border filled black, and a sentence saying what was
    cut off (None if nothing was).

    A strip longer than :data:`MAX_ASPECT` times its width keeps only its middle part of that shape, so the
    secret is not a thin line. Raises :class:`UnusablePicture` if it is one flat grey (less than
    :data:`MIN_CONTRAST` between darkest and brightest) or thinner than :data:`MIN_PICTURE_SIDE` pixels.
    ``picture.info["original_size"]`` (set by :func:`lib.images.load_image` when it shrank a picture) is the
    size the sentences speak of.
    """
    height, width = _check_size(size)
    grey = picture.convert("L")
    across, high = picture.info.get("original_size", picture.size)
    low, top = grey.getextrema()
    if (top - low) / 255 < MIN_CONTRAST:
        raise UnusablePicture("This picture is one flat colour once it is turned grey, so there would be nothing "
                              "to find under the noise. Choose a picture with light and dark parts.")
    if min(grey.size) < MIN_PICTURE_SIDE:
        raise UnusablePicture(f"This picture is {across} × {high} pixels: too thin to hide a shape in, even its "
                              "middle part. Choose a picture closer to square.")
    note = None
    if max(grey.size) > MAX_ASPECT * min(grey.size):
        kept = (min(grey.width, MAX_ASPECT * grey.height), min(grey.height, MAX_ASPECT * grey.width))
        grey = ImageOps.fit(grey, kept, Image.Resampling.LANCZOS)
        shape = "wide" if grey.width > grey.height else "tall"
        other = "high" if shape == "wide" else "wide"
        note = (f"Your picture is very {shape} ({across} × {high} pixels): whole, it would be a thin line, so "
                f"John gets its middle part, {MAX_ASPECT} times as {shape} as it is {other}.")
    grey = ImageOps.contain(grey, (width, height), Image.Resampling.LANCZOS)
    canvas = Image.new("L", (width, height), 0)
    canvas.paste(grey, ((width - grey.width) // 2, (height - grey.height) // 2))
    return np.asarray(canvas, dtype=np.float32) / 255, note


def builtin_secrets() -> dict[str, "Path"]:
    """The ready-made secrets: name (the file name without ".png", e.g. "smiley") → path of the picture."""
    return {path.stem: path for path in sorted(SECRETS_DIR.glob("*.png"))}


# Validation: messages say what to do instead.

def _check_size(size) -> tuple[int, int]:
    height, width = (size, size) if np.isscalar(size) else tuple(size)
    if int(height) != height or int(width) != width or not (8 <= height <= 2048 and 8 <= width <= 2048):
        raise ValueError(f"size must be whole numbers of pixels between 8 and 2048, not {size!r}.")
    return int(height), int(width)


# Text layout with Pillow's bundled font.

@lru_cache(maxsize=None)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


@lru_cache(maxsize=None)
def _font_has(ch: str) -> bool:
    # The bundled font draws every character it lacks as the same empty box ("tofu").
    font = _font(32)
    return ch.isspace() or bytes(font.getmask(ch)) != bytes(font.getmask("\uffff"))


def _stroke(font_size: int) -> int:
    # Bold strokes stay readable through heavy noise; the bundled font is a thin one.
    return font_size // 16


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _wrap(text: str, lines: int) -> list[str]:
    """Split the words of ``text`` into at most ``lines`` lines of similar length."""
    words, target = text.split(" "), len(text) / lines
    result, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > target and len(result) < lines - 1:
            result.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return result + [line]


def _fit(text: str, width: float, height: float) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The wrapping and the largest font size that fit the box, trying one to three lines."""
    best_lines, best_font = [text], _font(4)
    for count in (1, 2, 3):
        lines = _wrap(text, count)
        low, high = 4, int(height)
        while low <= high:  # binary search on font size
            size = (low + high) // 2
            font = _font(size)
            box = ImageDraw.Draw(Image.new("L", (1, 1))).multiline_textbbox(
                (0, 0), "\n".join(lines), font=font, spacing=size // 5, stroke_width=_stroke(size))
            if box[2] - box[0] <= width and box[3] - box[1] <= height:
                low = size + 1
                if size > best_font.size:
                    best_lines, best_font = lines, font
            else:
                high = size - 1
    return best_lines, best_font
