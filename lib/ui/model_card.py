"""Drawing a model card (:class:`lib.model_card.ModelCard`) on a page, in the view's wording: /iris, /mnist and
/ethics show theirs with :func:`show`. A card holds only the app's own words and numbers (a learner's names,
such as an own table's classes, inside code spans), so it is drawn as Markdown, in a bordered box that sets it
apart as one document."""

from __future__ import annotations

import streamlit as st

from lib.model_card import ModelCard


def show(view, card: ModelCard) -> None:
    """Draw ``card`` in a box, in kid words when the view is in kid mode."""
    with st.container(border=True):
        st.markdown(card.to_markdown(view.kids))
