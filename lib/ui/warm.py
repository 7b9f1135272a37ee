"""Warm every page's caches in the background, once per server process (issue #17): the first person to open
a page should not wait for what the page loads once for everybody (TensorFlow and the digit networks, the
iris measurements, the garden's demos, the noise copies of the default secret).

Streamlit runs no code when its server starts, only when a browser opens a page, so :func:`in_background` is
called by :func:`lib.ui.page_setup`: the first page anyone opens (usually the instructor, before the room
arrives) starts one background thread that fills the shared caches (``st.cache_resource``/``st.cache_data``
are shared by every session) while that person reads. A page opened meanwhile simply computes what it needs
itself, as without warming.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

_started = threading.Lock()
_log = logging.getLogger(__name__)


def _noise() -> None:
    from lib import noise
    from lib.lessons import lesson
    from lib.ui.noise import fingerprint, picture_secret, stack

    settings = {s.name: s.default for s in lesson("noise").settings}
    secret = picture_secret(str(noise.builtin_secrets()[settings["picture"]]))[0]
    stack(fingerprint(secret), secret, settings["kind"], settings["strength"], settings["seed"])


def _iris() -> None:
    from lib.ui.iris import iris_frame

    iris_frame()


def _digits() -> None:  # the shipped networks serve /mnist, /ethics and /convolution; the rest is /mnist's
    from lib.lessons import lesson
    from lib.ui import mnist

    threshold = lesson("mnist").setting("threshold").default
    mnist.course_probabilities()
    mnist.course_pictures()
    for inverted in (False, True):
        mnist.shipped_network(inverted)
        mnist.threshold_view(inverted, threshold)
        mnist.kernel_figure(inverted)
        mnist.confusion_view(inverted, False)
        mnist.digit_card(inverted)


def _garden_bugs() -> None:  # /kmeans: each "when k-means goes wrong" demo (seconds each, shared by everybody)
    from lib.kmeans.bugs import BUGS
    from lib.ui.kmeans import cached_demo

    for bug in BUGS:
        cached_demo(bug.slug)


#: What each page loads once for everybody, cheapest first.
WARMERS: tuple[Callable[[], None], ...] = (_noise, _iris, _garden_bugs, _digits)


def warm() -> list[str]:
    """Run every warmer in turn; returns what failed (a failing warmer only means that page warms itself)."""
    failed = []
    for warmer in WARMERS:
        try:
            warmer()
        except Exception as error:  # noqa: BLE001 - warming is best effort; the page reports real errors itself
            failed.append(f"{warmer.__name__}: {type(error).__name__}: {error}")
            _log.warning("Warming %s failed: %s", warmer.__name__, error)
    return failed


def serving() -> bool:
    """True in a real server; False under AppTest, which runs one page at a time and has nobody to warm for."""
    from streamlit import config

    return not config.get_option("global.appTest")


def in_background() -> bool:
    """Start :func:`warm` on a background thread unless this process already did (or is not a real server);
    True when it started now."""
    if not serving() or not _started.acquire(blocking=False):
        return False
    # pandas first, whole, on this thread: imported by the warmers and by a page's first chart at the same time,
    # a thread can meet it half loaded ("partially initialized module 'pandas' has no attribute 'Series'").
    import pandas  # noqa: F401

    threading.Thread(target=warm, name="warm-caches", daemon=True).start()
    return True
