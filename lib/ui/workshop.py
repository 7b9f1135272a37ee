"""The home page's workshop-handout maker, for instructors: pick pages and exercises, give the app's address,
download a printable sheet (built by :func:`lib.workshop_handout.workshop_handout`)."""

import functools

import streamlit as st

from lib.lessons import lesson
from lib.topics import TOPICS
from lib.ui.links import LOCAL_ADDRESS, View
from lib.workshop_handout import address_problem, check_address, workshop_handout


def handout_maker(view: View) -> None:
    """Draw the maker: the pages and exercises to print, the address for the links and QR codes, the
    instructor's switch and the two downloads."""
    st.markdown("For instructors: a printable sheet with, for each page you pick, its link and QR code, what "
                "learners will take away, and the *Try this* exercises — each with a link that opens the page "
                "set up for it. The instructor's copy adds the answers.")
    titles = {t.slug: t.title for t in TOPICS}
    picked = st.multiselect("Pages to include", list(titles), default=list(titles), format_func=titles.get,
                            key="handout_pages", help="In teaching order, one page of the handout each.")
    chosen = {}
    with st.popover("Choose the exercises (all by default)", icon=":material/checklist:"):
        for slug in picked:
            exercises = {e.number: e.title for e in lesson(slug).exercises_for(view.kids)}
            chosen[slug] = st.multiselect(titles[slug], list(exercises), default=list(exercises),
                                          format_func=exercises.get, key=f"handout_exercises_{slug}",
                                          help=f"The exercises from the end of {titles[slug]} to print.")
    address = st.text_input("The app's address, for the links and QR codes", key="handout_address",
                            value=(st.context.url or LOCAL_ADDRESS).rstrip("/"),
                            help="Where learners open the app: your hosted link, or this computer's network address.")
    problem = address_problem(address)
    try:
        address = check_address(address)
    except ValueError:
        address = None
        st.error(problem, icon=":material/link_off:")
    else:
        if problem:  # a handout for this computer alone still helps to try the links out
            st.warning(f"**Learners' phones cannot open this address.** {problem}",
                       icon=":material/phonelink_off:")
    instructor = st.toggle("Instructor's copy (with answers)", key="handout_instructor",
                           help="Adds each exercise's answer. Print the other one for learners.")
    if address is not None:
        @functools.cache
        def sheet():  # built only when a download button is pressed: QR codes take a moment
            return workshop_handout(address, chosen, instructor=instructor, kids=view.kids)

        stem = "workshop-handout" + ("-instructor" if instructor else "")
        row = st.container(horizontal=True)  # a button that does not fit moves to the next line, whole
        row.download_button("Download the handout (HTML, to print)", lambda: sheet().to_html(), f"{stem}.html",
                            "text/html", key="handout_html", on_click="ignore", icon=":material/print:",
                            disabled=not picked, help="Open it in a browser and print; QR codes included.")
        row.download_button("Download the handout (Markdown)", lambda: sheet().to_markdown(), f"{stem}.md",
                            "text/markdown", key="handout_md", on_click="ignore", disabled=not picked,
                            icon=":material/download:", help="Plain text, to edit before printing.")
