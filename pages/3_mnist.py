"""Topic page /mnist: a digit-reading network that fails on black-on-white digits until it is trained on them.

The shipped networks run in NumPy (lib.mnist.numpy_cnn), so showing this page never starts TensorFlow; only
"Train it yourself" does.
"""

import time

import numpy as np
import streamlit as st
from streamlit_drawable_canvas import st_canvas

from lib import mnist, ui
from lib.images import ImageError, enlarge, load_image, to_8bit
from lib.mnist import charts, results
from lib.mnist.augment import Augmentations, augment
from lib.mnist.handout import handout
from lib.palette import OKABE_ITO
from lib.training import TRAINING, replay_frames
from lib.ui.mnist import shipped_network

view = ui.page_setup("mnist")
NAMES = mnist.NETWORK_NAMES


@st.cache_data(show_spinner=False)
def test_set() -> tuple[np.ndarray, np.ndarray]:
    return mnist.load_test_set()


@st.cache_data(show_spinner="Running the test digits through the network…")
def test_probabilities(inverted_model: bool, inverted_digits: bool) -> np.ndarray:
    return mnist.test_probabilities(inverted_model, inverted_digits)


@st.cache_resource(show_spinner=False)
def finished_runs() -> dict:
    """Live-training results shared by every visitor, keyed by configuration, so each trains only once."""
    return {}


try:
    models = {inverted: shipped_network(inverted) for inverted in (False, True)}
except FileNotFoundError as error:
    st.error(str(error))
    st.stop()
course = results.load_course_images()
course_probs = {inverted: mnist.predict(model, course) for inverted, model in models.items()}

UPLOADS = ("Upload a photo", "Camera")
UNKNOWN, NOT_A_DIGIT = object(), "Not a digit"
st.markdown(view.say(
    "This network learned to read handwritten digits from 60,000 examples — all of them **white ink on a black "
    "background**. Ask it about a digit written in black on white paper and it still answers, confidently, and "
    "often wrongly. The fix the course uses is **data augmentation**: add a colour-swapped (inverted) copy of "
    "every training digit, so it learns that the colour of the ink does not matter.",
    "This robot learned to read numbers from 60,000 chalkboards: always **white chalk on black**. Show it a "
    "number in pencil on white paper and it gets muddled. The fix: show it every number in both colours."))
if view.shows("invert"):
    st.toggle(view.say("Train with inverted copies", "The robot has seen both colours"), key="mnist_invert",
              disabled=view.locked("invert"), persist_state="session",
              help="Off: the network trained on the original MNIST digits only. On: the network trained on the "
                   "originals plus a black-on-white copy of each (the course's INVERT = True). Everything on this "
                   "page switches.")
invert = view.value("invert")
st.info(f"Answering now: the network **{NAMES[invert]}**.", icon=":material/swap_horiz:")

if view.shows("course"):
    st.header("The course's ten test images", anchor=False, help=ui.define("test set"))
    st.markdown(view.say(
        "Nine photos and scans of digits, and a dog. Each row shows how sure the network is of each digit (in %); "
        "the highlighted cell is its answer: **green if right, red-orange if wrong** (also spelled out in the "
        "first columns). The dog has no right answer (blue).",
        "Nine numbers and a dog. The coloured box is the robot's answer: **green = right, red-orange = wrong**."))
    digits = [str(d) for d in range(10)]
    # The answer first: on a phone the ten probability columns scroll sideways, and the answer must not be
    # among the columns off the edge.
    table = results.course_table(course_probs[invert])[["answer", "verdict", *digits]]
    winner = {"right": OKABE_ITO["bluish green"], "wrong": OKABE_ITO["vermillion"]}

    def mark_answer(row):
        colour = winner.get(row["verdict"], OKABE_ITO["sky blue"])
        return [f"background-color: {colour}; color: white; font-weight: bold" if column == str(row["answer"])
                else "" for column in row.index]

    st.dataframe(table.style.apply(mark_answer, axis=1).format("{:.0f}", subset=digits),
                 width="stretch", column_config={"answer": st.column_config.NumberColumn("answer", format="%d")})
    st.image([enlarge(to_8bit(image), 84) for image in course], caption=[i.name for i in results.COURSE_IMAGES],
             width=84, alt=[f"Course image {i.name}: {i.description}" for i in results.COURSE_IMAGES])
    if not view.kids:
        answers = results.side_by_side(course_probs[False], course_probs[True])
        st.dataframe(answers[["image", "plain network", "with inverted copies", "what it is"]], hide_index=True,
                     width="stretch")
        st.caption("Side by side: the answer of each network on the same ten images, with how sure it is.")
    score = {inverted: results.count_right(p) for inverted, p in course_probs.items()}
    plain_col, invert_col = st.columns(2)
    plain_col.metric("Plain network", f"{score[False]} of 9 right", help="Trained on white-on-black digits only.")
    invert_col.metric("With inverted copies", f"{score[True]} of 9 right", delta=score[True] - score[False],
                      help="Trained on the originals plus black-on-white copies.")
    st.caption(view.say(
        "The course saw the same pattern: 4 of 9 right without inverted copies, every digit but the door-number 9 "
        "with them. The 9 is a photo of a door plate — a frame, a shadow, a printed shape — and nothing like it "
        "was ever in the training digits, inverted or not.",
        "The door-number 9 still fools it: the robot never saw a door plate while learning."))

st.header(view.say("Try your own digit", "Show the robot a number"), anchor=False)
sources = [s for s in ("Draw", *UPLOADS, "A course image") if view.shows("upload") or s not in UPLOADS]
if st.session_state["mnist_source"] not in sources:  # the link hides uploads: draw instead
    st.session_state["mnist_source"] = "Draw"
if view.shows("source"):
    st.radio("Where the digit comes from", sources, horizontal=True, key="mnist_source",
             disabled=view.locked("source"), persist_state="session",
             help="Draw with a finger or mouse, upload a picture of a digit, take one with your camera, "
                  "or pick one of the course's ten images (the dog included).")
source = view.value("source")
image = None
truth = UNKNOWN  # the digit the picture really shows: an int, None for "not a digit", or UNKNOWN
if source == "Draw":
    if view.shows("paper"):
        st.radio("Ink and paper", ["White pen on black (like MNIST)", "Black pen on white (like paper)"],
                 horizontal=True, key="mnist_paper", disabled=view.locked("paper"), persist_state="session",
                 help="MNIST digits are white on black. Draw black on white to see the plain network stumble. "
                      "Switching clears the drawing.")
    light = view.value("paper").startswith("Black")
    if view.shows("pen") and not view.kids:
        st.slider("Pen width", 8, 40, key="mnist_pen", disabled=view.locked("pen"), persist_state="session",
                  help="Thicker pens look more like MNIST's strokes.")
    # A new key is a new, empty canvas: the canvas's own clear button shows only under a hovering mouse, so
    # a finger on a touch screen needs this one.
    drawing = st.session_state.setdefault("mnist_drawing", 0)
    canvas = st_canvas(stroke_width=view.value("pen"), stroke_color="#000000" if light else "#FFFFFF",
                       background_color="#FFFFFF" if light else "#000000", height=280, width=280,
                       return_image_data=True, key=f"mnist_canvas_{'light' if light else 'dark'}_{drawing}")
    st.button(view.say("Clear the drawing", "Wipe it clean"), key="mnist_clear", icon=":material/ink_eraser:",
              on_click=lambda: st.session_state.update(mnist_drawing=drawing + 1),
              help="Empties the square so you can draw another digit.")
    st.caption(view.say("Draw one digit filling most of the square; **Clear the drawing** starts again. With a "
                        "mouse, the small bar that appears above the square also has undo (↶).",
                        "Draw one big number. **Wipe it clean** to start again."))
    drawn = canvas.image_data if canvas.json_data and canvas.json_data.get("objects") else None
    try:
        image = mnist.drawing_to_image(drawn, light)
    except mnist.NoDigitError as error:
        st.info(str(error), icon=":material/draw:")
elif source in UPLOADS:
    upload = (st.file_uploader("A picture of one digit", type=None, key="mnist_upload",
                               help="A photo or scan of a single digit; PNG, JPEG and most other image files.")
              if source == "Upload a photo" else
              st.camera_input("Take a photo of one digit", key="mnist_camera",
                              help="Hold a digit written on paper close to the camera, filling most of the picture."))
    if upload is not None:
        try:
            image = load_image(upload)
        except ImageError as error:
            st.error(str(error))
        else:
            # Only the learner knows what the picture shows: without it no answer is called right or wrong.
            # Keyed by the file, so a new picture is not judged against the last one's digit.
            said = st.selectbox(view.say("What is it really? (to check the answer)", "Which number is it really?"),
                                [None, *range(10), NOT_A_DIGIT], key=f"mnist_truth_{upload.file_id}",
                                format_func=lambda t: "I won't say" if t is None else str(t),
                                help="Tell the app the digit in your picture (or that it is not a digit) and it "
                                     "says whether the network got it right.")
            truth = UNKNOWN if said is None else None if said == NOT_A_DIGIT else said
else:
    if view.shows("image"):
        st.selectbox("Course image", [i.name for i in results.COURSE_IMAGES], key="mnist_course_image",
                     disabled=view.locked("image"), persist_state="session",
                     format_func=lambda n: next(f"{i.name}: {i.description}" for i in results.COURSE_IMAGES
                                                if i.name == n),
                     help="The course's own test images, preprocessed like any other picture.")
    image = load_image(results.COURSE_DIR / f"{view.value('image')}.png")
    truth = next(item.label for item in results.COURSE_IMAGES if item.name == view.value("image"))

if view.shows("auto_invert") and not view.kids:
    st.checkbox("Auto-invert light backgrounds", key="mnist_auto_invert", disabled=view.locked("auto_invert"),
                persist_state="session",
                help="A fix that does not need new training: if the picture's background is light, swap black and "
                     "white before the network sees it. Off by default, so you can see the problem first.")
auto_invert = view.value("auto_invert")
if view.shows("threshold"):
    st.slider(view.say("'I don't know' threshold (%)", "How sure must the robot be? (%)"), 0, 99,
              key="mnist_threshold", disabled=view.locked("threshold"), persist_state="session",
              help="If the network's top probability is below this, the app says it does not know "
                   "instead of giving an answer.")
threshold = view.value("threshold") / 100

x, probs, flipped = None, None, False
if image is not None:
    try:
        x = mnist.to_mnist(image)
    except mnist.NoDigitError as error:
        st.warning(str(error))
if x is not None:
    if auto_invert:
        x, flipped = mnist.invert_if_light_background(x)
        if flipped:
            st.caption("The background was light, so black and white were swapped before the network saw it.")
    st.session_state["mnist_input"] = x
    probs = {inverted: mnist.predict(model, x)[0] for inverted, model in models.items()}
    see_col, answer_col = st.columns([1, 2])
    with see_col:
        st.image(enlarge(to_8bit(x)), width=280, alt="Your digit as the network sees it: 28 by 28 grey pixels",
                 caption="What the network sees: 28×28 pixels, cropped, scaled to 20×20 and centred by mass, "
                         "black and white kept as they were.")
    with answer_col:
        answer = results.answer_or_unsure(probs[invert], threshold)
        best = int(probs[invert].argmax())
        if answer is None:
            st.subheader(f"I don't know (best guess {best}, only {probs[invert][best]:.0%})", anchor=False)
        else:
            st.subheader(f"It's a {answer} ({probs[invert][answer]:.0%} sure)", anchor=False)
        other = int(probs[not invert].argmax())
        st.caption(f"The other network ({NAMES[not invert]}) says {other} ({probs[not invert][other]:.0%}).")
        st.plotly_chart(charts.probability_bars(probs, threshold), width="stretch", key="mnist_bars")
    if truth is not UNKNOWN:
        verdict = results.judge(probs[invert], truth, threshold)
        sure, really = f"{probs[invert][best]:.0%}", "not a digit at all" if truth is None else f"a {truth}"
        if verdict == "confidently wrong" and truth is None:
            st.info(view.say(
                f"**Confidently wrong.** It is {sure} sure this is a {best}, but it is not a digit at all. "
                "Whatever you show it — a dog, a cat, a shopping list — the network answers with a digit: it can "
                "only choose among the ten classes it was trained on. It has no way to say 'this is not a digit' "
                "unless we build one in, like the threshold above.",
                "**Always a number.** Show the robot a dog and it still says a number: numbers are all it knows. "
                "The 'how sure' slider lets it say 'I don't know' instead."), icon=":material/pets:")
        elif verdict == "confidently wrong":
            st.info(view.say(
                f"**Confidently wrong.** It is {sure} sure this is a {best}, but it is {really}. Sure is not the "
                "same as right: the network only knows how much your picture looks like the digits it trained on.",
                f"**Sure, and wrong.** The robot is {sure} sure it is a {best}, but it is {really}."),
                icon=":material/error:")
        elif verdict == "wrong":
            st.caption(view.say(f"Wrong, but not sure either: only {sure} for {best}, and it is {really}.",
                                f"Wrong: it is {really}. But the robot was not sure ({sure})."))
        elif verdict == "unsure":
            st.caption(view.say(f"It would not say. Its best guess, {best}, was "
                                f"{'right' if best == truth else f'wrong: it is {really}'}.",
                                f"The robot did not say. It is {really}."))
        else:
            st.success(view.say("Right: it is not a digit, and the network says it does not know." if truth is None
                                else f"Right: it is a {truth}.",
                                "Right! It is not a number." if truth is None else f"Right! It is a {truth}."),
                       icon=":material/check:")

x_test, y_test = test_set()
if view.shows("unsure") and not view.kids:
    st.header("When should it say 'I don't know'?", anchor=False, help=ui.define("threshold"))
    curve = results.threshold_curve(test_probabilities(invert, False), y_test, np.linspace(0, 0.99, 100))
    st.plotly_chart(charts.threshold_chart(curve, threshold), width="stretch", key="mnist_threshold_chart")
    at = curve.iloc[int(round(threshold * 100))]
    st.caption(f"On the 10,000 MNIST test digits, at {threshold:.0%} the network answers {at['answered']:.1%} of "
               f"them and gets {at['accuracy']:.2%} of those right. Raising the threshold trades answers for "
               "accuracy.")

if view.shows("inside") and not view.kids:
    st.header("Look inside the network", anchor=False, help=ui.define("feature map"))
    st.table(mnist.layer_table(models[invert]))
    st.caption("The course's network, layer by layer. 'Outputs' is how many numbers the layer passes on; "
               "'parameters' is how many it learned.")
    st.plotly_chart(charts.kernel_chart(mnist.first_layer_kernels(models[invert])), width="stretch",
                    key="mnist_kernels")
    seen = st.session_state.get("mnist_input", course[4])
    maps = mnist.feature_maps(models[invert], seen)
    st.plotly_chart(charts.feature_map_chart(maps["conv1"], "Layer 1: where each filter fires"),
                    width="stretch", key="mnist_maps1")
    st.plotly_chart(charts.feature_map_chart(maps["conv2"], "Layer 2: 32 larger shapes, half size"),
                    width="stretch", key="mnist_maps2")
    st.caption("Feature maps of your latest digit (the course's 5 until you try one).")

if view.shows("mistakes") and not view.kids:
    st.header("Mistakes on the test set", anchor=False, help=ui.define("confusion matrix"))
    if view.shows("test_inverted"):
        st.toggle("Use inverted test digits", key="mnist_test_inverted", disabled=view.locked("test_inverted"),
                  persist_state="session",
                  help="Show the same 10,000 test digits black on white: the plain network's weak spot.")
    flipped_test = view.value("test_inverted")
    test_probs = test_probabilities(invert, flipped_test)
    matrix = results.confusion(test_probs, y_test)
    share_right = np.trace(matrix) / matrix.sum()
    st.plotly_chart(charts.confusion_chart(matrix, f"Answers for each true digit ({share_right:.2%} right)"),
                    width="stretch", key="mnist_confusion")
    true_col, said_col = st.columns(2)
    if view.shows("true_digit"):
        true_col.selectbox("True digit", range(10), key="mnist_true", disabled=view.locked("true_digit"),
                           persist_state="session", help="The digit the writer meant (the row in the table).")
    true_digit = view.value("true_digit")
    off_diagonal = [d for d in range(10) if d != true_digit]
    said = said_col.selectbox("It answered", off_diagonal, key="mnist_said",
                              index=int(np.argmax(matrix[true_digit, off_diagonal])),
                              help="The network's wrong answer (the column in the table).")
    wrong = results.mistakes(test_probs, y_test, true_digit, said)[:24]
    if len(wrong):
        shown = mnist.invert(x_test[wrong]) if flipped_test else x_test[wrong]
        st.image([enlarge(to_8bit(d), 84) for d in shown], width=84,
                 caption=[f"{test_probs[i, said]:.0%}" for i in wrong],
                 alt=[f"A test {true_digit} it called {said}, {test_probs[i, said]:.0%} sure" for i in wrong])
        st.caption(f"{len(wrong)} of the test {true_digit}s it called {said}, most confident first, with its "
                   "confidence.")
    else:
        st.success(f"It never called a {true_digit} a {said}.")

trained = ""
if view.shows("train") and not view.kids:
    st.header("Train it yourself", anchor=False, help=ui.define("data augmentation"))
    st.markdown("Train a fresh copy of the same network here, with your own choice of data and augmentations, then "
                "see how it does on the course images and your digit. One training runs at a time for everyone.")
    with st.form("mnist_train_form"):
        size = st.select_slider("Training digits", [1_000, 2_000, 5_000, 10_000, 20_000], value=10_000,
                                format_func=lambda n: f"{n:,}",
                                key="mnist_train_size", help="How many of the 60,000 MNIST digits to learn from.")
        epochs = st.slider("Epochs", 1, 3, 1, key="mnist_train_epochs", help="How many times it sees every digit.")
        wants = Augmentations(
            invert=st.checkbox("Add inverted copies", True, key="mnist_train_invert",
                               help="Black-on-white copies of every digit (doubles the training set)."),
            rotation=st.slider("Rotate up to (degrees)", 0, 30, 0, key="mnist_train_rotation",
                               help="Tilt each digit a little, as people write at an angle."),
            noise=st.slider("Speckle noise", 0.0, 0.3, 0.0, 0.05, key="mnist_train_noise",
                            help="Random grain, like a grainy photo."),
            blur=st.slider("Blur up to (pixels)", 0.0, 1.5, 0.0, 0.25, key="mnist_train_blur",
                           help="Soften each digit, like an out-of-focus photo."),
            brightness=st.slider("Dim the ink by up to", 0.0, 0.8, 0.0, 0.1, key="mnist_train_brightness",
                                 help="Fainter ink, like a pencil or a faded print."))
        train_clicked = st.form_submit_button("Train", type="primary")
    config = (size, epochs, wants)
    runs = finished_runs()
    # Only runs this learner pressed Train for (trained live or watched replayed) are shown: a run someone
    # else in the room trained would take away the moment of watching it learn.
    watched = st.session_state.setdefault("mnist_watched", set())
    if train_clicked:
        status, bar, chart = st.empty(), st.progress(0.0, text="Waiting to start…"), st.empty()

        def show(history: dict[str, list[float]], fraction: float, text: str) -> None:
            bar.progress(fraction, text=text)
            chart.plotly_chart(charts.training_chart(history), width="stretch",
                               key=f"mnist_live_{len(history['seen'])}")

        trained_here = []
        if config not in runs:
            with TRAINING.turn(on_wait=lambda ahead: status.warning(
                    f"Waiting for another training to finish ({ahead} ahead of you)…", icon=":material/hourglass:")):
                status.empty()
                if config not in runs:  # someone may have trained the same thing while we waited
                    x_few, y_few, _, _ = mnist.load_data(train_size=size)
                    x_aug, y_aug = augment(x_few, y_few, wants)
                    del x_few

                    def on_progress(p: mnist.Progress) -> None:
                        trained_here.append(p)
                        show(p.history, p.fraction, f"Epoch {p.epoch} of {p.epochs}: batch {p.step} of {p.steps}")

                    # About ten points per epoch even on a small run, so its curve visibly grows.
                    every = max(1, min(20, len(x_aug) // (10 * mnist.BATCH_SIZE)))
                    model, history = mnist.train(x_aug, y_aug, epochs=epochs, on_progress=on_progress,
                                                 report_every=every)
                    if len(runs) >= 20:  # keep memory bounded on a long-running server: forget the oldest run
                        runs.pop(next(iter(runs)))
                    runs[config] = {"model": model, "history": history,
                                    "normal": mnist.accuracy(model, x_test, y_test),
                                    "inverted": mnist.accuracy(model, mnist.invert(x_test), y_test)}
        if not trained_here:  # trained before, or by the run we queued behind: replay it
            status.info("This network was already trained on this server with these settings; replaying its "
                        "training.", icon=":material/replay:")
            history = runs[config]["history"]
            for frame in replay_frames(history):
                show(frame.history, frame.fraction, f"Replay: {frame.history['seen'][-1]:,.0f} of "
                     f"{history['seen'][-1]:,.0f} training images seen")
                time.sleep(frame.pause)
            status.info("This network was already trained on this server with these settings, so you watched a "
                        "replay of its training.", icon=":material/replay:")
        bar.empty()
        watched.add(config)
    if config in runs and config in watched:
        run = runs[config]
        trained = (f"Your network ({size:,} digits, {epochs} epoch(s), {wants.describe()}): {run['normal']:.1%} "
                   f"right on the normal test digits, {run['inverted']:.1%} on inverted ones.")
        st.success(trained)
        yours = mnist.predict(run["model"], course)
        mine = results.course_table(yours)
        st.dataframe({"image": mine.index, "plain": course_probs[False].argmax(1), "with inverted copies":
                      course_probs[True].argmax(1), "yours": mine["answer"], "yours is": mine["verdict"]},
                     hide_index=True, width="stretch")
        if x is not None:
            st.write(f"On your digit, your network says **{int(mnist.predict(run['model'], x)[0].argmax())}**.")


ui.end_of_page(view, handout=lambda: handout(
    view.link, invert=invert, source=source, threshold=threshold, auto_invert=auto_invert,
    course_probabilities=course_probs, course_images=course, digit=x, probabilities=probs, flipped=flipped,
    trained=trained))
