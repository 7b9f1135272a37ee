"""lib.mnist: the course's network, its shipped models and prediction, against hand-worked numbers, SciPy
and the course's published results."""

import subprocess
import sys

import numpy as np
import pytest
from scipy import ndimage, signal

from lib import mnist
from lib.mnist import results
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def data():
    return mnist.load_data()


@pytest.fixture(scope="module")
def models():
    return {inverted: mnist.load_model(inverted) for inverted in (False, True)}


def test_importing_lib_mnist_does_not_import_tensorflow():
    code = ("import sys, importlib, pkgutil, lib.mnist; "
            "[importlib.import_module(m.name) for m in pkgutil.iter_modules(lib.mnist.__path__, 'lib.mnist.')]; "
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_load_data_is_mnist_scaled_to_0_1(data):
    x_train, y_train, x_test, y_test = data
    assert x_train.shape == (60_000, 28, 28) and x_test.shape == (10_000, 28, 28)
    assert x_train.dtype == np.float32 and 0 <= x_train.min() and x_train.max() == 1
    assert np.bincount(y_test).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_invert_and_inverted_copies():
    x = np.array([[0.0, 0.25], [1.0, 0.5]])
    assert np.allclose(mnist.invert(x), [[1.0, 0.75], [0.0, 0.5]])
    both, labels = mnist.with_inverted_copies(np.stack([x, x]), np.array([3, 7]))
    assert both.shape == (4, 2, 2) and labels.tolist() == [3, 7, 3, 7]
    assert np.allclose(both[2], 1 - x)


def test_network_is_the_courses():
    model = mnist.build_model()
    # Hand-worked: weights + biases per layer.
    assert [layer.count_params() for layer in model.layers] == [
        5 * 5 * 1 * 16 + 16, 0, 5 * 5 * 16 * 32 + 32, 0, 0, 1568 * 128 + 128, 0, 128 * 10 + 10]
    table = mnist.layer_table(model)
    assert [row["outputs"] for row in table] == [12_544, 3_136, 6_272, 1_568, 1_568, 128, 128, 10]
    assert [tuple(layer.output.shape[1:]) for layer in model.layers][:4] == [
        (28, 28, 16), (14, 14, 16), (14, 14, 32), (7, 7, 32)]
    assert model.loss == "sparse_categorical_crossentropy"


def test_shipped_models_reach_the_target_accuracies(models, data):
    _, _, x_test, y_test = data
    assert mnist.accuracy(models[False], x_test, y_test) >= 0.985
    assert mnist.accuracy(models[True], x_test, y_test) >= 0.985
    assert mnist.accuracy(models[True], mnist.invert(x_test), y_test) >= 0.985
    # The lesson in one number: the plain network cannot read inverted digits.
    assert mnist.accuracy(models[False], mnist.invert(x_test), y_test) < 0.6


def test_course_images_show_the_courses_pattern(models):
    images = results.load_course_images()
    plain = results.count_right(mnist.predict(models[False], images))
    inverted = results.count_right(mnist.predict(models[True], images))
    assert inverted >= 8
    assert plain <= 5 < inverted


def test_predict_matches_keras_predict_and_accepts_one_image(models, data):
    x = data[2][:5]
    probabilities = mnist.predict(models[True], x)
    assert probabilities.shape == (5, 10)
    assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
    assert np.allclose(probabilities, models[True].predict(x[..., None], verbose=0), atol=1e-5)
    assert np.allclose(mnist.predict(models[True], x[0]), probabilities[:1], atol=1e-6)


@pytest.mark.parametrize("bad, message", [(np.zeros((3, 28)), "shaped"), (np.zeros((2, 32, 32)), "shaped"),
                                          (np.full((28, 28), 255.0), "divide")])
def test_predict_refuses_bad_input(models, bad, message):
    with pytest.raises(ValueError, match=message):
        mnist.predict(models[False], bad)


def test_missing_model_file_says_how_to_make_it(monkeypatch, tmp_path):
    monkeypatch.setitem(mnist.MODEL_PATHS, False, tmp_path / "absent.keras")
    with pytest.raises(FileNotFoundError, match="train_mnist.py"):
        mnist.load_model(False)


def test_first_layer_kernels_and_feature_maps_match_scipy(models, data):
    model = models[False]
    kernels = mnist.first_layer_kernels(model)
    assert kernels.shape == (16, 5, 5)
    image = data[2][0]
    maps = mnist.feature_maps(model, image)
    assert maps["conv1"].shape == (16, 28, 28) and maps["conv2"].shape == (32, 14, 14)
    bias = model.get_layer("conv1").get_weights()[1]
    for k in (0, 7, 15):  # a Keras convolution is a correlation with zero padding, then ReLU
        expected = np.maximum(signal.correlate2d(image, kernels[k], mode="same") + bias[k], 0)
        assert np.allclose(maps["conv1"][k], expected, atol=1e-4)


def test_train_reports_progress_and_is_deterministic(data):
    x, y = data[0][:512], data[1][:512]
    reports = []
    model, history = mnist.train(x, y, epochs=1, seed=1, on_progress=reports.append, report_every=2,
                                 validation=(data[2][:200], data[3][:200]))
    assert reports[-1].fraction == 1.0 and reports[-1].steps == 4
    assert [r.step for r in reports] == [2, 4]
    assert len(history["loss"]) == 2 and len(history["val_accuracy"]) == 1
    again, _ = mnist.train(x, y, epochs=1, seed=1)
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), again.get_weights()))


def test_train_refuses_mismatched_labels(data):
    with pytest.raises(ValueError, match="as many labels"):
        mnist.train(data[0][:10], data[1][:9])


def test_saved_models_have_no_optimizer_state(tmp_path):
    import zipfile

    import h5py

    path = tmp_path / "m.keras"
    model = mnist.build_model()
    model.optimizer.build(model.trainable_variables)
    mnist.save_model(model, path)
    with zipfile.ZipFile(path) as archive:
        archive.extract("model.weights.h5", tmp_path)
    with h5py.File(tmp_path / "model.weights.h5") as weights:
        assert "optimizer" not in weights or len(weights["optimizer"]["vars"]) == 0
    assert path.stat().st_size < 1_500_000


def test_course_table_marks_answers():
    probabilities = np.full((10, 10), 0.01)
    probabilities[np.arange(10), [1, 2, 3, 3, 5, 5, 7, 3, 8, 2]] = 0.91
    table = results.course_table(probabilities)
    assert table.loc["4", "verdict"] == "wrong" and table.loc["dog", "verdict"] == "no right answer"
    assert table.loc["2", "2"] == pytest.approx(91.0)
    assert results.count_right(probabilities) == 5


def test_threshold_curve_by_hand():
    probabilities = np.array([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.55, 0.45]])
    labels = np.array([0, 1, 1, 0])  # right, wrong, right, right
    curve = results.threshold_curve(probabilities, labels, [0.0, 0.58, 0.8, 0.95])
    assert curve["answered"].tolist() == [1.0, 0.75, 0.25, 0.0]
    assert curve["accuracy"].tolist()[:3] == pytest.approx([0.75, 2 / 3, 1.0])
    assert np.isnan(curve["accuracy"].iloc[3])
    assert results.answer_or_unsure(probabilities[1], 0.5) == 0
    assert results.answer_or_unsure(probabilities[1], 0.61) is None


def _sure_of(digit: int, p: float) -> np.ndarray:
    probabilities = np.full(10, (1 - p) / 9)
    probabilities[digit] = p
    return probabilities


@pytest.mark.parametrize("p, truth, threshold, expected", [
    (0.95, 7, 0.5, "right"),                    # right and sure: no "confidently wrong"
    (0.95, 1, 0.5, "confidently wrong"),        # sure and wrong
    (0.95, None, 0.5, "confidently wrong"),     # sure it is a 7, but it is not a digit
    (0.62, None, 0.5, "confidently wrong"),     # the dog at the default threshold
    (0.62, None, 0.7, "right"),                 # the threshold says "I don't know" to the dog: right
    (0.62, 1, 0.7, "unsure"),                   # "I don't know" to a digit
    (0.62, 7, 0.7, "unsure"),                   # even when its best guess was right
    (0.30, 1, 0.2, "wrong"),                    # answers, wrongly, but not sure: not "confidently"
    (0.30, None, 0.0, "wrong"),
    (0.50, 1, 0.0, "confidently wrong"),        # CONFIDENT is inclusive, like the threshold
])
def test_judge_calls_an_answer_confidently_wrong_only_when_it_is_sure_and_wrong(p, truth, threshold, expected):
    assert results.judge(_sure_of(7, p), truth, threshold) == expected


def test_confusion_and_mistakes_match_scikit_learn():
    from sklearn.metrics import confusion_matrix

    rng = np.random.default_rng(0)
    probabilities = rng.dirichlet(np.ones(10), 300)
    labels = rng.integers(0, 10, 300)
    expected = confusion_matrix(labels, probabilities.argmax(1), labels=range(10))
    assert np.array_equal(results.confusion(probabilities, labels), expected)
    chosen = results.mistakes(probabilities, labels, 3, 5)
    assert len(chosen) == expected[3, 5]
    assert np.all(np.diff(probabilities[chosen, 5]) <= 0)


def test_centre_by_mass_is_the_middle(data):
    from PIL import Image

    digit = (data[0][0] * 255).astype(np.uint8)
    x = mnist.to_mnist(Image.fromarray(np.pad(digit, ((0, 60), (40, 5)))))
    assert ndimage.center_of_mass(x) == pytest.approx((13.5, 13.5), abs=0.3)


@pytest.mark.parametrize("invert_model, inverted_digits", [(False, False), (False, True), (True, False), (True, True)])
def test_saved_test_probabilities_are_the_shipped_models(models, data, invert_model, inverted_digits):
    assert mnist.TEST_PROBABILITIES_PATH.exists(), "make it with scripts/train_mnist.py --probabilities-only"
    saved = mnist.test_probabilities(invert_model, inverted_digits)
    x_test = mnist.invert(data[2]) if inverted_digits else data[2]
    assert saved.shape == (10_000, 10)
    assert np.allclose(saved[:300], mnist.predict(models[invert_model], x_test[:300]), atol=1e-5)
    assert np.array_equal(mnist.load_test_set()[1], data[3])
