"""A short, bounded load test on a real server (loopback only): several people at once across the pages,
two of them pressing "Train" together. Every session gets its answer, nothing raises, memory stays under
the documented ceiling. The full-size run (20 sessions, 5 trainings) is `./bench.sh concurrent`."""

from bench.load import find_capacity, run_load, warm_up
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
