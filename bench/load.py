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

Run the long version alone with ``.venv/bin/python -m bench.load --sessions 40``. How many sessions one server
holds with p95 ≤ 1 s (:func:`find_capacity`, a ramp; sessions stay open and keep moving, no training):
``.venv/bin/python -m bench.load --capacity`` (tens of minutes; run it alone on the machine being sized).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from dataclasses import dataclass, field

from bench.measure import Figure, PeakMemory, p95
from bench.server import streamlit_server
from bench.session import HeadlessSession, run_in_own_loop

#: What an attendee does on each page: (page, [(widget label, value), ...]), with the playground's controls (the
#: steps below are drawn only once opened).
MOVES: list[tuple[str, list[tuple[str, object]]]] = [
    ("", []),
    ("convolution", [("Pixel column (left to right)", 3)]),
    ("mnist", [("Train with inverted copies", True)]),
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
    run_in_own_loop(warm_up(url))
    start = time.perf_counter()
    with PeakMemory(pid) as memory:
        try:
            run_in_own_loop(_workshop(url, sessions, trainers, result))
        finally:
            result.wall_seconds = time.perf_counter() - start
    result.peak_megabytes = memory.peak
    return result


def concurrent_sessions(sessions: int = 20, trainers: int = 5) -> list[Figure]:
    """The benchmark figures for ``sessions`` attendees, ``trainers`` of whom train at once."""
    with streamlit_server() as server:
        result = run_load(server.url, server.pid, sessions, trainers)
    for error in result.errors:
        print(f"load error: {error}")
    moves = sorted(result.move_seconds)
    slowest = p95(moves)
    name = f"{sessions} concurrent sessions, {trainers} train at once"
    healthy = not result.errors and len(result.train_seconds) == trainers
    return [
        Figure(f"{name}: page opens and widget moves (p95 {slowest * 1000:,.0f} ms)", moves, "p95 ≤ 1 s",
               slowest <= 1.0 and healthy),
        Figure(f"{name}: last training done (queue of {trainers})", result.train_seconds or [float("nan")],
               "every session answered", healthy),
        Figure(f"{name}: server peak RSS; errors: {len(result.errors)}", [result.peak_megabytes], "≤ 1.5 GB",
               result.peak_megabytes <= 1536 and healthy, unit="MB"),
    ]


ROOM = 30  #: a workshop room opening the projected link together
ROOM_SPREAD = 1.0  #: seconds over which the room's sessions open the link


async def burst(url: str, page: str, sessions: int) -> tuple[list[float], list[str]]:
    """``sessions`` sessions open ``page`` within :data:`ROOM_SPREAD` seconds: each one's seconds until the page
    had run, and the errors seen."""
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
            seconds, errors = run_in_own_loop(burst(server.url, page, sessions))
            for error in errors:
                print(f"burst error: {error}")
            slowest = p95(seconds)
            figures.append(Figure(f"{sessions} open /{page} within {ROOM_SPREAD:g} s (p95 {slowest:.2f} s)",
                                  sorted(seconds) or [float("nan")], "p95 ≤ 2 s",
                                  slowest <= 2.0 and not errors and len(seconds) == sessions))
    return figures


@dataclass
class CapacityStep:
    """One level of :func:`find_capacity`'s ramp."""

    sessions: int  #: sessions open at once, each moving a widget every few seconds
    p95_seconds: float  #: p95 of their page opens and widget moves
    moves: int
    errors: list[str]
    peak_megabytes: float  #: the server's peak resident memory so far (the ramp runs on one server)

    @property
    def met(self) -> bool:
        return not self.errors and self.p95_seconds <= CAPACITY_P95


CAPACITY_P95 = 1.0  #: seconds: the interaction target one replica must hold (issue #19)
CAPACITY_ARRIVALS = 10.0  #: seconds over which a level's sessions open the link


async def steady_attendee(url: str, number: int, sessions: int, arrivals: float, until: float,
                           result: LoadResult) -> None:
    """Open a page and keep making its moves (reopening the page where it has none), with a person's pause
    between two, until ``until``; the session stays open all along, as a tab in a workshop does."""
    page, moves = MOVES[number % len(MOVES)]
    think = random.Random(number)
    await asyncio.sleep(arrivals * number / sessions)
    try:
        async with HeadlessSession(url) as session:
            run = await session.run(page)
            result.move_seconds.append(run.seconds)
            step = 0
            while time.monotonic() < until:
                await asyncio.sleep(think.uniform(*THINK_SECONDS))
                if moves:
                    label, value = moves[step % len(moves)]
                    # Alternate between the move's value and the page's own, so every move changes something.
                    run = await session.set_widget(label, value if step % (2 * len(moves)) < len(moves)
                                                   else _default_of(session, label))
                else:
                    run = await session.run(page)
                step += 1
                result.move_seconds.append(run.seconds)
                result.errors.extend(f"/{page}: {message}" for message in run.exceptions)
    except Exception as error:  # a dropped connection or a timeout is a finding, not a crash
        result.errors.append(f"/{page} session {number}: {type(error).__name__}: {error}")


def _default_of(session: HeadlessSession, label: str):
    """The default value of the widget labelled ``label`` on the session's last run."""
    for element in session.last.elements:
        proto = getattr(element, element.WhichOneof("type"))
        if getattr(proto, "label", None) == label:
            default = proto.default
            return default[0] if hasattr(default, "__len__") and not isinstance(default, str) else default
    raise LookupError(label)


def find_capacity(url: str, pid: int, start: int = 10, step: int = 10, most: int = 200,
                  seconds: float = 60.0, arrivals: float = CAPACITY_ARRIVALS) -> list[CapacityStep]:
    """How many sessions one server holds with p95 interaction ≤ :data:`CAPACITY_P95`: ramp from ``start``
    sessions by ``step``, each level open at once for ``seconds`` after arriving over ``arrivals`` seconds,
    and stop after the first level that misses (or at ``most``). The
    server at ``url`` (process ``pid``) should be warmed up (:func:`warm_up`). Returns every level run; the
    capacity is the last one that :attr:`CapacityStep.met`. No training runs here: measure it on top."""
    levels = []
    with PeakMemory(pid, interval=0.2) as memory:
        for sessions in range(start, most + 1, step):
            result = LoadResult()
            until = time.monotonic() + arrivals + seconds

            async def level() -> None:
                await asyncio.gather(*(steady_attendee(url, n, sessions, arrivals, until, result)
                                       for n in range(sessions)))

            run_in_own_loop(level())
            slowest = p95(result.move_seconds, empty=float("inf"))
            levels.append(CapacityStep(sessions, slowest, len(result.move_seconds), result.errors, memory.peak))
            print(f"{sessions} sessions: p95 {slowest * 1000:,.0f} ms over {len(result.move_seconds)} moves, "
                  f"{len(result.errors)} errors, peak RSS {memory.peak:,.0f} MB", flush=True)
            if not levels[-1].met:
                break
    return levels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--trainers", type=int, default=5)
    parser.add_argument("--capacity", action="store_true",
                        help="ramp sessions on one server until p95 interaction exceeds 1 s (find_capacity)")
    parser.add_argument("--start", type=int, default=10, help="with --capacity: sessions at the first level")
    parser.add_argument("--step", type=int, default=10, help="with --capacity: sessions added per level")
    parser.add_argument("--most", type=int, default=200, help="with --capacity: the last level tried")
    parser.add_argument("--seconds", type=float, default=60.0, help="with --capacity: seconds per level")
    arguments = parser.parse_args()
    if arguments.capacity:
        with streamlit_server() as server:
            run_in_own_loop(warm_up(server.url))
            levels = find_capacity(server.url, server.pid, arguments.start, arguments.step, arguments.most,
                                   arguments.seconds)
        held = [level.sessions for level in levels if level.met]
        print(f"one server held {max(held) if held else 'fewer than ' + str(arguments.start)} sessions "
              f"with p95 ≤ {CAPACITY_P95:g} s")
        return
    for figure in concurrent_sessions(arguments.sessions, arguments.trainers):
        print(figure.row())


if __name__ == "__main__":
    main()
