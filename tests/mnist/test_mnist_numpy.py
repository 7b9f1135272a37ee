"""lib.mnist.numpy_cnn: the NumPy forward pass gives the Keras models' answers, from the shipped weight files,
without TensorFlow."""

import subprocess
import sys

import numpy as np
import pytest
from scipy import signal

from lib import mnist
from lib.mnist.numpy_cnn import WEIGHT_SHAPES, NumpyCNN, conv2d_same, max_pool_2
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def digits():
    x_test, _ = mnist.load_test_set()
    return x_test[:300]


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "invert"])
def pair(request):
    """(Keras model, NumPy network from the shipped weight file) for one shipped model."""
    return mnist.load_model(request.param), mnist.load_network(request.param)


def test_conv2d_same_is_scipy_cross_correlation_summed_over_channels():
    rng = np.random.default_rng(0)
    x, kernel, bias = rng.normal(size=(2, 9, 9, 3)), rng.normal(size=(5, 5, 3, 4)), rng.normal(size=4)
    expected = np.stack([[sum(signal.correlate2d(x[n, :, :, c], kernel[:, :, c, o], mode="same")
                              for c in range(3)) + bias[o] for o in range(4)] for n in range(2)])
    assert np.allclose(conv2d_same(x, kernel, bias), expected.transpose(0, 2, 3, 1))


def test_max_pool_keeps_the_largest_of_each_2_by_2_square():
    x = np.array([[1, 5, 0, 2], [3, 4, 8, 1], [0, 0, 1, 1], [9, 0, 1, 7]], dtype=float)[None, :, :, None]
    assert max_pool_2(x)[0, :, :, 0].tolist() == [[5, 8], [9, 7]]


def test_probabilities_match_keras(pair, digits):
    model, network = pair
    for x in (digits, mnist.invert(digits)):
        ours = mnist.predict(network, x)
        assert ours.shape == (300, 10) and np.allclose(ours.sum(axis=1), 1, atol=1e-5)
        assert np.abs(ours - model.predict(x[..., None], verbose=0)).max() < 1e-4
    assert np.allclose(network.predict(digits[0]), network.predict(digits[:1]))


def test_kernels_feature_maps_and_parameters_match_keras(pair, digits):
    model, network = pair
    assert np.array_equal(mnist.first_layer_kernels(network), mnist.first_layer_kernels(model))
    ours, keras_maps = mnist.feature_maps(network, digits[7]), mnist.feature_maps(model, digits[7])
    assert {name: m.shape for name, m in ours.items()} == {"conv1": (16, 28, 28), "conv2": (32, 14, 14)}
    for name in ("conv1", "conv2"):
        assert np.abs(ours[name] - keras_maps[name]).max() < 1e-4
    assert mnist.layer_table(network) == mnist.layer_table(model)


def test_shipped_weight_files_are_the_shipped_keras_models(pair):
    model, network = pair
    from_keras = NumpyCNN.from_keras(model)
    for name in WEIGHT_SHAPES:
        assert np.array_equal(network.weights[name], from_keras.weights[name]), name


def test_save_and_load_round_trip(tmp_path, pair):
    _, network = pair
    network.save(tmp_path / "w.npz")
    again = NumpyCNN.load(tmp_path / "w.npz")
    assert all(np.array_equal(again.weights[n], network.weights[n]) for n in WEIGHT_SHAPES)
    assert (tmp_path / "w.npz").stat().st_size < 1.2e6


def test_bad_weights_and_inputs_get_clear_messages(pair):
    _, network = pair
    with pytest.raises(ValueError, match="Missing weights"):
        NumpyCNN({"conv1_kernel": np.zeros((5, 5, 1, 16))})
    with pytest.raises(ValueError, match="expected"):
        NumpyCNN({**network.weights, "dense_bias": np.zeros(64)})
    with pytest.raises(ValueError, match="shaped"):
        network.predict(np.zeros((2, 32, 32)))
    with pytest.raises(ValueError, match="divide"):
        mnist.predict(network, np.full((28, 28), 255.0))


def test_missing_weight_file_says_how_to_make_it(monkeypatch, tmp_path):
    monkeypatch.setitem(mnist.WEIGHTS_PATHS, True, tmp_path / "absent.npz")
    with pytest.raises(FileNotFoundError, match="--export-weights"):
        mnist.load_network(True)


def test_predicting_never_imports_tensorflow():
    # A fresh interpreter: other tests here import TensorFlow.
    code = ("import sys, numpy as np; from lib import mnist; net = mnist.load_network(True); "
            "x, _ = mnist.load_test_set(); p = mnist.predict(net, x[:50]); mnist.feature_maps(net, x[0]); "
            "mnist.first_layer_kernels(net); mnist.layer_table(net); mnist.test_probabilities(False, True); "
            "assert p.shape == (50, 10); "
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules, 'TensorFlow was imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
