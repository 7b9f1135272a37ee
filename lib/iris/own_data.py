"""A learner's own table for the iris network (issue #18): numeric measurement columns and one label column,
uploaded (CSV or TSV, decimal commas included, read by :func:`lib.kmeans.upload.read_table`) or typed in.

:func:`own_data` checks the table once, at the boundary, and gives an :class:`OwnData`: the rows the network can
use, the label column, the input columns and the class names. A table it cannot use raises
:class:`OwnDataError` with one sentence saying what to do, and the page keeps the iris flowers. The limits:

- :data:`MAX_ROWS` rows: the playground's decision map draws every row again after each epoch, and a page
  shared by a room must stay quick; a sample of a bigger table teaches the same.
- :data:`MIN_INPUTS` to :data:`MAX_INPUTS` input columns: the decision map spreads two of them; the file reader
  takes at most 20 columns, one of them the label.
- :data:`MIN_CLASSES` to :data:`MAX_CLASSES` classes: each class keeps its own Okabe–Ito colour and marker shape
  on every chart (the palette has seven), and a column with a label per row names rows, not classes.
- :data:`MIN_PER_CLASS` rows of each class: with a quarter kept back for the test, each class then has some
  rows to learn from and usually some to be tested on.

Plain Python (pandas, NumPy): no Streamlit, no TensorFlow.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib import DATA_DIR
from lib.handout import code_span
from lib.kmeans.upload import MAX_COLUMNS, TableError, numeric_columns, read_table, text_in_numbers
from lib.palette import CATEGORICAL

SAMPLE_CSV = DATA_DIR / "own_data_sample.csv"  #: made by scripts/make_own_data_sample.py
MAX_ROWS = 2_000
MIN_INPUTS, MAX_INPUTS = 2, MAX_COLUMNS - 1
MIN_CLASSES, MAX_CLASSES = 2, len(CATEGORICAL)
MIN_PER_CLASS = 5
MIN_ROWS = MIN_CLASSES * MIN_PER_CLASS


class OwnDataError(TableError):
    """A table the network cannot learn from, with a message saying what to do."""


@dataclass(frozen=True, eq=False)
class OwnData:
    """A checked table for the iris network. Equal (and hashed) by its contents' :attr:`digest`, so it can be
    part of a training run's cache key (:class:`lib.iris.model.IrisConfig`)."""

    table: pd.DataFrame  #: the usable rows: the input columns as floats, the label column as text, index 0…n−1
    label: str  #: the column the network learns to predict
    inputs: tuple[str, ...]  #: the columns it predicts from, in the network's input order
    classes: tuple[str, ...]  #: the label's values, in the network's output order
    dropped: int = 0  #: rows left out for a gap in a chosen column
    name: str = ""  #: the uploaded file's name, as the learner named it ("" for a table typed in)
    digest: str = ""  #: SHA-256 of :meth:`csv_text` (filled in by :func:`own_data`)

    def __eq__(self, other) -> bool:
        return isinstance(other, OwnData) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"OwnData({len(self.table)} rows, {len(self.inputs)} inputs, {len(self.classes)} classes, {self.digest[:8]})"

    @property
    def X(self) -> np.ndarray:
        """The inputs, shape (rows, inputs), as floats."""
        return self.table[list(self.inputs)].to_numpy(dtype=float)

    @property
    def y(self) -> np.ndarray:
        """Each row's class as its index in :attr:`classes`, shape (rows,)."""
        return self.table[self.label].map({name: k for k, name in enumerate(self.classes)}).to_numpy(dtype=int)

    def csv_text(self) -> str:
        """The usable rows as CSV text (inputs then label, a header row, numbers written exactly), which reads
        back to the same table: what the notebook carries."""
        buffer = io.StringIO()
        self.table[[*self.inputs, self.label]].to_csv(buffer, index=False, float_format=lambda value: repr(float(value)), lineterminator="\n",
                                                     quoting=csv.QUOTE_MINIMAL)
        return buffer.getvalue()

    def summary(self) -> str:
        """One Markdown line about the table, every name a learner chose inside a code span."""
        return (f"{len(self.table):,} rows, {len(self.inputs)} inputs "
                f"({', '.join(map(code_span, self.inputs))}) and {len(self.classes)} classes in "
                f"{code_span(self.label)} ({', '.join(map(code_span, self.classes))})")


def read_own_table(data: bytes) -> pd.DataFrame:
    """An uploaded CSV or TSV file as a table (:func:`lib.kmeans.upload.read_table`: the separator is found,
    decimal commas become numbers, files too big or not text are refused with :class:`TableError`)."""
    return read_table(data)


def sample_table() -> pd.DataFrame:
    """The sample table offered on the page: 120 made-up penguins of three species (data/README.md)."""
    return pd.read_csv(SAMPLE_CSV)


def default_choice(table: pd.DataFrame) -> tuple[str | None, list[str]]:
    """A first guess at the label and input columns: the last column that is not numbers and names
    :data:`MIN_CLASSES` to :data:`MAX_CLASSES` classes, else the last column that is not numbers (so its message
    shows), else the last number column naming that many classes, else None; and every other number column (at
    most :data:`MAX_INPUTS`)."""
    numbers = numeric_columns(table)
    texts = [column for column in table.columns if column not in numbers]

    def classes(columns: list[str]) -> str | None:
        return next((c for c in reversed(columns) if MIN_CLASSES <= table[c].nunique() <= MAX_CLASSES), None)

    label = classes(texts) or (texts[-1] if texts else classes(numbers))
    return label, [column for column in numbers if column != label][:MAX_INPUTS]


def _label_text(values: pd.Series) -> pd.Series:
    """Labels as text: whole numbers without ".0" (a label column with a gap reads as floats)."""
    def text(value) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()
    return values.map(text)


def _class_order(names) -> tuple[str, ...]:
    """Class names sorted, numerically when every one is a number (so "2" comes before "10")."""
    try:
        return tuple(sorted(names, key=float))
    except ValueError:
        return tuple(sorted(names))


def own_data(table: pd.DataFrame, label: str, inputs, name: str = "") -> OwnData:
    """Check ``table`` (the file ``name``, if uploaded) with its ``label`` column and ``inputs`` columns and
    return the usable :class:`OwnData`; rows with a gap in a chosen column are left out (counted in
    ``dropped``). Raises :class:`OwnDataError`, saying what to do, when the choice is empty or overlaps, an input
    holds text, or the rows left are too few or too many, name one class only, a class per row or more than
    :data:`MAX_CLASSES` classes, or leave a class with fewer than :data:`MIN_PER_CLASS` rows."""
    inputs = list(dict.fromkeys(inputs))
    if label not in table.columns:
        raise OwnDataError("Choose the column that holds the labels (the classes the network should learn).")
    if label in inputs:
        raise OwnDataError(f"{code_span(label)} is the label column, so it cannot be an input too: "
                           "take it out of the inputs.")
    missing = [column for column in inputs if column not in table.columns]
    if missing:
        raise OwnDataError(f"The table has no column {code_span(missing[0])}: choose the inputs again.")
    if len(inputs) < MIN_INPUTS:
        raise OwnDataError(f"Choose at least {MIN_INPUTS} input columns (measurements): the network needs "
                           "something to learn from, and the map spreads two of them.")
    if len(inputs) > MAX_INPUTS:
        raise OwnDataError(f"Choose at most {MAX_INPUTS} input columns; {len(inputs)} are chosen.")
    typos = text_in_numbers(table)
    for column in inputs:
        if column in typos:
            raise OwnDataError(f"{code_span(column)} is mostly numbers but has text in it ({typos[column]}). "
                               "Fix that value in the table and load it again.")
        if column not in numeric_columns(table):
            raise OwnDataError(f"{code_span(column)} holds text, not numbers: an input must be a measurement. "
                               "Take it out of the inputs (or choose it as the label).")
    numbers = table[inputs].astype(float).replace([np.inf, -np.inf], np.nan)
    present = table[label].notna()
    labels = _label_text(table.loc[present, label]).reindex(table.index)
    usable = numbers.notna().all(axis=1) & labels.notna() & (labels != "")
    if usable.sum() > MAX_ROWS:
        raise OwnDataError(f"The table has {int(usable.sum()):,} rows; the most this page trains on is "
                           f"{MAX_ROWS:,}. Use a sample of your data.")
    kept = pd.concat([numbers[usable], labels[usable].rename(label)], axis=1).reset_index(drop=True)
    counts = kept[label].value_counts()
    if len(counts) < MIN_CLASSES:
        which = f"only {code_span(counts.index[0])}" if len(counts) else "no labels"
        raise OwnDataError(f"{code_span(label)} has {which}: the network needs at least {MIN_CLASSES} classes to "
                           "tell apart. Choose another label column, or add rows of another class.")
    if len(counts) == len(kept) and len(kept) >= MIN_ROWS:
        raise OwnDataError(f"Every row has its own label in {code_span(label)}: that names the rows (like an ID), "
                           "it does not sort them into classes. Choose a column whose values are shared by "
                           "several rows.")
    if len(counts) > MAX_CLASSES:
        raise OwnDataError(f"{code_span(label)} has {len(counts):,} different labels; this page tells at most "
                           f"{MAX_CLASSES} classes apart. Choose a label column with fewer classes.")
    if len(kept) < MIN_ROWS:
        raise OwnDataError(f"Only {len(kept)} rows have every chosen column filled in; the network needs at least "
                           f"{MIN_ROWS} ({MIN_PER_CLASS} of each class) to learn from some and be tested on "
                           "others. Add rows.")
    small = counts[counts < MIN_PER_CLASS]
    if len(small):
        raise OwnDataError(f"The class {code_span(small.index[0])} has only {int(small.iloc[0])} "
                           f"row{'s' if small.iloc[0] != 1 else ''}; every class needs at least {MIN_PER_CLASS}. "
                           "Add rows of that class, or remove it.")
    data = OwnData(kept, label, tuple(inputs), _class_order(counts.index), int((~usable).sum()), name)
    object.__setattr__(data, "digest", hashlib.sha256(data.csv_text().encode()).hexdigest())
    return data
