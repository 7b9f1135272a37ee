"""/iris's own-data path (issue #18), Streamlit side: the choice between the iris flowers and the learner's own
table (near Train), and step 0, where the table is uploaded or typed in and its label and input columns chosen.

The playground is drawn before step 0, so the step keeps the checked table in the session (:data:`OWN`) and
draws the page again when it changes; the playground reads it from there. A table the network cannot use
shows its message (``st.error``) and the iris flowers stay. Grown-ups only: kid mode keeps the flowers, and a
lesson link can hide the choice (section ``owndata``). The table never travels in a link.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lib.iris import content as words
from lib.iris.model import IrisConfig
from lib.iris.own_data import (MAX_CLASSES, MAX_INPUTS, MAX_ROWS, MIN_PER_CLASS, SAMPLE_CSV, OwnData, OwnDataError,
                               default_choice, own_data, sample_table)
from lib.kmeans.run import columns_key
from lib.kmeans.upload import TableError, text_in_numbers
from lib.ui import OPEN, unfolded
from lib.ui.tables import cached_upload

SOURCE = "iris_source"  #: session key of the choice: "iris" or "own"
OWN = "iris_own_data"  #: session key of the checked table the network trains on, or None
STEP = "iris_own"  #: step 0's name (:func:`lib.ui.unfolded`)
SHOWN = "owndata"  #: the lesson section that hides the choice


def _open_step() -> None:
    if st.session_state[SOURCE] == "own":
        st.session_state[OPEN + STEP] = True


def choose_source(view) -> OwnData | None:
    """The choice "Iris flowers" / "My own table" (unless hidden or in kid mode); returns the own table the
    network is to train on, or None for the irises (also while no usable table is loaded, which it says)."""
    if not view.shown(SHOWN, advanced=True):
        return None
    source = st.radio("Learn from", list(words.SOURCES), format_func=words.SOURCES.get, key=SOURCE, horizontal=True,
                      on_change=_open_step, help=words.SOURCE_HELP)
    if source != "own":
        return None
    data = st.session_state.get(OWN)
    if data is None:
        st.caption(words.OWN_NOT_READY)
    return data


def own_data_step(view) -> None:
    """Step 0, while "My own table" is chosen: the table (uploaded, or typed in a data editor), its columns,
    and its message when the network cannot use it."""
    if not view.shown(SHOWN, advanced=True) or st.session_state.get(SOURCE) != "own":
        return
    if step := unfolded(view, words.STEP_OWN, STEP):
        with step:
            _keep(_table_step())


def _keep(data: OwnData | None) -> None:
    """Make ``data`` the table the playground trains on; when that changes, draw the page again from the top."""
    if st.session_state.get(OWN) != data:
        st.session_state[OWN] = data
        st.rerun()


def _table_step() -> OwnData | None:
    st.markdown(words.own_rules(MAX_ROWS, MAX_INPUTS, MAX_CLASSES, MIN_PER_CLASS))
    how = st.radio("Your table", list(words.HOW), format_func=words.HOW.get, key="iris_own_how", horizontal=True)
    if how == "file":
        upload = st.file_uploader("A CSV or TSV file", type=["csv", "tsv", "txt"], key="iris_own_upload",
                                  help="Each row is one thing measured, each column one measurement or the label.")
        st.download_button("Download the sample table (penguins)", SAMPLE_CSV.read_bytes(), SAMPLE_CSV.name,
                           "text/csv", key="iris_own_sample", icon=":material/download:", on_click="ignore")
        if upload is None:
            st.info(words.NO_TABLE)
            return None
        try:
            table = cached_upload(upload.getvalue())
        except TableError as error:
            st.error(str(error))
            return None
        name = upload.name
    else:
        name = ""
        table = st.data_editor(_starting_table(), num_rows="dynamic", key="iris_own_editor", hide_index=True,
                               width="stretch", height=280)
        st.caption(words.EDITOR_HELP)
    try:
        label, inputs = _columns(table)
        data = own_data(table, label, inputs, name)
    except OwnDataError as error:
        st.error(str(error))
        return None
    st.success(words.own_ready(data.summary(), data.dropped), icon=":material/table_view:")
    return data


@st.cache_data(show_spinner=False)
def _starting_table() -> pd.DataFrame:
    """The data editor's first rows: five penguins of each species from the sample table."""
    return sample_table().groupby("species", sort=True).head(5).reset_index(drop=True)


def _columns(table: pd.DataFrame) -> tuple[str | None, list[str]]:
    """The label and input columns, as the learner chooses them (first guess: :func:`default_choice`, plus any
    number column with a typo, so its message shows rather than the column silently missing)."""
    columns = [str(column) for column in table.columns]
    guess, inputs = default_choice(table)
    inputs += [column for column in text_in_numbers(table) if column != guess and column not in inputs]
    key = columns_key(columns)  # a new table's columns start from their own guess
    label = st.selectbox("Label column (what the network learns to tell apart)", columns,
                         index=columns.index(guess) if guess in columns else None, key=f"iris_own_label{key}",
                         placeholder="Choose the column of labels",
                         help="Each different value in it is one class: one output of the network.")
    chosen = st.multiselect("Input columns (numbers it learns from)", [c for c in columns if c != label],
                            default=[c for c in inputs if c != label], key=f"iris_own_inputs{key}",
                            help="One input neuron per column.")
    if label is None:
        raise OwnDataError("Choose the column that holds the labels (the classes the network should learn).")
    return label, chosen


def map_parts(config: IrisConfig, frame: pd.DataFrame, flower) -> tuple[pd.DataFrame, np.ndarray, object, dict]:
    """What a decision map of ``config``'s data needs: the points' table, the values the inputs off the map are
    held at, the star to draw (the learner's ``flower`` for the irises, none for an own table) and the names
    for :func:`lib.iris.pictures.decision_map` (empty for the irises: its defaults)."""
    data = config.data
    if data is None:
        return frame, flower, flower, {}
    return data.table, np.median(data.X, axis=0), None, {"features": data.inputs, "classes": data.classes,
                                                         "labels": data.y}
