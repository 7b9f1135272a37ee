"""Shared Streamlit page helpers: every page starts with :func:`page_setup` and ends with :func:`end_of_page`.

:mod:`lib.ui` is the one package in :mod:`lib` that imports Streamlit: this module is the page frame, and
``lib.ui.<topic>`` holds a topic's cached views (Streamlit rebuilds a cache decorator each time its line runs,
so they are kept out of the page scripts). The topic packages never import Streamlit.

Navigation: the app keeps Streamlit's classic ``pages/`` folder (each file gets its own URL, which works when
pasted into a fresh tab on a fresh server) but hides Streamlit's automatic sidebar, whose labels are file
names, and draws its own from :data:`lib.topics.TOPICS` with proper titles.

Lesson links: :func:`page_setup` applies the page's URL (see :mod:`lib.lessons`) to session state before any
widget exists, and writes the settings back to the URL as they change, so the address bar always holds a
link to exactly this view. A page creates each URL-bound widget with its ``key`` and *no* ``value``/``index``
(session state already holds it), hides what :meth:`View.shows` says to hide and disables what
:meth:`View.locked` says to lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from urllib.parse import urlencode

import streamlit as st

from lib import glossary, lessons
from lib.handout import Handout, code_span, escape_markdown, qr_png
from lib.lessons import Classroom, Lesson, Notice, Said
from lib.topics import HOME_ICON, REFERENCE, TOPICS, icon_file, topic

APP_TITLE = "ML workshop companion"
LOCAL_ADDRESS = "http://localhost:8501"  # for the links when Streamlit cannot tell (tests, bare mode)
KIDS = "kids"  # session-state key of the "simpler words" switch, shared by every page

# Bigger touch targets and text in kid mode. Constant CSS, never built from anything a user sent.
# Text grows to at least 1.15rem but never shrinks (1em: what it inherits), so a metric's big value stays big.
# A slider's handle (Streamlit 1.67, React Aria) is the element holding its value label; it has no test id.
_KID_STYLE = """<style>
.stButton button, .stDownloadButton button, .stFormSubmitButton button, [data-baseweb="select"] > div,
[data-testid="stPopover"] button { min-height: 3rem; font-size: 1.1rem; }
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


@dataclass
class View:
    """What a page needs to honour its link: kid mode, the exercise it opened at, hidden and locked controls."""

    slug: str
    lesson: Lesson
    classroom: Classroom = field(default_factory=Classroom)
    kids: bool = False
    link: str = ""  #: the address of exactly this view (page, settings and classroom options)
    #: Settings a link opened in this visit set (session-state key → value); empty when none was opened.
    linked: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)  #: plain sentences about values the page could not use
    opened: bool = False  #: a link was opened in this very run (not a rerun of the page)
    _notice_box: object = None  # where page_setup shows the notices, above the title

    def shows(self, name: str) -> bool:
        """False when the link hides the control or section called ``name`` (see the page's lesson file)."""
        return name not in self.classroom.hide

    def locked(self, name: str) -> bool:
        """True when the link locks the setting called ``name``: pass it as the widget's ``disabled=``."""
        return name in self.classroom.lock

    def shown(self, name: str, advanced: bool = False) -> bool:
        """Whether to draw the control or section ``name``: not hidden by the link and, for an ``advanced``
        one or a setting the lesson file keeps from kids, not in kid mode. A setting whose control is not
        drawn keeps its value (see :meth:`keep`)."""
        setting = self.lesson.setting(name) if name in self.lesson.names else None
        for_kids = not advanced and (setting is None or setting.kids)
        visible = self.shows(name) and (for_kids or not self.kids)
        if not visible and setting is not None:
            self.keep(name)
        return visible

    def keep(self, name: str) -> None:
        """Keep setting ``name``'s value through a run that does not draw its control: Streamlit forgets an
        undrawn widget's state, so it is stored again as plain session state."""
        key = self.lesson.setting(name).key
        st.session_state[key] = st.session_state[key]

    def say(self, plain: str, kids: str) -> str:
        """``kids`` in kid mode, else ``plain``: the same idea in simpler words."""
        return kids if self.kids else plain

    def value(self, name: str):
        """The current value of setting ``name`` (useful when its control is hidden)."""
        return st.session_state[self.lesson.setting(name).key]

    @property
    def from_link(self) -> bool:
        """True while the settings a link opened in this visit are all still as the link set them."""
        return bool(self.linked) and all(st.session_state.get(key) == value for key, value in self.linked.items())

    def correct(self, name: str, value, why: str) -> None:
        """Set setting ``name`` to ``value`` because its current value cannot be shown (e.g. more copies
        combined than sent), say so in one sentence (``why``: the reason, in plain words), and write the
        address again so it holds what is really shown. Call it before drawing the setting's control."""
        setting = self.lesson.setting(name)
        before = st.session_state[setting.key]
        if before == value:
            return
        st.session_state[setting.key] = value
        self.notices.append(Notice(f"{setting.title} was ", Said(setting.format(before)), f", but {why}, so it "
                                   "is now ", Said(setting.format(value)), "."))
        self.link = _write_address(self.slug, self.lesson, self.classroom, self.kids)
        _show_notices(self)


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
    notice_box = st.empty()
    view = _apply_link(slug or "")
    view._notice_box = notice_box
    _show_notices(view)
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


def _apply_link(slug: str) -> View:
    """Apply the URL to session state when it was not written by this page itself (a link was opened), or
    bring back the page as the learner left it when they come back to it through the app's navigation;
    then write the current settings back to the URL."""
    lesson = lessons.lesson(slug)
    state = st.session_state
    query = st.query_params.to_dict()
    # The last few addresses this page wrote: a quick second change can arrive carrying the address from
    # before the first change was written back, and must not be taken for a newly opened link.
    written = state.setdefault("_links_written", {}).setdefault(slug, [])
    classrooms = state.setdefault("_classrooms", {})
    # Streamlit forgets the values of a page's controls when the learner visits another page.
    left = state.setdefault("_settings_left", {})
    linked = state.setdefault("_linked", {})
    entering, state["_page"] = state.get("_page") != slug, slug
    notices: list[str] = []
    opened = False
    if entering and slug in left and (not query or query in written):
        state.update(left[slug])
    elif query not in written:
        current = {**left.get(slug, {}), **{key: state[key] for key in lesson.defaults if key in state}}
        values, classroom, notices = lesson.read(query, current)
        state.update(values)
        classrooms[slug] = classrooms.get(slug, Classroom()).then(classroom, query)
        if classroom.kids is not None:
            state[KIDS] = classroom.kids
        named = {lesson.setting(name).key for name in query if name in lesson.names}
        named |= {lesson.setting(name).key for name in (classroom.lesson.settings if classroom.lesson else {})}
        linked[slug] = {key: values[key] for key in named}
        written.clear()  # the opened link is new: write it back even if it is already what is shown
        opened = True
    for key, default in lesson.defaults.items():
        state.setdefault(key, default)
    left[slug] = {key: state[key] for key in lesson.defaults}
    view = View(slug, lesson, classrooms.get(slug, Classroom()), bool(state.get(KIDS, False)),
                linked=linked.get(slug, {}), notices=notices, opened=opened)
    view.link = _write_address(slug, lesson, view.classroom, view.kids)
    return view


def _write_address(slug: str, lesson: Lesson, classroom: Classroom, kids: bool) -> str:
    """Put the current settings and classroom options in the address bar; return the full address."""
    # The learner's own view: the settings an exercise set are written too when the learner changed them.
    params = {**lesson.to_query(st.session_state, classroom.lesson),
              **lesson.classroom_link(st.session_state, classroom)}
    if kids:
        params[KIDS] = "on"
    written = st.session_state["_links_written"][slug]
    if not written or params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    written[:] = [*written[-4:], params]
    return _address(slug, params)


def _show_notices(view: View) -> None:
    """One short notice above the title listing everything the page could not use (text, never Markdown)."""
    if view.notices and view._notice_box is not None:
        lines = ["".join(f"“{code_span(text)}”" if said else escape_markdown(text) for text, said in notice.pieces)
                 if isinstance(notice, Notice) else escape_markdown(notice) for notice in view.notices]
        text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
        view._notice_box.warning(text, icon=":material/link_off:")


def _address(slug: str, params: dict[str, str]) -> str:
    base = st.context.url or f"{LOCAL_ADDRESS}/{slug}"
    return base + (f"?{urlencode(params, safe=',')}" if params else "")


def _sidebar(view: View) -> None:
    with st.sidebar:
        st.page_link("app.py", label="Home", icon=HOME_ICON)
        for item in (*TOPICS, *REFERENCE):
            st.page_link(item.page_file, label=item.title, icon=item.icon)
        st.session_state["kids_switch"] = view.kids
        st.toggle("Simpler words", key="kids_switch", on_change=_remember_kids,
                  help="Shorter explanations, fewer controls and bigger buttons, for younger learners. "
                       "Stays on as you move between pages.")
        with st.expander("Share this view", icon=":material/qr_code_2:"):
            _share_panel(view)
        st.markdown(":small[Works offline: every model and data set ships with the app.]")


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
    st.code(_address(view.slug, params), language=None, wrap_lines=True)


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


def define(term: str) -> str:
    """The glossary's explanation of ``term`` in the current wording, for a widget's or heading's ``help=``."""
    return glossary.explain(term, kids=bool(st.session_state.get(KIDS, False)))


def with_term(text: str, term: str) -> str:
    """A control's own ``help`` text followed by the glossary's explanation of the word it is about."""
    return f"{text}\n\n**{term[0].upper() + term[1:]}**: {define(term)}"


def _glossary_strip(view: View) -> None:
    terms = glossary.terms_for(view.slug)
    if terms:
        with st.expander(f"Words on this page ({len(terms)})", icon=":material/menu_book:"):
            for item in terms:
                st.markdown(f"**{item.name}** — {glossary.explain(item.name, view.kids)}")
            st.page_link("pages/7_glossary.py", label="The whole glossary", icon=":material/menu_book:")


def end_of_page(view: View, handout: Callable[[], Handout] | None = None) -> None:
    """The page's "Try this" exercises and its "download my results" buttons. ``handout`` builds the record
    of what the learner did; it runs only when a button is pressed, on another thread, so it must use values
    it captured rather than Streamlit calls."""
    exercises = view.lesson.exercises_for(view.kids)
    if exercises:
        st.header("Try this", anchor=False)
        for exercise in exercises:
            st.markdown(f"**{exercise.number}.** {exercise.question}")
            if exercise.settings:
                st.page_link(topic(view.slug).page_file, label="Set the page up for this",
                             icon=":material/tune:", query_params={"lesson": str(exercise.number)})
            with st.expander("Show the answer"):
                st.markdown(exercise.answer)
    if handout is not None:
        st.header("Keep a record", anchor=False)
        st.markdown("Download what you did on this page — your settings, pictures and results — with a link "
                    "back to exactly this view. HTML opens in any browser and prints; Markdown is plain text.")
        made = cache(handout)
        stem = f"{view.slug}-my-results"
        html_col, markdown_col = st.columns(2)
        html_col.download_button("Download my results (HTML)", lambda: made().to_html(), f"{stem}.html",
                                 "text/html", key="handout_html", icon=":material/download:",
                                 on_click="ignore", help="One file with the pictures inside; opens offline.")
        markdown_col.download_button("Download my results (Markdown)", lambda: made().to_markdown(),
                                     f"{stem}.md", "text/markdown", key="handout_md", on_click="ignore",
                                     icon=":material/download:", help="Plain text with the pictures inside.")
