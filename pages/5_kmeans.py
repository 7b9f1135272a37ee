"""Topic page /kmeans: the garden bug detective (issues #7, #17). The playground comes first, after Naftali
Harris's k-means visualisation: k and a single Step button (assign, then update, again and again) beside the chart
with the regions each centroid owns, where a click adds an item. Then short steps, each asking before it
explains: how many groups can you see, how many should k-means find, name the groups, when k-means goes wrong;
each step is drawn only while it is open.
The logic lives in the lib.kmeans package, the words in lib.kmeans.content, the settings in
lib/kmeans/lesson.toml, the sections in lib.ui.kmeans and the playground in lib.ui.kmeans_play."""

from functools import partial

import streamlit as st

from lib import ui
from lib.kmeans import content as words
from lib.kmeans.handout import from_run
from lib.ui.kmeans import (bugs_gallery, choose_data, choose_settings, final_fit, how_many, look, name_and_classify,
                            named)
from lib.ui.kmeans_play import playground

view = ui.page_setup("kmeans")

controls, effect = st.columns([2, 3], gap="large")  # side by side on a wide screen, stacked on a phone
with controls:  # k, then the playground's buttons, then the secondary choices in a popover
    k_area, buttons = st.container(), st.container()
    more = st.popover(view.say(words.MORE), icon=":material/tune:")
with more:
    items = choose_data(view)
with k_area:
    chosen = choose_settings(view, items, more) if items is not None else None
kinds = items.kinds if items is not None and view.value("reveal") else None  # the true kinds, once revealed
if chosen is not None:
    playground(view, items, chosen, kinds, buttons, effect, more)
else:
    effect.info(words.NEED_DATA)

# The steps below the playground are drawn only while open (issue #17): their charts, tables and fields cost
# the page's first open nothing; each keeps its question as its label.
make_handout = None
if items is not None and view.shown("look"):
    if box := ui.unfolded(view, "1 · How many groups can you see?", "km_look"):
        with box:
            look(view, items)
if items is not None and items.kinds is not None:
    view.toggle("reveal")
if chosen is not None:
    if view.shown("howmany", advanced=True):
        if box := ui.unfolded(view, "2 · How many groups should k-means find?", "km_howmany"):
            with box:
                how_many(view, items, chosen)
    result, names = final_fit(items, chosen), named(chosen.k)
    if view.shown("name"):
        if box := ui.unfolded(view, view.say(("3 · What is in each group?", "2 · Name the groups")), "km_name"):
            with box:
                st.markdown(view.say(words.NAME_ASK))
                names = name_and_classify(view, items, chosen, result, kinds)
    make_handout = partial(from_run, view.link, items, chosen, view.label("init"), result, names, kinds)

if view.shown("bugs", advanced=True):
    if box := ui.unfolded(view, "4 · When k-means goes wrong", "km_bugs"):
        with box:
            bugs_gallery(view)
ui.end_of_page(view, handout=make_handout)
