"""The /mnist page's "download my results": the learner's digit as the network saw it and both networks' answers.

Plain Python (no Streamlit): the page captures its values and hands them to :func:`handout` when a download
button is pressed. A drawing cannot travel in a URL, so the handout is where it is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lib.handout import Handout
from lib.images import to_8bit
from lib.mnist.model import NETWORK_NAMES
from lib.mnist.results import COURSE_IMAGES, answer_or_unsure, course_table, side_by_side
from lib.model_card import ModelCard


def handout(link: str, *, invert: bool, source: str, threshold: float, auto_invert: bool,
            course_probabilities: dict[bool, np.ndarray], digit: np.ndarray | None = None,
            probabilities: dict[bool, np.ndarray] | None = None, flipped: bool = False,
            course_images: np.ndarray | None = None, trained: str = "", cards: Sequence[ModelCard] = (),
            kids: bool = False) -> Handout:
    """A record of the learner's visit to /mnist.

    ``invert``: which network answered (True = trained with inverted copies); ``source``: where the digit
    came from ("Draw", "A course image", …); ``threshold``: the "I don't know" threshold in [0, 1];
    ``auto_invert`` / ``flipped``: whether light backgrounds are swapped, and whether this digit was;
    ``course_probabilities``: each network's probabilities (10, 10) on the course's ten images
    (``course_images``, (10, 28, 28) in [0, 1], shown as a row of pictures when given);
    ``digit``: the 28×28 image in [0, 1] exactly as the network saw it, or None when there was none;
    ``probabilities``: each network's 10 probabilities for ``digit``; ``trained``: a sentence describing
    the learner's own trained network and its accuracy, if they trained one; ``cards``: model cards to add at the
    end (the answering network's, the learner's own), in kid words when ``kids``."""
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold is a share between 0 and 1, got {threshold}; divide a percentage by 100.")
    record = Handout("Handwritten digits: my results", link)
    record.text("The link above opens the page with the same settings. It cannot bring back a drawing or an "
                "upload, so your digit is kept here, exactly as the network saw it.")
    record.heading("My settings")
    record.bullets([
        f"Answering network: **{NETWORK_NAMES[invert]}**",
        f"Where the digit came from: {source}",
        f"Auto-invert light backgrounds: {'on' if auto_invert else 'off'}",
        f"'I don't know' threshold: {threshold:.0%}",
    ])
    record.heading("My digit")
    if digit is None or probabilities is None:
        record.text("There was no digit yet when this was saved: draw, upload or pick one on the page.")
    else:
        record.image(to_8bit(digit),
                     "What the network saw: 28×28 pixels" + (", black and white swapped" if flipped else ""),
                     min_side=168)
        answer = answer_or_unsure(probabilities[invert], threshold)
        said = "I don't know" if answer is None else f"it's a {answer}"
        record.text(f"The answering network says: **{said}**.")
        record.table([[d, *(f"{100 * float(probabilities[net][d]):.1f}" for net in (False, True))]
                      for d in range(10)], ["digit", "plain network (%)", "with inverted copies (%)"],
                     "How sure each network is of each digit.")
    record.heading("The course's ten test images")
    if course_images is not None:
        record.images(list(to_8bit(course_images)),
                      [f"course image {i.name}" for i in COURSE_IMAGES], min_side=56)
    table = course_table(course_probabilities[invert])
    record.table([[name, *(round(float(row[str(d)])) for d in range(10)), row["answer"], row["verdict"]]
                  for name, row in table.iterrows()],
                 ["image", *map(str, range(10)), "answer", "verdict"],
                 f"Probabilities (%) from the network {NETWORK_NAMES[invert]}.")
    record.dataframe(side_by_side(course_probabilities[False], course_probabilities[True]),
                     "Both networks side by side.", index=False)
    record.text("What the images are: " + "; ".join(f"{i.name}: {i.description}" for i in COURSE_IMAGES) + ".")
    if trained:
        record.heading("My own network")
        record.text(trained)
    for card in cards:
        card.add_to(record, kids)
    return record
