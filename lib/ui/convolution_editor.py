"""The /convolution page's custom-kernel editor: a grid of text cells kept in step with the link's ``kernel=``
setting (rows split by ";", numbers by ","), so a link reproduces a kernel the learner typed.

:mod:`lib.convolution.editor` reads the cells and the link text. The link text lives in session state under
:data:`KERNEL_TEXT`, the setting's key in ``lib/convolution/lesson.toml``: :func:`lib.ui.page_setup` fills it
from a link and writes it back to the address bar, and the editor applies it when it differs from the text the
editor itself last wrote (``kernel_synced``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lib.convolution import KERNELS, editor, normalise

KERNEL_TEXT = "conv_kernel"
FIRST_PRESET = "sharpen"  #: the editor starts from this kernel; its link text is "" so a plain link stays short
_FIRST = editor.kernel_to_text(KERNELS[FIRST_PRESET])
_STARTS = {3: KERNELS[FIRST_PRESET], 5: KERNELS["gaussian_5"]}


def _remember(kernel: np.ndarray) -> None:
    text = editor.kernel_to_text(kernel)
    st.session_state[KERNEL_TEXT] = st.session_state["kernel_synced"] = "" if text == _FIRST else text


def set_custom(cells: list[list[str]]) -> None:
    """Replace the editor's table (a new key makes Streamlit forget the old edits). Safe in a callback."""
    size = len(cells)
    st.session_state["custom_size"] = size
    st.session_state.setdefault("custom_cells", {})[size] = cells
    st.session_state["custom_version"] = st.session_state.get("custom_version", 0) + 1
    _remember(editor.kernel_from_cells(cells)[0])


def _normalise() -> None:
    try:
        set_custom(editor.cells_from_kernel(normalise(st.session_state["custom_kernel"])))
    except ValueError as error:
        st.session_state["normalise_error"] = str(error)


def _apply_link() -> None:
    """Put a link's kernel in the editor, or note why not (the notice survives the page's own rerun)."""
    linked = st.session_state[KERNEL_TEXT]
    if linked and linked != st.session_state.get("kernel_synced"):
        try:
            set_custom(editor.cells_from_text(linked))
        except ValueError as error:
            st.session_state["kernel_notice"] = f"{error} The link's kernel was ignored."
            st.session_state[KERNEL_TEXT] = st.session_state["kernel_synced"] = ""


def custom_kernel(editable: bool = True, locked: bool = False) -> np.ndarray:
    """Draw the editor (size, cells, problems, normalise) and return its kernel. ``editable=False`` shows no
    editor (an instructor hid it) but still uses the link's kernel; ``locked`` disables the editor."""
    _apply_link()
    if notice := st.session_state.get("kernel_notice"):
        st.warning(notice, icon=":material/link_off:")
    size = (st.radio("Kernel size", editor.SIZES, format_func=lambda n: f"{n}×{n}", key="custom_size",
                     horizontal=True, disabled=locked, help="A bigger kernel looks at more neighbours for each pixel.")
            if editable else st.session_state.get("custom_size", editor.SIZES[0]))
    cells = st.session_state.setdefault("custom_cells", {}).get(size) or editor.cells_from_kernel(_STARTS[size])
    if editable:
        table = pd.DataFrame(cells, columns=[str(c + 1) for c in range(size)], dtype="string")
        edited = st.data_editor(table, key=f"kernel_cells_{size}_{st.session_state.get('custom_version', 0)}",
                                hide_index=True, num_rows="fixed", width="content", disabled=locked,
                                column_config={c: st.column_config.TextColumn(c, width="small") for c in table})
        st.caption("Click a cell and type a number such as 2, -1, 0.5 or 1/9. Empty cells count as 0.")
        # Cleared cells arrive as missing values; keep the edits as the base so a size switch does not lose them.
        cells = edited.astype(object).where(edited.notna(), "").to_numpy().tolist()
        st.session_state["custom_cells"][size] = cells
    kernel, problems = editor.kernel_from_cells(cells)
    st.session_state["custom_kernel"] = kernel
    for problem in problems:
        st.warning(problem)
    if editable:
        st.button("Normalise: scale so the numbers add up to 1", key="normalise", on_click=_normalise,
                  disabled=locked, help="Divides every number by the total, so flat areas keep their brightness.")
    if error := st.session_state.pop("normalise_error", None):
        st.error(error)
    if editor.kernel_to_text(kernel) != (st.session_state[KERNEL_TEXT] or _FIRST):
        _remember(kernel)
        st.rerun()  # so the address bar and the share link carry this kernel now, not one click later
    st.session_state.pop("kernel_notice", None)  # a link's notice stays for one look, like the page's others
    return kernel
