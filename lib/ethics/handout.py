"""The /ethics page's "download my results": the learner's checklist answers and the demos they ran.

Plain Python (no Streamlit). The answers are :func:`lib.ethics.checklist.to_markdown`'s record (notes escaped
there), with its headings moved one level down under the handout's title. Answers never travel in the page's
URL (they can be long and private); the link in the handout reopens the same view, and the JSON export on the
page carries the answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lib.ethics.checklist import ITEMS, progress, to_markdown
from lib.handout import Handout
from lib.model_card import ModelCard


def handout(link: str, answers: dict, demos: Sequence[str] = (), card: ModelCard | None = None,
            kids: bool = False) -> Handout:
    """A record of the learner's checklist: ``answers`` in :mod:`lib.ethics.checklist`'s shape (checked there,
    so a malformed dict raises ``ValueError``), ``demos`` one plain sentence per live demo they ran (written
    by the app, not the learner), and ``card`` the page's worked example, a model card filled in (in kid words
    when ``kids``)."""
    checklist = to_markdown(answers)
    record = Handout("Before you trust a model: my checklist", link)
    record.text("The link above reopens the page with the same demos; it does not carry your answers. To carry "
                "on answering later, use the page's “Download as JSON” and load that file there again.")
    settled = sum(done for _, done, _ in progress(answers))
    record.text(f"**{settled} of {len(ITEMS)} questions settled** (answered yes, no or not applicable).")
    # One level down, so the handout's title stays the only top-level heading.
    record.text(re.sub(r"^#", "##", checklist, flags=re.MULTILINE))
    if demos:
        record.heading("Live demos I ran")
        record.bullets(demos)
    if card is not None:
        card.add_to(record, kids)
        record.text("*The page's worked example, filled in by the app. Write a card like it for your own model.*"
                    if not kids else "*Can you write a report card like this for another robot?*")
    return record
