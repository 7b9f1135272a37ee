"""The /kmeans page's sections (the data, the settings, a look at the items, how many groups, naming the groups
and classifying a new item, the bugs gallery) and its cached computations; the playground is in
:mod:`lib.ui.kmeans_play`. Nothing here imports scikit-learn until a learner asks for something that needs it
(the elbow, a bug's demo, revealing the kinds), so the page's first open stays quick. In a module, each
``@st.cache_*`` wrapper is built once per process rather than on every rerun of the page (Streamlit reads the
function's source to build it, a few milliseconds each)."""

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from lib.kmeans import content as words
from lib.kmeans import garden
from lib.kmeans.bugs import BUGS, bug
from lib.kmeans.charts import cube_figure, elbow_charts, histogram_chart
from lib.kmeans.scatter import new_item_chart, points_chart
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.run import Items, RunSettings, columns_key, default_axes, in_table_order, plot_axes
from lib.kmeans.upload import numeric_columns, text_in_numbers
from lib.ui.svg_picture import svg_picture
from lib.ui.tables import cached_upload

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
    """Each demo's panels with their charts, built once per server: they never change."""
    return [(panel, points_chart(panel.frame, panel.x, panel.y, labels=panel.labels, centroids=panel.centroids,
                                 names=panel.names, title=panel.title,
                                 alt=f"{panel.title}: the items coloured by their group"))
            for panel in bug(slug).demo()]


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


def look(view, items: Items) -> None:
    """The items as a histogram and a scatter plot (a table and a 3-D scatter for grown-ups), asking how many
    groups the learner sees before the reveal toggle (below this step, on the page) colours the true kinds."""
    table, columns, suffix = items.table, items.columns, items.suffix
    kinds = items.kinds if items.kinds is not None and view.value("reveal") else None
    st.markdown(view.say(words.LOOK))
    left, right = st.columns(2)
    # Weight is the measurement whose histogram shows two groups: start there, as the workshop did. Kid mode
    # keeps to that and to length against weight: fewer words, the same question.
    column = columns.index("weight_g") if "weight_g" in columns else 0
    column = columns[column] if view.kids else left.selectbox(
        "Histogram of", columns, index=column, key=f"km_hist{suffix}", format_func=garden.label,
        help="Counts how many items fall in each range of one measurement.")
    left.vega_lite_chart(histogram_chart(table, column, kinds), key="km_hist_chart", width="stretch",
                         alt=f"Histogram of {garden.label(column)}: how many items fall in each range of it")
    if len(columns) >= 2:
        x, y = columns[min(1, len(columns) - 1)], columns[-1]
        if not view.kids:
            across, up = right.columns(2)
            x = across.selectbox("Scatter: across", columns, index=columns.index(x), key=f"km_look_x{suffix}",
                                 format_func=garden.label, help="Measurement along the bottom of the scatter plot.")
            y = up.selectbox("Scatter: up", columns, index=len(columns) - 1, key=f"km_look_y{suffix}",
                             format_func=garden.label, help="Measurement up the side of the scatter plot.")
        with right:
            svg_picture(points_chart(table, x, y, kinds=kinds, title="Each dot is one item",
                                     alt=f"Scatter plot of {garden.label(y)} against {garden.label(x)}, "
                                         "one dot per item"), key="km_look_chart")
    if not view.kids:
        with st.expander(view.say(words.TABLE)):
            st.dataframe(table[columns], height=220, key="km_table",
                         column_config={c: st.column_config.NumberColumn(garden.label(c)) for c in columns})
        if len(columns) >= 3:
            cube = st.expander(words.CUBE, key="km_cube_open", on_change="rerun")
            if cube.open:  # drawn only when opened: a 3-D chart is heavy for the browser
                cube.plotly_chart(cube_figure(table, columns, kinds=kinds), key="km_cube", config=PLOT,
                                  alt="3-D scatter of three measurements")


def _tidy_features() -> None:
    """Keep the garden's chosen measurements in table order and start the plot afresh on them."""
    chosen = st.session_state.km_features = in_table_order(st.session_state.km_features)
    if chosen:
        st.session_state.km_x, st.session_state.km_y = default_axes(plot_axes(chosen))


def choose_settings(view, items: Items, more) -> RunSettings | None:
    """The k-means controls: k where this is called, the rest in the ``more`` popover; None, saying why,
    while the chosen measurements leave nothing to group. The garden's settings travel in the page's link; an
    upload's measurements and axes do not."""
    table, columns, suffix = items.table, items.columns, items.suffix
    k = view.slider("k")
    with more:
        if suffix:
            features = st.multiselect(**_words(view, "features"), options=columns, default=columns,
                                      key=f"km_features{suffix}", format_func=garden.label)
        else:
            features = view.multiselect("features", options=columns, format_func=garden.label,
                                        on_change=_tidy_features)
        if features:
            axes = plot_axes(features)
            if suffix:
                x, y = (st.selectbox(**_words(view, name), options=axes, index=axes.index(axis),
                                     format_func=garden.label, key=f"km_{name}{suffix}{columns_key(axes)}")
                        for name, axis in zip(("x", "y"), default_axes(axes)))
            else:
                if view.value("x") not in axes or view.value("y") not in axes:  # a link's axes these features lack
                    for name, axis in zip(("x", "y"), default_axes(axes)):
                        view.correct(name, axis, "the plot can only show the measurements chosen for clustering")
                x, y = (view.selectbox(name, options=axes, format_func=garden.label) for name in ("x", "y"))
        scale, init = view.toggle("scale"), view.radio("init", horizontal=True)
        seed = int(view.number_input("seed"))
    if not features:
        st.warning(words.PICK_ONE)
        return None
    most = min(garden.MAX_K, garden.distinct_points(table[features]))
    if most < 2:
        st.error(words.ALL_SAME)
        return None
    if k > most:
        st.warning(words.capped(most))
        k = most
    return RunSettings(tuple(features), k, scale, init, seed, x, y)


def how_many(view, items: Items, chosen: RunSettings) -> None:
    """The elbow and silhouette charts for k = 1 to 8, computed only once the learner opens them."""
    st.markdown(words.HOW_MANY_ASK)
    shown = st.expander(words.SHOW_ELBOW, key="km_elbow_open", on_change="rerun")
    if not shown.open:
        return
    with shown:
        st.markdown(words.HOW_MANY)
        with st.spinner("Trying k = 1 to 8…"):
            scores = cached_elbow(items.table[list(chosen.features)].to_numpy(dtype=float), chosen.scale)
        for name, title, chart in elbow_charts(scores, chosen.k):
            st.vega_lite_chart(chart, key=f"km_{name}", width="stretch",
                               alt=f"{title}, k = 1 to 8, with your k = {chosen.k} marked by a dotted line")
        if scores["silhouette"].notna().any():
            st.caption(words.best_k(int(scores.loc[scores["silhouette"].idxmax(), "k"])))


def final_fit(items: Items, chosen: RunSettings) -> garden.KMeansFit:
    """Where k-means ends on the items from the playground's start (its first centroids; a fresh start with
    these settings until the playground has one): what "Name and classify" and the handout show. Plain NumPy:
    the same groups as scikit-learn's KMeans from that start (tests/kmeans/test_garden_lloyd.py)."""
    run, features = st.session_state.get("km_run"), items.table[list(chosen.features)]
    start = chosen.start(st.session_state.get("km_user_starts"))
    if run is not None and st.session_state.get("km_run_config", (None,))[0] == replace(chosen, x="", y=""):
        start = run.scaler.to_original(run.history[0].centroids)
    return _ending(features, chosen.k, start, chosen.scale, chosen.seed)


@st.cache_data(max_entries=64, show_spinner=False)
def _ending(features: pd.DataFrame, k: int, start, scale: bool, seed: int) -> garden.KMeansFit:
    return LloydRun.start(features, k, init=start, scale=scale, seed=seed).finished()


def named(k: int) -> dict[int, str]:
    """The names the learner gave the ``k`` groups (kept while their step is closed), "" for a group not named."""
    return {cluster: st.session_state.get(f"km_name_{cluster}", "").strip() for cluster in range(k)}


def name_and_classify(view, items: Items, chosen: RunSettings, result, kinds) -> dict[int, str]:
    """The learner names each cluster and classifies a new item; returns the names given. ``kinds`` once
    revealed, to offer their names."""
    table, features, group = items.table, list(chosen.features), view.say(words.GROUP)
    if view.say(words.NAME_THEM):
        st.markdown(view.say(words.NAME_THEM))
    if kinds is not None:
        matched = {f"km_name_{c}": name for c, name in garden.match_clusters(result.labels, kinds).items()}
        st.button("Name them after the true kinds", key="km_fill", on_click=st.session_state.update, args=(matched,),
                  help=f"Gives each {group} the name of the kind most of its items really are.")
    names = {}
    for cluster in range(chosen.k):
        size = int((result.labels == cluster).sum())
        centre = ", ".join(f"{words.said(f)} {v:.3g}" for f, v in zip(features, result.centroids[cluster]))
        about = f"{size} items" if view.kids else f"{size} items; {words.CENTRE[0]}: {centre}"  # kids see the chart
        names[cluster] = st.text_input(f"Name for {group} {cluster} ({about})",
                                       key=f"km_name_{cluster}", max_chars=30, persist_state="session",
                                       placeholder="e.g. ladybird", help="Your name for this group.").strip()
    st.markdown(view.say(words.CLASSIFY) + " Enter its measurements:")
    typical = table[features].median()
    new = [st.number_input(words.said(f), value=float(typical[f]), key=f"km_new_{f}", format="%.3f",
                           help=f"The new item's {words.said(f)}.") for f in features]
    cluster = int(result.predict(np.array([new]))[0])
    st.success(words.verdict(group, cluster, names[cluster]))
    if len(features) >= 2 and not view.kids:  # kid mode: the playground's chart shows the groups
        svg_picture(new_item_chart(table, features, result, {c: n for c, n in names.items() if n}, new,
                                   names[cluster] or f"{group} {cluster}", view.kids,
                                   alt=view.say(words.NEW_ITEM_ALT)), key="km_new_chart")
    return names


def bugs_gallery(view) -> None:
    """The k-means bugs: pick one, see its two pictures (built, with scikit-learn, only when opened), then
    read what went wrong and the fix."""
    st.markdown(words.BUGS_INTRO)
    slug = view.pills("bug", options=[b.slug for b in BUGS], required=True, format_func=lambda s: bug(s).title)
    demo = st.expander(words.SEE_DEMO, key="km_bug_open", on_change="rerun")
    if demo.open:
        panels = cached_demo(slug)
        for row in range(0, len(panels), 2):
            for column, (panel, chart) in zip(demo.columns(2), panels[row:row + 2]):
                with column:
                    svg_picture(chart, key=f"km_bug_{slug}_{row}_{panel.title}")
                column.caption(panel.note)
    with st.expander(view.say(words.WHY)):
        st.markdown(f"**What goes wrong.** {bug(slug).what}")
        st.markdown(f"**The fix.** {bug(slug).fix}")
