"""The /kmeans page's sections (the data, a look at it, the settings, Lloyd's algorithm step by step with
starting centroids placed by clicking, naming the groups and classifying a new item) and its cached
computations: in a module, each ``@st.cache_*`` wrapper is built once per process rather than on every rerun
of the page (Streamlit reads the function's source to build it, a few milliseconds each)."""

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from lib.kmeans import content as words
from lib.kmeans import garden
from lib.kmeans.bugs import bug
from lib.kmeans.charts import cube_figure, curve_figure, histogram_figure, new_item_figure, points_figure
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.run import (Items, RunSettings, columns_key, default_axes, in_table_order, numbered, on_axes,
                            plot_axes, regions, starts_table)
from lib.kmeans.upload import numeric_columns, read_table, text_in_numbers

PLOT = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


@st.cache_data(show_spinner=False)
def cached_elbow(values: np.ndarray, scale: bool) -> pd.DataFrame:
    return garden.elbow(values, scale=scale)


@st.cache_resource(max_entries=64, show_spinner=False)
def cached_fit(X: pd.DataFrame, k: int, init, scale: bool, seed: int = 0, tol: float = 1e-4) -> garden.KMeansFit:
    """garden.fit once per data and settings: every rerun of the page (any widget, any tab) needs it.
    A shared resource, not a copy per read: the page only reads the fit."""
    return garden.fit(X, k, init=init, scale=scale, seed=seed, tol=tol)


@st.cache_resource(show_spinner="Running the demo…")
def cached_demo(slug: str) -> list:
    """Each demo's panels with their figures, built once per server: they never change."""
    return [(panel, points_figure(panel.frame, panel.x, panel.y, labels=panel.labels, centroids=panel.centroids,
                                  names=panel.names, title=panel.title)) for panel in bug(slug).demo()]


@st.cache_data(show_spinner=False)
def cached_upload(data: bytes) -> pd.DataFrame:
    return read_table(data)


def _words(view, name: str) -> dict:
    """The label and help of setting ``name``, for a plain widget standing in for it with an uploaded file,
    whose columns are not the garden's and never travel in a link."""
    return {"label": view.lesson.setting(name).label_in(view.kids), "help": view.help_for(name)}


def choose_data(view) -> Items | None:
    """The items to group: the garden robot's, or (unless hidden) a CSV file the learner uploads."""
    if not view.shown("upload", advanced=True):
        return Items.garden()
    source = st.radio("Which items?", list(words.SOURCES), key="km_source", horizontal=True,
                      format_func=words.SOURCES.get,
                      help="Explore the workshop's data, or upload your own table of numbers.")
    try:
        return Items.garden() if source == "garden" else _uploaded()
    except ValueError as error:  # a file k-means cannot use: one sentence saying why
        st.error(str(error))


def _uploaded() -> Items | None:
    """The learner's CSV file and the choice of its columns; None until there is one; ValueError saying why
    it cannot be used."""
    st.caption(words.UPLOAD_RULES)
    upload = st.file_uploader("Upload a CSV file", type=["csv", "txt"], key="km_upload",
                              help="Each row is one item, each column one measurement.")
    st.download_button("Download the garden data as an example CSV", garden.GARDEN_CSV.read_bytes(),
                       "garden.csv", "text/csv", key="km_example")
    if upload is None:
        st.info(words.NO_UPLOAD)
        return None
    table = cached_upload(upload.getvalue())
    for column, where in text_in_numbers(table).items():
        st.warning(words.text_in_numbers(column, where))
    numbers = numeric_columns(table)
    if not numbers:
        raise ValueError(words.NO_NUMBERS)
    # Keyed by the file's columns, so a new file starts with its own default choice, not the last file's.
    columns = st.multiselect("Measurements (number columns) to use", numbers, default=numbers[:3],
                             key=f"km_upload_columns{columns_key(numbers)}",
                             help="k-means will group the items using these columns.")
    others = [c for c in table.columns if c not in numbers and 1 < table[c].nunique() <= 20]
    truth = st.selectbox("Column with the true groups, if you have one", [None, *others],
                         format_func=lambda column: words.NO_TRUTH if column is None else column,
                         key=f"km_truth{columns_key(others)}",
                         help="Hidden until you reveal it, then used to check how well k-means did.")
    items, dropped = Items.from_upload(table, columns, truth, upload.name)
    if dropped:
        st.warning(words.left_out(dropped))
    return items


def look(items: Items, kinds) -> None:
    """The items as a table, a histogram, a scatter plot and a 3-D scatter; ``kinds`` once revealed."""
    table, columns, suffix = items.table, items.columns, items.suffix
    st.markdown(words.LOOK)
    st.dataframe(table[columns], height=220, key="km_table",
                 column_config={c: st.column_config.NumberColumn(garden.label(c)) for c in columns})
    # Weight is the measurement whose histogram shows two groups: start there, as the workshop did.
    column = st.selectbox("Histogram of", columns, index=columns.index("weight_g") if "weight_g" in columns else 0,
                          key=f"km_hist{suffix}", format_func=garden.label,
                          help="Counts how many items fall in each range of one measurement.")
    st.plotly_chart(histogram_figure(table, column, kinds), key="km_hist_chart", config=PLOT,
                    alt=f"Histogram of {garden.label(column)}")
    if len(columns) >= 2:
        x = st.selectbox("Scatter: across", columns, index=min(1, len(columns) - 1), key=f"km_look_x{suffix}",
                         format_func=garden.label, help="Measurement along the bottom of the scatter plot.")
        y = st.selectbox("Scatter: up", columns, index=len(columns) - 1, key=f"km_look_y{suffix}",
                         format_func=garden.label, help="Measurement up the side of the scatter plot.")
        st.plotly_chart(points_figure(table, x, y, kinds=kinds, title="Each dot is one item"), key="km_look_chart",
                        config=PLOT, alt="Scatter plot of two measurements")
    if len(columns) >= 3:
        st.plotly_chart(cube_figure(table, columns, kinds=kinds), key="km_cube", config=PLOT,
                        alt="3-D scatter of three measurements")


def _tidy_features() -> None:
    """Keep the garden's chosen measurements in table order and start the plot afresh on them."""
    chosen = st.session_state.km_features = in_table_order(st.session_state.km_features)
    if chosen:
        st.session_state.km_x, st.session_state.km_y = default_axes(plot_axes(chosen))


def choose_settings(view, items: Items) -> RunSettings | None:
    """The k-means controls; None, saying why, while the chosen measurements leave nothing to group. The
    garden's settings travel in the page's link; an upload's measurements and axes do not."""
    table, columns, suffix = items.table, items.columns, items.suffix
    if suffix:
        features = st.multiselect(**_words(view, "features"), options=columns, default=columns,
                                  key=f"km_features{suffix}", format_func=garden.label)
    else:
        features = view.multiselect("features", options=columns, format_func=garden.label,
                          on_change=_tidy_features)
    if not features:
        st.warning(words.PICK_ONE)
        return None
    most = min(garden.MAX_K, garden.distinct_points(table[features]))
    if most < 2:
        st.error(words.ALL_SAME)
        return None
    k = view.slider("k")
    if k > most:
        st.warning(words.capped(most))
        k = most
    scale, init = view.toggle("scale"), view.radio("init", horizontal=True)
    seed = int(view.number_input("seed"))
    axes = plot_axes(features)
    if suffix:
        x, y = (st.selectbox(**_words(view, name), options=axes, index=axes.index(axis), format_func=garden.label,
                             key=f"km_{name}{suffix}{columns_key(axes)}")
                for name, axis in zip(("x", "y"), default_axes(axes)))
    else:
        if view.value("x") not in axes or view.value("y") not in axes:  # a link's axes that these features lack
            for name, axis in zip(("x", "y"), default_axes(axes)):
                view.correct(name, axis, "the plot can only show the measurements chosen for clustering")
        x, y = (view.selectbox(name, options=axes, format_func=garden.label) for name in ("x", "y"))
    return RunSettings(tuple(features), k, scale, init, seed, x, y)


def _chosen_starts(table: pd.DataFrame, features: list[str], k: int) -> np.ndarray | None:
    """The learner's starting centroids (clicked or typed), or None until all k are given."""
    st.markdown(words.place_starts(k))
    clicks = st.session_state.setdefault("km_clicks", [])
    edited = st.data_editor(starts_table(table, features, clicks, k), key=f"km_starts_{len(clicks)}_{k}",
                            hide_index=False, column_config={f: st.column_config.NumberColumn(garden.label(f))
                                                             for f in features})
    if st.button("Clear my centroids", key="km_clear", help="Forget the positions you clicked or typed."):
        st.session_state.km_clicks = []
        st.rerun(scope="fragment")
    if edited.isna().any().any():
        st.info(words.still_to_place(int(edited.isna().any(axis=1).sum()), k))
        return None
    return edited.to_numpy(dtype=float)


def _remember_click(x: str, y: str) -> None:
    points = st.session_state.km_stepper_chart["selection"]["points"]
    if points:
        st.session_state.km_clicks.append({x: points[-1]["x"], y: points[-1]["y"]})


def _lloyd(table: pd.DataFrame, chosen: RunSettings, starts: np.ndarray | None) -> LloydRun:
    """The learner's Lloyd run, started afresh when the data or a setting it depends on (not the plot's axes)
    changes."""
    config = (replace(chosen, x="", y=""), None if starts is None else starts.tobytes(), len(table))
    if st.session_state.get("km_run_config") != config:
        st.session_state.km_run = LloydRun.start(table[list(chosen.features)], chosen.k, init=chosen.start(starts),
                                                 scale=chosen.scale, seed=chosen.seed)
        st.session_state.km_run_config = config
    return st.session_state.km_run


def _step_buttons(view, run: LloydRun) -> None:
    buttons = st.container(horizontal=True)  # one row that wraps on a phone
    for label, key, icon, move, help in (
            ("Step", "km_step", "skip_next", run.step, view.say(words.step_help(run.next_move))),
            ("Back", "km_back", "undo", run.back, "Undo the last move."),
            ("Run to the end", "km_run_all", "fast_forward", run.run, "Keep stepping until no item changes group."),
            ("Start again", "km_restart", "restart_alt", run.restart, view.say(words.RESTART_HELP))):
        if buttons.button(label, key=key, icon=f":material/{icon}:", help=help):
            move()


@st.fragment
def stepper(view, items: Items, chosen: RunSettings, kinds) -> None:
    """Lloyd's algorithm one move at a time (a fragment: stepping reruns only this part of the page);
    ``kinds`` once revealed."""
    table, features, x, y = items.table, list(chosen.features), chosen.x, chosen.y
    plot_table = numbered(table)
    starts = _chosen_starts(table, features, chosen.k) if chosen.chooses else None
    st.session_state.km_user_starts = starts
    clicking = dict(on_select=lambda: _remember_click(x, y), selection_mode="points") if chosen.chooses else {}
    if chosen.chooses and starts is None:
        st.plotly_chart(points_figure(plot_table, x, y, clickable=True, title="Click to place the starting centroids"),
                        key="km_stepper_chart", config=PLOT, alt="Items; click to place a starting centroid",
                        **clicking)
        return
    run = _lloyd(table, chosen, starts)
    _step_buttons(view, run)
    state = run.state
    st.markdown(f"**Move {len(run.history) - 1}** (round {run.iterations}): {view.say(words.MOVES[state.move])}")
    if state.inertia is not None:
        st.markdown(view.say(words.INERTIA) + f": **{state.inertia:.2f}**")
    background = regions(run, plot_table, features, x, y)
    lines = st.checkbox(view.say(words.LINES), False, key="km_lines", help=view.say(words.LINES_HELP))
    figure = points_figure(plot_table, x, y, labels=state.labels, regions=background, lines=lines, kids=view.kids,
                           centroids=on_axes(run.centroids_original(), features, x, y, len(table)),
                           clickable=chosen.chooses, title=view.say(words.AT_WORK))
    st.plotly_chart(figure, key="km_stepper_chart", config=PLOT, alt="Items coloured by their k-means group",
                    **(clicking or {"on_select": "ignore", "selection_mode": "points"}))
    if background is None:
        st.caption(view.say(words.NO_REGIONS))
    if run.converged:
        reference = cached_fit(table[features], chosen.k, run.scaler.to_original(run.history[0].centroids),
                               chosen.scale, tol=0)
        same = garden.agreement(reference.labels, state.labels) == 1.0
        st.success(view.say(words.finished(run.iterations, same, reference.inertia)))
        if kinds is not None:
            st.markdown(view.say(words.AGREEMENT) + f": **{garden.agreement(state.labels, kinds):.2f}**")
    if len(run.inertias) > 1:
        title = view.say(words.INERTIA_CHART)
        st.plotly_chart(curve_figure(*zip(*run.inertias), title, "move", view.say(words.INERTIA_AXIS)),
                        key="km_inertia_chart", config=PLOT, alt=title)


def final_fit(items: Items, chosen: RunSettings) -> garden.KMeansFit:
    """scikit-learn's KMeans with the chosen settings: what "Name and classify" and the handout show."""
    starts = chosen.start(st.session_state.get("km_user_starts"))
    return cached_fit(items.table[list(chosen.features)], chosen.k, starts, chosen.scale, chosen.seed)


def name_and_classify(view, items: Items, chosen: RunSettings, result, kinds) -> dict[int, str]:
    """The learner names each cluster and classifies a new item; returns the names given. ``kinds`` once
    revealed, to offer their names."""
    table, features, group = items.table, list(chosen.features), view.say(words.GROUP)
    st.markdown(view.say(words.NAME_THEM))
    if kinds is not None:
        matched = {f"km_name_{c}": name for c, name in garden.match_clusters(result.labels, kinds).items()}
        st.button("Name them after the true kinds", key="km_fill", on_click=st.session_state.update, args=(matched,),
                  help=f"Gives each {group} the name of the kind most of its items really are.")
    names = {}
    for cluster in range(chosen.k):
        size = int((result.labels == cluster).sum())
        centre = ", ".join(f"{words.said(f)} {v:.3g}" for f, v in zip(features, result.centroids[cluster]))
        names[cluster] = st.text_input(f"Name for {group} {cluster} ({size} items; {view.say(words.CENTRE)}: {centre})",
                                       key=f"km_name_{cluster}", max_chars=30,
                                       placeholder="e.g. ladybird", help="Your name for this group.").strip()
    st.markdown(view.say(words.CLASSIFY) + " Enter its measurements:")
    typical = table[features].median()
    new = [st.number_input(words.said(f), value=float(typical[f]), key=f"km_new_{f}", format="%.3f",
                           help=f"The new item's {words.said(f)}.") for f in features]
    cluster = int(result.predict(np.array([new]))[0])
    st.success(words.verdict(group, cluster, names[cluster]))
    if len(features) >= 2:
        figure = new_item_figure(table, features, result, {c: n for c, n in names.items() if n}, new,
                                 names[cluster] or f"{group} {cluster}", view.kids)
        st.plotly_chart(figure, key="km_new_chart", config=PLOT, alt=view.say(words.NEW_ITEM_ALT))
    return names
