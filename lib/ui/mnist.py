"""The shipped digit networks, loaded once per server for every page that uses them: /mnist answers with
them, /ethics runs its demos on them and /convolution shows the first layer's kernels.

:mod:`lib.mnist` is imported inside :func:`shipped_network`, not at the top, so /ethics and /convolution
load it only when a demo or section needs a network.
"""

import streamlit as st


@st.cache_resource(show_spinner=False)
def shipped_network(invert: bool):
    """The shipped network trained without (``False``) or with (``True``) inverted copies, as the NumPy
    network of :func:`lib.mnist.load_network` (no TensorFlow needed to predict); FileNotFoundError with
    how to make it if its weights are missing."""
    from lib import mnist

    return mnist.load_network(invert)
