"""The /convolution playground's pixel picker (issue #17): move over the picture to see, live, the neighbourhood,
the kernel, the products, their sum and the new pixel; click or tap to choose the pixel.

Hovering cannot wait for the server, so the arithmetic runs in the browser: a Streamlit components v2 component
(no iframe) whose HTML, CSS and JavaScript are the files in ``lib/ui/pixel_picker/``, shipped with the app and
sent to the browser with the page itself (no CDN, no other host). The pictures it draws and reads are PNGs
served by the app's own media endpoint (``/media/…``, as ``st.image``'s are), so the browser fetches each once;
the component's data is only the kernels and a few numbers (:func:`lib.convolution.picker.payload`).

A click sends ``{row, col}`` back (a trigger, so it acts once); :func:`pixel_picker`'s callback writes it to the
bound settings ``row`` and ``col`` (lesson.toml), which the "Pixel row"/"Pixel column" sliders, the link and
everything below follow (:func:`lib.ui.convolution_playground.choose_pixel`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit import config, runtime

from lib.images import png_bytes

ASSETS = Path(__file__).with_name("pixel_picker")  #: index.html, style.css, main.js
KEY = "pixel_picker"  #: the component's session-state key


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


_component = st.components.v2.component("ml_workshop_pixel_picker", html=_asset("index.html"),
                                        css=_asset("style.css"), js=_asset("main.js"))


@st.cache_data(max_entries=32, show_spinner=False)
def picture_png(key: tuple, _pixels) -> bytes:
    """The picture's own numbers as PNG bytes (lossless: the browser reads back exactly these), cached by ``key``."""
    return png_bytes(np.asarray(_pixels, dtype=np.uint8))


def media_url(data: bytes, name: str) -> str:
    """An address on the app's own server for PNG ``data`` (Streamlit's media store, as ``st.image`` uses):
    the same picture keeps the same address, so the browser fetches it once."""
    url = runtime.get_instance().media_file_mgr.add(data, "image/png", f"{KEY}.{name}")
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}{url}" if base and not url.startswith("http") else url


def _picked(settings: tuple[str, str]) -> None:
    """The click's callback: the pixel it chose, 1-based, becomes the bound row and column settings."""
    picked = (st.session_state.get(KEY) or {}).get("pick")
    if isinstance(picked, dict):
        try:
            row, col = int(picked["row"]), int(picked["col"])
        except (KeyError, TypeError, ValueError):
            return
        if row >= 1 and col >= 1:
            st.session_state[settings[0]], st.session_state[settings[1]] = row, col


def pixel_picker(spec: dict, before: tuple[tuple, np.ndarray], after: tuple[tuple, np.ndarray],
                 settings: tuple[str, str]) -> None:
    """Draw the picker. ``spec`` is :func:`lib.convolution.picker.payload` plus ``captions``, ``alt`` (before
    and after), ``words`` and ``locked``; ``before`` and ``after`` are each (cache key, uint8 pixels): the
    picture whose numbers the kernel reads and the output as the screen shows it. ``settings`` are the
    session-state keys of the bound row and column a click sets."""
    data = {**spec, "before": media_url(picture_png(before[0], before[1]), "before"),
            "after": media_url(picture_png(after[0], after[1]), "after")}
    _component(key=KEY, data=data, on_pick_change=partial(_picked, settings))
