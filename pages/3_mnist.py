"""Topic page /mnist: a digit-reading network that fails on black-on-white digits until it is trained on them.

The playground comes first (issue #17): the canvas, the ink colour and the invert toggle beside the 28×28
picture the network sees and its ten probabilities (lib.ui.mnist_playground, a fragment); then the course's
ten images as the worked lesson and short steps, each asking before it explains, the answering network's model
card among them (lib.mnist.card, issue #18; a learner's own network gets one too). The shipped networks run
in NumPy (lib.mnist.numpy_cnn), so showing this page never starts TensorFlow; only "Train it yourself" does
(lib.mnist.live). The words live in lib.mnist.content, the settings in lib/mnist/lesson.toml, the cached
views in lib.ui.mnist; this page lays them out.
"""

import streamlit as st

from lib import mnist, ui
from lib.mnist import results
from lib.mnist import content as words
from lib.mnist.card import live_card, model_card
from lib.mnist.handout import handout
from lib.ui import model_card as model_card_view
from lib.ui.mnist import (ANSWERING_STEPS, THUMBNAIL, confusion_view, course_answers, course_images, course_pictures,
                          course_probabilities, digit_card, feature_map_figures, kernel_figure, shipped_networks, step,
                          steps_open, test_probabilities, test_set, threshold_view, thumbnails)
from lib.ui.mnist_playground import playground
from lib.ui.mnist_training import compare_with_yours, training_form, watched_run

view = ui.page_setup("mnist")

models = shipped_networks()
course, course_probs = course_images(), course_probabilities()
invert = view.value("invert")
threshold = view.value("threshold") / 100
latest = st.session_state.setdefault("mnist_latest", {})  # what the playground last showed (it reruns alone)
playground(view, invert, threshold, models, latest, whole_page=steps_open(ANSWERING_STEPS))

if box := step(view, "course"):
    with box:
        st.markdown(view.say(words.COURSE_ASK), help=ui.define("test set"))
        st.markdown(view.say(words.COURSE))
        course_answers(course_probs[invert])
        st.image(course_pictures(), width=THUMBNAIL, caption=[i.name for i in results.COURSE_IMAGES],
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
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.WHY_COLOUR))

if box := step(view, "unsure"):
    with box:
        st.markdown(view.say(words.UNSURE_ASK), help=ui.define("threshold"))
        threshold = view.slider("threshold") / 100
        if latest.get("probs") is not None:
            mine = latest["probs"][invert]
            answer = words.answer(int(mine.argmax()), mine.max(),
                                  results.answer_or_unsure(mine, threshold) is not None)
            st.markdown(f"{view.say(words.UNSURE_NOW)}: **{answer}**")
        if not view.kids:
            figure, answered, accuracy = threshold_view(invert, int(round(threshold * 100)))
            st.plotly_chart(figure, width="stretch", key="mnist_threshold_chart")
            st.caption(words.threshold_trade(threshold, answered, accuracy))
        with st.expander(view.say(words.WHY)):
            st.markdown(view.say(words.UNSURE_WHY))

if box := step(view, "card"):
    with box:
        st.markdown(view.say(words.CARD_ASK), help=ui.define("model card"))
        model_card_view.show(view, digit_card(invert))
        st.caption(view.say(words.CARD_NOTE))

if box := step(view, "inside", advanced=True):
    with box:
        st.markdown(words.INSIDE, help=ui.define("feature map"))
        st.table(mnist.layer_table(models[invert]))
        st.plotly_chart(kernel_figure(invert), width="stretch", key="mnist_kernels")
        digit = course[4] if latest.get("x") is None else latest["x"]
        st.caption(words.MAPS_OF)
        thumbnails([digit], alt=["The digit the feature maps below are of"])
        first_maps, second_maps = feature_map_figures(invert, digit)
        st.plotly_chart(first_maps, width="stretch", key="mnist_maps1")
        st.plotly_chart(second_maps, width="stretch", key="mnist_maps2")
        st.caption(words.MAPS)

if box := step(view, "mistakes", advanced=True):
    with box:
        x_test, y_test = test_set()
        st.markdown(words.MISTAKES, help=ui.define("confusion matrix"))
        flipped_test = view.toggle("test_inverted")
        test_probs = test_probabilities(invert, flipped_test)
        matrix, confusion_figure = confusion_view(invert, flipped_test)
        st.plotly_chart(confusion_figure, width="stretch", key="mnist_confusion")
        true_col, said_col = st.columns(2)
        with true_col:
            true_digit = view.selectbox("true_digit", options=list(range(10)))
        off_diagonal = [d for d in range(10) if d != true_digit]
        said = said_col.selectbox("It answered", off_diagonal, key="mnist_said",
                                  index=int(matrix[true_digit, off_diagonal].argmax()),
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

trained, your_card = "", None
if box := step(view, "train", advanced=True):
    with box:
        st.markdown(words.TRAIN, help=ui.define("data augmentation"))
        setting, clicked = training_form()
        run = watched_run(setting, clicked)
        if run is not None:
            trained = words.trained(setting.describe(), run.normal, run.inverted)
            st.success(trained)
            yours = compare_with_yours(run, course, course_probs, latest.get("x"))
            st.markdown(words.YOUR_CARD)
            your_card = live_card(setting, run, yours, labels=test_set()[1])
            model_card_view.show(view, your_card)

# Read here: the handout is built on another thread, where Streamlit is not.
source, kids = view.label("source"), view.kids


def _handout():
    answering = latest.get("invert", invert)
    # Built at the press from lib (a cached view is Streamlit's): the answering network's card, and the learner's.
    cards = [model_card(answering, course_probabilities=course_probs[answering]), *([your_card] if your_card else [])]
    return handout(view.link, invert=answering, source=latest.get("source", source), threshold=threshold,
                   auto_invert=latest.get("auto_invert", False), course_probabilities=course_probs,
                   course_images=course, digit=latest.get("x"), probabilities=latest.get("probs"),
                   flipped=latest.get("flipped", False), trained=trained, cards=cards, kids=kids)


ui.end_of_page(view, handout=_handout)
