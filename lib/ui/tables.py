"""A learner's uploaded table, read once per server: /kmeans's own items and /iris's own table share the one
reader (:func:`lib.kmeans.upload.read_table`: CSV or TSV, decimal commas, size and content checked)."""

import pandas as pd
import streamlit as st

from lib.kmeans.upload import read_table


@st.cache_data(show_spinner=False, max_entries=32)  # bounded: a day of uploads, each up to 10 MB
def cached_upload(data: bytes) -> pd.DataFrame:
    """The table in ``data`` (the uploaded file's bytes), read once per distinct file; raises
    :class:`lib.kmeans.upload.TableError` with a sentence for the learner when it cannot be read."""
    return read_table(data)
