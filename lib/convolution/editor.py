"""Reading a kernel typed by a person: cells of text such as "-1", "0.5" or "1/9".

The page's grid editor hands over text, because people type fractions ("1/16") and mistakes ("x", an
empty cell). :func:`kernel_from_cells` always returns a usable kernel plus a list of plain-language
problems it fixed on the way, so the page can show them and keep working.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

SIZES = (3, 5)
#: Largest absolute value a cell may hold; bigger numbers only make the output a wall of white or black.
LIMIT = 1000.0


def parse_cell(text) -> float:
    """One cell as a number: accepts ``3``, ``-0.25``, ``1/9``, a Unicode minus sign and spaces.
    Raises ``ValueError`` for anything else (including an empty cell, NaN and infinity)."""
    if isinstance(text, (int, float, np.number)) and not isinstance(text, bool):
        value = float(text)
    else:
        cleaned = str(text if text is not None else "").strip().replace("−", "-").replace(" ", "")
        if not cleaned:
            raise ValueError("empty cell")
        numerator, _, denominator = cleaned.partition("/")
        value = float(numerator) / float(denominator) if denominator else float(numerator)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def kernel_from_cells(cells) -> tuple[np.ndarray, list[str]]:
    """Turn a square grid of cells (3×3 or 5×5) into a kernel, fixing what it must.

    Empty or unreadable cells count as 0 and huge values are capped at ±:data:`LIMIT`; each fix adds one
    sentence to the returned list of problems. An all-zero kernel is allowed (it is a fair experiment)
    but also reported, since its output is simply black.
    """
    rows = [list(row) for row in cells]
    size = len(rows)
    if size not in SIZES or any(len(row) != size for row in rows):
        raise ValueError(f"The kernel editor needs a 3×3 or 5×5 grid, not {size} rows of {[len(r) for r in rows]}.")
    kernel = np.zeros((size, size))
    empty, unreadable, capped = [], [], []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            where = f"row {r + 1}, column {c + 1}"
            try:
                value = parse_cell(cell)
            except (ValueError, ZeroDivisionError, TypeError):
                (empty if _is_blank(cell) else unreadable).append(f"{where} ({str(cell).strip()!r})")
                continue
            if abs(value) > LIMIT:
                capped.append(where)
                value = math.copysign(LIMIT, value)
            kernel[r, c] = value
    problems = []
    if empty:
        problems.append(f"Empty cells count as 0: {_listing(empty, quoted=False)}.")
    if unreadable:
        problems.append(f"These cells are not numbers, so they count as 0 (type e.g. 2, -0.5 or 1/9): "
                        f"{_listing(unreadable)}.")
    if capped:
        problems.append(f"Numbers bigger than {LIMIT:g} were capped at ±{LIMIT:g}: {_listing(capped)}.")
    if not kernel.any():
        problems.append("Every number in this kernel is 0, so every output pixel is 0: the picture turns black. "
                        "Put a 1 in the centre to get the picture back.")
    return kernel, problems


def _is_blank(cell) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or not str(cell).strip()


def _listing(items: list[str], quoted: bool = True) -> str:
    shown = items if quoted else [item.split(" (")[0] for item in items]
    return "; ".join(shown[:5]) + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")


def format_cell(value: float) -> str:
    """A kernel number as people write it: ``-1``, ``0.5``, or a small fraction such as ``1/16``."""
    if float(value).is_integer():
        return str(int(value))
    fraction = Fraction(float(value)).limit_denominator(256)
    if fraction.denominator <= 256 and math.isclose(float(fraction), value, rel_tol=1e-9, abs_tol=1e-12):
        return f"{fraction.numerator}/{fraction.denominator}"
    return f"{value:.4g}"


def cells_from_kernel(kernel) -> list[list[str]]:
    """The editor's text cells for ``kernel`` (inverse of :func:`kernel_from_cells` up to rounding)."""
    return [[format_cell(value) for value in row] for row in np.asarray(kernel, dtype=float)]


#: Longest kernel text a link may carry: a 5×5 of fractions fits easily; anything longer is not a kernel.
MAX_TEXT = 400


def kernel_to_text(kernel) -> str:
    """``kernel`` as one line for a link: cells joined by commas, rows by semicolons, e.g.
    ``1,0,-1;2,0,-2;1,0,-1`` (fractions stay fractions, so ``1/9`` survives the round trip)."""
    return ";".join(",".join(row) for row in cells_from_kernel(kernel))


def cells_from_text(text: str) -> list[list[str]]:
    """The editor's cells for a kernel written as :func:`kernel_to_text` does. Raises ``ValueError`` with a
    plain sentence unless it is a 3×3 or 5×5 grid; the cells themselves are checked by :func:`kernel_from_cells`."""
    text = str(text).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"A kernel in a link has at most {MAX_TEXT} characters, not {len(text)}.")
    rows = [[cell.strip() for cell in row.split(",")] for row in text.split(";")]
    size = len(rows)
    if size not in SIZES or any(len(row) != size for row in rows):
        raise ValueError("A kernel in a link must be 3×3 or 5×5: rows separated by “;”, numbers by “,”, "
                         "such as 1,0,-1;2,0,-2;1,0,-1.")
    return rows
