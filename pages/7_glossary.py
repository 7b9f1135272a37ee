"""Glossary page (/glossary): every technical word of the workshop, in plain or in kid wording.

The words come from lib/glossary.toml through :mod:`lib.glossary`; this page only searches and shows them.
The search text lives in the URL (``/glossary?q=kernel``), so a link can open the page at one word.
"""

import streamlit as st

from lib import glossary, ui
from lib.topics import TOPICS, topic

view = ui.page_setup("glossary")
kids = view.kids

query = st.text_input(
    "Find a word", key="q", type="search", live=True, icon=":material/search:",
    placeholder="e.g. kernel, overfitting, noise",
    help="Shows the words whose name or explanation contains what you type. The search is kept in the "
         "page's address, so you can share a link to it.")
slugs = st.pills(
    "Only words from", [item.slug for item in TOPICS], selection_mode="multi", key="glossary_topics",
    format_func=lambda slug: topic(slug).title,
    help="Pick one or more topics to see only the words their pages use. Pick none to see every word.")

found = glossary.search(query, slugs)
st.caption(f"{len(found)} of {len(glossary.TERMS)} words")
if not found:
    st.info("No word matches your search. Try a shorter word, or clear the topic filter.")

# Two cards to a row on a wide screen; row by row, so on a phone (where columns stack) they stay in order.
for row_start in range(0, len(found), 2):
    for column, item in zip(st.columns(2), found[row_start:row_start + 2]):
        with column.container(border=True):
            st.subheader(item.name, anchor=item.anchor)
            st.markdown(item.kids if kids else item.plain)
            if item.pages:
                st.caption("Used on:")
                with st.container(horizontal=True, gap="small"):
                    for slug in item.pages:
                        used_on = topic(slug)
                        st.page_link(used_on.page_file, label=used_on.title, icon=used_on.icon)
            if item.see_also:
                links = ", ".join(f"[{name}](#{glossary.term(name).anchor})" for name in item.see_also)
                st.markdown(f"See also: {links}")
