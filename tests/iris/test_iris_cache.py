"""lib.iris.cache: identical requests train once, different ones queue (training replaced by a fake)."""

import threading
import time

from lib import iris
from lib.iris import cache
from lib.training import TrainOnce


def test_identical_requests_train_once_even_when_they_arrive_together(monkeypatch):
    calls = []

    def fake_train(config, seed, on_progress=None):
        calls.append((config, seed))
        time.sleep(0.2)
        return object()

    monkeypatch.setattr(cache, "train", fake_train)
    monkeypatch.setattr(cache, "RUNS", TrainOnce(keep=cache.RUNS.keep))
    config = iris.IrisConfig(epochs=2)
    results, waits = [], []
    threads = [threading.Thread(target=lambda: results.append(
        cache.train_cached(config, 7, on_wait=waits.append))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [(config, 7)]
    assert len({id(r) for r in results}) == 1
    assert waits and all(ahead >= 1 for ahead in waits)
    assert cache.cached(config, 7) is results[0]
    assert cache.cached(config, 8) is None


def test_cache_keeps_only_the_most_recent_runs(monkeypatch):
    monkeypatch.setattr(cache, "train", lambda config, seed, on_progress=None: (config, seed))
    monkeypatch.setattr(cache, "RUNS", TrainOnce(keep=cache.RUNS.keep))
    for seed in range(cache.RUNS.keep + 3):
        cache.train_cached(iris.IrisConfig(), seed)
    assert cache.cached(iris.IrisConfig(), 0) is None
    assert cache.cached(iris.IrisConfig(), cache.RUNS.keep + 2) is not None
