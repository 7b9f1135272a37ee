"""Benchmarks: measure the app on this machine and print a Markdown table.

Run from the repository root with ``./bench.sh`` (or ``.venv/bin/python -m bench.run``). The table also
goes to ``bench/results.md``. Each figure is the median of several runs after a warm-up, with min and
max; where a reference is measured in the same run, the ratio is what to compare across machines.
Add a figure by writing a function that returns a :class:`Figure` (or a list of them) and listing it in
:func:`benchmarks`. ``./bench.sh WORD ...`` runs only the benchmarks whose function names contain a WORD.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.md"


@dataclass
class Figure:
    name: str
    samples: list[float]  #: seconds, or megabytes where unit is "MB"
    target: str = "report"
    passed: bool | None = None  #: None where the target is "report"
    reference: str = "–"
    ratio: float | None = None
    unit: str = "s"

    def row(self) -> str:
        show = _megabytes if self.unit == "MB" else _duration
        median = statistics.median(self.samples)
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "–"
        verdict = {None: "–", True: "met", False: "**missed**"}[self.passed]
        return (f"| {self.name} | {show(median)} | {show(min(self.samples))} – {show(max(self.samples))} "
                f"| {self.reference} | {ratio} | {self.target} | {verdict} |")


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _megabytes(megabytes: float) -> str:
    return f"{megabytes:,.0f} MB"


def repeat(action: Callable[[], object], runs: int = 5, warmup: int = 1) -> list[float]:
    """Time ``action`` ``runs`` times after ``warmup`` untimed calls; returns seconds per run."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def server_start_to_health() -> Figure:
    from tests.browser.conftest import streamlit_server

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


def _rss_bytes(pid: int) -> int:
    """Resident memory of a process, from /proc (no psutil)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def page_renders_and_server_memory() -> list[Figure]:
    """Each page's first render on a fresh server (cold) and in a second session (warm), then the server's
    memory after every page has been visited. Measured over the websocket, as a browser tab would."""
    import asyncio

    from bench.session import HeadlessSession
    from lib.topics import TOPICS
    from tests.browser.conftest import streamlit_server

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
        megabytes = _rss_bytes(server.pid) / 2**20
    figures.append(Figure("server RSS after visiting every page", [megabytes], "≤ 800 MB", megabytes <= 800,
                          unit="MB"))
    return figures


def _topic_benchmarks() -> list[Callable[[], Figure | list[Figure]]]:
    from bench import bench_iris, bench_kernels, bench_kmeans, bench_mnist, bench_noise

    return [
        bench_kernels.kernels_vs_scipy,
        bench_kernels.kernels_vs_python_loop,
        bench_kernels.kernels_page_rerun,
        bench_iris.iris_training_vs_course,
        bench_iris.iris_mean_accuracy_five_seeds,
        bench_mnist.mnist_drawn_digit,
        bench_mnist.mnist_test_set_numpy,
        bench_mnist.mnist_page_first_render,
        bench_mnist.mnist_epoch_vs_course_pipeline,
        bench_mnist.mnist_live_training_memory,
        bench_noise.noise_combine,
        bench_noise.noise_slider_reruns,
        bench_kmeans.kmeans_10k_items,
        bench_kmeans.kmeans_step,
    ]


def benchmarks() -> list[Callable[[], Figure | list[Figure]]]:
    """Every benchmark, in the order the table lists them."""
    from bench.load import concurrent_sessions

    return ([server_start_to_health, home_page_first_render, page_renders_and_server_memory]
            + _topic_benchmarks() + [concurrent_sessions])


def machine() -> str:
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    packages = ", ".join(f"{name} {_version(name)}" for name in
                         ("streamlit", "tensorflow-cpu", "tensorflow", "keras", "numpy", "scikit-learn"))
    return (f"Machine: {os.cpu_count()} cores, {memory_kb / 1024 ** 2:.1f} GiB RAM, {platform.platform()}, "
            f"Python {platform.python_version()}; {packages}")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    lines = [f"Benchmarks of {time.strftime('%Y-%m-%d %H:%M')}", "", machine(), "",
             "| figure | median | min – max | reference (same run) | ratio | target | verdict |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    print("\n".join(lines), flush=True)
    chosen = [b for b in benchmarks() if not sys.argv[1:] or any(word in b.__name__ for word in sys.argv[1:])]
    for benchmark in chosen:
        figures = benchmark()
        for figure in figures if isinstance(figures, list) else [figures]:
            row = figure.row()
            print(row, flush=True)
            lines.append(row)
    RESULTS.write_text("\n".join(lines) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
