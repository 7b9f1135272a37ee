"""Handouts: a record of what a learner did, or a workshop sheet, as Markdown and as one self-contained HTML file.

A :class:`Handout` is built up block by block (headings, text, images, tables, links). Markdown is the one
source: :meth:`Handout.to_html` renders it with markdown-it with raw HTML switched off, so anything a learner
typed is shown as text, never run as HTML; images travel inside both files as ``data:image/png`` addresses,
so the files open offline and print with nothing missing. Plain Python, no Streamlit.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
from markdown_it import MarkdownIt
from PIL import Image

from lib.images import enlarge, png_bytes

_PRINT_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
img { max-width: 100%; image-rendering: pixelated; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border: 1px solid #bbb; padding: 0.2rem 0.5rem; }
th { background: #f2f2f2; } td { text-align: right; } code { background: #f2f2f2; padding: 0 0.2rem; }
a { color: #0072B2; word-break: break-all; }
@media print { h2 { break-after: avoid; } img, table { break-inside: avoid; } .page-break { break-before: page; } }
"""


def qr_png(link: str, scale: int = 6) -> bytes:
    """A QR code of ``link`` as PNG bytes (medium error correction, so a projected or printed code still scans)."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def _png(picture: np.ndarray | Image.Image, min_side: int) -> bytes:
    """A picture for a handout; small ones are enlarged (nearest neighbour) until their longer side reaches
    ``min_side`` pixels, so a 28×28 digit stays visible on paper. Compressed harder than on screen: it is kept."""
    if min_side:
        picture = enlarge(np.asarray(picture, dtype=np.uint8), min_side, longer=True)
    return png_bytes(picture, compress_level=6)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _cell(value: object) -> str:
    """Table cell text that cannot break the table or smuggle in Markdown structure: every ``|`` escaped (inside
    a code span too, as the table extension wants), backslashes outside code spans (inside one they show as
    written), line breaks as spaces."""
    text = f"{value:.4g}" if isinstance(value, float) else str(value)
    parts = re.split(r"((?<!`)(`+)(?!`).*?(?<!`)\2(?!`))", text.replace("\n", " "))
    # re.split gives text, code span, its fence, text, …: escape backslashes in the text pieces only.
    pieces = [part if k % 3 == 1 else part.replace("\\", "\\\\") for k, part in enumerate(parts) if k % 3 != 2]
    return "".join(pieces).replace("|", "\\|")


def markdown_table(rows: Sequence[Sequence[object]], header: Sequence[str], caption: str = "") -> str:
    """A Markdown table (CommonMark with the table extension, as Streamlit and the handouts render it), each
    cell made safe by escaping; floats to four significant figures; ``caption`` in italics under it."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + (f"\n\n*{caption}*" if caption else "")


def escape_markdown(text: str) -> str:
    """``text`` (e.g. something a learner typed) with Markdown's special characters escaped."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>~" else c for c in str(text))


def code_span(text: object) -> str:
    """``text`` (something a user typed, uploaded or named) as a Markdown code span, for Streamlit's own
    Markdown (messages, captions, labels), where it then shows exactly as written, line breaks as spaces.

    Escaping (:func:`escape_markdown`) is right for handouts, which are plain CommonMark, but not enough in
    Streamlit: it turns bare web addresses into live links (with the escapes' backslashes showing) and draws
    ``:red[…]`` colours and ``:emoji:`` codes even when escaped. Nothing is interpreted inside a code span.
    """
    flat = " ".join(str(text).split())
    if not flat:
        return ""
    fence = "`" * (max(map(len, re.findall("`+", flat)), default=0) + 1)  # longer than any run of ` inside
    pad = " " if flat[0] == "`" or flat[-1] == "`" else ""  # a space keeps a ` at the edge inside the span
    return f"{fence}{pad}{flat}{pad}{fence}"


class Handout:
    """A document built block by block; ``to_markdown()`` and ``to_html()`` give the same content."""

    def __init__(self, title: str, link: str | None = None, intro: str = "") -> None:
        self.title = title
        self._blocks: list[str] = []
        if link:
            self.link(link, "Open this exact view again")
        if intro:
            self.text(intro)

    def heading(self, text: str) -> Handout:
        self._blocks.append(f"## {text}")
        return self

    def text(self, markdown: str) -> Handout:
        """A paragraph of Markdown written by the app (escape learner text with :func:`escape_markdown`)."""
        self._blocks.append(markdown.strip())
        return self

    def bullets(self, items: Iterable[str]) -> Handout:
        self._blocks.append("\n".join(f"- {item}" for item in items))
        return self

    def link(self, url: str, label: str) -> Handout:
        self._blocks.append(f"[{label}](<{url}>)  \n<{url}>")
        return self

    def image(self, picture: bytes | np.ndarray | Image.Image, caption: str, min_side: int = 0) -> Handout:
        """A picture (PNG bytes, uint8 array or Pillow image) with its caption, which is also its alt text."""
        png = picture if isinstance(picture, bytes) else _png(picture, min_side)
        alt = caption.replace("[", "(").replace("]", ")").replace("\n", " ")
        self._blocks.append(f"![{alt}]({_data_uri(png)})  \n*{caption}*")
        return self

    def images(self, pictures: Sequence[np.ndarray], captions: Sequence[str], min_side: int = 0) -> Handout:
        """Several small pictures in one row (each with its caption as alt text)."""
        row = " ".join(f"![{c}]({_data_uri(_png(p, min_side))})" for p, c in zip(pictures, captions))
        self._blocks.append(row)
        return self

    def qr(self, url: str) -> Handout:
        return self.image(qr_png(url, scale=4), f"QR code for {url}")

    def table(self, rows: Sequence[Sequence[object]], header: Sequence[str], caption: str = "") -> Handout:
        self._blocks.append(markdown_table(rows, header, caption))
        return self

    def dataframe(self, frame, caption: str = "", index: bool = True) -> Handout:
        """A pandas DataFrame as a table (with its index as the first column unless ``index=False``)."""
        header = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
        rows = [([i] if index else []) + list(r) for i, r in zip(frame.index, frame.itertuples(index=False))]
        return self.table(rows, header, caption)

    def page_break(self) -> Handout:
        self._blocks.append("<!-- page break -->")
        return self

    def to_markdown(self) -> str:
        stamp = f"*Made with the ML workshop companion on {date.today():%d %B %Y}.*"
        return "\n\n".join([f"# {self.title}", *self._blocks, stamp]) + "\n"

    def to_html(self) -> str:
        """One self-contained HTML page: no scripts, no outside files (images as ``data:`` URIs), raw HTML in
        the Markdown switched off; prints cleanly (print CSS)."""
        body = _MARKDOWN.render(self.to_markdown())
        body = body.replace("<p>&lt;!-- page break --&gt;</p>", '<div class="page-break"></div>')
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                f"<title>{html.escape(self.title)}</title><style>{_PRINT_CSS}</style></head>"
                f"<body>\n{body}</body></html>\n")


# CommonMark with tables; "html": False turns any raw HTML in the Markdown into visible text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
