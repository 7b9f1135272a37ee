"""lib.training_slot: one run at a time, first come first served, waiters told their place."""

import threading
import time

from lib.training_slot import TrainingSlot


def test_runs_one_at_a_time_in_arrival_order_and_reports_places():
    slot = TrainingSlot()
    order, running, overlaps, places = [], [], [], {}

    def job(name, delay):
        time.sleep(delay)  # arrive in a known order
        with slot.turn(on_wait=lambda ahead: places.setdefault(name, ahead), poll_seconds=0.01):
            running.append(name)
            overlaps.append(len(running))
            order.append(name)
            time.sleep(0.05)
            running.remove(name)

    with slot.turn():
        threads = [threading.Thread(target=job, args=(name, 0.01 * i)) for i, name in enumerate("abc")]
        for thread in threads:
            thread.start()
        time.sleep(0.1)
        assert slot.queue_length == 4
    for thread in threads:
        thread.join(timeout=5)
    assert order == ["a", "b", "c"]
    assert max(overlaps) == 1
    assert places == {"a": 1, "b": 2, "c": 3}
    assert slot.queue_length == 0


def test_slot_is_released_when_training_fails():
    slot = TrainingSlot()
    try:
        with slot.turn():
            raise RuntimeError("out of memory")
    except RuntimeError:
        pass
    with slot.turn(on_wait=lambda ahead: (_ for _ in ()).throw(AssertionError("should not wait"))):
        pass
