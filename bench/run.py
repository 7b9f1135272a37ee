"""Benchmarks: measure the app on this machine and print a Markdown table.

Run from the repository root with ``./bench.sh`` (or ``.venv/bin/python -m bench.run``). The table also
goes to ``bench/results.md``. Each figure is the median of several runs after a warm-up, with min and
max; where a reference is measured in the same run, the ratio is what to compare across machines.
Add a figure by writing a function that returns a :class:`Figure` and listing it in :data:`BENCHMARKS`.
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
    samples: list[float]  #: seconds
    target: str = "report"
    passed: bool | None = None  #: None where the target is "report"
    reference: str = "–"
    ratio: float | None = None

    def row(self) -> str:
        median = statistics.median(self.samples)
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "–"
        verdict = {None: "–", True: "met", False: "**missed**"}[self.passed]
        return (f"| {self.name} | {_ms(median)} | {_ms(min(self.samples))} – {_ms(max(self.samples))} "
                f"| {self.reference} | {ratio} | {self.target} | {verdict} |")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


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


BENCHMARKS: list[Callable[[], Figure]] = [server_start_to_health, home_page_first_render]


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
    for benchmark in BENCHMARKS:
        row = benchmark().row()
        print(row, flush=True)
        lines.append(row)
    RESULTS.write_text("\n".join(lines) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
