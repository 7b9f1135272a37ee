"""Home page: what the workshop covers, a card per topic, how to use the app, credits.

Run with ``./run.sh`` (or ``streamlit run app.py``). This page imports neither TensorFlow nor any model,
so it opens at once; the topic pages load what they need.
"""

import streamlit as st

from lib import ui
from lib.cards import card_alt, card_file
from lib.topics import TOPICS, topic
from lib.ui.workshop import handout_maker

view = ui.page_setup(None)

st.title("Machine learning, hands on", anchor=False)
st.markdown(
    "A companion for the *Introduction to deep learning* workshop and its outreach sessions. "
    "Each page is one idea you can play with: change a number, draw a digit, press a button, and see "
    "what a machine-learning model does with it. Nothing needs the internet, and no page makes you "
    "wait for a model to train: trained models ship with the app."
)

# One path for whoever arrives without an instructor: the teaching order, or the kids' workshop's first game.
start = topic("noise") if view.kids else TOPICS[0]
with st.container(border=True):
    st.markdown(view.say("**New here?** Start with the first page and follow the menu in order: each page builds "
                         "on the one before, and each starts with something to play with.",
                         "**Start with the spy puzzle**, then help the garden robot sort its bugs!"))
    st.page_link(start.page_file, label=f"Start here: {start.title}", icon=":material/play_arrow:")

st.header("What you will explore", anchor=False)
# One row of three at a time, so that on a phone (where columns stack) the cards keep the teaching order.
for row_start in range(0, len(TOPICS), 3):
    for column, item in zip(st.columns(3), TOPICS[row_start:row_start + 3]):
        with column.container(border=True):
            st.subheader(item.title, anchor=False)
            st.image(str(card_file(item.slug)), alt=card_alt(item.slug))
            st.markdown(item.summary)
            st.page_link(item.page_file, label=f"Open {item.title}", icon=item.icon)

st.header("How to use this app", anchor=False)
st.markdown(
    """
- **In a workshop:** open the link on your handout. Every page has its own short address
  (for example `/convolution` or `/mnist`), so a link can take you straight to one topic.
- **On your own computer:** with Python 3.11, run `./run.sh` in the project folder and open
  <http://localhost:8501>. It works without an internet connection.
- **Moving around:** the menu on the left (the **>** at the top left on a phone) lists the topics in
  teaching order, but each page stands on its own.
"""
)

# For instructors only, so drawn only when opened: its pickers would otherwise load on every visit.
if maker := ui.unfolded(view, "Make a workshop handout (for instructors)", "handout", icon=":material/print:"):
    with maker:
        handout_maker(view)

st.header("Credits and licences", anchor=False)
st.markdown(
    """
- The workshop material this app grows from: the *Introduction to deep learning* course notes and
  transcript, an ML-school lecture series, and the kids' workshops *Garden Bug Detective* and
  *Secret Spy Messages*.
- **MNIST** handwritten digits: Yann LeCun and Corinna Cortes, CC BY-SA 3.0.
- The course's **custom test digits**: from the course's public repository, Apache-2.0; the dog photo
  is by Emily Mathews, CC BY 2.0.
- The **iris** measurements: R. A. Fisher (1936), as bundled with scikit-learn.
- Colours: the Okabe–Ito palette, chosen to be readable with colour blindness.
- Built with Streamlit, TensorFlow/Keras, scikit-learn, plotly, pandas and Pillow.
  Details for every data file are in `data/README.md`.
"""
)
