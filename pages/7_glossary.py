"""Glossary page (/glossary): every technical word of the workshop, in plain or in kid wording.

The words come from lib/glossary.toml through :mod:`lib.glossary`; this page only searches and shows them.
The search and the topic live in the URL (``/glossary?q=kernel``, ``/glossary?topic=iris``), so a link can
open the page at one word or one topic's words. A "See also" button searches for its word in every topic,
so it shows the word whatever the current search and topic hide (and the address then links to it).
"""

import streamlit as st

from lib import glossary, ui
from lib.topics import topic

view = ui.page_setup("glossary")
kids = view.kids
ALL = "all"  # the topic filter's "every topic" choice (see lib/glossary_lesson.toml)


def show_word(name: str) -> None:
    """Search for the word ``name`` in every topic (a "See also" link): it comes first."""
    st.session_state.update(q=name, glossary_topic=ALL)


query = view.text_input("q", type="search", live=True, icon=":material/search:",
                        placeholder="e.g. kernel, overfitting, noise")
chosen = view.pills("topic", required=True,
                    format_func=lambda slug: "All topics" if slug == ALL else topic(slug).title)

found = glossary.search(query, () if chosen == ALL else (chosen,))
st.caption(f"{len(found)} of {len(glossary.TERMS)} words")
if not found:
    st.info("No word matches your search. Try a shorter word, or pick “All topics”.")

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
                st.caption("See also:")
                with st.container(horizontal=True, gap="small"):
                    for name in item.see_also:
                        st.button(name, key=f"see_also_{item.anchor}_{glossary.term(name).anchor}", type="tertiary",
                                  icon=":material/arrow_forward:", on_click=show_word, args=(name,),
                                  help=f"Show “{name}”, whatever the search and topic now hide.")
