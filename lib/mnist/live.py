""""Train it yourself" on /mnist: a fresh course network trained on the learner's choice of digits and
augmentations, once per choice per server (through :class:`lib.training.TrainOnce`, in the server's one
training queue), so a room pressing Train on the same choice shares one run and everyone else watches it
replayed. A run keeps its model (about 0.9 MB), so only the 20 most recently used are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from lib import mnist
from lib.mnist.augment import Augmentations, augment
from lib.mnist.results import per_digit_accuracy
from lib.training import TrainOnce

#: The training-set sizes a learner may choose from the 60,000 MNIST digits.
SIZES = (1_000, 2_000, 5_000, 10_000, 20_000)


@dataclass(frozen=True)
class LiveSetting:
    """What a learner chose to train: the first ``size`` MNIST training digits, ``epochs`` passes over them,
    changed as ``wants`` says. Hashable: it keys the finished runs."""

    size: int = 10_000
    epochs: int = 1
    wants: Augmentations = Augmentations(invert=True)

    def describe(self) -> str:
        """In plain words, e.g. "1,000 digits, 1 epoch(s), inverted copies"."""
        return f"{self.size:,} digits, {self.epochs} epoch(s), {self.wants.describe()}"


@dataclass(frozen=True)
class LiveRun:
    """A finished live training: the Keras model, its curves, and its accuracy on the test digits as they are
    and inverted, and on each digit (as they are; for its model card)."""

    model: Any
    history: dict[str, list[float]]
    normal: float
    inverted: float
    per_digit: tuple[float, ...] = ()


RUNS: TrainOnce[LiveRun] = TrainOnce(keep=20)  #: finished runs kept per server, the most recently used


def report_every(images: int) -> int:
    """Batches between progress reports for a run over ``images`` digits: about ten points per epoch even on a
    small run, so its curve visibly grows, and at most every 20 batches on a big one."""
    return max(1, min(20, images // (10 * mnist.BATCH_SIZE)))


def cached(setting: LiveSetting) -> LiveRun | None:
    """The finished run for ``setting`` if this server has one, else None. Never trains."""
    return RUNS.get(setting)


def train_cached(setting: LiveSetting, on_progress: Callable[[mnist.Progress], None] | None = None,
                 on_wait: Callable[[int], None] | None = None,
                 on_start: Callable[[], None] | None = None) -> LiveRun:
    """The run for ``setting``, trained now unless this server already has it or trains it while this caller
    waits its turn (hearing ``on_wait(runs_ahead)``). A run trained for this caller calls ``on_start()`` when
    its turn comes, before loading the digits and starting TensorFlow, then reports ``on_progress``."""
    return RUNS.train(setting, lambda: _train(setting, on_progress, on_start), on_wait)


def _train(setting: LiveSetting, on_progress: Callable[[mnist.Progress], None] | None,
           on_start: Callable[[], None] | None) -> LiveRun:
    if on_start is not None:
        on_start()
    x_few, y_few, x_test, y_test = mnist.load_data(train_size=setting.size)
    x_train, y_train = augment(x_few, y_few, setting.wants)
    del x_few  # the digits before augmenting are not needed while the network trains
    model, history = mnist.train(x_train, y_train, epochs=setting.epochs, on_progress=on_progress,
                                 report_every=report_every(len(x_train)))
    probabilities = mnist.predict(model, x_test)
    return LiveRun(model, history, float(np.mean(probabilities.argmax(axis=1) == y_test)),
                   mnist.accuracy(model, mnist.invert(x_test), y_test),
                   tuple(float(a) for a in per_digit_accuracy(probabilities, y_test)))
