"""Live training shared by every user of a server process: one run at a time, with a visible place in the
queue (:data:`TRAINING`), each setting trained once (:class:`TrainOnce`), and a finished run replayed for
whoever asks again (:func:`replay_frames`).

A room of thirty pressing "Train" together must not start thirty TensorFlow runs on a small server.
Pages wrap live training in ``with TRAINING.turn(on_wait=...)``; the first caller trains at once, the
others wait in line and are told, through ``on_wait(people_ahead)``, how many runs are ahead of them.

Nobody can block the line for good: a waiter who leaves (an exception of any kind while waiting, such as
Streamlit stopping the script because its user changed a widget or closed the tab) takes itself out of the
line, a holder gives the slot back however its block ends, and a holder whose thread died without letting
go is noticed by the next waiter, who takes its place.

Every live training (iris, MNIST, the ethics page's iris demo) goes through a :class:`TrainOnce`, so
identical requests train only once; whoever asks again watches the stored run replayed instead of a second
training.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, TypeVar

Result = TypeVar("Result")

#: How long replaying a finished run takes, in seconds: long enough to see the curves grow, short enough
#: that nobody waits for a run the server already did.
REPLAY_SECONDS = 1.5
#: At most this many redraws per replay (a run with more points skips some in between): a browser redraws a
#: changed chart from scratch, so each frame must stay up well beyond the ~0.1 s that takes.
MAX_REPLAY_FRAMES = 12


class TrainingSlot:
    """A first-come, first-served lock that reports the queue length to whoever is waiting."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        # One place per call to turn(), in arrival order; the first holds the slot. A place records the
        # caller's thread, so a holder that died without letting go can be recognised and passed over.
        self._line: list[_Place] = []

    @contextmanager
    def turn(self, on_wait: Callable[[int], None] | None = None, poll_seconds: float = 0.5) -> Iterator[None]:
        """Wait for this caller's turn, then hold the slot for the ``with`` block.

        ``on_wait(people_ahead)`` is called before waiting and every ``poll_seconds`` while waiting, with
        the number of runs ahead (the one training included); it is not called when the slot is free. It
        runs outside the slot's lock and may raise anything: the caller then leaves the line and the
        exception goes on up. The slot is handed on when the block ends, however it ends.
        """
        place = _Place(threading.current_thread())
        with self._condition:
            self._line.append(place)
        try:
            while (ahead := self._ahead_of(place)) > 0:
                if on_wait is not None:
                    on_wait(ahead)
                with self._condition:
                    if self._ahead_of_locked(place) > 0:  # checked under the lock: no hand-over is missed
                        self._condition.wait(timeout=poll_seconds)
            yield
        finally:
            with self._condition:
                if place in self._line:  # not when a waiter had already found this thread dead
                    self._line.remove(place)
                self._condition.notify_all()

    @property
    def queue_length(self) -> int:
        """Runs training or waiting right now."""
        with self._condition:
            self._drop_dead()
            return len(self._line)

    def _ahead_of(self, place: _Place) -> int:
        with self._condition:
            return self._ahead_of_locked(place)

    def _ahead_of_locked(self, place: _Place) -> int:
        self._drop_dead()
        return self._line.index(place)

    def _drop_dead(self) -> None:
        """Forget callers whose thread ended without leaving the line (it can never let go itself)."""
        alive = [place for place in self._line if place.thread.is_alive()]
        if len(alive) != len(self._line):
            self._line[:] = alive
            self._condition.notify_all()


@dataclass(eq=False)  # compared by identity: each call to turn() is its own place in the line
class _Place:
    thread: threading.Thread


#: The server-wide slot every live training (iris, MNIST, ...) goes through.
TRAINING = TrainingSlot()


class TrainOnce(Generic[Result]):
    """Finished runs shared by every user of a server, by setting: :meth:`train` runs a training once per
    setting, in :data:`TRAINING`'s queue, and keeps the ``keep`` most recently used results (small models)."""

    def __init__(self, keep: int = 32):
        self.keep = keep
        self._results: OrderedDict[Hashable, Result] = OrderedDict()
        self._lock = threading.Lock()  # guards _results; training itself is serialised by TRAINING

    def get(self, setting: Hashable) -> Result | None:
        """The finished run for ``setting`` if this server has one, else None. Never trains."""
        with self._lock:
            result = self._results.get(setting)
            if result is not None:
                self._results.move_to_end(setting)
            return result

    def train(self, setting: Hashable, run: Callable[[], Result],
              on_wait: Callable[[int], None] | None = None) -> Result:
        """The finished run for ``setting``; on a miss, wait for the training slot (hearing
        ``on_wait(runs_ahead)``), look again (the run ahead may have been this very setting), and only then
        call ``run()`` and keep what it returns."""
        result = self.get(setting)
        if result is not None:
            return result
        with TRAINING.turn(on_wait=on_wait):
            result = self.get(setting)
            if result is None:
                result = run()
                with self._lock:
                    self._results[setting] = result
                    while len(self._results) > self.keep:
                        self._results.popitem(last=False)
        return result


@dataclass(frozen=True)
class ReplayFrame:
    """One redraw of a replayed run: its curves as far as they had grown, how far along it is, and how long
    to show this frame before the next."""

    history: dict[str, list[float]]  #: each curve of the finished run, cut to this point
    fraction: float  #: share of the run shown so far, above 0 and up to 1 (for the progress bar)
    pause: float  #: seconds to show this frame


def replay_frames(history: dict[str, list[float]], seconds: float = REPLAY_SECONDS,
                  max_frames: int = MAX_REPLAY_FRAMES) -> list[ReplayFrame]:
    """The frames that replay a finished run's curves as its live training drew them, in about ``seconds``.

    The longest curve sets the pace (iris: one point per epoch; MNIST: one per report): one frame per point,
    or ``max_frames`` evenly spread ones ending at the last point. Shorter curves (MNIST's per-epoch test
    scores) grow in proportion, so each point appears when its part of the run has been replayed. An empty
    history gives no frames.
    """
    points = max((len(values) for values in history.values()), default=0)
    count = min(points, max(1, max_frames))
    shown = [points * (k + 1) // count for k in range(count)]  # strictly rising, ends at every point
    return [ReplayFrame({key: list(values[: len(values) * n // points]) for key, values in history.items()},
                        n / points, max(0.0, seconds) / count) for n in shown]
