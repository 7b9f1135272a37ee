"""Benchmarks of the whole app: server start, the home page's first render, every page's first render on a
real server and the server's memory after visiting them all.

Each function returns a :class:`bench.measure.Figure` (or a list of them). Run one alone with
``.venv/bin/python -c "from bench.bench_app import server_start_to_health; print(server_start_to_health().row())"``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from bench.measure import ROOT, Figure, repeat, rss_bytes
from bench.server import streamlit_server


def server_start_to_health() -> Figure:
    def start_and_stop():
        with streamlit_server():
            pass

    samples = repeat(start_and_stop, runs=3, warmup=0)
    return Figure("server start → /_stcore/health ok", samples)


def home_page_first_render() -> Figure:
    # A fresh interpreter per run: "first render" includes importing Streamlit's page code and lib.
    script = (
        "import sys, time; from streamlit.testing.v1 import AppTest; app = AppTest.from_file('app.py'); "
        "start = time.perf_counter(); app.run(); elapsed = time.perf_counter() - start; "
        "assert not app.exception; print(elapsed, 'tensorflow' in sys.modules)"
    )
    samples, tensorflow_loaded = [], False
    for _ in range(3):
        output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
        elapsed, loaded = output.stdout.split()
        samples.append(float(elapsed))
        tensorflow_loaded |= loaded == "True"
    passed = statistics.median(samples) < 1.0 and not tensorflow_loaded
    return Figure("home page first render (AppTest); TensorFlow imported: "
                  f"{'yes' if tensorflow_loaded else 'no'}", samples, "< 1 s, TF absent", passed)


def page_renders_and_server_memory() -> list[Figure]:
    """Each page's first render on a fresh server (cold) and in a second session (warm), then the server's
    memory after every page has been visited. Measured over the websocket, as a browser tab would."""
    import asyncio

    from bench.session import HeadlessSession
    from lib.topics import TOPICS

    slugs = [""] + [item.slug for item in TOPICS]

    async def visit(url: str, slug: str) -> float:
        async with HeadlessSession(url) as session:
            result = await session.run(slug)
        if result.exceptions:
            raise RuntimeError(f"/{slug} raised: {result.exceptions[0]}")
        return result.seconds

    figures = []
    with streamlit_server() as server:
        for slug in slugs:
            cold = asyncio.run(visit(server.url, slug))
            warm = [asyncio.run(visit(server.url, slug)) for _ in range(3)]
            name = f"/{slug} first render"
            figures.append(Figure(f"{name} cold", [cold]))
            figures.append(Figure(f"{name} warm", warm, "< 1 s", statistics.median(warm) < 1.0))
        megabytes = rss_bytes(server.pid) / 2**20
    figures.append(Figure("server RSS after visiting every page", [megabytes], "≤ 800 MB", megabytes <= 800,
                          unit="MB"))
    return figures
