"""Train each (config, seed) once per server, one training at a time, so a room pressing "Train" together
shares one run instead of starting thirty.

:func:`train_cached` looks in a small in-memory cache first; on a miss it queues for the server-wide
:data:`lib.training_slot.TRAINING` slot, looks again (the run ahead may have been the same request) and
only then trains. Models are tiny (a few kB), so keeping the most recent few dozen costs little.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from lib.iris.model import IrisConfig, Progress, TrainResult, train
from lib.training_slot import TRAINING

MAX_CACHED = 32  #: finished runs kept per server, the most recently used

_results: OrderedDict[tuple[IrisConfig, int], TrainResult] = OrderedDict()
_lock = threading.Lock()  # guards _results; training itself is serialised by TRAINING


def cached(config: IrisConfig, seed: int) -> TrainResult | None:
    """The finished run for this config and seed if this server has one, else None. Never trains."""
    with _lock:
        result = _results.get((config, seed))
        if result is not None:
            _results.move_to_end((config, seed))
        return result


def train_cached(config: IrisConfig = IrisConfig(), seed: int = 0,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_wait: Callable[[int], None] | None = None) -> TrainResult:
    """:func:`lib.iris.model.train` with a per-server cache and a queue: identical requests train once; others
    wait their turn, hearing ``on_wait(runs_ahead)`` while they wait."""
    result = cached(config, seed)
    if result is not None:
        return result
    with TRAINING.turn(on_wait=on_wait):
        result = cached(config, seed)  # the run we queued behind may have been this very request
        if result is None:
            result = train(config, seed, on_progress)
            with _lock:
                _results[(config, seed)] = result
                while len(_results) > MAX_CACHED:
                    _results.popitem(last=False)
    return result
