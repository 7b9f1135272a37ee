"""Precompute the ethics page's imbalanced-iris demo, so the page shows it without training.

For every setting the page offers (each species, each share of its training flowers kept) and for the
full training set, train the iris network (lib.iris defaults, seed 0) and record its test accuracy per
species in data/ethics/iris_species_accuracy.json. Run: .venv/bin/python scripts/make_ethics_iris.py
(about a minute per ten trainings on a laptop).
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.ethics import demos  # noqa: E402


def main() -> None:
    settings = [(1.0, 1.0, 1.0)] + [demos.fraction_without(species, keep)
                                    for species in range(3) for keep in demos.KEEP_CHOICES if keep < 1]
    results = {}
    for fraction in settings:
        accuracy = demos.iris_species_accuracy(fraction)
        results[demos.fraction_label(fraction)] = [round(float(a), 6) for a in accuracy]
        print(fraction, results[demos.fraction_label(fraction)], flush=True)
    demos.IRIS_RESULTS.parent.mkdir(parents=True, exist_ok=True)
    demos.IRIS_RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
