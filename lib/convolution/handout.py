"""The /convolution page's "download my results": the learner's kernel, padding and stride, and the picture
before and after, with the link back to exactly that view. Plain Python, no Streamlit."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lib.handout import Handout, escape_markdown
from lib.convolution.editor import format_cell, kernel_to_text

_PADDING_WORDS = {"zero": "zero padding (a frame of 0s)", "edge": "repeat the edge pixels",
                  "valid": "no padding (“valid”: the output shrinks)"}


def handout(link: str, picture: str, preset: str, kernels: Mapping[str, np.ndarray], padding: str, stride: int,
            range_mode: str, before: bytes, after: bytes, signed: bytes | None = None,
            before_size: tuple[int, int] = (0, 0), after_size: tuple[int, int] = (0, 0),
            pixel: tuple[int, int, float] | None = None) -> Handout:
    """A record of one convolution: ``kernels`` maps a name to its numbers (two for Sobel magnitude, one
    otherwise), ``before``/``after``/``signed`` are PNG bytes as the page showed them, sizes are
    (width, height), ``pixel`` the chosen pixel (row, column, its new number). Every text that may come from a
    learner is escaped."""
    record = Handout("My convolution", link, "What I did on the *Image kernels* page of the ML workshop companion.")
    record.heading("My settings")
    record.bullets([
        f"Picture: {escape_markdown(picture)} ({before_size[0]} × {before_size[1]} pixels)",
        f"Kernel: {escape_markdown(preset)}",
        f"Padding: {_PADDING_WORDS.get(padding, escape_markdown(padding))}",
        f"Stride: {int(stride)}",
        f"Numbers below 0 or above 255: {escape_markdown(range_mode)}",
        f"Output size: {after_size[0]} × {after_size[1]} pixels",
        *([f"The pixel I worked out: row {int(pixel[0])}, column {int(pixel[1])}, new number {pixel[2]:.4g}"]
          if pixel else []),
    ])
    for name, values in kernels.items():
        values = np.asarray(values, dtype=float)
        record.heading(f"The kernel: {escape_markdown(name)}")
        record.table([[format_cell(v) for v in row] for row in values],
                     [f"column {c + 1}" for c in range(values.shape[1])],
                     f"{values.shape[0]}×{values.shape[1]} kernel; its numbers add up to {format_cell(round(float(values.sum()), 9))}.")
        record.text(f"As one line (paste it into a link's `kernel=`): `{kernel_to_text(values)}`")
    record.heading("Before and after")
    record.image(before, f"Before: {picture} ({before_size[0]} × {before_size[1]})")
    record.image(after, f"After: {preset}, {padding} padding, stride {stride}, {range_mode} "
                        f"({after_size[0]} × {after_size[1]})")
    if signed is not None:
        record.image(signed, "The signs of the output: blue negative, white 0, vermillion positive")
    record.heading("Open it again")
    record.qr(link)
    return record
