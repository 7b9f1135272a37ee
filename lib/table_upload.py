"""Read a user's CSV file of measurements safely: every problem becomes one clear sentence.

:func:`read_table` turns uploaded bytes into a DataFrame (or raises :class:`TableError`), and
:func:`numeric_table` keeps the chosen number columns, dropping rows with gaps and saying how many.
Limits (:data:`MAX_ROWS`, :data:`MAX_COLUMNS`) keep a shared workshop server responsive.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from lib.handout import code_span

MAX_BYTES = 10 * 1024 * 1024  #: the app's upload limit (.streamlit/config.toml maxUploadSize)
MAX_ROWS = 10_000
MAX_COLUMNS = 20


class TableError(ValueError):
    """A CSV file that cannot be used, with a message saying what to do."""


def read_table(data: bytes) -> pd.DataFrame:
    """Parse CSV bytes (comma, semicolon or tab separated, with a header row) into a DataFrame."""
    if len(data) > MAX_BYTES:
        raise TableError(f"The file is {len(data) / 1024 ** 2:.1f} MB; the most it can be is 10 MB.")
    if not data.strip():
        raise TableError("The file is empty: upload a CSV file with a header row and at least two rows of numbers.")
    if b"\x00" in data[:4096]:
        raise TableError("This is not a CSV text file (it looks like a picture, spreadsheet or other binary file). "
                         "Save it as CSV (comma-separated values) and upload that.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        # sep=None sniffs the separator, so files saved by spreadsheets in other countries work too.
        table = pd.read_csv(io.StringIO(text), sep=None, engine="python")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeError, ValueError) as error:
        raise TableError(f"This file could not be read as CSV ({str(error).splitlines()[0]}). "
                         "Check that every row has the same number of commas.") from None
    table.columns = [str(column).strip() for column in table.columns]
    if table.shape[1] > MAX_COLUMNS:
        raise TableError(f"The file has {table.shape[1]} columns; the most this page takes is {MAX_COLUMNS}. "
                         "Keep only the measurements you want to group.")
    if len(table) > MAX_ROWS:
        raise TableError(f"The file has {len(table):,} rows; the most this page takes is {MAX_ROWS:,}. "
                         "Use a sample of your data.")
    if len(table) < 2:
        raise TableError("The file has fewer than two rows of data: grouping needs at least two items.")
    return table


def numeric_columns(table: pd.DataFrame) -> list[str]:
    """Columns that hold numbers (possibly with gaps): the ones k-means can use."""
    return [column for column in table.columns if pd.api.types.is_numeric_dtype(table[column])
            and not pd.api.types.is_bool_dtype(table[column])]


def text_in_numbers(table: pd.DataFrame) -> dict[str, str]:
    """Columns that are mostly numbers but contain some text, with the first offending value, so the
    page can point at the typo (``"12,5"``, ``"heavy"``) instead of silently ignoring the column."""
    problems = {}
    for column in table.columns:
        if column in numeric_columns(table):
            continue
        values = table[column].dropna().astype(str).str.strip()
        numbers = pd.to_numeric(values, errors="coerce")
        if len(values) and numbers.notna().mean() >= 0.5:
            bad = values[numbers.isna()]
            problems[column] = f"row {bad.index[0] + 1}: {code_span(bad.iloc[0][:30])}"
    return problems


def numeric_table(table: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, int]:
    """The chosen number columns with rows that have a gap removed; returns (table, rows dropped)."""
    if not columns:
        raise TableError("Choose at least one column of numbers to group by.")
    missing = [column for column in columns if column not in numeric_columns(table)]
    if missing:
        raise TableError(f"These columns are not numbers: {', '.join(map(code_span, missing))}.")
    chosen = table[columns].astype(float).replace([np.inf, -np.inf], np.nan)
    complete = chosen.dropna()
    if len(complete) < 2:
        raise TableError("Fewer than two rows have every chosen measurement filled in: fill the gaps or choose "
                         "other columns.")
    return complete, len(chosen) - len(complete)
