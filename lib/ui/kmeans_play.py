"""The /kmeans playground (issue #17, after Naftali Harris's k-means visualisation): one chart with the
regions each centroid owns, a single Step button that alternates assign and update, and items the learner adds
by clicking the chart. The chart is an SVG picture (:func:`lib.kmeans.scatter.points_chart`, drawn by
:mod:`lib.ui.svg_picture`), so the page opens without any chart library's browser code and a step redraws it at
once. While a click means something, the place clicked (in the chart's own numbers) becomes a new item, or a
starting centroid when the learner places them; a click outside the plot does nothing."""

from dataclasses import replace
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from lib.kmeans import content as words
from lib.kmeans import garden
from lib.kmeans.charts import curve_chart
from lib.kmeans.scatter import points_chart, within_axes
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.run import Items, RunSettings, numbered, on_axes, regions, starts_table
from lib.ui import unfolded
from lib.ui.kmeans import cached_fit
from lib.ui.svg_picture import svg_picture

#: The playground chart's height (title, axes and legend included): it ends on the first screen at 1280×800.
PLAY_HEIGHT = 420


def _chosen_starts(table: pd.DataFrame, features: list[str], k: int) -> np.ndarray | None:
    """The learner's starting centroids (clicked or typed), or None until all k are given."""
    st.markdown(words.place_starts(k))
    clicks = st.session_state.setdefault("km_clicks", [])
    edited = st.data_editor(starts_table(table, features, clicks, k), key=f"km_starts_{len(clicks)}_{k}",
                            hide_index=False, column_config={f: st.column_config.NumberColumn(garden.label(f))
                                                             for f in features})
    st.button("Clear my centroids", key="km_clear", help="Forget the positions you clicked or typed.",
              on_click=st.session_state.update, kwargs={"km_clicks": []})
    if edited.isna().any().any():
        st.info(words.still_to_place(int(edited.isna().any(axis=1).sum()), k))
        return None
    return edited.to_numpy(dtype=float)


def _remember_click(x: str, y: str, where: str, drawn: pd.DataFrame, across: float, up: float) -> None:
    """A click on the chart of ``drawn`` at (``across``, ``up``), in its numbers: that position, as the
    measurements ``x`` and ``y``, joins ``where`` (the clicked centroids or the added items). A place off the
    chart's axes (only a crafted message sends one) is moved onto their edge."""
    across, up = within_axes(drawn, x, y, across, up)
    st.session_state.setdefault(where, []).append({x: across, y: up})


def with_added(items: Items, features: list[str]) -> pd.DataFrame:
    """The items to step through: the robot's (or the file's), then the ones the learner added by clicking
    (kept only while they have a value for every measurement k-means uses)."""
    added = [point for point in st.session_state.get("km_added", []) if set(features) <= set(point)]
    return pd.concat([items.table, pd.DataFrame(added)], ignore_index=True) if added else items.table


def _lloyd(table: pd.DataFrame, chosen: RunSettings, starts: np.ndarray | None) -> LloydRun:
    """The learner's Lloyd run, started afresh when a setting it depends on (not the plot's axes) changes; when
    only the items changed (one was added), it starts again from where the centroids are now."""
    config = (replace(chosen, x="", y=""), None if starts is None else starts.tobytes())
    previous, features = st.session_state.get("km_run"), table[list(chosen.features)]
    if st.session_state.get("km_run_config") != config or previous is None:
        st.session_state.km_run = LloydRun.start(features, chosen.k, init=chosen.start(starts),
                                                 scale=chosen.scale, seed=chosen.seed)
    elif len(previous.points) != len(table):
        st.session_state.km_run = LloydRun.start(features, chosen.k, init=previous.centroids_original(),
                                                 scale=chosen.scale)
    st.session_state.km_run_config = config
    return st.session_state.km_run


def _step_buttons(view, run: LloydRun) -> None:
    buttons = st.container(horizontal=True)  # one row that wraps on a phone
    for label, key, icon, move, help in (
            (view.say(words.STEP[run.next_move]), "km_step", "skip_next", run.step,
             view.say(words.step_help(run.next_move))),
            ("Back", "km_back", "undo", run.back, "Undo the last move."),
            ("Run to the end", "km_run_all", "fast_forward", run.run, "Keep stepping until no item changes group."),
            ("Start again", "km_restart", "restart_alt", run.restart, view.say(words.RESTART_HELP))):
        buttons.button(label, key=key, icon=f":material/{icon}:", help=help, on_click=move,
                       type="primary" if key == "km_step" else "secondary")


def _paint_toggle(view, can_paint: bool) -> bool:
    """Whether a click on the chart adds an item; and the button that removes the added ones."""
    paint = st.toggle(view.say(words.PAINT), key="km_paint", disabled=not can_paint,
                      help=view.say(words.PAINT_HELP) if can_paint else words.CANNOT_PAINT)
    added = len(st.session_state.get("km_added", []))
    if added:
        st.caption(view.say(words.added(added)))
        st.button(words.CLEAR_ADDED, key="km_clear_added", icon=":material/delete:", on_click=st.session_state.update,
                  kwargs={"km_added": []}, help="Take away every item you added by clicking.")
    return paint and can_paint


@st.fragment
def playground(view, items: Items, chosen: RunSettings, kinds, controls, effect, more) -> None:
    """Lloyd's algorithm one move at a time (a fragment: stepping or clicking reruns only this part): the
    buttons go into ``controls``, the chart and its one line of result into ``effect``, the choice of lines
    into the ``more`` popover; ``kinds`` once revealed."""
    features, x, y = list(chosen.features), chosen.x, chosen.y
    can_paint = sorted(features) == sorted([x, y])
    table = with_added(items, features)
    plot_table = numbered(table)
    with controls:
        starts = _chosen_starts(items.table, features, chosen.k) if chosen.chooses else None
        st.session_state.km_user_starts = starts
        placing = chosen.chooses and starts is None
        if not placing:
            run = _lloyd(table, chosen, starts)
            _step_buttons(view, run)
        paint = _paint_toggle(view, can_paint) and not placing
    with more:
        lines = st.checkbox(view.say(words.LINES), False, key="km_lines", help=view.say(words.LINES_HELP))
    where = "km_added" if paint else "km_clicks" if chosen.chooses else None
    click = None if where is None else "adds an item here" if paint else "places a centroid here"
    with effect:
        if placing:
            _draw(points_chart(plot_table, x, y, click=click, height=PLAY_HEIGHT,
                               title="Click to place the starting centroids",
                               alt="The items as grey dots; a click on the chart places a starting centroid there."),
                  plot_table, x, y, where)
            return
        _show_run(view, run, plot_table, chosen, kinds, lines, click, where)


def _draw(chart: str, drawn: pd.DataFrame, x: str, y: str, where: str | None) -> None:
    """The playground's chart (SVG markup of the items ``drawn``); with ``where``, a click on it adds the place
    clicked there."""
    svg_picture(chart, key="km_stepper_chart",
                on_click=partial(_remember_click, x, y, where, drawn) if where else None)


def _show_run(view, run: LloydRun, plot_table: pd.DataFrame, chosen: RunSettings, kinds, lines: bool,
              click: str | None, where: str | None) -> None:
    """The chart of the run as it stands (``click``: what a click on it does, and ``where`` it goes), one line
    saying what just happened, and what it ends with."""
    features, x, y, state = list(chosen.features), chosen.x, chosen.y, run.state
    background = regions(run, plot_table, features, x, y)
    alt = view.say(("The items coloured by their k-means cluster, with the centroids as crosses",
                    "The items coloured by their group, with the group middles as crosses"))
    chart = points_chart(plot_table, x, y, labels=state.labels, regions=background, lines=lines, kids=view.kids,
                         centroids=on_axes(run.centroids_original(), features, x, y, len(plot_table)),
                         click=click, title=view.say(words.AT_WORK), height=PLAY_HEIGHT,
                         alt=alt + ("" if background is None else ", on the shaded region each one owns") + ".")
    _draw(chart, plot_table, x, y, where)
    moves = len(run.history) - 1
    said = f"**Move {moves}**{f' (round {run.iterations})' if moves else ''}: {view.say(words.MOVES[state.move])}"
    if state.inertia is not None:
        said += " " + view.say(words.INERTIA) + f": **{state.inertia:.2f}**."
    st.markdown(said if len(run.history) > 1 else said + " " + view.say(words.TRY))
    if background is None:
        st.caption(view.say(words.NO_REGIONS))
    if run.converged:
        table = plot_table[features]
        reference = cached_fit(table, chosen.k, run.scaler.to_original(run.history[0].centroids), chosen.scale,
                               tol=0)
        same = garden.agreement(reference.labels, state.labels) == 1.0
        st.success(view.say(words.finished(run.iterations, same, reference.inertia)))
        if kinds is not None:
            score = garden.agreement(state.labels[:len(kinds)], kinds)
            st.markdown(view.say(words.AGREEMENT) + f": **{score:.2f}**")
    if len(run.inertias) > 1:  # drawn only once opened: the page's first screen then needs no chart library
        title = view.say(words.INERTIA_CHART)
        if box := unfolded(view, title, "km_inertia", by_exercise=False):
            box.vega_lite_chart(curve_chart(*zip(*run.inertias), title, "move", view.say(words.INERTIA_AXIS)),
                                key="km_inertia_chart", width="stretch", alt=f"{title}: it never goes up")
