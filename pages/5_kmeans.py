"""Topic page /kmeans: the garden bug detective. Look at the robot's measurements, let k-means find groups
(all at once or step by step), choose how many groups, name them, classify a new item, and see the ways
k-means goes wrong. The logic lives in the lib.kmeans package, the words in lib.kmeans.content, the settings
in lib/kmeans/lesson.toml and the sections in lib.ui.kmeans; this page lays them out."""

from functools import partial

import streamlit as st

from lib import ui
from lib.kmeans import content as words
from lib.kmeans.bugs import BUGS, bug
from lib.kmeans.charts import elbow_figures
from lib.kmeans.handout import from_run
from lib.ui.kmeans import (PLOT, cached_demo, cached_elbow, choose_data, choose_settings, final_fit, look,
                           name_and_classify, stepper)

view = ui.page_setup("kmeans")

st.markdown(view.say(words.INTRO))
items = choose_data(view)
if items is not None and items.kinds is not None:
    view.toggle("reveal")
kinds = items.kinds if items is not None and view.value("reveal") else None  # the true kinds, once revealed
# Kid mode leaves out the elbow and the bugs gallery: their charts and fixes are grown-up methods and words.
wanted = [tab for tab in words.TABS if tab == "run" or view.shown(tab, advanced=tab in ("howmany", "bugs"))]
tabs = dict(zip(wanted, st.tabs([view.say(words.TABS[tab]) for tab in wanted])))

chosen = make_handout = None
if items is not None:
    if "look" in tabs:
        with tabs["look"]:
            look(items, kinds)
    with tabs["run"]:
        chosen = choose_settings(view, items)
if chosen is not None:
    with tabs["run"]:
        stepper(view, items, chosen, kinds)
    if "howmany" in tabs:
        with tabs["howmany"]:
            st.markdown(words.HOW_MANY)
            with st.spinner("Trying k = 1 to 8…"):
                scores = cached_elbow(items.table[list(chosen.features)].to_numpy(dtype=float), chosen.scale)
            for name, title, figure in elbow_figures(scores, chosen.k):
                st.plotly_chart(figure, key=f"km_{name}", config=PLOT, alt=title)
            if scores["silhouette"].notna().any():
                st.caption(words.best_k(int(scores.loc[scores["silhouette"].idxmax(), "k"])))
    result, names = final_fit(items, chosen), {}
    if "name" in tabs:
        with tabs["name"]:
            names = name_and_classify(view, items, chosen, result, kinds)
    make_handout = partial(from_run, view.link, items, chosen, view.label("init"), result, names, kinds)
else:
    for tab in [tab for where, tab in tabs.items() if where != "bugs"]:
        tab.info(words.NEED_DATA)

if "bugs" in tabs:
    with tabs["bugs"]:
        st.markdown(words.BUGS_INTRO)
        slug = view.pills("bug", options=[b.slug for b in BUGS], required=True,
                     format_func=lambda s: bug(s).title)
        st.markdown(f"**What goes wrong.** {bug(slug).what}")
        st.markdown(f"**The fix.** {bug(slug).fix}")
        panels = cached_demo(slug)
        for row in range(0, len(panels), 2):
            for column, (panel, figure) in zip(st.columns(2), panels[row:row + 2]):
                with column:
                    st.plotly_chart(figure, key=f"km_bug_{slug}_{row}_{panel.title}", config=PLOT, alt=panel.title)
                    st.caption(panel.note)
ui.end_of_page(view, handout=make_handout)
