"""A workshop in a box: many people use one server at once, and some press "Train" together.

Each simulated attendee is a :class:`bench.session.HeadlessSession` (one websocket, as one browser tab)
on a server started for the test on 127.0.0.1 and warmed up as an instructor would, by opening every page
once. The attendees arrive over about ten seconds (one every ``ARRIVAL_GAP``), open a page, and make a few
typical moves there (a slider, a toggle) with a person's pause between moves (``THINK_SECONDS``, seeded);
``trainers`` of them press the iris page's "Train the
network" at the same moment, each with a different number of epochs so that every run really trains
and the server-wide queue (lib.training) is exercised. Bounded: a fixed number of sessions and
moves, a time limit per run, loopback only.

Reported: p50/p95 latency of the ordinary moves, when the last training finished, errors, and the
server's peak resident memory (sampled from /proc every 50 ms).

Run the long version alone with ``.venv/bin/python -m bench.load --sessions 40``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import threading
import time
from dataclasses import dataclass, field

from bench.measure import Figure, rss_bytes
from bench.server import streamlit_server
from bench.session import HeadlessSession, run_in_own_loop

#: What an attendee does on each page: (page, [(widget label, value), ...]).
MOVES: list[tuple[str, list[tuple[str, object]]]] = [
    ("", []),
    ("convolution", [("Show the signs: negative in blue, positive in orange-red", True)]),
    ("mnist", [("Train with inverted copies", True), ("'I don't know' threshold (%)", 80)]),
    ("noise", [("How many copies to combine", 10), ("How many copies to combine", 20)]),
    ("kmeans", [("Number of groups (k)", 4), ("Scale the measurements (standardise)", False)]),
    ("ethics", []),
    ("iris", [("Epochs", 5)]),
]
TRAIN_BUTTON = "Train the network"
ARRIVAL_GAP = 0.5  #: seconds between two attendees opening the link
THINK_SECONDS = (1.0, 3.0)  #: a person's pause between two moves, drawn uniformly per move


@dataclass
class LoadResult:
    move_seconds: list[float] = field(default_factory=list)  #: opening pages and moving widgets
    train_seconds: list[float] = field(default_factory=list)  #: from pressing Train to the trained page
    errors: list[str] = field(default_factory=list)
    peak_megabytes: float = 0.0
    wall_seconds: float = 0.0


async def _attendee(url: str, number: int, trainer: bool, start_training: asyncio.Event, result: LoadResult) -> None:
    page, moves = ("iris", [("Epochs", 6 + number)]) if trainer else MOVES[number % len(MOVES)]
    think = random.Random(number)
    await asyncio.sleep(number * ARRIVAL_GAP)
    try:
        async with HeadlessSession(url) as session:
            for action in [None, *moves]:
                if action is not None:
                    await asyncio.sleep(think.uniform(*THINK_SECONDS))
                run = await (session.run(page) if action is None else session.set_widget(*action))
                result.move_seconds.append(run.seconds)
                result.errors.extend(f"/{page}: {message}" for message in run.exceptions)
            if trainer:
                await start_training.wait()
                run = await session.set_widget(TRAIN_BUTTON, True, timeout=600)
                result.train_seconds.append(run.seconds)
                result.errors.extend(f"/iris training: {message}" for message in run.exceptions)
    except Exception as error:  # a dropped connection or a timeout is a finding, not a crash of the test
        result.errors.append(f"/{page} session {number}: {type(error).__name__}: {error}")


async def warm_up(url: str) -> None:
    """Open every page once, as the instructor does before the room arrives: the first visit to a page
    imports its libraries (TensorFlow takes seconds) and loads its models, once per server."""
    async with HeadlessSession(url) as session:
        for page, _ in MOVES:
            await session.run(page)


async def _workshop(url: str, sessions: int, trainers: int, result: LoadResult) -> None:
    start_training = asyncio.Event()
    tasks = [asyncio.create_task(_attendee(url, n, n < trainers, start_training, result)) for n in range(sessions)]
    # The trainers arrive first; once they have all reached the button, they press it together.
    await asyncio.sleep(trainers * ARRIVAL_GAP + 4 * THINK_SECONDS[1])
    start_training.set()
    await asyncio.gather(*tasks)


def run_load(url: str, pid: int, sessions: int = 20, trainers: int = 5) -> LoadResult:
    """Simulate ``sessions`` attendees on the server at ``url`` (process ``pid``)."""
    result = LoadResult()
    sampling = threading.Event()

    def sample_memory() -> None:
        while not sampling.is_set():
            try:
                result.peak_megabytes = max(result.peak_megabytes, rss_bytes(pid) / 2**20)
            except (OSError, RuntimeError):  # the server has gone: the sessions will report it
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    run_in_own_loop(warm_up(url))
    start = time.perf_counter()
    try:
        run_in_own_loop(_workshop(url, sessions, trainers, result))
    finally:
        result.wall_seconds = time.perf_counter() - start
        sampling.set()
        sampler.join()
    return result


def concurrent_sessions(sessions: int = 20, trainers: int = 5) -> list[Figure]:
    """The benchmark figures for ``sessions`` attendees, ``trainers`` of whom train at once."""
    with streamlit_server() as server:
        result = run_load(server.url, server.pid, sessions, trainers)
    for error in result.errors:
        print(f"load error: {error}")
    moves = sorted(result.move_seconds)
    p95 = moves[min(len(moves) - 1, round(0.95 * (len(moves) - 1)))]
    name = f"{sessions} concurrent sessions, {trainers} train at once"
    healthy = not result.errors and len(result.train_seconds) == trainers
    return [
        Figure(f"{name}: page opens and widget moves (p95 {p95 * 1000:,.0f} ms)", moves, "p95 ≤ 1 s",
               p95 <= 1.0 and healthy),
        Figure(f"{name}: last training done (queue of {trainers})", result.train_seconds or [float("nan")],
               "every session answered", healthy),
        Figure(f"{name}: server peak RSS; errors: {len(result.errors)}", [result.peak_megabytes], "≤ 1.5 GB",
               result.peak_megabytes <= 1536 and healthy, unit="MB"),
    ]


ROOM = 30  #: a workshop room opening the projected link together
ROOM_SPREAD = 1.0  #: seconds over which the room's sessions open the link


async def _burst(url: str, page: str, sessions: int) -> tuple[list[float], list[str]]:
    seconds, errors = [], []

    async def attendee(number: int) -> None:
        await asyncio.sleep(ROOM_SPREAD * number / sessions)
        try:
            async with HeadlessSession(url) as session:
                run = await session.run(page)
            seconds.append(run.seconds)
            errors.extend(f"/{page}: {message}" for message in run.exceptions)
        except Exception as error:  # a dropped connection or a timeout is a finding, not a crash
            errors.append(f"/{page} session {number}: {type(error).__name__}: {error}")

    await asyncio.gather(*(attendee(n) for n in range(sessions)))
    return seconds, errors


def room_burst(sessions: int = ROOM) -> list[Figure]:
    """A room opening one link together (issue #17): ``sessions`` sessions open the same page within
    :data:`ROOM_SPREAD` seconds on one warmed server; p95 from opening to the page having run, per page."""
    figures = []
    with streamlit_server() as server:
        run_in_own_loop(warm_up(server.url))
        for page, _ in MOVES:
            seconds, errors = run_in_own_loop(_burst(server.url, page, sessions))
            for error in errors:
                print(f"burst error: {error}")
            ordered = sorted(seconds) or [float("nan")]
            p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
            figures.append(Figure(f"{sessions} open /{page} within {ROOM_SPREAD:g} s (p95 {p95:.2f} s)", ordered,
                                  "p95 ≤ 2 s", p95 <= 2.0 and not errors and len(seconds) == sessions))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--trainers", type=int, default=5)
    arguments = parser.parse_args()
    for figure in concurrent_sessions(arguments.sessions, arguments.trainers):
        print(figure.row())


if __name__ == "__main__":
    main()
