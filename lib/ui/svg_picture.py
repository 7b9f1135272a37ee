"""A chart drawn as SVG (:mod:`lib.svg`) in the page, for the playgrounds a learner works again and again (issue
#17): a Streamlit components v2 component (no iframe) whose HTML, CSS and JavaScript are the files in
``lib/ui/svg_picture/``, shipped with the app. A redraw replaces the markup in place: no chart library to load
or to run, so a slider answers about as fast as a bare page's.

A chart drawn with ``plot`` (:func:`lib.svg.document`) can take clicks: the component sends the clicked place in
the chart's own numbers (a trigger, so it acts once), and ``on_click`` gets ``(x, y)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import streamlit as st

ASSETS = Path(__file__).with_name("svg_picture")  #: index.html, style.css, main.js


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


_component = st.components.v2.component("ml_workshop_svg_picture", html=_asset("index.html"),
                                        css=_asset("style.css"), js=_asset("main.js"))


def clicked_place(key: str) -> tuple[float, float] | None:
    """The place the last click on the picture ``key`` chose, as (x, y) in the chart's numbers; None when
    there was none or it did not come as two numbers."""
    place = (st.session_state.get(key) or {}).get("click")
    try:
        x, y = float(place["x"]), float(place["y"])
    except (KeyError, TypeError, ValueError):
        return None
    return (x, y) if all(abs(v) < float("inf") for v in (x, y)) else None


def _clicked(key: str, on_click: Callable[[float, float], None]) -> None:
    if (place := clicked_place(key)) is not None:
        on_click(*place)


def svg_picture(markup: str, key: str, on_click: Callable[[float, float], None] | None = None) -> None:
    """Show ``markup`` (an ``<svg>`` from :func:`lib.svg.document`) under session-state ``key``; with
    ``on_click``, a click inside its plot calls it with the place clicked."""
    callback = {} if on_click is None else {"on_click_change": partial(_clicked, key, on_click)}
    _component(key=key, data={"svg": markup, "clickable": on_click is not None}, **callback)
