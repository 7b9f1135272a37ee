"""One k-means run as the /kmeans page sets it up: the items it groups (:class:`Items`), the settings chosen for
it (:class:`RunSettings`), where its starting centroids come from, and the axes it is plotted on. Plain
Python, no Streamlit: :mod:`lib.ui.kmeans` draws the controls that fill these in."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.kmeans import garden
from lib.kmeans.scatter import region_grid
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.upload import numeric_table

ITEM = "item number"  #: the plot's axis that numbers the items, when only one measurement is chosen
CHOOSE = "choose"  #: the starting-centroid setting's id for "the learner places them"
#: The other ids of the starting-centroid setting and the ``init`` that lib.kmeans takes for each.
STARTS = {"plusplus": "k-means++", "random": "random"}


def columns_key(columns: Sequence[str]) -> str:
    """A key suffix per set of columns: widgets listing columns start afresh when the data's columns change
    (a stale choice from another file would otherwise come back empty)."""
    return f"_{zlib.crc32('|'.join(columns).encode())}"


def plot_axes(features: Sequence[str]) -> list[str]:
    """What the k-means plot may show: the chosen measurements, or the one and the item number."""
    return list(features) if len(features) >= 2 else [*features, ITEM]


def default_axes(axes: Sequence[str]) -> tuple[str, str]:
    """The plot's starting axes for these measurements: the last two (or the one and the item number)."""
    return axes[min(1, len(axes) - 1) if len(axes) > 2 else 0], axes[-1]


def in_table_order(chosen: Sequence[str]) -> list[str]:
    """The garden's chosen measurements in their table order, so a link names each choice one way."""
    return [column for column in garden.MEASUREMENTS if column in chosen]


def numbered(table: pd.DataFrame) -> pd.DataFrame:
    """The items with their item number (1, 2, …), an axis the plot can show."""
    return table.assign(**{ITEM: np.arange(1, len(table) + 1)})


def on_axes(centroids: np.ndarray, features: Sequence[str], x: str, y: str, items: int) -> np.ndarray:
    """The centroids' (x, y) positions on the plot; on the item-number axis they sit halfway along."""
    return np.column_stack([centroids[:, list(features).index(axis)] if axis in features
                            else np.full(len(centroids), items / 2) for axis in (x, y)])


def starts_table(table: pd.DataFrame, features: Sequence[str], clicks: Sequence[dict], k: int) -> pd.DataFrame:
    """The learner's k starting centroids, one row each: the last k clicks (a click gives the two plotted
    measurements; the others take their mean), then empty rows still to fill."""
    typical = table[list(features)].mean()
    rows = [{f: click.get(f, typical[f]) for f in features} for click in clicks[-k:]]
    rows += [{f: np.nan for f in features} for _ in range(k - len(rows))]
    return pd.DataFrame(rows, columns=list(features))


def regions(run: LloydRun, plot_table: pd.DataFrame, features: Sequence[str], x: str, y: str):
    """The plot's background coloured by the nearest centroid (see :func:`lib.kmeans.scatter.region_grid`), or
    None unless k-means uses exactly the two plotted measurements (otherwise it groups elsewhere than the plot)."""
    if sorted(features) != sorted([x, y]):
        return None
    order, working = [[x, y].index(f) for f in features], run.state.centroids
    return region_grid(plot_table, x, y, lambda p: garden.nearest(run.scaler.to_working(p[:, order]), working))


@dataclass(frozen=True)
class Items:
    """The items to group: their table, the measurement columns on offer, their true kinds (None when
    unknown) and where they came from ("garden" or the uploaded file's name)."""

    table: pd.DataFrame
    columns: list[str]
    kinds: pd.Series | None
    name: str

    @classmethod
    def garden(cls) -> Items:
        table = garden.load_garden()
        return cls(table, list(garden.MEASUREMENTS), table["kind"], "garden")

    @classmethod
    def from_upload(cls, table: pd.DataFrame, columns: list[str], truth: str | None, name: str) -> tuple[Items, int]:
        """An uploaded ``table``'s rows complete in the chosen number ``columns``, with their true kinds from
        column ``truth`` (None: unknown), and how many rows were left out; ``ValueError`` saying what is wrong
        (the same checks k-means makes, so the page reports them once)."""
        values, dropped = numeric_table(table, columns)
        garden.as_matrix(values)
        kinds = None if truth is None else table.loc[values.index, truth].astype(str).reset_index(drop=True)
        values = values.reset_index(drop=True).assign(**({} if kinds is None else {truth: kinds}))
        return cls(values, list(columns), kinds, name), dropped

    @property
    def suffix(self) -> str:
        """The key suffix of this data's controls: none for the garden, whose settings travel in the page's
        link; one per set of columns for an upload, so a new file starts with its own choices."""
        return "" if self.name == "garden" else columns_key(self.columns)


@dataclass(frozen=True)
class RunSettings:
    """The k-means settings chosen on the page; ``init`` is the starting-centroid setting's id (a key of
    :data:`STARTS`, or :data:`CHOOSE`)."""

    features: tuple[str, ...]
    k: int
    scale: bool
    init: str
    seed: int
    x: str
    y: str

    @property
    def chooses(self) -> bool:
        """Whether the learner places the starting centroids."""
        return self.init == CHOOSE

    def start(self, chosen: np.ndarray | None = None):
        """The ``init`` lib.kmeans takes (:func:`lib.kmeans.garden.fit`, :meth:`lib.kmeans.lloyd.LloydRun.start`):
        "k-means++", "random", or the learner's ``chosen`` starts, with k-means++ until all are placed."""
        if self.chooses:
            return STARTS["plusplus"] if chosen is None else chosen
        return STARTS[self.init]
