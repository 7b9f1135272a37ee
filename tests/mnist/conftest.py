"""What the /mnist tests share: live training replaced by a quick stand-in."""

import pytest

from lib import mnist
from lib.mnist import live
from lib.training import TrainOnce


@pytest.fixture
def trainings(monkeypatch):
    """Live training replaced by a quick stand-in (8 progress reports, the shipped network as the result);
    returns the size of each training set it was given. Its runs are forgotten afterwards."""
    sizes = []

    def quick_train(x, y, *, epochs=1, on_progress=None, **kwargs):
        sizes.append(len(x))
        history = {"seen": [], "loss": [], "accuracy": []}
        for step in range(1, 9):
            history["seen"].append(128.0 * step)
            history["loss"].append(1 / step)
            history["accuracy"].append(1 - 1 / (step + 1))
            on_progress(mnist.Progress(1, epochs, step, 8, history))
        return mnist.load_network(True), history

    monkeypatch.setattr(mnist, "train", quick_train)
    # Its own finished runs, dropped afterwards, so no other test meets the stand-in's.
    monkeypatch.setattr(live, "RUNS", TrainOnce(keep=live.RUNS.keep))
    return sizes
