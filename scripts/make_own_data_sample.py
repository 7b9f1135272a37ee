"""Make data/own_data_sample.csv: the sample table offered on /iris for "My own table" (issue #18).

Run from the repository root: ``.venv/bin/python scripts/make_own_data_sample.py``. The output is the same on
every run (fixed seed), so the file in git can always be rebuilt and checked (tests/iris/test_iris_own_data.py).

Made up, not measured: penguins of three species drawn around the averages and spreads published for the
Palmer Archipelago penguins (Gorman, Williams & Fraser 2014), in centimetres and kilograms so that every column
is a number of the iris measurements' size (the course's network gets no rescaling of its inputs). As in the
real data, bill length tells Adélie penguins from the other two and bill depth, flipper length and body mass
tell Gentoo penguins from the other two: no one column is enough, which is why the network needs them all.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2014  # the year the penguins were published
OUT = Path(__file__).resolve().parent.parent / "data" / "own_data_sample.csv"
COLUMNS = ("bill_length_cm", "bill_depth_cm", "flipper_length_cm", "body_mass_kg")
#: Per species: (mean, standard deviation) of each column, and how many penguins.
SPECIES = {
    "Adelie": (((3.88, 0.27), (1.83, 0.12), (19.0, 0.65), (3.70, 0.46)), 40),
    "Chinstrap": (((4.88, 0.33), (1.84, 0.11), (19.6, 0.71), (3.73, 0.38)), 40),
    "Gentoo": (((4.75, 0.31), (1.50, 0.10), (21.7, 0.65), (5.08, 0.50)), 40),
}
DECIMALS = {"bill_length_cm": 2, "bill_depth_cm": 2, "flipper_length_cm": 1, "body_mass_kg": 2}


def make_sample(seed: int = SEED) -> pd.DataFrame:
    """The sample penguins, shuffled, rounded like a measurement (0.1 mm for a bill, 1 mm for a flipper, 10 g)."""
    rng = np.random.default_rng(seed)
    parts = []
    for name, (spreads, count) in SPECIES.items():
        values = {column: rng.normal(mean, sd, count) for column, (mean, sd) in zip(COLUMNS, spreads)}
        parts.append(pd.DataFrame({**values, "species": name}))
    table = pd.concat(parts, ignore_index=True).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    return table.round(DECIMALS)


if __name__ == "__main__":
    sample = make_sample()
    sample.to_csv(OUT, index=False)
    print(f"Wrote {len(sample)} penguins to {OUT}")
    print(sample.groupby("species").describe().T.round(2).to_string())
