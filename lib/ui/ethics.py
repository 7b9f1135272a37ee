"""The ethics page's cached demo results.

They live in a module, not in the page, because Streamlit builds a cached function's wrapper each time its
``@st.cache_*`` line runs, reading the function's source to key the cache: in the page that cost every rerun
of the checklist a few milliseconds for demos that are usually switched off. A module is imported once.
"""

import streamlit as st

from lib.ethics import demos

MODEL_NAMES = {False: "Trained on white-on-black digits only", True: "Trained with inverted copies too"}


@st.cache_resource(show_spinner=False)
def mnist_model(invert: bool):
    """The shipped digit network (see :func:`lib.mnist.load_network`), loaded once per server."""
    from lib import mnist

    return mnist.load_network(invert)  # NumPy forward pass: no TensorFlow needed to predict


@st.cache_data(show_spinner=False)
def dog_probabilities() -> dict:
    return {invert: demos.dog_probabilities(mnist_model(invert)) for invert in MODEL_NAMES}


dog_as_digit = st.cache_data(demos.dog_as_digit, show_spinner=False)


@st.cache_data(show_spinner=False)
def polarity_accuracies() -> dict:
    from lib import mnist

    x_test, y_test = mnist.load_test_set()
    return {invert: demos.polarity_accuracy(mnist_model(invert), x_test, y_test) for invert in MODEL_NAMES}


garden_stranger = st.cache_data(demos.garden_stranger, show_spinner=False)
