"""The /iris page's small tables, as pandas frames ready to show: how the split shares out the species, and
how well the network does on each. Plain Python, no Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.iris.model import SPECIES


def species_counts(y_train, y_test, classes: tuple[str, ...] = SPECIES) -> pd.DataFrame:
    """Flowers of each species (or an own table's ``classes``) on each side of the split: rows "0 setosa" …,
    columns training and test."""
    counts = {side: np.bincount(labels, minlength=len(classes)) for side, labels in (("training", y_train),
                                                                                      ("test", y_test))}
    return pd.DataFrame(counts, index=[f"{k} {name}" for k, name in enumerate(classes)]).rename_axis("species")


def species_scores(y_test, per_species: np.ndarray, classes: tuple[str, ...] = SPECIES) -> pd.DataFrame:
    """Each species' (or an own table's class's) test flowers and the network's accuracy on them
    (``per_species``, NaN for a species with no test flower, shown as a dash)."""
    return pd.DataFrame({"species": classes, "test flowers": np.bincount(y_test, minlength=len(classes)),
                         "accuracy": [f"{a:.0%}" if np.isfinite(a) else "–" for a in per_species]})
