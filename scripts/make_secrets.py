"""Draw the ready-made secret pictures of the noise page into data/secrets/*.png.

Run from the repository root: ``.venv/bin/python scripts/make_secrets.py``. Each picture is
lib.noise.SIDE pixels square, bright lines on black (the same look as a typed message), drawn with
Pillow from the shapes below, so the files are reproducible byte for byte and free of any licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.noise import SECRETS_DIR, SIDE, render_message  # noqa: E402

SCALE = 4  # draw large, then shrink: smooth edges without anti-aliasing support in ImageDraw


def smiley(draw: ImageDraw.ImageDraw, s: float) -> None:
    draw.ellipse((0.1 * s, 0.1 * s, 0.9 * s, 0.9 * s), outline=255, width=int(0.06 * s))
    for x in (0.36, 0.64):
        draw.ellipse(((x - 0.06) * s, 0.32 * s, (x + 0.06) * s, 0.46 * s), fill=255)
    draw.arc((0.28 * s, 0.3 * s, 0.72 * s, 0.72 * s), start=20, end=160, fill=255, width=int(0.06 * s))


def house(draw: ImageDraw.ImageDraw, s: float) -> None:
    line = int(0.05 * s)
    draw.rectangle((0.22 * s, 0.45 * s, 0.78 * s, 0.88 * s), outline=255, width=line)
    draw.line([(0.12 * s, 0.5 * s), (0.5 * s, 0.14 * s), (0.88 * s, 0.5 * s)], fill=255, width=line, joint="curve")
    draw.rectangle((0.43 * s, 0.64 * s, 0.57 * s, 0.88 * s), fill=255)
    draw.rectangle((0.29 * s, 0.53 * s, 0.39 * s, 0.63 * s), fill=255)
    draw.rectangle((0.61 * s, 0.53 * s, 0.71 * s, 0.63 * s), fill=255)


def rocket(draw: ImageDraw.ImageDraw, s: float) -> None:
    draw.polygon([(0.5 * s, 0.06 * s), (0.64 * s, 0.3 * s), (0.64 * s, 0.7 * s), (0.36 * s, 0.7 * s),
                  (0.36 * s, 0.3 * s)], fill=255)
    draw.polygon([(0.36 * s, 0.5 * s), (0.2 * s, 0.78 * s), (0.36 * s, 0.7 * s)], fill=255)
    draw.polygon([(0.64 * s, 0.5 * s), (0.8 * s, 0.78 * s), (0.64 * s, 0.7 * s)], fill=255)
    draw.ellipse((0.44 * s, 0.3 * s, 0.56 * s, 0.42 * s), fill=0)
    draw.polygon([(0.42 * s, 0.74 * s), (0.58 * s, 0.74 * s), (0.5 * s, 0.94 * s)], fill=255)


DRAWINGS = {"smiley": smiley, "house": house, "rocket": rocket}
WORD = "SPY"


def drawing(draw_shape) -> Image.Image:
    big = Image.new("L", (SIDE * SCALE, SIDE * SCALE), 0)
    draw_shape(ImageDraw.Draw(big), SIDE * SCALE)
    return big.resize((SIDE, SIDE), Image.Resampling.LANCZOS)


def main() -> None:
    SECRETS_DIR.mkdir(parents=True, exist_ok=True)
    pictures = {name: drawing(shape) for name, shape in DRAWINGS.items()}
    pictures["word"] = Image.fromarray(np.round(render_message(WORD, SIDE) * 255).astype(np.uint8))
    for name, picture in pictures.items():
        path = SECRETS_DIR / f"{name}.png"
        picture.save(path, optimize=True)
        print(f"wrote {path.relative_to(SECRETS_DIR.parent.parent)}")


if __name__ == "__main__":
    main()
