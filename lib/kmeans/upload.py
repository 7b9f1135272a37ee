"""Read a user's CSV file of measurements safely: every problem becomes one clear sentence. /kmeans groups the
rows of such a file, and /iris trains its network on one (:mod:`lib.iris.own_data`), so the messages name no
page's task.

:func:`read_table` turns uploaded bytes into a DataFrame (or raises :class:`TableError`), and
:func:`numeric_table` keeps the chosen number columns, dropping rows with gaps and saying how many.
Limits (:data:`MAX_ROWS`, :data:`MAX_COLUMNS`) keep a shared workshop server responsive.
"""

from __future__ import annotations

import csv
import io
import itertools
import re

import numpy as np
import pandas as pd

from lib.handout import code_span

MAX_BYTES = 10 * 1024 * 1024  #: the app's upload limit (.streamlit/config.toml maxUploadSize)
MAX_ROWS = 10_000  #: most data rows a file may have
MAX_COLUMNS = 20  #: most columns a file may have

SEPARATORS = ",;\t"  #: the separators spreadsheets write, in the order a tie is settled
_SNIFF_ROWS = 50
_DECIMAL_COMMA = re.compile(r"[+-]?(\d+,\d*|,\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")  #: "1,234": with comma separators, a thousands group too


class TableError(ValueError):
    """A CSV file that cannot be used, with a message saying what to do."""


def read_table(data: bytes) -> pd.DataFrame:
    """Parse CSV bytes (comma, semicolon or tab separated, with a header row) into a DataFrame.

    The separator is found from the first rows. Numbers written with a decimal comma (12,5) become numbers
    (in a comma-separated file only when quoted, and not when they could be a thousands group like "1,234");
    the separator found is kept in ``table.attrs["separator"]`` for :func:`text_in_numbers`. Raises
    :class:`TableError` with a clear message for an empty file, one that is not CSV or cannot be read, fewer
    than two rows, or more than :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or :data:`MAX_BYTES`.
    """
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
    separator = _separator(text)
    try:
        table = pd.read_csv(io.StringIO(text), sep=separator, engine="python")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, UnicodeError, ValueError) as error:
        raise TableError(f"This file could not be read as CSV ({str(error).splitlines()[0]}). Check that every "
                         "row has the same number of separators (commas, semicolons or tabs).") from None
    table.columns = [str(column).strip() for column in table.columns]
    if table.shape[1] > MAX_COLUMNS:
        raise TableError(f"The file has {table.shape[1]} columns; the most this page takes is {MAX_COLUMNS}. "
                         "Keep only the columns you need.")
    if len(table) > MAX_ROWS:
        raise TableError(f"The file has {len(table):,} rows; the most this page takes is {MAX_ROWS:,}. "
                         "Use a sample of your data.")
    if len(table) < 2:
        raise TableError("The file has fewer than two rows of data: add more rows.")
    table.attrs["separator"] = separator
    for column in table.columns:
        numbers = _decimal_comma_numbers(table[column], separator)
        if numbers is not None:
            table[column] = numbers
    return table


def _separator(text: str) -> str:
    """The separator that splits the first rows into the same number of cells, the most cells winning.

    Spreadsheets in countries that write 12,5 for twelve and a half save semicolon-separated files (or tab
    separated ones) so that the decimal comma is not a separator; a header row alone cannot tell, since a
    decimal comma in a data row would look like a separator there. A single-column file has none: comma.
    """
    counts = {}
    for separator in SEPARATORS:
        try:
            rows = [row for row in itertools.islice(csv.reader(io.StringIO(text), delimiter=separator), _SNIFF_ROWS)
                    if row]
        except csv.Error:  # a field over the csv module's size limit: pandas says so in read_table
            return ","
        widths = [len(row) for row in rows] or [1]
        counts[separator] = (len(set(widths)) == 1, widths[0])
    best = max(SEPARATORS, key=lambda separator: (counts[separator], -SEPARATORS.index(separator)))
    return best if counts[best][1] > 1 else ","


def _numbers(text: pd.Series, separator: str) -> pd.Series:
    """Each (stripped) value of ``text`` as a number, NaN where it is not one.

    In a semicolon or tab separated file a comma inside a number is a decimal comma. In a comma separated file
    it can only be there quoted, as "12,5" (how a spreadsheet set to such a language saves it), or as "1,234",
    which in English means one thousand two hundred and thirty-four: a value whose comma could be a thousands
    separator is not taken as a number there, so :func:`text_in_numbers` points at it instead of guessing.
    """
    decimal_comma = text.map(lambda value: _DECIMAL_COMMA.fullmatch(value) is not None)
    if separator == ",":
        decimal_comma &= ~text.map(lambda value: _THOUSANDS.fullmatch(value) is not None)
    plain = pd.to_numeric(text, errors="coerce")
    return plain.where(~decimal_comma, pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce"))


def _decimal_comma_numbers(values: pd.Series, separator: str) -> pd.Series | None:
    """``values`` as numbers when they all are numbers and some are written with a decimal comma, else None."""
    if pd.api.types.is_numeric_dtype(values):
        return None
    text = values.dropna().astype(str).str.strip()
    if text.empty or not text.str.contains(",", regex=False).any():
        return None
    numbers = _numbers(text, separator)
    return None if numbers.isna().any() else numbers.reindex(values.index).astype(float)


def numeric_columns(table: pd.DataFrame) -> list[str]:
    """Columns that hold numbers (possibly with gaps): the ones k-means can use."""
    return [column for column in table.columns if pd.api.types.is_numeric_dtype(table[column])
            and not pd.api.types.is_bool_dtype(table[column])]


def text_in_numbers(table: pd.DataFrame) -> dict[str, str]:
    """Columns that are mostly numbers but contain some text, with the first offending value, so the
    page can point at the typo (``"12.5.1"``, ``"heavy"``, an ambiguous ``"1,234"``) instead of silently
    ignoring the column."""
    problems = {}
    for column in table.columns:
        if column in numeric_columns(table):
            continue
        values = table[column].dropna().astype(str).str.strip()
        numbers = _numbers(values, table.attrs.get("separator", ","))
        number_like = numbers.notna() | _numbers(values, ";").notna()
        if len(values) and number_like.mean() >= 0.5:
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
