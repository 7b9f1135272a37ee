"""The k-means page's cached computations.

They live in a module, not in the page, because Streamlit builds a cached function's wrapper each time its
``@st.cache_*`` line runs, reading the function's source to key the cache: in the page that cost every rerun
a few milliseconds. A module is imported once, so each wrapper is built once per process.
"""

import numpy as np
import pandas as pd
import streamlit as st

from lib.kmeans import garden
from lib.kmeans.bugs import bug
from lib.kmeans.charts import points_figure
from lib.kmeans.upload import read_table


@st.cache_data(show_spinner=False)
def cached_elbow(values: np.ndarray, scale: bool) -> pd.DataFrame:
    return garden.elbow(values, scale=scale)


@st.cache_resource(max_entries=64, show_spinner=False)
def cached_fit(X: pd.DataFrame, k: int, init, scale: bool, seed: int = 0, tol: float = 1e-4) -> garden.KMeansFit:
    """garden.fit once per data and settings: every rerun of the page (any widget, any tab) needs it.
    A shared resource, not a copy per read: the page only reads the fit."""
    return garden.fit(X, k, init=init, scale=scale, seed=seed, tol=tol)


@st.cache_resource(show_spinner="Running the demo…")
def cached_demo(slug: str) -> list:
    """Each demo's panels with their figures, built once per server: they never change."""
    return [(panel, points_figure(panel.frame, panel.x, panel.y, labels=panel.labels, centroids=panel.centroids,
                                  names=panel.names, title=panel.title)) for panel in bug(slug).demo()]


@st.cache_data(show_spinner=False)
def cached_upload(data: bytes) -> pd.DataFrame:
    return read_table(data)
