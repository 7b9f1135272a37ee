"""Lesson links in the page: the :class:`View` a page gets from :func:`lib.ui.page_setup`, and how the address
bar and session state follow each other.

:func:`apply_link` applies the page's URL (see :mod:`lib.lessons`) to session state before any widget exists,
or brings the page back as the learner left it when they return through the app's menu, and writes the
settings back to the URL as they change, so the address bar always holds a link to exactly this view. A page
creates each URL-bound widget with its ``key`` and *no* ``value``/``index`` (session state already holds it),
hides what :meth:`View.shown` says to hide and disables what :meth:`View.locked` says to lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import streamlit as st

from lib import lessons
from lib.handout import code_span, escape_markdown
from lib.lessons import Classroom, Lesson, Notice, Said
from lib.ui.controls import KIDS, Controls

LOCAL_ADDRESS = "http://localhost:8501"  # for the links when Streamlit cannot tell (tests, bare mode)


@dataclass
class View(Controls):
    """What a page needs to honour its link: kid mode, the exercise it opened at, hidden and locked controls;
    and its bound controls (:class:`lib.ui.controls.Controls`), which draw a setting named once."""

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
        """Whether to draw the control or section ``name``: not hidden by the link and, in kid mode, not a
        setting the lesson file keeps from kids (``kids = false``) nor an ``advanced`` section. A setting whose
        control is not drawn keeps its value (bound controls persist it: :mod:`lib.ui.controls`)."""
        setting = self.lesson.setting(name) if name in self.lesson.names else None
        for_kids = not advanced and (setting is None or setting.kids)
        return self.shows(name) and (for_kids or not self.kids)

    def say(self, plain: str | tuple[str, str], kids: str | None = None) -> str:
        """``kids`` in kid mode, else ``plain``: the same idea in simpler words. A topic's content file keeps
        the two as a pair: ``view.say(content.INTRO)``."""
        if kids is None:
            plain, kids = plain
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
        show_notices(self)


def apply_link(slug: str) -> View:
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
    return address(slug, params)


def show_notices(view: View) -> None:
    """One short notice above the title listing everything the page could not use (text, never Markdown)."""
    if view.notices and view._notice_box is not None:
        lines = ["".join(f"“{code_span(text)}”" if said else escape_markdown(text) for text, said in notice.pieces)
                 if isinstance(notice, Notice) else escape_markdown(notice) for notice in view.notices]
        text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
        view._notice_box.warning(text, icon=":material/link_off:")


def address(slug: str, params: dict[str, str]) -> str:
    base = st.context.url or f"{LOCAL_ADDRESS}/{slug}"
    return base + (f"?{urlencode(params, safe=',')}" if params else "")
