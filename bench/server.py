"""A real Streamlit server on 127.0.0.1 for the benchmarks, the load test and the browser tests (which import
it from here: tests may use bench, bench never uses tests)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.measure import ROOT


def free_ports(count: int = 1) -> list[int]:
    """``count`` different free loopback ports (all probed at once, so they differ)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def healthy(url: str) -> bool:
    """True when the Streamlit server at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return reply.read() == b"ok"
    except OSError:
        return False


@dataclass(frozen=True)
class Server:
    url: str  #: base URL, e.g. http://127.0.0.1:PORT
    pid: int  #: the server process, for memory readings from /proc


@contextmanager
def streamlit_server(timeout: float = 60, script: str = "app.py", cwd: Path = ROOT):
    """Start `streamlit run <script>` (the app's, unless another app's folder ``cwd`` is given) on a free
    loopback port; yield a :class:`Server`; stop it afterwards."""
    port, = free_ports()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true"]
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"Streamlit did not start on {url}:\n{output}")
            time.sleep(0.2)
        yield Server(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
