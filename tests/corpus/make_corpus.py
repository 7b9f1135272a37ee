"""Write the corpus of broken, hostile and odd image files that every upload path must survive.

Run from the repository root: ``.venv/bin/python tests/corpus/make_corpus.py``. The files are committed,
so tests do not pay for generating them (the decompression bomb alone takes ~8 s to compress).
Each file name says what it is; EXPECTED maps it to what lib.images.load_image must do.
"""

import io
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent

#: file name -> "error" (ImageError expected) or the (mode, size) load_image returns with max_side=1024.
EXPECTED = {
    "empty.png": "error",
    "truncated.png": "error",
    "text-named.png": "error",
    "bomb-40000x40000.png": "error",
    "script.svg": "error",
    "pdf-named.jpg": "error",
    "cmyk.jpg": ("RGB", (64, 48)),
    "grey-16bit.png": ("L", (64, 48)),
    "palette.png": ("RGB", (64, 48)),
    "transparent.png": ("RGB", (64, 48)),
    "one-bit.bmp": ("L", (64, 48)),
    "animated.gif": ("RGB", (64, 48)),
    "one-pixel.png": ("L", (1, 1)),
    "wide-12000x8.png": ("L", (1024, 1)),
}


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def decompression_bomb(side: int = 40_000) -> bytes:
    """A valid 8-bit grey PNG of side x side black pixels: ~1.5 MB on disk, 1.6 GB once decoded."""
    row_block = (b"\x00" * (side + 1)) * 100  # filter byte + pixels, 100 rows at a time
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row_block) for _ in range(side // 100)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", b"".join(parts)) + _png_chunk(b"IEND", b"")


def _encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def build() -> dict[str, bytes]:
    gradient = np.linspace(0, 255, 64 * 48).reshape(48, 64).astype(np.uint8)
    colour = Image.merge("RGB", [Image.fromarray(gradient), Image.fromarray(gradient[::-1]), Image.fromarray(np.ascontiguousarray(gradient[:, ::-1]))])
    valid_png = _encode(colour, "PNG")
    transparent = colour.convert("RGBA")
    transparent.putalpha(Image.fromarray((gradient > 128).astype(np.uint8) * 255))
    frames = [Image.new("RGB", (64, 48), c) for c in ((230, 159, 0), (0, 114, 178), (0, 158, 115))]
    animated = io.BytesIO()
    frames[0].save(animated, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return {
        "empty.png": b"",
        "truncated.png": valid_png[: len(valid_png) // 2],
        "text-named.png": b"This is a text file pretending to be a picture.\n",
        "bomb-40000x40000.png": decompression_bomb(),
        "script.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert('hello')</script><rect width='10' height='10'/></svg>",
        "pdf-named.jpg": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "cmyk.jpg": _encode(colour.convert("CMYK"), "JPEG", quality=90),
        "grey-16bit.png": _encode(Image.fromarray(gradient.astype(np.uint16) * 257), "PNG"),
        "palette.png": _encode(colour.quantize(16), "PNG"),
        "transparent.png": _encode(transparent, "PNG"),
        "one-bit.bmp": _encode(Image.fromarray(gradient > 128).convert("1"), "BMP"),
        "animated.gif": animated.getvalue(),
        "one-pixel.png": _encode(Image.new("L", (1, 1), 128), "PNG"),
        "wide-12000x8.png": _encode(Image.new("L", (12_000, 8), 200), "PNG"),
    }


if __name__ == "__main__":
    for name, data in build().items():
        (HERE / name).write_bytes(data)
        print(f"{name:24s} {len(data):>9,d} bytes")
