"""The /iris page's "download my results": the learner's network design, seed, training settings and what the
trained network scored, as a :class:`lib.handout.Handout`. Plain Python, no Streamlit, no TensorFlow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from lib.handout import Handout, code_span
from lib.iris.model import FEATURES, IrisConfig
from lib.model_card import ModelCard


def design_rows(config: IrisConfig, seed: int) -> list[tuple[str, str]]:
    """The design and training settings as (what, value) rows, in the page's words."""
    layers = " → ".join(map(str, config.layer_sizes))
    data = [] if config.data is None else [("Data", f"my own table: {config.data.summary()}")]
    items = "flowers" if config.data is None else "rows"
    return data + [("Layers (inputs → hidden → outputs)", layers),
            ("Activation of the hidden neurons", config.activation if config.hidden_layers else "none (no hidden layer)"),
            ("Weights and biases to learn", f"{config.parameter_count:,}"),
            ("Learning rate (Adam)", f"{config.learning_rate:g}"),
            ("Epochs", str(config.epochs)),
            ("Batches per epoch", str(config.steps_per_epoch)),
            ("Batch size", str(config.batch_size)),
            (f"Share of {items} kept for the test", f"{config.test_fraction:.0%}"),
            (f"Training {items} used", "all" if config.train_size is None else str(config.train_size)),
            ("Random seed", str(seed))]


def handout(link: str, config: IrisConfig, seed: int, test_accuracy: float | None = None,
            history: Mapping[str, Sequence[float]] | None = None, confusion: np.ndarray | None = None,
            examples: Sequence[str] = (), flower: Sequence[float] | None = None, verdict: str = "",
            card: ModelCard | None = None, kids: bool = False) -> Handout:
    """A record of the learner's iris network. ``test_accuracy``, ``history`` (per-epoch "accuracy",
    "test_accuracy", "loss", "test_loss"), ``confusion`` (3×3, row = true species) and ``examples`` (the course's
    example-flower lines) come from the trained network and are left out when it has not been trained yet;
    ``flower`` (four measurements in cm) and ``verdict`` record the learner's own flower; ``card`` is the
    network's model card (:func:`lib.iris.card.model_card`), added last, in kid words when ``kids``. With an own
    table (``config.data``) the record names it and its classes; its rows stay in the notebook."""
    record = Handout("My iris network", link, "The neural network I designed on the iris page and how it did. "
                     "The link opens the page with this design and seed; press *Train the network* there to "
                     "get exactly this run again (training is seeded).")
    record.heading("My network")
    record.table(design_rows(config, seed), ["Setting", "Value"])
    if test_accuracy is None:
        record.text("*Not trained yet when this record was made.*")
        return _with_card(record, card, kids)
    record.heading("How it did")
    record.bullets([f"Test accuracy: **{test_accuracy:.1%}** (flowers it never trained on)"]
                   + ([f"Training accuracy, last epoch: {history['accuracy'][-1]:.1%}"] if history else []))
    if history:
        rows = [(epoch, history["loss"][k], history["test_loss"][k], f"{history['accuracy'][k]:.1%}",
                 f"{history['test_accuracy'][k]:.1%}") for k, epoch in enumerate(range(1, len(history["loss"]) + 1))]
        record.table(rows, ["Epoch", "Training loss", "Test loss", "Training accuracy", "Test accuracy"],
                     "Training, epoch by epoch.")
    if confusion is not None:
        # An own table's class names are the learner's text: code spans, never Markdown.
        names = config.classes if config.data is None else [code_span(name) for name in config.classes]
        rows = [[f"true {name}", *map(int, row)] for name, row in zip(names, np.asarray(confusion))]
        record.table(rows, ["", *(f"predicted {name}" for name in names)],
                     "Confusion table of the test flowers: the diagonal counts the right answers.")
    if examples:
        record.heading("The course's three example flowers")
        record.bullets(f"`{line}`" for line in examples)
    if flower is not None:
        record.heading("The flower I measured")
        record.table([(name, f"{value:.1f}") for name, value in zip(FEATURES, flower)], ["Measurement", "cm"])
        if verdict:
            record.text(verdict)
    return _with_card(record, card, kids)


def _with_card(record: Handout, card: ModelCard | None, kids: bool) -> Handout:
    return record if card is None else card.add_to(record, kids)
