"""Draw the home page's card pictures into data/cards/<slug>.png with :mod:`lib.cards`.

Run from the repository root: ``.venv/bin/python scripts/make_cards.py``. The home page shows these files
rather than drawing the pictures itself, so it stays instant (drawing them takes about a second and loads
scikit-learn and plotly); a test checks the files still match what :mod:`lib.cards` draws.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.cards import CARDS_DIR, PICTURES, card_png  # noqa: E402

if __name__ == "__main__":
    CARDS_DIR.mkdir(exist_ok=True)
    for slug in PICTURES:
        (CARDS_DIR / f"{slug}.png").write_bytes(card_png(slug))
        print(f"wrote {CARDS_DIR / slug}.png")
