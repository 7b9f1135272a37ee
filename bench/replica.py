"""What one replica holds (issue #19): one Streamlit server pinned to one CPU core, loaded from another core
by headless sessions (:mod:`bench.load`), as a Kubernetes pod with ``cpu: "1"`` would run.

Measured, in one run on a quiet machine:

1. **Memory after every page**: the server's resident memory after opening each page once, in order (the
   first visit to a page loads its libraries and models, once per server).
2. **Capacity**: :func:`bench.load.find_capacity` ramps sessions that stay open and keep moving the
   playgrounds' controls until p95 interaction passes 1 s; the capacity is the last level that held.
3. **At that load**: while that many sessions keep working, a room of 30 opens /iris within a second (p95
   until the page has run), then one session trains a fresh iris network (seconds from pressing Train to the
   trained page), while the server's peak memory is sampled.

Run alone, it takes about ten minutes: ``.venv/bin/python -m bench.replica``. It prints a table and a line to
paste into the README. The load generator needs a core of its own: on a machine with one core the figures
would measure the generator too, so it refuses.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import MOVES, ROOM, TRAIN_BUTTON, LoadResult, burst, find_capacity, steady_attendee, warm_up
from bench.measure import PeakMemory, p95, rss_bytes
from bench.server import streamlit_server
from bench.session import HeadlessSession, run_in_own_loop

SERVER_CORE = 0  #: the core the server (the replica) runs on; the load generator gets the others
TRAIN_EPOCHS = 7  #: the trained run at load: not the page's default, so it is trained, not replayed


@dataclass
class ReplicaReport:
    """What :func:`measure_replica` found."""

    page_megabytes: dict[str, float] = field(default_factory=dict)  #: RSS after opening each page, in order
    levels: list = field(default_factory=list)  #: :class:`bench.load.CapacityStep`, one per level run
    capacity: int = 0  #: the most sessions held with p95 interaction ≤ 1 s
    burst_p95: float = float("nan")  #: seconds, the room of 30 opening /iris at that load
    train_seconds: float = float("nan")  #: pressing Train to the trained page, at that load
    peak_megabytes: float = 0.0  #: the server's peak RSS over the whole run, training included
    errors: list[str] = field(default_factory=list)


def pin(pid: int, cores: set[int]) -> None:
    """Run every thread of process ``pid`` on ``cores`` (threads it starts later inherit this)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        os.sched_setaffinity(int(task.name), cores)


async def _open_each_page(url: str, pid: int) -> dict[str, float]:
    """Open every page once in one session; the server's RSS after each."""
    after = {}
    async with HeadlessSession(url) as session:
        for page, _ in MOVES:
            await session.run(page)
            after[f"/{page}"] = rss_bytes(pid) / 2**20
    return after


async def _train_once(url: str) -> tuple[float, list[str]]:
    async with HeadlessSession(url) as session:
        await session.run("iris")
        await session.set_widget("Epochs", TRAIN_EPOCHS)
        run = await session.set_widget(TRAIN_BUTTON, True, timeout=600)
    return run.seconds, [f"/iris training: {message}" for message in run.exceptions]


async def _at_load(url: str, sessions: int, report: ReplicaReport, arrivals: float = 10.0,
                   settle: float = 15.0) -> None:
    """``sessions`` steady sessions; once they have all arrived and settled, a room burst on /iris, then one
    training; then the steady sessions stop."""
    result = LoadResult()
    until = time.monotonic() + 3600  # they stop when the training is done
    steady = asyncio.ensure_future(asyncio.gather(*(steady_attendee(url, n, sessions, arrivals, until, result)
                                                    for n in range(sessions))))
    await asyncio.sleep(arrivals + settle)
    seconds, errors = await burst(url, "iris", ROOM)
    report.burst_p95 = p95(seconds)
    report.train_seconds, training_errors = await _train_once(url)
    steady.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await steady
    report.errors += errors + training_errors + result.errors


def measure_replica(start: int = 10, step: int = 10, most: int = 150, seconds: float = 45.0,
                    settle: float = 15.0) -> ReplicaReport:
    """Memory per page, capacity (levels of ``start``, ``start + step``, … ``most`` sessions, each kept
    moving for ``seconds``), and a room burst and a training at that capacity (``settle`` seconds after its
    sessions arrived), for one server on one core (:data:`SERVER_CORE`), loaded from the machine's others."""
    everywhere = os.sched_getaffinity(0)
    if not everywhere - {SERVER_CORE}:
        raise RuntimeError("Measuring a replica needs a second core for the load generator.")
    pin(os.getpid(), everywhere - {SERVER_CORE})  # this process's threads, and every thread it starts from now on
    report = ReplicaReport()
    try:
        with streamlit_server() as server:
            pin(server.pid, {SERVER_CORE})
            with PeakMemory(server.pid, interval=0.1) as memory:
                report.page_megabytes = run_in_own_loop(_open_each_page(server.url, server.pid))
                run_in_own_loop(warm_up(server.url))
                report.levels = find_capacity(server.url, server.pid, start, step, most, seconds)
                report.capacity = max((level.sessions for level in report.levels if level.met), default=0)
                if report.capacity:
                    run_in_own_loop(_at_load(server.url, report.capacity, report, settle=settle))
            report.peak_megabytes = memory.peak
    finally:
        pin(os.getpid(), everywhere)
    return report


def table(report: ReplicaReport) -> str:
    """The report as Markdown."""
    rows = [f"| memory after opening {page} | {mb:,.0f} MB |" for page, mb in report.page_megabytes.items()]
    rows += [f"| {level.sessions} sessions moving controls: p95 | {level.p95_seconds * 1000:,.0f} ms"
             f"{'' if level.met else ' (missed)'} |" for level in report.levels]
    rows += [f"| **capacity** (p95 interaction ≤ 1 s) | **{report.capacity} sessions** |",
             f"| at capacity: {ROOM} open /iris within 1 s, p95 | {report.burst_p95:.2f} s |",
             f"| at capacity: one iris training ({TRAIN_EPOCHS} epochs), Train → trained page | "
             f"{report.train_seconds:.1f} s |",
             f"| peak memory over the run (training included) | {report.peak_megabytes:,.0f} MB |",
             f"| errors | {len(report.errors)} |"]
    return "| one replica, one CPU core | measured |\n| --- | --- |\n" + "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=10)
    parser.add_argument("--step", type=int, default=10)
    parser.add_argument("--most", type=int, default=150)
    parser.add_argument("--seconds", type=float, default=45.0, help="seconds each level keeps its sessions moving")
    arguments = parser.parse_args()
    report = measure_replica(arguments.start, arguments.step, arguments.most, arguments.seconds)
    for error in report.errors:
        print(f"error: {error}")
    print(table(report))


if __name__ == "__main__":
    main()
