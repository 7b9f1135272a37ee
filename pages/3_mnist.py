"""Topic page /mnist: a digit-reading network that fails on black-on-white digits until it is trained on them.

The shipped networks run in NumPy (lib.mnist.numpy_cnn), so showing this page never starts TensorFlow; only
"Train it yourself" does (lib.mnist.live). The words live in lib.mnist.content, the settings in
lib/mnist/lesson.toml, the Streamlit parts in lib.ui.mnist; this page lays them out.
"""

import numpy as np
import streamlit as st

from lib import mnist, ui
from lib.images import enlarge, to_8bit
from lib.mnist import charts, results
from lib.mnist import content as words
from lib.mnist.handout import handout
from lib.ui.mnist import (UNKNOWN, compare_with_yours, choose_source, course_answers, course_digit, drawn_digit,
                          network_input, shipped_networks, show_answer, show_verdict, test_probabilities, test_set,
                          thumbnails, training_form, uploaded_digit, watched_run)

view = ui.page_setup("mnist")

models = shipped_networks()
course = results.load_course_images()
course_probs = {inverted: mnist.predict(model, course) for inverted, model in models.items()}

st.markdown(view.say(words.INTRO))
invert = view.toggle("invert")
st.info(f"Answering now: the network **{mnist.NETWORK_NAMES[invert]}**.", icon=":material/swap_horiz:")

if view.shown("course"):
    st.header("The course's ten test images", anchor=False, help=ui.define("test set"))
    st.markdown(view.say(words.COURSE))
    course_answers(course_probs[invert])
    thumbnails(course, caption=[i.name for i in results.COURSE_IMAGES],
               alt=[f"Course image {i.name}: {i.description}" for i in results.COURSE_IMAGES])
    if not view.kids:
        answers = results.side_by_side(course_probs[False], course_probs[True])
        st.dataframe(answers[["image", "plain network", "with inverted copies", "what it is"]], hide_index=True,
                     width="stretch")
        st.caption(words.SIDE_BY_SIDE)
    score = {inverted: results.count_right(p) for inverted, p in course_probs.items()}
    plain_col, invert_col = st.columns(2)
    plain_col.metric("Plain network", f"{score[False]} of 9 right", help=words.PLAIN_HELP)
    invert_col.metric("With inverted copies", f"{score[True]} of 9 right", delta=score[True] - score[False],
                      help=words.INVERTED_HELP)
    st.caption(view.say(words.DOOR_NINE))

st.header(view.say(words.TRY_YOUR_OWN), anchor=False)
source = choose_source(view)
image, truth = None, UNKNOWN  # truth: the digit the picture really shows, None for "not a digit", or UNKNOWN
if source == "draw":
    image = drawn_digit(view, light=view.radio("paper", horizontal=True) == "light")
elif source == "course":
    image, truth = course_digit(view)
else:
    image, truth = uploaded_digit(view, source)
auto_invert = view.checkbox("auto_invert")
threshold = view.slider("threshold") / 100

x, flipped = network_input(image, auto_invert) if image is not None else (None, False)
probs = None
if x is not None:
    st.session_state["mnist_input"] = x
    probs = {inverted: mnist.predict(model, x)[0] for inverted, model in models.items()}
    see_col, answer_col = st.columns([1, 2])
    see_col.image(enlarge(to_8bit(x)), width=280, alt="Your digit as the network sees it: 28 by 28 grey pixels",
                  caption=words.SEEN)
    with answer_col:
        show_answer(probs, invert, threshold)
    if truth is not UNKNOWN:
        show_verdict(view, probs[invert], truth, threshold)

x_test, y_test = test_set()
if view.shown("unsure", advanced=True):
    st.header("When should it say 'I don't know'?", anchor=False, help=ui.define("threshold"))
    curve = results.threshold_curve(test_probabilities(invert, False), y_test, np.linspace(0, 0.99, 100))
    st.plotly_chart(charts.threshold_chart(curve, threshold), width="stretch", key="mnist_threshold_chart")
    at = curve.iloc[int(round(threshold * 100))]
    st.caption(words.threshold_trade(threshold, at["answered"], at["accuracy"]))

if view.shown("inside", advanced=True):
    st.header("Look inside the network", anchor=False, help=ui.define("feature map"))
    st.table(mnist.layer_table(models[invert]))
    st.caption(words.INSIDE)
    st.plotly_chart(charts.kernel_chart(mnist.first_layer_kernels(models[invert])), width="stretch",
                    key="mnist_kernels")
    maps = mnist.feature_maps(models[invert], st.session_state.get("mnist_input", course[4]))
    st.plotly_chart(charts.feature_map_chart(maps["conv1"], "Layer 1: where each filter fires"),
                    width="stretch", key="mnist_maps1")
    st.plotly_chart(charts.feature_map_chart(maps["conv2"], "Layer 2: 32 larger shapes, half size"),
                    width="stretch", key="mnist_maps2")
    st.caption(words.MAPS)

if view.shown("mistakes", advanced=True):
    st.header("Mistakes on the test set", anchor=False, help=ui.define("confusion matrix"))
    flipped_test = view.toggle("test_inverted")
    test_probs = test_probabilities(invert, flipped_test)
    matrix = results.confusion(test_probs, y_test)
    share_right = np.trace(matrix) / matrix.sum()
    st.plotly_chart(charts.confusion_chart(matrix, f"Answers for each true digit ({share_right:.2%} right)"),
                    width="stretch", key="mnist_confusion")
    true_col, said_col = st.columns(2)
    with true_col:
        true_digit = view.selectbox("true_digit", options=list(range(10)))
    off_diagonal = [d for d in range(10) if d != true_digit]
    said = said_col.selectbox("It answered", off_diagonal, key="mnist_said",
                              index=int(np.argmax(matrix[true_digit, off_diagonal])),
                              help="The network's wrong answer (the column in the table).")
    wrong = results.mistakes(test_probs, y_test, true_digit, said)[:24]
    if len(wrong):
        thumbnails(mnist.invert(x_test[wrong]) if flipped_test else x_test[wrong],
                   caption=[f"{test_probs[i, said]:.0%}" for i in wrong],
                   alt=[f"A test {true_digit} it called {said}, {test_probs[i, said]:.0%} sure" for i in wrong])
        st.caption(f"{len(wrong)} of the test {true_digit}s it called {said}, most confident first, with its "
                   "confidence.")
    else:
        st.success(f"It never called a {true_digit} a {said}.")

trained = ""
if view.shown("train", advanced=True):
    st.header("Train it yourself", anchor=False, help=ui.define("data augmentation"))
    st.markdown(words.TRAIN)
    setting, clicked = training_form()
    run = watched_run(setting, clicked)
    if run is not None:
        trained = words.trained(setting.describe(), run.normal, run.inverted)
        st.success(trained)
        compare_with_yours(run, course, course_probs, x)

ui.end_of_page(view, handout=lambda: handout(
    view.link, invert=invert, source=view.label("source"), threshold=threshold, auto_invert=auto_invert,
    course_probabilities=course_probs, course_images=course, digit=x, probabilities=probs, flipped=flipped,
    trained=trained))
