"""The printable workshop handout: for each chosen page its link and QR code, its learning goal and its
"Try this" exercises, each with a link that opens the page set up for it; answers only in the instructor's copy.

Built from the lesson files (:mod:`lib.lessons`) and the topic list (:mod:`lib.topics`), so it always
matches the pages. Plain Python, no Streamlit.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

from lib.handout import Handout
from lib.lessons import lesson
from lib.topics import TOPICS


_USE_INSTEAD = ("Use the address learners open: the hosted link, or this computer's “Network URL”, which "
                "Streamlit prints when it starts (an address like 192.168.1.20:8501).")


# The sentences below never quote the address: the page shows them as Markdown next to the field that
# shows the address as typed, and a quoted address could turn into formatting or a live link there.

def check_address(base_url: str) -> str:
    """``base_url`` without surrounding spaces; ``ValueError`` unless it is a web address a link can hold:
    http:// or https://, a host, a valid port, no spaces inside (see :func:`address_problem`)."""
    base_url = base_url.strip()
    if not base_url.startswith(("http://", "https://")):
        raise ValueError("The app's address must start with http:// or https://.")
    if any(character.isspace() for character in base_url):
        raise ValueError("The app's address has a space in it; an address has none, so its links and QR codes "
                         "would not open. Type it as the browser's address bar shows it.")
    parts = urlsplit(base_url)
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number from 0 to 65535)
    except ValueError:
        raise ValueError("The port in the app's address (the number after the colon) must be a number from 0 to "
                         "65535.") from None
    if not parts.hostname:
        raise ValueError("The app's address has no computer name or number after http:// or https://.")
    return base_url


def address_problem(base_url: str) -> str | None:
    """Why learners' phones could not open links to the app at ``base_url``, in one sentence, or None.

    Besides a malformed address (see :func:`check_address`), that is one that names the computer it is
    typed on rather than the server: ``localhost``, ``127.x.x.x`` and ``::1`` mean "this device" to each
    phone, and ``0.0.0.0`` is what a server listens on (every address), not an address to open."""
    try:
        base_url = check_address(base_url)
    except ValueError as error:
        return str(error)
    host = urlsplit(base_url).hostname
    try:
        number = ipaddress.ip_address(host)
    except ValueError:
        number = None
    if host == "localhost" or host.endswith(".localhost") or (number is not None and number.is_loopback):
        return ("This address (localhost, 127.x.x.x or ::1) is each device's name for itself: on a learner's "
                f"phone the handout's links and QR codes would look for the app on the phone. {_USE_INSTEAD}")
    if number is not None and number.is_unspecified:
        return ("0.0.0.0 (or ::) is what a server listens on, all of this computer's addresses at once, not an "
                f"address a phone can open. {_USE_INSTEAD}")
    return None


def page_address(base_url: str, slug: str, params: Mapping[str, str] | None = None) -> str:
    """The address of page ``slug`` on the app at ``base_url`` (e.g. ``https://ml-workshop.example.org``)."""
    query = f"?{urlencode(dict(params), safe=',')}" if params else ""
    return f"{base_url.rstrip('/')}/{slug}{query}"


def workshop_handout(base_url: str, chosen: Mapping[str, Sequence[int]] | None = None,
                     instructor: bool = False, kids: bool = False, title: str = "Machine learning, hands on",
                     ) -> Handout:
    """A handout for the pages in ``chosen`` (slug → exercise numbers, 1-based; all pages and exercises
    when ``None``), in teaching order, linking to the app at ``base_url``. ``instructor`` adds the answers;
    ``kids`` uses the children's goals, leaves out the exercises kid mode cannot do and adds ``kids=on`` to
    every link."""
    base_url = check_address(base_url)
    chosen = chosen if chosen is not None else {t.slug: [e.number for e in lesson(t.slug).exercises]
                                                for t in TOPICS}
    unknown = [slug for slug in chosen if slug not in {t.slug for t in TOPICS}]
    if unknown:
        raise ValueError(f"No topic {', '.join(unknown)}; choose from {', '.join(t.slug for t in TOPICS)}.")
    extra = {"kids": "on"} if kids else {}
    sheet = Handout(title + (" — instructor's copy" if instructor else ""),
                    intro="Open each page with its link or by scanning its QR code with a phone camera. "
                          "Every exercise has its own link that sets the page up for it.")
    for number, item in enumerate(t for t in TOPICS if t.slug in chosen):
        page = lesson(item.slug)
        if number:
            sheet.page_break()
        sheet.heading(f"{number + 1}. {item.title}")
        sheet.text(f"**What you will learn:** {(page.kids_goal if kids else '') or page.goal or item.summary}")
        address = page_address(base_url, item.slug, extra)
        sheet.link(address, f"Open {item.title}")
        sheet.qr(address)
        wanted = sorted(set(chosen[item.slug]))
        bad = [n for n in wanted if not 1 <= n <= len(page.exercises)]
        if bad:
            raise ValueError(f"/{item.slug} has exercises 1 to {len(page.exercises)}, not {bad}.")
        for exercise in (page.exercises[n - 1] for n in wanted):
            if kids and not exercise.for_kids:
                continue
            sheet.text(f"**Try this {exercise.number}: {exercise.title}.** {exercise.question}")
            link = page_address(base_url, item.slug, {"lesson": str(exercise.number), **extra})
            sheet.text(f"[Open the page set up for this](<{link}>)")
            if instructor:
                sheet.text(f"> **Answer:** {exercise.answer}")
    return sheet

