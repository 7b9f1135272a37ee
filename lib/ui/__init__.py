"""Shared Streamlit page helpers: every page starts with :func:`page_setup` and ends with :func:`end_of_page`.

:mod:`lib.ui` is the one package in :mod:`lib` that imports Streamlit: this module is the page frame, and
``lib.ui.<topic>`` holds a topic's cached views (Streamlit rebuilds a cache decorator each time its line runs,
so they are kept out of the page scripts). The topic packages never import Streamlit.

Lesson links (the :class:`View`, the address bar) are in :mod:`lib.ui.links`.

Navigation: the app keeps Streamlit's classic ``pages/`` folder (each file gets its own URL, which works when
pasted into a fresh tab on a fresh server) but hides Streamlit's automatic sidebar, whose labels are file
names, and draws its own from :data:`lib.topics.TOPICS` with proper titles. ``st.navigation`` with the entry
script as the frame was tried: with the pages in ``pages/``, a deep link into a fresh server runs the page
without the frame (``tests/browser/test_navigation.py`` shows it), so the classic mechanism stays.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from lib import glossary
from lib.handout import Handout, qr_png
from lib.lessons import RESERVED, Classroom
from lib.topics import HOME_ICON, REFERENCE, TOPICS, icon_file, topic
from lib.ui.controls import KIDS, define, with_term
from lib.ui import warm
from lib.ui.links import LOCAL_ADDRESS, View, address, apply_link, show_notices
from lib.ui.restart import say_if_restarted

__all__ = ["APP_TITLE", "KIDS", "LOCAL_ADDRESS", "OPEN", "View", "define", "end_of_page", "page_setup", "unfolded",
           "with_term"]

APP_TITLE = "ML workshop companion"
OPEN = "open_"  #: session keys of the steps drawn only while open (:func:`unfolded`) start with this

# Bigger touch targets and text in kid mode. Constant CSS, never built from anything a user sent.
# Text grows to at least 1.15rem but never shrinks (1em: what it inherits), so a metric's big value stays big.
# A slider's handle (Streamlit 1.67, React Aria) is the element holding its value label; it has no test id.
# Streamlit keeps a button's label on one line and cuts it with "…" when it is wider than the button: in the
# bigger text a long label ("Picture: The course's 5×5 example", a download on a phone) wraps instead.
_KID_STYLE = """<style>
.stButton button, .stDownloadButton button, .stFormSubmitButton button, [data-baseweb="select"] > div,
[data-testid="stPopover"] button { min-height: 3rem; font-size: 1.1rem; }
:is(.stButton, .stDownloadButton, .stFormSubmitButton, [data-testid="stPopover"]) button
:is([data-testid="stMarkdownContainer"], [data-testid="stMarkdownContainer"] p) { white-space: normal; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: max(1.15rem, 1em); }
[data-testid="stSlider"] div:has(> [data-testid="stSliderThumbValue"]) { width: 1.75rem; height: 1.75rem; }
[data-testid="stCheckbox"] label, [data-testid="stRadio"] label { min-height: 2.5rem; }
</style>"""

# Back to the top of the page, where an exercise's question is. Constant script, never built from user input.
_TO_TOP = """<script>
for (const box of [document.querySelector('[data-testid="stMain"]'), document.scrollingElement]) {
  if (box) box.scrollTo({top: 0});
}
</script>"""


def page_setup(slug: str | None) -> View:
    """Configure the page (tab title, icon, wide layout), apply its link, draw the sidebar (navigation,
    "simpler words" switch, share panel) and the heading. ``slug`` is the page's URL path (see
    :mod:`lib.topics`), or ``None`` for the home page. Call it first on every page."""
    current = topic(slug) if slug else None
    st.set_page_config(
        page_title=f"{current.title} · {APP_TITLE}" if current else APP_TITLE,
        page_icon=icon_file(current.icon if current else HOME_ICON),  # served by the app, not a font server
        layout="wide",
        initial_sidebar_state="auto",
    )
    warm.in_background()  # the first page opened on this server warms every page's caches
    notice_box = st.empty()
    view = apply_link(slug or "")
    view._notice_box = notice_box
    show_notices(view)
    say_if_restarted(view.slug)  # a browser moved to a fresh server process: say its settings came from the link
    _sidebar(view)
    if view.kids:
        st.html(_KID_STYLE)
    if current:
        st.title(current.title, anchor=False)
        st.markdown(view.say(current.summary, view.lesson.kids_goal or current.summary))
        _glossary_strip(view)
    if view.classroom.lesson:
        exercise = view.classroom.lesson
        st.info(f"**Exercise {exercise.number}: {exercise.title}.** {exercise.question}  \n"
                + ("The page is set up for it; the answer is under *Try this* at the end."
                   if exercise.for_kids or not view.kids else
                   "It needs controls that *Simpler words* hides: switch *Simpler words* off in the menu to try it."),
                icon=":material/school:")
        if view.opened:  # "Set the page up for this" is pressed at the end of the page: show its question
            st.html(_TO_TOP, unsafe_allow_javascript=True)
    return view


def _sidebar(view: View) -> None:
    with st.sidebar:
        st.page_link("app.py", label="Home", icon=HOME_ICON)
        for item in (*TOPICS, *REFERENCE):
            st.page_link(item.page_file, label=item.title, icon=item.icon)
        st.session_state["kids_switch"] = view.kids
        st.toggle("Simpler words", key="kids_switch", on_change=_remember_kids,
                  help="Shorter explanations, fewer controls and bigger buttons, for younger learners. "
                       "Stays on as you move between pages.")
        # Drawn only while open: its code box, pickers and QR code would otherwise make every page's first
        # open fetch and start the browser code for all three (measured in bench/results.md).
        if share := unfolded(view, "Share this view", "share", icon=":material/qr_code_2:", by_exercise=False):
            with share:
                _share_panel(view)
        st.markdown(":small[Works offline: every model and data set ships with the app.]")


def unfolded(view: View, label: str, name: str, *, icon: str | None = None, by_exercise: bool = True):
    """An expander whose content is drawn only while it is open: returns the expander to fill (``with``), or
    ``None`` while it is closed. A step's charts and tables then cost nothing until a learner opens it, and a
    page opens with only its playground's browser code (a plotly chart anywhere on a page makes its first
    open fetch and start 4.7 MB of JavaScript). Its state is kept in the session as ``open_<name>``; a lesson
    link that opens an exercise opens it (``by_exercise``), so the exercise's steps are there to try. It stays
    open (or closed) when its ``label`` changes (kid words, another number), which Streamlit would otherwise take
    for a new expander and close."""
    exercise = by_exercise and view.classroom.lesson is not None
    if not exercise and OPEN + name in st.session_state:  # an exercise's link opens its steps, whatever they were
        st.session_state[OPEN + name] = st.session_state[OPEN + name]
    box = st.expander(label, expanded=exercise, key=OPEN + name, icon=icon, on_change="rerun")
    return box if box.open else None


def _remember_kids() -> None:
    st.session_state[KIDS] = st.session_state["kids_switch"]


@lru_cache(maxsize=512)  # bounded: every distinct view has its own link, and a server runs for a whole day
def _qr(link: str, scale: int) -> bytes:
    return qr_png(link, scale)


def _share_panel(view: View) -> None:
    st.markdown(":small[A link to exactly what you see now (the copy button is at its right):]")
    st.code(view.link, language=None, wrap_lines=True)
    st.image(_qr(view.link, 4), caption="The same link as a QR code, for a phone camera.", output_format="PNG",
             alt="QR code of this page's link")
    if st.button("Show the QR code big", key="qr_big", help="For projecting on a screen: the room scans it."):
        _big_qr(view.link)
    lesson = view.lesson
    if not (lesson.settings or lesson.sections or lesson.exercises):
        return
    st.markdown("**Classroom link** (for instructors)")
    names = {**{s.name: s.label or s.name for s in lesson.settings}, **lesson.sections}
    hide = st.multiselect("Hide from learners", list(names), format_func=names.get, key="share_hide",
                          help="Controls or whole sections the learners will not see.")
    lock = st.multiselect("Lock at their current value", list(lesson.names), key="share_lock",
                          format_func=names.get, help="Learners see these controls but cannot change them.")
    start = st.selectbox("Open at exercise", [0, *range(1, len(lesson.exercises) + 1)], key="share_lesson",
                         format_func=lambda n: "none" if n == 0 else f"{n}: {lesson.exercises[n - 1].title}",
                         help="The page opens set up for this exercise, with its question at the top.")
    classroom = Classroom(lesson.exercises[start - 1] if start else None, frozenset(hide), frozenset(lock))
    params = lesson.classroom_link(st.session_state, classroom)
    if view.kids:
        params[KIDS] = "on"
    st.code(address(view.slug, params), language=None, wrap_lines=True)


# The big QR code takes the height the window leaves it (title, address and margins take about 16rem), so the
# whole code is on screen at 1024×768 as on a projector. Constant CSS, never built from anything a user sent.
_BIG_QR_STYLE = """<style>
[data-testid="stDialog"] [data-testid="stImageContainer"] img {
  max-height: calc(100dvh - 16rem); width: auto !important; max-width: 100%; margin: 0 auto; }
</style>"""


@st.dialog("Scan to open this page", width="large")
def _big_qr(link: str) -> None:
    st.html(_BIG_QR_STYLE)
    st.image(_qr(link, 12), caption=link, width="stretch", output_format="PNG", alt="QR code of this page's link")


def _glossary_strip(view: View) -> None:
    """The page's words explained, drawn only while open: a browser renders an expander's Markdown even while
    it is closed, and two dozen definitions cost a page's first open more than its playground."""
    terms = glossary.terms_for(view.slug)
    if terms and (box := unfolded(view, f"Words on this page ({len(terms)})", f"words_{view.slug}",
                                  icon=":material/menu_book:", by_exercise=False)):
        with box:
            st.markdown("\n".join(f"- **{item.name}** — {glossary.explain(item.name, view.kids)}" for item in terms))
            st.page_link("pages/7_glossary.py", label="The whole glossary", icon=":material/menu_book:")


RECORD_STEP = ("Keep a record: download what you did", "Save what you did")  #: the download step's label


def end_of_page(view: View, handout: Callable[[], Handout] | None = None, notebook: dict | None = None) -> None:
    """The page's "Try this" exercises and its "download my results" buttons (each a step drawn only while
    open), with a third that downloads a notebook doing the same at home (:func:`lib.notebooks.build` with the
    view's settings). ``handout`` builds the record of what the learner did; it runs only when a button is
    pressed, on another thread, so it must use values it captured rather than Streamlit calls. ``notebook``:
    what the notebook carries that no link holds, captured the same way: ``weights`` (the network trained on
    /iris), ``data`` (the learner's own table on /iris) or ``answers`` (the /ethics checklist)."""
    exercises = view.lesson.exercises_for(view.kids)
    # One step, drawn only while open (see _glossary_strip); an exercise's link opens it.
    many = "" if len(exercises) == 1 else "s"
    label = view.say((f"Try this: {len(exercises)} challenge{many}", f"Try this: {len(exercises)} thing{many} to try"))
    if exercises and (box := unfolded(view, label, f"try_{view.slug}", icon=":material/science:")):
        with box:
            for exercise in exercises:
                st.markdown(f"**{exercise.number}.** {exercise.question}")
                links, answer = st.columns(2, vertical_alignment="center")
                if exercise.settings:
                    links.page_link(topic(view.slug).page_file, label="Set the page up for this",
                                    icon=":material/tune:", query_params={"lesson": str(exercise.number)})
                with answer.popover("Show the answer", icon=":material/lightbulb:"):
                    st.markdown(exercise.answer)
    # The record is a step too, drawn only while open: its header, words and three buttons cost each open of
    # every page about 40 ms.
    if handout is not None and (box := unfolded(view, view.say(RECORD_STEP), f"record_{view.slug}",
                                                icon=":material/download:", by_exercise=False)):
        box.markdown(view.say("Download what you did on this page — your settings, pictures and results — with a "
                              "link back to exactly this view. HTML opens in any browser and prints; Markdown is "
                              "plain text; the notebook is Python code that does it again.",
                              "Save what you did, to print or to show someone at home."))
        # Built at each press, never kept: a playground that reruns alone (a fragment) changes what it records
        # after this ran, and reads it through ``view.link`` and the page's own record at press time.
        made = handout
        stem = f"{view.slug}-my-results"
        row = box.container(horizontal=True)  # a button that does not fit moves to the next line, whole
        row.download_button("Download my results (HTML)", lambda: made().to_html(), f"{stem}.html", "text/html",
                            key="handout_html", icon=":material/download:", on_click="ignore",
                            help="One file with the pictures inside; opens offline.")
        row.download_button("Download my results (Markdown)", lambda: made().to_markdown(), f"{stem}.md",
                            "text/markdown", key="handout_md", on_click="ignore", icon=":material/download:",
                            help="Plain text with the pictures inside.")
        carried = dict(notebook or {})
        weights, data = carried.pop("weights", None), carried.pop("data", None)
        row.download_button("Download a notebook (.ipynb)",
                            lambda: _notebook(view.slug, carried, weights, view.link, data),
                            f"{view.slug}-notebook.ipynb", "application/x-ipynb+json", key="notebook_ipynb",
                            on_click="ignore", icon=":material/download:",
                            help="Python code that does what you did here, to run in Jupyter at home.")


def _notebook(slug: str, carried: dict, weights, link: str, data=None) -> str:
    """The notebook for the view at ``link`` (its settings are the link's), with what no link holds."""
    from lib import notebooks  # only when the button is pressed: nbformat stays out of the page's first open

    settings = {name: text for name, text in parse_qsl(urlsplit(link).query) if name not in RESERVED}
    return notebooks.build(slug, {**settings, **carried}, weights, link=link, data=data)
