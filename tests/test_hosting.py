"""Hosting: Streamlit replicas behind nginx with sticky sessions, run for real on loopback.

deploy/try-locally.sh starts two replicas and this machine's nginx with deploy/nginx.conf, the same config
deploy/docker-compose.yml gives the nginx container (Docker itself is not available here). Which replica
served a request is read from nginx's access log, which try-locally.sh writes with the upstream address.
nginx comes from Debian (`apt-get install nginx`; test.sh installs it when run as root): without it these
tests fail rather than skip, so a missing load balancer is never mistaken for a working one.

The failover test also drives Chromium (Debian's, as tests/browser do): a learner's tab on the replica that is
killed reconnects to the other one, whose fresh session takes the settings back from the link in the address
bar and says so (lib.restart).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.server import free_ports, healthy
from bench.session import HeadlessSession, run_in_own_loop
from lib.restart import COOKIE, NOTICE
from tests.browser.conftest import browser_type_launch_args, open_at, wait_until_settled  # noqa: F401 (fixture)
from tests.conftest import ROOT

NGINX = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
SCRIPT = ROOT / "deploy" / "try-locally.sh"
# One line of try-locally.sh's access log: status, request line, route key, replica(s) tried.
LOG_LINE = re.compile(r'^\S+ (?P<status>\d+) "\S+ (?P<uri>\S+) [^"]*" route=(?P<route>\S*) upstream=(?P<upstream>.*)$')


@dataclass(frozen=True)
class Setup:
    proxy_port: int
    app_ports: tuple[int, int]
    run_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def upstream_of(self, uri: str, timeout: float = 5) -> str:
        """The replica address(es) nginx tried for the request to ``uri`` (a websocket is logged when it closes)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in (self.run_dir / "nginx-access.log").read_text().splitlines():
                match = LOG_LINE.match(line)
                if match and match["uri"] == uri:
                    return match["upstream"]
            time.sleep(0.05)
        raise AssertionError(f"nginx logged no request for {uri}")


def _get(url: str, cookie: str | None = None) -> tuple[int, list[str], bytes]:
    """GET ``url``; returns the status, the Set-Cookie headers and the body."""
    request = urllib.request.Request(url, headers={"Cookie": f"workshop_route={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.status, reply.headers.get_all("Set-Cookie") or [], reply.read()


def _upgrade(port: int, uri: str, cookie: str | None = None, host: str | None = None) -> int:
    """Open Streamlit's websocket as a browser does (Origin = the page's own address); returns the status."""
    host = host or f"127.0.0.1:{port}"
    headers = [f"GET {uri} HTTP/1.1", f"Host: {host}", f"Origin: http://{host}", "Upgrade: websocket",
               "Connection: Upgrade", f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
               "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: streamlit"]
    if cookie:
        headers.append(f"Cookie: workshop_route={cookie}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        return int(connection.recv(4096).split()[1])


def _probe(setup: Setup, cookie: str, websocket: bool = False) -> str:
    """One request with the route cookie ``cookie``; returns the replica that answered it."""
    if websocket:
        uri = f"/_stcore/stream?probe={uuid.uuid4().hex}"
        assert _upgrade(setup.proxy_port, uri, cookie) == 101
    else:
        uri = f"/_stcore/health?probe={uuid.uuid4().hex}"
        assert _get(setup.url + uri, cookie)[2] == b"ok"
    return setup.upstream_of(uri)


def _stored_server(page: Page) -> str:
    """The server process id the tab's browser holds (lib.restart.COOKIE), or ""."""
    return next((c["value"] for c in page.context.cookies() if c["name"] == COOKIE), "")


def _open_page(url: str, page: str, flip_a_switch: bool = False):
    """A new headless session (no route cookie, like a first visit) opens ``page``; with ``flip_a_switch``
    it then flips the page's first checkbox or toggle, as a user would. Returns the runs."""

    async def visit():
        async with HeadlessSession(url) as session:
            runs = [await session.run(page, timeout=60)]
            if flip_a_switch:
                switch = next(element.checkbox for element in runs[0].elements
                              if element.WhichOneof("type") == "checkbox" and not element.checkbox.disabled)
                runs.append(await session.set_widget(switch.label, not switch.default, timeout=60))
            return runs

    return run_in_own_loop(visit())


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: run `apt-get install nginx` (test.sh does it when run as root).")
    proxy_port, *app_ports = free_ports(3)
    run_dir = tmp_path_factory.mktemp("replicas")
    output = (run_dir / "try-locally.out").open("w")
    process = subprocess.Popen(
        ["bash", str(SCRIPT), str(proxy_port), *map(str, app_ports)], cwd=ROOT, stdout=output,
        stderr=subprocess.STDOUT, env={**os.environ, "WORKSHOP_RUN_DIR": str(run_dir), "PYTHON": sys.executable,
                                       "NGINX": NGINX},
        start_new_session=True)  # its own process group: the replicas and nginx are stopped together
    try:
        deadline = time.monotonic() + 60
        ready = [f"http://127.0.0.1:{port}" for port in [*app_ports, proxy_port]]
        while not all(map(healthy, ready)):
            if process.poll() is not None or time.monotonic() > deadline:
                logs = "\n".join(f"--- {path.name}\n{path.read_text()}" for path in sorted(run_dir.glob("*.log*")))
                pytest.fail(f"try-locally.sh did not come up:\n{(run_dir / 'try-locally.out').read_text()}\n{logs}")
            time.sleep(0.3)
        yield Setup(proxy_port, tuple(app_ports), run_dir)
    finally:
        _stop_group(process)
        output.close()


def _stop_group(process: subprocess.Popen) -> None:
    """Stop every process of the group (script, replicas, nginx master and workers); kill what lingers."""
    for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            process.poll()  # reap the script itself, so only live processes keep the group alive
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


def test_health_through_nginx_and_route_cookie_given_once(setup):
    status, cookies, body = _get(f"{setup.url}/_stcore/health")
    assert (status, body) == (200, b"ok")
    assert any(cookie.startswith("workshop_route=") for cookie in cookies), cookies
    _, cookies, _ = _get(f"{setup.url}/_stcore/health", cookie="already-routed")
    assert not any(cookie.startswith("workshop_route=") for cookie in cookies), "the route cookie is set only once"


def test_websocket_upgrades_and_a_page_renders_and_reruns(setup):
    # A browser at http://some-server:PORT sends Host and Origin with the port: nginx must pass the Host on
    # unchanged, or Streamlit refuses the websocket as cross-origin (403) and the page never loads.
    assert _upgrade(setup.proxy_port, "/_stcore/stream", host=f"workshop.example:{setup.proxy_port}") == 101
    opened, moved = _open_page(setup.url, "convolution", flip_a_switch=True)
    for run in (opened, moved):
        assert run.elements and not run.exceptions, run.exceptions


def test_one_browser_stays_on_one_replica_and_browsers_spread(setup):
    # A first visit: no cookie yet, so nginx hashes a fresh id and hands it over as the route cookie.
    uri = f"/_stcore/health?probe={uuid.uuid4().hex}"
    _, cookies, _ = _get(setup.url + uri)
    given = next(cookie for cookie in cookies if cookie.startswith("workshop_route=")).split(";")[0].split("=", 1)[1]
    first = setup.upstream_of(uri)
    assert {_probe(setup, given), _probe(setup, given, websocket=True)} == {first}

    replicas = {f"127.0.0.1:{port}" for port in setup.app_ports}
    landed = {}
    for student in range(12):
        cookie = f"student-{student}"
        seen = {_probe(setup, cookie), _probe(setup, cookie, websocket=True), _probe(setup, cookie)}
        assert len(seen) == 1, f"route cookie {cookie} was served by {seen}"
        landed[cookie] = seen.pop()
    assert set(landed.values()) == replicas, f"12 browsers all landed on {set(landed.values())}"


def test_when_a_replica_dies_new_sessions_go_to_the_other(setup, page: Page):
    dead_port, live_port = setup.app_ports
    dead, live = f"127.0.0.1:{dead_port}", f"127.0.0.1:{live_port}"
    cookie = next(f"student-{n}" for n in range(100) if _probe(setup, f"student-{n}") == dead)

    # A learner's tab, pinned to the replica about to die, opens a lesson link and changes a setting there.
    page.context.add_cookies([{"name": "workshop_route", "value": cookie, "url": setup.url}])
    open_at(page, f"{setup.url}/noise?copies=50", "Secret spy messages")
    page.get_by_text("Uniform: flat fuzz").click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"kind=uniform"))
    expect(page.get_by_text(NOTICE)).to_have_count(0)
    assert _stored_server(page), "the page stores its server process's id in the browser"

    os.kill(int((setup.run_dir / f"app-{dead_port}.pid").read_text()), signal.SIGKILL)  # mid-session, no goodbye
    deadline = time.monotonic() + 15
    while healthy(f"http://127.0.0.1:{dead_port}"):
        assert time.monotonic() < deadline, "the replica did not stop"
        time.sleep(0.2)

    # The tab reconnects to the other replica at once, but Streamlit runs nothing there until the learner's next
    # action (here: opening a step), which starts a fresh session that opens the page from its address: the
    # learner's settings are back, and the page says what happened.
    before = _stored_server(page)
    page.wait_for_timeout(2000)  # the tab notices the lost connection and reconnects through nginx
    page.get_by_text("1 · Look at the copies").click()
    expect(page.get_by_text(NOTICE)).to_be_visible(timeout=60_000)
    wait_until_settled(page)
    assert "kind=uniform" in page.url and "copies=50" in page.url
    expect(page.get_by_role("radio", name="Uniform: flat fuzz")).to_be_checked()
    expect(page.get_by_text("The first 20 of the 50 copies", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert _stored_server(page) not in ("", before), "the live replica's id replaces the dead one's"
    # A reload is a new session on the same (live) replica: nothing moved, so nothing is said.
    open_at(page, page.url, "Secret spy messages")
    expect(page.get_by_role("radio", name="Uniform: flat fuzz")).to_be_checked()
    expect(page.get_by_text(NOTICE)).to_have_count(0)

    # The browser pinned to the dead replica is served by the other one (its session there starts afresh).
    assert _probe(setup, cookie).endswith(live)
    assert _probe(setup, cookie, websocket=True) == live
    (home,) = _open_page(setup.url, "")
    assert home.elements and not home.exceptions, home.exceptions
    assert _get(f"{setup.url}/_stcore/health")[2] == b"ok"
