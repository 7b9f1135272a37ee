"""What every benchmark shares: the repository root, one table row (:class:`Figure`), timing (:func:`repeat`)
and a process's memory (:func:`rss_bytes`). Imports no other bench module, so any of them can import it."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


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


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, from /proc (no psutil)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def p95(samples, empty: float = float("nan")) -> float:
    """The 95th percentile of ``samples`` (the nearest sample, as the load figures report it); ``empty`` when
    there are none."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else empty


class PeakMemory:
    """The peak resident memory of process ``pid`` (MB, in :attr:`peak`), sampled from /proc every
    ``interval`` seconds in a thread while in a ``with`` block; sampling stops if the process goes."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_bytes(self.pid) / 2**20)
            except (OSError, RuntimeError):  # the process has gone: whoever uses it will say so
                return
            time.sleep(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()
