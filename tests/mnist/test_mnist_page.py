"""The /mnist page through AppTest: the invert toggle, the course table, uploads, the threshold, training."""

import io

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from lib import mnist
from lib.training import TRAINING
from lib.mnist import content as words
from lib.mnist import results
from tests.conftest import ROOT, open_with_link, tensorflow_loaded_after, training_elsewhere, unfold


@pytest.fixture(scope="module")
def app():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/3_mnist.py").run()
    assert not app.exception
    # The steps below the playground open closed, each its question, and draw nothing until opened.
    assert [e.label for e in app.expander if e.label[0].isdigit()] == [plain for plain, _ in words.STEPS.values()]
    assert not app.dataframe and not app.metric and not app.get("plotly_chart")
    return unfold(app)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _metrics(app) -> list[str]:
    return [metric.value for metric in app.metric]


def test_page_opens_with_the_course_table_and_an_empty_canvas(app):
    assert app.title[0].value == "Handwritten digits"
    assert any("Draw a digit first" in info.value for info in app.info)
    table = app.dataframe[0].value
    assert list(table.index) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "dog"]
    plain, inverted = (int(value.split()[0]) for value in _metrics(app))
    assert inverted >= 8 and plain < inverted


def test_the_toggle_swaps_the_answering_network(app):
    plain_answers = app.dataframe[0].value["answer"].tolist()
    app.toggle(key="mnist_invert").set_value(True).run()
    assert not app.exception
    assert any(caption.value.startswith("Answering now: the network **with inverted copies**")
               for caption in app.caption)
    assert app.dataframe[0].value["answer"].tolist() != plain_answers
    app.toggle(key="mnist_invert").set_value(False).run()


def test_course_image_dog_gets_a_digit_or_i_dont_know(app):
    app.radio(key="mnist_source").set_value("course").run()
    app.selectbox(key="mnist_course_image").set_value("dog").run()
    assert not app.exception
    assert any("Confidently wrong" in info.value for info in app.info)
    app.slider(key="mnist_threshold").set_value(0).run()
    assert app.subheader[0].value.startswith("It's a ")
    app.slider(key="mnist_threshold").set_value(99).run()
    assert app.subheader[0].value.startswith("I don't know")
    assert any("answers" in caption.value and "99%" in caption.value for caption in app.caption)
    app.slider(key="mnist_threshold").set_value(50).run()


def test_upload_a_black_on_white_digit_then_auto_invert(app):
    _, _, x_test, y_test = mnist.load_data()
    seven = Image.fromarray(((1 - x_test[0]) * 255).astype(np.uint8)).resize((300, 300))  # test digit 0 is a 7
    app.radio(key="mnist_source").set_value("upload").run()
    app.file_uploader(key="mnist_upload").set_value(("seven.png", _png(seven), "image/png")).run()
    assert not app.exception
    app.toggle(key="mnist_invert").set_value(True).run()
    assert app.subheader[0].value.startswith("It's a 7")
    app.toggle(key="mnist_invert").set_value(False)
    app.checkbox(key="mnist_auto_invert").set_value(True).run()
    assert app.subheader[0].value.startswith("It's a 7")
    assert any("swapped" in caption.value for caption in app.caption)
    app.checkbox(key="mnist_auto_invert").set_value(False).run()


@pytest.mark.parametrize("name, content", [("notes.png", b"not an image at all"), ("empty.png", b""),
                                           ("white.png", _png(Image.new("L", (50, 50), 255)))])
def test_bad_uploads_get_a_message(app, name, content):
    app.radio(key="mnist_source").set_value("upload").run()
    app.file_uploader(key="mnist_upload").set_value((name, content, "image/png")).run()
    assert not app.exception
    assert app.error or app.warning


def _truth_box(app):
    return next(box for box in app.selectbox if box.label.startswith("What is it really?"))


def _verdicts(app) -> list[str]:
    return [element.value for kind in (app.info, app.success, app.caption) for element in kind
            if element.value.startswith(("**Confidently wrong", "Right", "Wrong", "It would not say"))]


def test_confidently_wrong_only_when_the_network_is_sure_and_wrong(app):
    _, _, x_test, _ = mnist.load_data()
    seven = Image.fromarray((x_test[0] * 255).astype(np.uint8)).resize((280, 280))  # white on black, like MNIST
    app.radio(key="mnist_source").set_value("upload").run()
    app.file_uploader(key="mnist_upload").set_value(("seven.png", _png(seven), "image/png")).run()
    assert app.subheader[0].value.startswith("It's a 7")
    assert _truth_box(app).value is None and _verdicts(app) == []  # the app does not know what it shows
    _truth_box(app).set_value(7).run()
    assert _verdicts(app) == ["Right: it is a 7."]
    _truth_box(app).set_value(1).run()
    assert len(_verdicts(app)) == 1 and _verdicts(app)[0].startswith("**Confidently wrong.**")
    assert "but it is a 1" in _verdicts(app)[0]
    _truth_box(app).set_value("Not a digit").run()
    assert "not a digit at all" in _verdicts(app)[0]
    # A new picture is not judged against the last one's digit.
    app.file_uploader(key="mnist_upload").set_value(("seven2.png", _png(seven.rotate(3)), "image/png")).run()
    assert _truth_box(app).value is None and _verdicts(app) == []


@pytest.mark.parametrize("image, invert, threshold, verdict", [
    ("2", True, 50, "Right: it is a 2."),
    ("dog", False, 50, "**Confidently wrong.**"),
    ("dog", False, 99, "Right: it is not a digit"),
])
def test_course_images_are_judged_against_their_own_digit(app, image, invert, threshold, verdict):
    app.radio(key="mnist_source").set_value("course").run()
    app.selectbox(key="mnist_course_image").set_value(image).run()
    app.toggle(key="mnist_invert").set_value(invert)
    app.slider(key="mnist_threshold").set_value(threshold).run()
    assert len(_verdicts(app)) == 1 and _verdicts(app)[0].startswith(verdict), _verdicts(app)
    app.toggle(key="mnist_invert").set_value(False)
    app.slider(key="mnist_threshold").set_value(50).run()


def test_mistakes_browser_and_inverted_test_set(app):
    app.selectbox(key="mnist_true").set_value(9).run()
    assert not app.exception
    app.toggle(key="mnist_test_inverted").set_value(True).run()
    assert not app.exception
    app.toggle(key="mnist_test_inverted").set_value(False).run()


def test_a_small_live_training_run(app):
    app.select_slider(key="mnist_train_size").set_value(1_000)  # in a form: applied when it is submitted
    app.button(key="FormSubmitter:mnist_train_form-Train").click().run(timeout=180)
    assert not app.exception
    assert any("Your network (1,000 digits" in success.value for success in app.success)
    # Its own model card, with the run's own accuracy, as the line above gives it.
    said = next(s.value for s in app.success if "Your network (1,000 digits" in s.value)
    right = said.split("): ")[1].split(" right")[0]
    card = next(m.value for m in app.markdown if m.value.startswith("#### Model card: your digit network"))
    assert f"**{right}** of the 10,000 MNIST test digits right" in card
    assert "The first 1,000 of the 60,000 MNIST training digits" in card


def card_shown(app) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("#### "))


def test_the_model_card_follows_the_switch_and_goes_into_the_handout(downloads):
    app = unfold(open_with_link("pages/3_mnist.py"), "card", "record_mnist")
    assert "3 · What is this network good for, and what not? Its model card" in [e.label for e in app.expander]
    card = card_shown(app)
    assert card.startswith("#### Model card: the plain digit network")
    # The same share right as the mistakes step's confusion table, two decimals.
    matrix = results.confusion(mnist.test_probabilities(False, False), mnist.load_test_set()[1])
    assert f"**{np.trace(matrix) / matrix.sum():.2%}** of the 10,000 MNIST test digits right" in card
    record = downloads["mnist-my-results.md"]()
    assert "\n## Model card: the plain digit network\n" in record and "| Random seed | 2024 |" in record
    app.toggle(key="mnist_invert").set_value(True).run()
    assert not app.exception, app.exception
    assert card_shown(app).startswith("#### Model card: the digit network trained with inverted copies")
    assert "## Model card: the digit network trained with inverted copies" in downloads["mnist-my-results.md"]()


def test_the_model_card_in_kid_words(downloads):
    app = unfold(open_with_link("pages/3_mnist.py", {"kids": "on"}), "card", "record_mnist")
    assert "3 · What is the robot good for? Its report card" in [e.label for e in app.expander]
    card = card_shown(app)
    assert card.startswith("#### Report card: the number robot") and "A dog: it says it's an 8!" in card
    record = downloads["mnist-my-results.md"]()
    assert "## Report card: the number robot" in record and "Random seed" not in record


def test_the_page_runs_without_tensorflow_until_someone_trains():
    # Every section but live training uses the NumPy network.
    assert not tensorflow_loaded_after(
        "app.switch_page('pages/3_mnist.py').run(); "
        "from tests.conftest import unfold; unfold(app); "
        "app.radio(key='mnist_source').set_value('course').run(); "
        "app.toggle(key='mnist_test_inverted').set_value(True).run(); "
        "assert any(s.value.startswith(('It', 'I don')) for s in app.subheader)"
    )


SUBMIT = "FormSubmitter:mnist_train_form-Train"


def test_a_user_who_leaves_the_training_queue_does_not_stop_the_next_one_training(trainings):
    with training_elsewhere() as queue_lengths:
        impatient = unfold(open_with_link("pages/3_mnist.py"), "train")
        impatient.button(key=SUBMIT).click()
        with pytest.raises(RuntimeError, match="timed out"):  # stopped while queued, as on a rerun
            impatient.run(timeout=3)
        assert 2 in queue_lengths and TRAINING.queue_length == 1
    next_learner = unfold(open_with_link("pages/3_mnist.py"), "train")
    next_learner.button(key=SUBMIT).click().run(timeout=60)
    assert not next_learner.exception, next_learner.exception
    assert trainings == [20_000]
    assert any("Your network (10,000 digits" in s.value for s in next_learner.success)
    assert TRAINING.queue_length == 0


def test_every_learner_presses_train_and_watches_it_learn_even_when_the_server_already_trained_it(trainings):
    first = unfold(open_with_link("pages/3_mnist.py"), "train")
    first.button(key=SUBMIT).click().run()
    assert not first.exception, first.exception
    assert trainings == [20_000]  # the course's 10,000 digits and their inverted copies, trained live
    assert any("Your network (10,000 digits" in s.value for s in first.success)
    assert not any("replay" in box.value for box in first.info)

    second = unfold(open_with_link("pages/3_mnist.py"), "train", "unsure")  # another learner on the same server
    assert not any("Your network" in s.value for s in second.success)  # nothing shown before Train
    second.button(key=SUBMIT).click().run()
    assert not second.exception, second.exception
    assert trainings == [20_000]  # the stored run, replayed, not trained again
    assert any("you watched a replay of its training" in box.value for box in second.info)
    assert any("Your network (10,000 digits" in s.value for s in second.success)
    second.slider(key="mnist_threshold").set_value(70).run()  # another change keeps the result shown
    assert any("Your network (10,000 digits" in s.value for s in second.success)
