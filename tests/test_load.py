"""A short, bounded load test on a real server (loopback only): several people at once across the pages,
two of them pressing "Train" together. Every session gets its answer, nothing raises, memory stays under
the documented ceiling. The full-size run (20 sessions, 5 trainings) is `./bench.sh concurrent`."""

from bench.load import MOVES, find_capacity, run_load, warm_up
from bench.replica import measure_replica, table
from bench.session import run_in_own_loop
from tests.browser.conftest import streamlit_server

MEMORY_CEILING_MB = 1536


def test_a_small_workshop_gets_every_answer_without_errors():
    with streamlit_server() as server:
        result = run_load(server.url, server.pid, sessions=8, trainers=2)
    assert result.errors == []
    assert len(result.train_seconds) == 2
    assert len(result.move_seconds) >= 8
    assert result.peak_megabytes <= MEMORY_CEILING_MB


def test_the_capacity_ramp_runs_a_level_with_every_page():
    """bench.load.find_capacity, tiny: one level of 7 sessions (one per page) on a warmed server, kept open
    and moving for a few seconds."""
    with streamlit_server() as server:
        run_in_own_loop(warm_up(server.url))
        (level,) = find_capacity(server.url, server.pid, start=7, step=7, most=7, seconds=4, arrivals=1)
    assert level.sessions == 7 and level.errors == [] and level.moves > 7 and level.peak_megabytes > 0


def test_a_replica_is_measured_on_a_core_of_its_own():
    """bench.replica, tiny: one level of 7 sessions on a server pinned to one core; then, at that load, a
    room of 30 opens /iris and one session trains. Every figure is there and nothing failed."""
    import os

    before = os.sched_getaffinity(0)
    report = measure_replica(start=7, step=7, most=7, seconds=4, settle=1)
    assert os.sched_getaffinity(0) == before  # the tests after it keep every core
    assert list(report.page_megabytes) == [f"/{page}" for page, _ in MOVES]
    assert report.capacity == 7 and report.errors == []
    assert report.burst_p95 > 0 and report.train_seconds > 0
    assert report.peak_megabytes >= max(report.page_megabytes.values())
    assert "**capacity** (p95 interaction ≤ 1 s) | **7 sessions**" in table(report)


def test_pinning_puts_every_thread_of_a_process_on_the_cores_given():
    import os
    import threading

    from bench.replica import pin

    started = threading.Event()
    thread = threading.Thread(target=started.wait, daemon=True)
    thread.start()
    before = os.sched_getaffinity(0)
    try:
        pin(os.getpid(), {min(before)})
        assert os.sched_getaffinity(thread.native_id) == {min(before)}
    finally:
        pin(os.getpid(), before)
        started.set()


def test_p95_is_the_nearest_sample_as_numpy_takes_it():
    import numpy as np

    from bench.measure import p95

    samples = list(np.random.default_rng(0).exponential(size=37))
    assert p95(samples) == np.percentile(samples, 95, method="nearest")
    assert np.isnan(p95([])) and p95([], empty=float("inf")) == float("inf")
