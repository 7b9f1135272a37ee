"""The ethics page's cached demo results.

They live in a module, not in the page, because Streamlit builds a cached function's wrapper each time its
``@st.cache_*`` line runs, reading the function's source to key the cache: in the page that cost every rerun
of the checklist a few milliseconds for demos that are usually switched off. A module is imported once.
"""

import streamlit as st

from lib.ethics import demos
from lib.ui.mnist import shipped_network


def _by_network(measure) -> dict:
    """``measure(network)`` for both shipped digit networks, keyed by the network's name as a label."""
    from lib.mnist import NETWORK_NAMES

    return {name.capitalize(): measure(shipped_network(invert)) for invert, name in NETWORK_NAMES.items()}


@st.cache_data(show_spinner=False)
def dog_probabilities() -> dict:
    return _by_network(demos.dog_probabilities)


dog_as_digit = st.cache_data(demos.dog_as_digit, show_spinner=False)


@st.cache_data(show_spinner=False)
def polarity_accuracies() -> dict:
    from lib import mnist

    x_test, y_test = mnist.load_test_set()
    return _by_network(lambda network: demos.polarity_accuracy(network, x_test, y_test))


garden_stranger = st.cache_data(demos.garden_stranger, show_spinner=False)
