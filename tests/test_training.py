"""lib.training: one run at a time, first come first served, waiters told their place."""

import threading
import time

import pytest

from lib.training import TrainingSlot, replay_frames


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


class Leave(BaseException):
    """Stands for Streamlit's StopException / RerunException, which are not ``Exception`` subclasses."""


def _hold(slot: TrainingSlot, release: threading.Event, started: threading.Event, fail=None) -> threading.Thread:
    """A thread that takes the slot, says so, and keeps it until ``release`` is set (then raises ``fail``)."""
    def hold():
        try:
            with slot.turn(poll_seconds=0.01):
                started.set()
                release.wait(timeout=5)
                if fail is not None:
                    raise fail
        except (Leave, RuntimeError):  # the failure the test asked for
            pass
    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert started.wait(timeout=5)
    return thread


def _wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


def _turn_in_thread(slot, results, name, on_wait=None) -> threading.Thread:
    def job():
        try:
            with slot.turn(on_wait=on_wait, poll_seconds=0.01):
                results.append(name)
        except BaseException as error:  # noqa: B036 (the test records how the waiter left)
            results.append(type(error).__name__)
    thread = threading.Thread(target=job, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("leaving", [RuntimeError("the page broke"), Leave()], ids=["Exception", "BaseException"])
def test_a_waiter_who_leaves_gives_up_its_place_and_the_next_caller_still_trains(leaving):
    slot = TrainingSlot()
    release, started = threading.Event(), threading.Event()
    holder = _hold(slot, release, started)
    results = []

    def leave(ahead):
        raise leaving

    waiter = _turn_in_thread(slot, results, "impatient", on_wait=leave)
    waiter.join(timeout=5)
    assert results == [type(leaving).__name__]
    assert slot.queue_length == 1  # only the holder is left
    later = _turn_in_thread(slot, results, "later")
    assert _wait_until(lambda: slot.queue_length == 2)
    release.set()
    holder.join(timeout=5)
    later.join(timeout=5)
    assert results[-1] == "later"
    assert slot.queue_length == 0


def test_a_waiter_who_leaves_after_waiting_a_while_keeps_the_others_in_order():
    slot = TrainingSlot()
    release, started = threading.Event(), threading.Event()
    holder = _hold(slot, release, started)
    results, calls = [], []

    def leave_on_third_call(ahead):
        calls.append(ahead)
        if len(calls) == 3:
            raise Leave()

    first = _turn_in_thread(slot, results, "first")
    assert _wait_until(lambda: slot.queue_length == 2)
    leaving = _turn_in_thread(slot, results, "leaving", on_wait=leave_on_third_call)
    assert _wait_until(lambda: slot.queue_length == 3)
    last = _turn_in_thread(slot, results, "last")
    leaving.join(timeout=5)
    assert calls == [2, 2, 2] and results == ["Leave"]
    assert _wait_until(lambda: slot.queue_length == 3)  # holder, first, last
    release.set()
    for thread in (holder, first, last):
        thread.join(timeout=5)
    assert results == ["Leave", "first", "last"]
    assert slot.queue_length == 0


@pytest.mark.parametrize("failure", [RuntimeError("out of memory"), Leave()], ids=["Exception", "BaseException"])
def test_a_holder_that_fails_hands_the_slot_on(failure):
    slot = TrainingSlot()
    release, started = threading.Event(), threading.Event()
    holder = _hold(slot, release, started, fail=failure)
    results = []
    waiter = _turn_in_thread(slot, results, "next")
    assert _wait_until(lambda: slot.queue_length == 2)
    release.set()
    holder.join(timeout=5)
    waiter.join(timeout=5)
    assert results == ["next"]
    assert slot.queue_length == 0


def test_a_holder_thread_that_dies_without_releasing_is_noticed_and_the_slot_handed_on():
    slot = TrainingSlot()
    abandoned = []  # keeps the entered context alive, so nothing ever closes it: the thread just ends

    def die_holding():
        turn = slot.turn(poll_seconds=0.01)
        turn.__enter__()
        abandoned.append(turn)

    dead = threading.Thread(target=die_holding, daemon=True)
    dead.start()
    dead.join(timeout=5)
    assert abandoned and not dead.is_alive()
    results, places = [], []
    waiter = _turn_in_thread(slot, results, "next", on_wait=places.append)
    waiter.join(timeout=5)
    assert results == ["next"]
    assert slot.queue_length == 0
    assert all(ahead == 1 for ahead in places)  # it may have waited for the dead holder, never behind more



def test_replay_shows_every_epoch_of_a_short_run_growing_one_point_at_a_time():
    history = {"loss": [1.0, 0.6, 0.4], "accuracy": [0.3, 0.7, 0.9], "test_loss": [1.1, 0.7, 0.5],
               "test_accuracy": [0.3, 0.6, 0.9]}
    frames = replay_frames(history, seconds=1.5)
    assert [frame.history["loss"] for frame in frames] == [[1.0], [1.0, 0.6], [1.0, 0.6, 0.4]]
    assert frames[-1].history == history
    assert [frame.fraction for frame in frames] == pytest.approx([1 / 3, 2 / 3, 1])
    assert sum(frame.pause for frame in frames) == pytest.approx(1.5)


def test_replay_of_a_long_run_keeps_to_the_frame_budget_and_ends_complete():
    history = {"loss": [1 / (k + 1) for k in range(100)], "accuracy": [k / 100 for k in range(100)]}
    frames = replay_frames(history, seconds=2.0, max_frames=25)
    lengths = [len(frame.history["loss"]) for frame in frames]
    assert len(frames) == 25 and lengths[-1] == 100
    assert all(a < b for a, b in zip(lengths, lengths[1:]))
    assert all(len(frame.history["accuracy"]) == n for frame, n in zip(frames, lengths))
    assert sum(frame.pause for frame in frames) == pytest.approx(2.0)


def test_replay_grows_per_epoch_curves_in_step_with_the_per_report_ones():
    # MNIST-style: four reports per epoch, test scores once per finished epoch.
    history = {"seen": [128.0 * k for k in range(1, 13)], "loss": [1.0] * 12, "accuracy": [0.5] * 12,
               "epoch": [1.0, 2.0, 3.0], "val_accuracy": [0.8, 0.9, 0.95]}
    frames = replay_frames(history, seconds=1.0, max_frames=12)
    for frame in frames:
        reports = len(frame.history["seen"])
        assert frame.history["epoch"] == history["epoch"][: reports // 4]
        assert len(frame.history["val_accuracy"]) == reports // 4


def test_replay_of_nothing_is_no_frames():
    assert replay_frames({}) == []
    assert replay_frames({"loss": []}) == []


def test_train_once_trains_each_setting_once_and_keeps_the_most_recently_used():
    from lib.training import TrainOnce

    runs, calls = TrainOnce(keep=2), []

    def run(setting):
        calls.append(setting)
        return f"model {setting}"

    assert runs.train("a", lambda: run("a")) == "model a"
    assert runs.train("a", lambda: run("a")) == "model a" and calls == ["a"]
    runs.train("b", lambda: run("b"))
    runs.get("a")  # used: "b" is now the oldest
    runs.train("c", lambda: run("c"))
    assert runs.get("b") is None and runs.get("a") == "model a" and runs.get("c") == "model c"
