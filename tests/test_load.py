"""A short, bounded load test on a real server (loopback only): several people at once across the pages,
two of them pressing "Train" together. Every session gets its answer, nothing raises, memory stays under
the documented ceiling. The full-size run (20 sessions, 5 trainings) is `./bench.sh concurrent`."""

from bench.load import run_load
from tests.browser.conftest import streamlit_server

MEMORY_CEILING_MB = 1536


def test_a_small_workshop_gets_every_answer_without_errors():
    with streamlit_server() as server:
        result = run_load(server.url, server.pid, sessions=8, trainers=2)
    assert result.errors == []
    assert len(result.train_seconds) == 2
    assert len(result.move_seconds) >= 8
    assert result.peak_megabytes <= MEMORY_CEILING_MB
