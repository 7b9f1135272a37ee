"""Draw the browser-tab icons into data/icons/*.png: the same Material Symbols the sidebar shows.

Run from the repository root: ``.venv/bin/python scripts/make_icons.py``. Streamlit turns a
``page_icon=":material/name:"`` into an address on Google's font server, so every page view would ask the
internet for its tab icon (and fail offline); a PNG path is served by the app itself. The glyphs come from
the Material Symbols font that Streamlit bundles (Apache-2.0), drawn with Pillow's Raqm layout, which
turns an icon's name into its glyph as the browser does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.palette import OKABE_ITO  # noqa: E402
from lib.topics import HOME_ICON, ICONS_DIR, REFERENCE, TOPICS, icon_file  # noqa: E402

SIDE = 64  # pixels: browsers scale a tab icon down to 16-32 px, sharper from a larger picture


def font() -> ImageFont.FreeTypeFont:
    media = Path(streamlit.__file__).parent / "static" / "static" / "media"
    path = next(media.glob("MaterialSymbols-Rounded*.woff2"))
    return ImageFont.truetype(str(path), SIDE, layout_engine=ImageFont.Layout.RAQM)


def draw(icon: str, symbols: ImageFont.FreeTypeFont) -> Image.Image:
    name = icon.removeprefix(":material/").removesuffix(":")
    picture = Image.new("RGBA", (SIDE, SIDE), (0, 0, 0, 0))
    ImageDraw.Draw(picture).text((SIDE / 2, SIDE / 2), name, font=symbols, fill=OKABE_ITO["blue"], anchor="mm")
    return picture


if __name__ == "__main__":
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    symbols = font()
    for icon in (HOME_ICON, *(item.icon for item in (*TOPICS, *REFERENCE))):
        draw(icon, symbols).save(icon_file(icon), optimize=True)
        print(icon_file(icon).relative_to(Path.cwd()))
