"""Make data/garden.csv: what the garden robot picked up (woodlice, ladybirds, small stones).

Run from the repository root: ``.venv/bin/python scripts/make_garden.py``. The output is the same on
every run (fixed seed), so the file in git can always be rebuilt and checked.

The sizes are realistic, not measured: each kind is drawn around typical published sizes, and weights
follow from size rather than being drawn independently, so the numbers hang together.

- Woodlice (common rough woodlouse, *Porcellio scaber*): adults 10-17 mm long, about half as wide;
  fresh adults weigh roughly 30-90 mg. Weight grows with the cube of length.
- Ladybirds (seven-spot, *Coccinella septempunctata*): 5.2-8 mm long, almost round (width about 0.8 of
  the length); adults weigh around 25-45 mg.
- Small stones (garden gravel / pea shingle): 8-20 mm long; weight is that of a rough ellipsoid of
  quartz-like rock (density 2.65 g/cm3), so 0.2-3 g, far heavier than any bug.

That makes the workshop's story hold: a histogram of weight shows two groups (bugs and stones), and a
scatter of length against weight (or width against length) shows three.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2019  # the year of the workshop
COUNTS = {"woodlouse": 120, "ladybird": 100, "stone": 80}
OUT = Path(__file__).resolve().parent.parent / "data" / "garden.csv"
ROCK_DENSITY_G_PER_MM3 = 2.65e-3


def woodlice(rng: np.random.Generator, n: int) -> pd.DataFrame:
    length = np.clip(rng.normal(13.0, 1.2, n), 10.5, 17.0)
    width = length * rng.normal(0.48, 0.03, n)
    weight = 0.060 * (length / 13.0) ** 3 * rng.lognormal(0.0, 0.12, n)
    return pd.DataFrame({"width_mm": width, "length_mm": length, "weight_g": weight, "kind": "woodlouse"})


def ladybirds(rng: np.random.Generator, n: int) -> pd.DataFrame:
    length = np.clip(rng.normal(6.6, 0.55, n), 5.2, 8.0)
    width = length * rng.normal(0.82, 0.03, n)
    weight = 0.035 * (length / 6.6) ** 3 * rng.lognormal(0.0, 0.10, n)
    return pd.DataFrame({"width_mm": width, "length_mm": length, "weight_g": weight, "kind": "ladybird"})


def stones(rng: np.random.Generator, n: int) -> pd.DataFrame:
    length = np.clip(rng.normal(14.5, 1.6, n), 11.0, 20.0)
    width = length * rng.uniform(0.72, 0.92, n)
    thickness = width * rng.uniform(0.5, 0.7, n)
    weight = ROCK_DENSITY_G_PER_MM3 * np.pi / 6 * length * width * thickness
    return pd.DataFrame({"width_mm": width, "length_mm": length, "weight_g": weight, "kind": "stone"})


def make_garden(seed: int = SEED) -> pd.DataFrame:
    """All items, shuffled (the robot picks them up in no particular order), rounded like a real
    measurement: 0.1 mm on the calipers, 1 mg on the scales."""
    rng = np.random.default_rng(seed)
    makers = {"woodlouse": woodlice, "ladybird": ladybirds, "stone": stones}
    items = pd.concat([makers[kind](rng, n) for kind, n in COUNTS.items()], ignore_index=True)
    items = items.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    return items.round({"width_mm": 1, "length_mm": 1, "weight_g": 3})


if __name__ == "__main__":
    garden = make_garden()
    garden.to_csv(OUT, index=False)
    print(f"Wrote {len(garden)} items to {OUT}")
    print(garden.groupby("kind").describe().T.round(3).to_string())
