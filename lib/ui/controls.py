"""Bound controls: a page draws a setting's control by naming the setting once, ``view.slider("copies")``,
and the lesson file (:mod:`lib.lessons`, :class:`lib.settings.Setting`) gives everything else: the
session-state key, the label and help (in kid words in kid mode, with a glossary word's explanation when
the setting names one), bounds and step, the choices and the words shown for them. The link decides the
rest: a hidden control is not drawn and its value is returned as it is; a locked one is drawn disabled.

Every bound control keeps its value while it is not drawn (``persist_state="session"``), so a control that
kid mode, a link or the page's own logic leaves out comes back as the learner left it. Any keyword a page
passes goes to the Streamlit widget and wins over the lesson file's (e.g. ``high=n`` for a bound that
depends on another setting, or ``options=`` for a subset of the choices).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from lib import glossary
from lib.settings import Setting

KIDS = "kids"  # session-state key of the "simpler words" switch, shared by every page


def define(term: str) -> str:
    """The glossary's explanation of ``term`` in the current wording, for a widget's or heading's ``help=``."""
    return glossary.explain(term, kids=bool(st.session_state.get(KIDS, False)))


def with_term(text: str, term: str) -> str:
    """A control's own ``help`` text followed by the glossary's explanation of the word it is about."""
    return f"{text}\n\n**{term[0].upper() + term[1:]}**: {define(term)}"


class Controls:
    """The bound controls of :class:`lib.ui.links.View` (which supplies ``lesson``, ``kids``, ``shown``,
    ``locked`` and ``value``). Each returns the setting's current value, drawn or not."""

    def slider(self, name: str, **options) -> Any:
        """``st.slider`` from ``low`` to ``high`` by ``step`` (``low=``/``high=`` override the lesson's)."""
        setting = self.lesson.setting(name)
        low, high = options.pop("low", setting.low), options.pop("high", setting.high)
        return self._bound(st.slider, setting, options, min_value=low, max_value=high, step=setting.step)

    def number_input(self, name: str, **options) -> Any:
        """``st.number_input`` between ``low`` and ``high``."""
        setting = self.lesson.setting(name)
        return self._bound(st.number_input, setting, options, min_value=setting.low, max_value=setting.high,
                           step=setting.step)

    def select_slider(self, name: str, **options) -> Any:
        """``st.select_slider`` over the setting's choices."""
        return self._choice(st.select_slider, name, options)

    def radio(self, name: str, **options) -> Any:
        """``st.radio`` over the setting's choices, each shown by its label."""
        return self._choice(st.radio, name, options)

    def selectbox(self, name: str, **options) -> Any:
        """``st.selectbox`` over the setting's choices, each shown by its label."""
        return self._choice(st.selectbox, name, options)

    def pills(self, name: str, **options) -> Any:
        """``st.pills`` over the setting's choices, each shown by its label."""
        return self._choice(st.pills, name, options)

    def multiselect(self, name: str, **options) -> list:
        """``st.multiselect`` for a setting whose value is a list; the page gives the ``options``."""
        return self._bound(st.multiselect, self.lesson.setting(name), options)

    def toggle(self, name: str, **options) -> bool:
        """``st.toggle`` for an on/off setting."""
        return self._bound(st.toggle, self.lesson.setting(name), options)

    def checkbox(self, name: str, **options) -> bool:
        """``st.checkbox`` for an on/off setting."""
        return self._bound(st.checkbox, self.lesson.setting(name), options)

    def text_input(self, name: str, **options) -> str:
        """``st.text_input`` for a free-text setting, no longer than a link may carry."""
        setting = self.lesson.setting(name)
        return self._bound(st.text_input, setting, options, max_chars=setting.max_length or None)

    def label(self, name: str) -> str:
        """The words the control of choice setting ``name`` shows for its current value."""
        return self.lesson.setting(name).label_for(self.value(name))

    def help_for(self, name: str) -> str:
        """The help the lesson file gives setting ``name``, in the current wording (with its glossary word)."""
        setting = self.lesson.setting(name)
        text = setting.help_in(self.kids)
        return with_term(text, setting.term) if setting.term else text

    def _choice(self, widget: Callable, name: str, options: dict) -> Any:
        setting = self.lesson.setting(name)
        return self._bound(widget, setting, options, options=setting.options_in(self.kids, self.value(name)),
                           format_func=setting.label_for)

    def _bound(self, widget: Callable, setting: Setting, given: dict, **from_lesson) -> Any:
        if not self.shown(setting.name):
            return self.value(setting.name)
        drawn = {"label": setting.label_in(self.kids), "key": setting.key, "help": self.help_for(setting.name) or None,
                 "persist_state": "session", **{k: v for k, v in from_lesson.items() if v is not None}, **given}
        drawn["disabled"] = self.locked(setting.name) or given.get("disabled", False)
        return widget(**drawn)
