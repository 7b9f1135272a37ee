"""Train each (config, seed) once per server, one training at a time, so a room pressing "Train" together
shares one run instead of starting thirty (through :class:`lib.training.TrainOnce`). Models are tiny (a few
kB), so keeping the most recent few dozen costs little.
"""

from __future__ import annotations

from typing import Callable

from lib.iris.model import IrisConfig, Progress, TrainResult, train
from lib.training import TrainOnce

RUNS: TrainOnce[TrainResult] = TrainOnce(keep=32)  #: finished runs kept per server, the most recently used


def cached(config: IrisConfig, seed: int) -> TrainResult | None:
    """The finished run for this config and seed if this server has one, else None. Never trains."""
    return RUNS.get((config, seed))


def train_cached(config: IrisConfig = IrisConfig(), seed: int = 0,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_wait: Callable[[int], None] | None = None) -> TrainResult:
    """:func:`lib.iris.model.train` with a per-server cache and a queue: identical requests train once; others
    wait their turn, hearing ``on_wait(runs_ahead)`` while they wait."""
    return RUNS.train((config, seed), lambda: train(config, seed, on_progress), on_wait)
