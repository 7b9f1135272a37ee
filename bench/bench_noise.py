"""Benchmarks of the noise page (secret spy messages): combining copies, and page reruns on slider moves.

Each function returns :class:`bench.measure.Figure` (or a list of them). Run alone with
``.venv/bin/python -c "from bench.bench_noise import noise_combine; print(noise_combine().row())"``.
"""

from __future__ import annotations

import asyncio
import os
import statistics
from pathlib import Path

import numpy as np

from bench.measure import Figure, repeat
from bench.server import streamlit_server

SLIDER_MOVES = 12


def noise_combine() -> Figure:
    """lib.noise.combine: the mean of 200 noisy copies of a 256 x 256 picture; numpy's own float64 mean of
    the same stack as the reference."""
    from lib.noise import combine, noisy_copies, render_message

    copies = noisy_copies(render_message("SPY", 256), 200, "gaussian", 4.0, seed=1)
    samples = repeat(lambda: combine(copies, "mean"), runs=20, warmup=2)
    reference = repeat(lambda: copies.mean(axis=0, dtype=np.float64), runs=20, warmup=2)
    median = statistics.median(samples)
    return Figure("noise: combine 200 copies of 256×256 (mean)", samples, "≤ 20 ms", median <= 0.020,
                  f"numpy float64 mean {statistics.median(reference) * 1000:.1f} ms",
                  median / statistics.median(reference))


def noise_slider_reruns() -> list[Figure]:
    """Whole-page reruns on a real server, over the websocket as a browser sends them: moving the combine
    slider and the copies slider (warm: the noise is drawn), then changing the noise strength (cold: draws
    200 new copies, which the page then caches). Wall time depends on what else the machine runs, so each
    move also reports the server's CPU time per rerun, and the home page's rerun is the reference."""
    with streamlit_server() as server:
        runs = asyncio.run(_moves(server.url, server.pid))
    home_walls, home_cpu = runs.pop("home")
    home = statistics.median(home_walls)
    figures = []
    for (name, target), (walls, cpu) in zip(MOVES_SHOWN, runs.values()):
        passed = statistics.median(walls) < 0.100 if target != "report" else None
        figures.append(Figure(f"/noise rerun: {name}", walls, target, passed, f"home rerun {home * 1000:.0f} ms",
                              statistics.median(walls) / home))
        figures.append(Figure(f"/noise rerun: {name}, server CPU per rerun", [cpu], target,
                              cpu < 0.100 if target != "report" else None,
                              f"home rerun CPU {home_cpu * 1000:.0f} ms", cpu / home_cpu if home_cpu else None))
    return figures


MOVES_SHOWN = [("move “how many copies to combine”", "< 100 ms"),
               ("move “number of copies Jane sends”", "< 100 ms"),
               ("new noise strength (draws 200 copies)", "report")]


async def _moves(url: str, pid: int) -> dict[str, tuple[list[float], float]]:
    from bench.session import HeadlessSession

    runs = {}
    async with HeadlessSession(url) as session:
        await session.run("")
        start = _cpu_seconds(pid)
        home = [(await session.run("")).seconds for _ in range(SLIDER_MOVES)]
        runs["home"] = (home, (_cpu_seconds(pid) - start) / len(home))
        first = await session.run("noise")
        if first.exceptions:
            raise RuntimeError(f"/noise raised: {first.exceptions[0]}")
        for label, values in [("How many copies to combine", np.linspace(1, 20, SLIDER_MOVES).round()),
                              ("Number of copies Jane sends", np.linspace(200, 20, SLIDER_MOVES).round()),
                              ("Noise strength", (2.0, 3.0, 5.0, 6.0))]:
            start = _cpu_seconds(pid)
            walls = [await _slide(session, label, value) for value in values]
            runs[label] = (walls, (_cpu_seconds(pid) - start) / len(walls))
    return runs


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (clock ticks of 10 ms)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _slide(session, label: str, value: float) -> float:
    result = await session.set_widget(label, float(value))
    if result.exceptions:
        raise RuntimeError(f"/noise raised after moving {label!r}: {result.exceptions[0]}")
    return result.seconds
