"""The /noise page's "download my results": the secret, the noise settings, one noisy copy and the average of
the copies combined, with the remaining noise and the link back to exactly that view. Plain Python, no Streamlit."""

from __future__ import annotations

import numpy as np

from lib.handout import Handout, escape_markdown


def handout(link: str, secret_name: str, kind: str, strength: float, copies: int, combined: int, seed: int,
            clip: bool, secret: np.ndarray, first_copy: np.ndarray, mean: np.ndarray,
            noise_one: float, noise_combined: float, message: str | None = None) -> Handout:
    """A record of one noise experiment. ``secret``, ``first_copy`` and ``mean`` (the average of the first
    ``combined`` copies) are uint8 grey pictures; ``noise_one`` and ``noise_combined`` are the
    remaining noise of one copy and of that average. ``message`` is what the learner typed, if anything
    (escaped here, so it is shown as text)."""
    record = Handout("My secret spy message", link,
                     "What I did on the *Secret spy messages* page of the ML workshop companion.")
    record.heading("The secret")
    if message is not None:
        record.text(f"Jane's secret: the message “{escape_markdown(message)}”.")
    else:
        record.text(f"Jane's secret: {escape_markdown(secret_name)}.")
    record.heading("The baddie's noise and Jane's copies")
    record.bullets([
        f"Kind of noise: {escape_markdown(kind)}",
        f"{'Fraction of pixels hit' if 'salt' in kind.lower() else 'Noise strength'}: {strength:g}",
        f"Copies Jane sent: {int(copies)}",
        f"Copies John combined: {int(combined)}",
        f"Random seed: {int(seed)}",
        f"Clipped copies shown on the chart: {'yes' if clip else 'no'}",
    ])
    record.heading("What John saw")
    captions = ["The clean secret", "One noisy copy", f"The average of {int(combined)} copies"]
    record.images([secret, first_copy, mean], captions, min_side=256)
    record.text(f"*In order: {', '.join(c.lower() for c in captions)}.*")
    record.table([[1, noise_one], [int(combined), noise_combined]], ["copies averaged", "remaining noise"],
                 "Remaining noise: the typical distance of a pixel from the secret (0 is perfect). For random "
                 "noise it shrinks like 1/√N, so 4 times as many copies halve it.")
    record.heading("Open it again")
    record.qr(link)
    return record
