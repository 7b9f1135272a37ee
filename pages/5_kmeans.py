"""Topic page /kmeans: the garden bug detective. Look at the robot's measurements, let k-means find groups
(all at once or step by step), choose how many groups, name them, classify a new item, and see the ways
k-means goes wrong. The logic lives in the lib.kmeans package."""

import zlib
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st

from lib import ui
from lib.ui.kmeans import cached_demo, cached_elbow, cached_fit, cached_upload
from lib.handout import code_span
from lib.kmeans import garden
from lib.kmeans.bugs import BUGS, bug
from lib.kmeans.charts import cube_figure, curve_figure, histogram_figure, points_figure, region_grid
from lib.kmeans.handout import from_run
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.upload import MAX_COLUMNS, MAX_ROWS, TableError, numeric_columns, numeric_table, text_in_numbers

view = ui.page_setup("kmeans")
PLOT = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
ITEM = "item number"


def columns_key(columns) -> str:
    """A key suffix per set of columns: widgets listing columns start afresh when the data's columns change
    (a stale choice from another file would otherwise come back empty)."""
    return f"_{zlib.crc32('|'.join(columns).encode())}"


def said(column: str) -> str:
    """A column's name for a label or message (Streamlit Markdown): the garden's in words, a CSV's as written."""
    return garden.label(column) if column in garden.LABELS else code_span(column)


def default_axes(axes) -> tuple[str, str]:
    """The plot's starting axes for these measurements: the last two (or the one and the item number)."""
    return axes[min(1, len(axes) - 1) if len(axes) > 2 else 0], axes[-1]


def tidy_features() -> None:
    """Keep the garden's chosen measurements in their table order (so a link names them one way) and start
    the plot afresh on them."""
    chosen = st.session_state.km_features
    st.session_state.km_features = [c for c in garden.MEASUREMENTS if c in chosen]
    axes = st.session_state.km_features if len(chosen) >= 2 else [*chosen, ITEM]
    if chosen:
        st.session_state.km_x, st.session_state.km_y = default_axes(axes)


def choose_data():
    """(table, measurement columns, true kinds or None, name) for the garden or an uploaded CSV."""
    if not view.shown("upload", advanced=True):
        table = garden.load_garden()
        return table, list(garden.MEASUREMENTS), table["kind"], "garden"
    source = st.radio("Which items?", ["The garden robot's items", "My own CSV file"], key="km_source",
                      horizontal=True, help="Explore the workshop's data, or upload your own table of numbers.")
    if source == "The garden robot's items":
        table = garden.load_garden()
        return table, list(garden.MEASUREMENTS), table["kind"], "garden"
    st.caption(f"A CSV file with a header row, at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns. "
               "Rows with gaps in the chosen columns are left out.")
    upload = st.file_uploader("Upload a CSV file", type=["csv", "txt"], key="km_upload",
                              help="Each row is one item, each column one measurement.")
    st.download_button("Download the garden data as an example CSV", garden.GARDEN_CSV.read_bytes(),
                       "garden.csv", "text/csv", key="km_example")
    if upload is None:
        st.info("Upload a CSV file to group your own items; until then the “k-means bugs” and “Try this” tabs still work.")
        return None
    try:
        table = cached_upload(upload.getvalue())
    except TableError as error:
        st.error(str(error))
        return None
    for column, where in text_in_numbers(table).items():
        st.warning(f"Column {said(column)} is mostly numbers but has text in it ({where}), so it cannot be used. "
                   "Fix the value in the file and upload it again.")
    numbers = numeric_columns(table)
    if not numbers:
        st.error("No column in this file holds numbers, and k-means can only group numbers.")
        return None
    # Keyed by the file's columns, so a new file starts with its own default choice, not the last file's.
    columns = st.multiselect("Measurements (number columns) to use", numbers, default=numbers[:3],
                             key=f"km_upload_columns{columns_key(numbers)}",
                             help="k-means will group the items using these columns.")
    others = [c for c in table.columns if c not in numbers and 1 < table[c].nunique() <= 20]
    truth = st.selectbox("Column with the true groups, if you have one", ["(none)"] + others, key=f"km_truth{columns_key(others)}",
                         help="Hidden until you reveal it, then used to check how well k-means did.")
    try:
        values, dropped = numeric_table(table, columns)
        garden.as_matrix(values)  # the same checks k-means makes, reported here once
    except ValueError as error:
        st.error(str(error))
        return None
    if dropped:
        st.warning(f"Left out {dropped} row(s) with a missing or non-number value in the chosen columns.")
    kinds = None if truth == "(none)" else table.loc[values.index, truth].astype(str)
    values = values.assign(**({truth: kinds} if kinds is not None else {}))
    return values.reset_index(drop=True), columns, None if kinds is None else kinds.reset_index(drop=True), upload.name


def look(table, columns, kinds, suffix):
    st.markdown("The robot wrote down every item it picked up. A long table is hard to read, so try pictures.")
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


def settings(table, columns, suffix):
    """The k-means controls; returns the chosen settings (features, k, scale, init, seed, x, y)."""
    garden_data = suffix == ""  # the garden's settings travel in the page's link; an upload's do not
    if garden_data and not view.shown("features"):
        features = view.value("features")
    else:
        features = st.multiselect(view.say("Measurements k-means may use", "Measurements the robot may use"),
                                  columns, key=f"km_features{suffix}", format_func=garden.label,
                                  help=ui.with_term(view.say("k-means groups items by these measurements only.",
                                                             "The robot sorts by these measurements only."),
                                                    "feature"),
                                  **({"on_change": tidy_features, "disabled": view.locked("features")} if garden_data
                                     else {"default": columns}))
    if not features:
        st.warning("Pick at least one measurement for k-means to use.")
        return None
    most = min(garden.MAX_K, garden.distinct_points(table[features]))
    if most < 2:
        st.error("Every item has the same values in these measurements, so there is nothing to group. "
                 "Pick other measurements or other data.")
        return None
    if view.shown("k"):
        st.slider("Number of groups (k)", 1, garden.MAX_K, key="km_k", disabled=view.locked("k"),
                  help=ui.with_term("k-means always finds exactly this many groups, whether or not the data has them.",
                                 "cluster"))
    k = view.value("k")
    if k > most:
        st.warning(f"Only {most} items are different from each other, so k-means can find at most {most} groups; "
                   f"using k = {most}.")
        k = most
    if view.shown("scale"):
        st.toggle(view.say("Scale the measurements (standardise)", "Make every measurement count the same"),
                  key="km_scale", disabled=view.locked("scale"),
                  help=ui.with_term(view.say("Puts every measurement on the same footing (mean 0, spread 1) so units "
                                             "do not matter.", "So grams and millimetres play fair."), "scaling"))
    if view.shown("init"):
        st.radio("Starting centroids", ["k-means++", "random", "I'll choose"], key="km_init", horizontal=True,
                 disabled=view.locked("init"),
                 help=ui.with_term("Where the group centres start: spread out (k-means++), k random items, or where "
                                "you say.", "centroid"))
    if view.shown("seed"):
        st.number_input("Random seed", 0, 10_000, key="km_seed", disabled=view.locked("seed"),
                        help=ui.with_term("Same seed, same random start: change it to see other starts.", "random seed"))
    scale, init, seed = view.value("scale"), view.value("init"), view.value("seed")
    axes = features if len(features) >= 2 else [features[0], ITEM]
    if not garden_data:
        x = st.selectbox("Plot across", axes, index=axes.index(default_axes(axes)[0]),
                         key=f"km_x{suffix}{columns_key(axes)}", format_func=garden.label,
                         help="Measurement along the bottom of the k-means plot.")
        y = st.selectbox("Plot up", axes, index=len(axes) - 1, key=f"km_y{suffix}{columns_key(axes)}",
                         format_func=garden.label, help="Measurement up the side of the k-means plot.")
        return features, k, scale, init, int(seed), x, y
    if view.value("x") not in axes or view.value("y") not in axes:  # a link's axes that these features lack
        for name, axis in zip(("x", "y"), default_axes(axes)):
            view.correct(name, axis, "the plot can only show the measurements chosen for clustering")
    for name, title, where in (("x", "Plot across", "along the bottom"), ("y", "Plot up", "up the side")):
        if view.shown(name):
            st.selectbox(title, axes, key=f"km_{name}", format_func=garden.label, disabled=view.locked(name),
                         help=f"Measurement {where} of the k-means plot.")
    return features, k, scale, init, int(seed), view.value("x"), view.value("y")


def chosen_starts(table, features, k):
    """The user's starting centroids (clicked or typed), or None until all k are given."""
    st.markdown(f"**Your starting centroids.** Click {k} places on the plot below, or type positions here. "
                "Another click moves the oldest one there.")
    clicks = st.session_state.setdefault("km_clicks", [])
    typical = table[features].mean()
    rows = [{f: click.get(f, typical[f]) for f in features} for click in clicks[-k:]]
    rows += [{f: np.nan for f in features} for _ in range(k - len(rows))]
    edited = st.data_editor(pd.DataFrame(rows, columns=features), key=f"km_starts_{len(clicks)}_{k}",
                            hide_index=False, column_config={f: st.column_config.NumberColumn(garden.label(f))
                                                             for f in features})
    if st.button("Clear my centroids", key="km_clear", help="Forget the positions you clicked or typed."):
        st.session_state.km_clicks = []
        st.rerun(scope="fragment")
    if edited.isna().any().any():
        st.info(f"{int(edited.isna().any(axis=1).sum())} of {k} starting centroids still to place.")
        return None
    return edited.to_numpy(dtype=float)


def remember_click(x, y):
    points = st.session_state.km_stepper_chart["selection"]["points"]
    if points:
        st.session_state.km_clicks.append({x: points[-1]["x"], y: points[-1]["y"]})


@st.fragment
def stepper(table, features, k, scale, init, seed, x, y, kinds):
    """Lloyd's algorithm one move at a time (a fragment: stepping reruns only this part of the page)."""
    plot_table = table.assign(**{ITEM: np.arange(1, len(table) + 1)})
    starts = chosen_starts(table, features, k) if init == "I'll choose" else None
    st.session_state.km_user_starts = starts
    if init == "I'll choose" and starts is None:
        st.plotly_chart(points_figure(plot_table, x, y, clickable=True, title="Click to place the starting centroids"),
                        key="km_stepper_chart", config=PLOT, on_select=lambda: remember_click(x, y),
                        selection_mode="points", alt="Items; click to place a starting centroid")
        return
    config = (tuple(features), k, scale, init, seed, None if starts is None else starts.tobytes(), len(table))
    if st.session_state.get("km_run_config") != config:
        start = starts if init == "I'll choose" else init
        st.session_state.km_run = LloydRun.start(table[features], k, init=start, scale=scale, seed=seed)
        st.session_state.km_run_config = config
    run: LloydRun = st.session_state.km_run
    buttons = st.container(horizontal=True)  # one row that wraps on a phone
    if buttons.button("Step", key="km_step", icon=":material/skip_next:",
                      help=view.say(f"Do the next move: {run.next_move}.", "Do the next move.")):
        run.step()
    if buttons.button("Back", key="km_back", icon=":material/undo:", help="Undo the last move."):
        run.back()
    if buttons.button("Run to the end", key="km_run_all", icon=":material/fast_forward:",
                      help="Keep stepping until no item changes group."):
        run.run()
    if buttons.button("Start again", key="km_restart", icon=":material/restart_alt:",
                      help=view.say("Go back to the starting centroids.", "Put the middles back where they started.")):
        del run.history[1:]
    state = run.state
    describe = {"start": view.say("Starting centroids placed. Next: give every item to its nearest centroid.",
                                  "The group middles (✕) are down. Next: every item joins its closest middle."),
                "assign": view.say("Every item joined its nearest centroid. Next: move each centroid to the middle "
                                   "of its items.", "Every item joined its closest middle. Next: each middle moves "
                                   "to the centre of its items."),
                "update": view.say("Each centroid moved to the middle (mean) of its items. Next: assign again.",
                                   "Each middle moved to the centre of its items. Next: join again.")}
    st.markdown(f"**Move {len(run.history) - 1}** (round {run.iterations}): {describe[state.move]}")
    if state.inertia is not None:
        st.markdown(view.say("Total squared distance to the centroids (inertia)",
                             "How messy the groups are (all the distances to the middles, added up)")
                    + f": **{state.inertia:.2f}**")
    centroids = run.centroids_original()
    xy = np.column_stack([centroids[:, features.index(c)] if c in features else np.full(k, len(table) / 2)
                          for c in (x, y)])
    regions = None
    if sorted(features) == sorted([x, y]):
        order = [[x, y].index(f) for f in features]
        working = run.state.centroids
        regions = region_grid(plot_table, x, y, lambda p: garden.nearest(run.scaler.to_working(p[:, order]), working))
    lines = st.checkbox(view.say("Draw a line from each item to its centroid", "Draw a line from each item to its "
                                 "group's middle"), False, key="km_lines",
                        help=view.say("Shows which centroid each item belongs to.",
                                      "Shows which middle each item belongs to."))
    clicking = init == "I'll choose"
    figure = points_figure(plot_table, x, y, labels=state.labels, centroids=xy, regions=regions, lines=lines,
                           clickable=clicking, kids=view.kids,
                           title=view.say("k-means at work: ✕ marks the centroids",
                                          "The robot sorting: ✕ marks each group's middle"))
    st.plotly_chart(figure, key="km_stepper_chart", config=PLOT, alt="Items coloured by their k-means group",
                    on_select=(lambda: remember_click(x, y)) if clicking else "ignore", selection_mode="points")
    if regions is None:
        st.caption(view.say("Coloured regions appear when k-means uses exactly the two plotted measurements.",
                            "Coloured areas appear when the robot sorts by exactly the two measurements plotted."))
    if run.converged:
        reference = cached_fit(table[features], k, run.scaler.to_original(run.history[0].centroids), scale, tol=0)
        same = garden.agreement(reference.labels, state.labels) == 1.0
        groups = "the same groups" if same else "different groups"
        st.success(f"Finished after {run.iterations} rounds: no item changed group. " + view.say(
            f"scikit-learn's KMeans from the same start finds {groups} (inertia {reference.inertia:.2f}).",
            f"A grown-ups' sorting program starting from the same middles finds {groups}."))
        if kinds is not None and st.session_state.get("km_reveal"):
            st.markdown(view.say("Agreement with the true kinds (adjusted Rand index, 1 = perfect)",
                                 "How well the groups match the real kinds (1 = perfect)")
                        + f": **{garden.agreement(state.labels, kinds):.2f}**")
    steps = [(i, s.inertia) for i, s in enumerate(run.history) if s.inertia is not None]
    if len(steps) > 1:
        title = view.say("Inertia after each move", "How messy the groups are after each move")
        st.plotly_chart(curve_figure([i for i, _ in steps], [v for _, v in steps], title, "move",
                                     view.say("inertia", "messiness")), key="km_inertia_chart", config=PLOT,
                        alt=title)


def how_many(table, features, k, scale):
    st.markdown("k-means cannot tell you how many groups there are: it finds as many as you ask for. Two clues help. "
                "**The elbow**: total squared distance (inertia) always drops as k grows, but after the right k it "
                "drops only a little, so look for the bend. **The silhouette score** (−1 to 1) asks whether items "
                "sit much closer to their own group than to the next one; higher is better.")
    with st.spinner("Trying k = 1 to 8…"):
        scores = cached_elbow(table[features].to_numpy(dtype=float), scale)
    st.plotly_chart(curve_figure(scores["k"], scores["inertia"], "The elbow: inertia for each k", "k (groups)",
                                 "inertia", marker_x=k), key="km_elbow", config=PLOT, alt="Elbow chart")
    with_score = scores.dropna()
    if len(with_score):
        st.plotly_chart(curve_figure(with_score["k"], with_score["silhouette"], "Silhouette score for each k",
                                     "k (groups)", "silhouette", marker_x=k), key="km_silhouette", config=PLOT,
                        alt="Silhouette score for each k")
        best = int(with_score.loc[with_score["silhouette"].idxmax(), "k"])
        st.caption(f"The highest silhouette score is at k = {best}. The dotted line marks your k.")


def fill_names(labels, kinds):
    for cluster, name in garden.match_clusters(labels, kinds).items():
        st.session_state[f"km_name_{cluster}"] = name


def final_fit(table, features, k, scale, init, seed):
    """scikit-learn's KMeans with the chosen settings: what "Name and classify" and the handout show."""
    starts = st.session_state.get("km_user_starts")
    # "I'll choose" uses the clicked starts once all are placed; until then, k-means++.
    start = init if init != "I'll choose" else ("k-means++" if starts is None else starts)
    return cached_fit(table[features], k, start, scale, seed)


def name_and_classify(table, features, k, result, kinds):
    group = view.say("cluster", "group")
    st.markdown(view.say("scikit-learn's KMeans with your settings found these groups. Give each a name.",
                         "The robot sorted the items into these groups. Give each group a name."))
    if kinds is not None and st.session_state.get("km_reveal"):
        st.button("Name them after the true kinds", key="km_fill", on_click=fill_names, args=(result.labels, kinds),
                  help=f"Gives each {group} the name of the kind most of its items really are.")
    names = {}
    for cluster in range(k):
        size = int((result.labels == cluster).sum())
        centre = ", ".join(f"{said(f)} {v:.3g}" for f, v in zip(features, result.centroids[cluster]))
        names[cluster] = st.text_input(f"Name for {group} {cluster} ({size} items; "
                                       f"{view.say('centre', 'middle')}: {centre})",
                                       key=f"km_name_{cluster}", max_chars=30,
                                       placeholder="e.g. ladybird", help="Your name for this group.").strip()
    st.markdown(view.say("**Classify a new item.**", "**Sort a new item.**") + " Enter its measurements:")
    typical = table[features].median()
    new = [st.number_input(said(f), value=float(typical[f]), key=f"km_new_{f}", format="%.3f",
                           help=f"The new item's {said(f)}.") for f in features]
    cluster = int(result.predict(np.array([new]))[0])
    name = names[cluster] or f"{group} {cluster}"
    verdict = f": it is a {code_span(names[cluster])}." if names[cluster] else f". Name the {group} to say what it is."
    st.success(f"The new item belongs to **{group} {cluster}**{verdict}")
    if len(features) >= 2:
        x, y = features[-2:]
        on_axes = [features.index(x), features.index(y)]
        st.plotly_chart(points_figure(table, x, y, labels=result.labels, centroids=result.centroids[:, on_axes],
                                      names={c: n for c, n in names.items() if n},
                                      new_item=(new[on_axes[0]], new[on_axes[1]], name),
                                      title="The new item (★) among the groups", kids=view.kids),
                        key="km_new_chart", config=PLOT,
                        alt=view.say("The new item among the clusters", "The new item among the groups"))
    return names


def bugs_gallery():
    st.markdown("k-means always gives an answer, even a wrong one. Pick a bug to see it happen, and how to fix it.")
    if view.shown("bug"):
        st.pills("k-means bug", [b.slug for b in BUGS], key="km_bug", required=True, disabled=view.locked("bug"),
                 format_func=lambda s: bug(s).title, help="Each button runs a small demo.")
    slug = view.value("bug")
    entry = bug(slug)
    st.markdown(f"**What goes wrong.** {entry.what}")
    st.markdown(f"**The fix.** {entry.fix}")
    panels = cached_demo(slug)
    for row in range(0, len(panels), 2):
        for column, (panel, figure) in zip(st.columns(2), panels[row:row + 2]):
            with column:
                st.plotly_chart(figure, key=f"km_bug_{slug}_{row}_{panel.title}", config=PLOT, alt=panel.title)
                st.caption(panel.note)


def record(table, data_name, features, k, scale, init, seed, x, y, result, names, kinds):
    """The handout to build if the learner asks, with this run's values captured now."""
    on_axis = {f: result.centroids[:, i] for i, f in enumerate(features)} | {ITEM: np.full(k, len(table) / 2)}
    plot_table = table.assign(**{ITEM: np.arange(1, len(table) + 1)})
    plot = (plot_table[x].to_numpy(), plot_table[y].to_numpy(), garden.label(x), garden.label(y),
            np.column_stack([on_axis[x], on_axis[y]]))
    revealed = kinds is not None and st.session_state.get("km_reveal")
    settings = {"Data": data_name, "Measurements used": ", ".join(map(garden.label, features)),
                "Number of groups (k)": k, "Scaled (standardised)": "yes" if scale else "no",
                "Starting centroids": init, "Random seed": seed}
    return partial(from_run, view.link, settings, [garden.label(f) for f in features], result,
                   {c: n for c, n in names.items() if n}, plot,
                   garden.agreement(result.labels, kinds) if revealed else None)


st.markdown(view.say(
    "A garden robot picks things up but only knows how to measure their **width, length and weight**. "
    "Can we work out what kinds of thing it found, without anyone telling us? That is **clustering**: "
    "finding groups nobody labelled.",
    "The garden robot picked up bugs and stones. It can only measure how **wide**, how **long** and how **heavy** "
    "each thing is. Can you help it sort them into groups, without anyone telling it the answers?"))
chosen = choose_data()
if chosen is not None and chosen[2] is not None and view.shown("reveal"):
    st.toggle("Reveal what each item really is", key="km_reveal", disabled=view.locked("reveal"),
              help="Shows the true kinds on the charts and how well k-means agrees with them.")
TABS = {"look": "Look", "run": "Run k-means", "howmany": "How many groups?",
        "name": view.say("Name and classify", "Name the groups"), "bugs": "k-means bugs"}
# Kid mode leaves out the elbow and the bugs gallery: their charts and fixes are grown-up methods and words.
wanted = [tab for tab in TABS if tab == "run" or view.shown(tab, advanced=tab in ("howmany", "bugs"))]
tabs = dict(zip(wanted, st.tabs([TABS[tab] for tab in wanted])))
make_handout = chosen_settings = None
if chosen is not None:
    table, columns, kinds, name = chosen
    suffix = "" if name == "garden" else columns_key(columns)
    shown_kinds = kinds if kinds is not None and st.session_state.get("km_reveal") else None
    if "look" in tabs:
        with tabs["look"]:
            look(table, columns, shown_kinds, suffix)
    with tabs["run"]:
        chosen_settings = settings(table, columns, suffix)
if chosen_settings is not None:
    features, k, scale, init, seed, x, y = chosen_settings
    with tabs["run"]:
        stepper(table, features, k, scale, init, seed, x, y, kinds)
    if "howmany" in tabs:
        with tabs["howmany"]:
            how_many(table, features, k, scale)
    result, cluster_names = final_fit(table, features, k, scale, init, seed), {}
    if "name" in tabs:
        with tabs["name"]:
            cluster_names = name_and_classify(table, features, k, result, kinds)
    make_handout = record(table, name, features, k, scale, init, seed, x, y, result, cluster_names, kinds)
else:
    for tab in [tab for where, tab in tabs.items() if where != "bugs"]:
        tab.info("Choose data and at least one measurement above to use this part.")
if "bugs" in tabs:
    with tabs["bugs"]:
        bugs_gallery()
else:
    view.keep("bug")
ui.end_of_page(view, handout=make_handout)
