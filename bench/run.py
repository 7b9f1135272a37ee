"""Benchmarks: measure the app on this machine and print a Markdown table (the entry point; nothing imports it).

Run from the repository root with ``./bench.sh`` (or ``.venv/bin/python -m bench.run``). The table also
goes to ``bench/results.md``. Each figure is the median of several runs after a warm-up, with min and
max; where a reference is measured in the same run, the ratio is what to compare across machines.
Add a figure by writing a function that returns a :class:`bench.measure.Figure` (or a list of them) in the
topic's ``bench_*`` module and listing it in :func:`benchmarks`. ``./bench.sh WORD ...`` runs only the
benchmarks whose function names contain a WORD.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Callable

from bench import bench_app, bench_browser, bench_iris, bench_kernels, bench_kmeans, bench_mnist, bench_noise, load
from bench.measure import ROOT, Figure

RESULTS = ROOT / "bench" / "results.md"


def benchmarks() -> list[Callable[[], Figure | list[Figure]]]:
    """Every benchmark, in the order the table lists them."""
    return [
        bench_app.server_start_to_health,
        bench_app.home_page_first_render,
        bench_app.page_renders_and_server_memory,
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
        load.concurrent_sessions,
        load.room_burst,
        bench_browser.perceived_speed,
    ]


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
