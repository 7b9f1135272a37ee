"""One training at a time across every user of a server process, with a visible place in the queue.

A room of thirty pressing "Train" together must not start thirty TensorFlow runs on a small server.
Pages wrap live training in ``with TRAINING.turn(on_wait=...)``; the first caller trains at once, the
others wait in line and are told, through ``on_wait(people_ahead)``, how many runs are ahead of them.
Results are cached per configuration by the pages, so identical requests train only once.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator


class TrainingSlot:
    """A first-come, first-served lock that reports the queue length to whoever is waiting."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._next_ticket = 0  # handed to the next caller
        self._now_serving = 0  # the ticket allowed to train

    @contextmanager
    def turn(self, on_wait: Callable[[int], None] | None = None, poll_seconds: float = 0.5) -> Iterator[None]:
        """Wait for this caller's turn, then hold the slot for the ``with`` block.

        ``on_wait(people_ahead)`` is called before waiting and every ``poll_seconds`` while waiting, with
        the number of runs ahead (the one training included); it is not called when the slot is free.
        """
        with self._condition:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._now_serving:
                if on_wait is not None:
                    on_wait(ticket - self._now_serving)
                self._condition.wait(timeout=poll_seconds)
        try:
            yield
        finally:
            with self._condition:
                self._now_serving += 1
                self._condition.notify_all()

    @property
    def queue_length(self) -> int:
        """Runs training or waiting right now."""
        with self._condition:
            return self._next_ticket - self._now_serving


#: The server-wide slot every live training (iris, MNIST, ...) goes through.
TRAINING = TrainingSlot()
