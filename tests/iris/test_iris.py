"""lib.iris against independent references: scikit-learn's split and metrics, hand-worked numbers, and
the course's own results (the three example flowers, ≥ 90% test accuracy)."""

import subprocess
import sys

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix, recall_score
from sklearn.model_selection import train_test_split

from lib import iris
from lib.iris import network
from tests.conftest import ROOT

SEEDS = (0, 1, 2)


@pytest.fixture(scope="module")
def runs():
    return {seed: iris.train(seed=seed) for seed in SEEDS}


def test_frame_holds_the_150_irises():
    frame = iris.load_iris_frame()
    assert frame.shape == (150, 6)
    assert list(np.bincount(frame["species"])) == [50, 50, 50]
    assert frame.loc[0, list(iris.FEATURES)].tolist() == [5.1, 3.5, 1.4, 0.2]
    assert set(frame["species_name"]) == set(iris.SPECIES)


def test_default_config_is_the_course_network():
    config = iris.IrisConfig()
    assert config.layer_sizes == (4, 10, 10, 3)
    assert (config.activation, config.learning_rate, config.epochs, config.steps_per_epoch, config.batch_size,
            config.test_fraction) == ("relu", 0.001, 10, 150, 32, 0.25)
    # Hand-worked: (4 + 1) × 10 + (10 + 1) × 10 + (10 + 1) × 3 weights and biases.
    assert config.parameter_count == 193
    assert hash(config) == hash(iris.IrisConfig(hidden_layers=[10, 10]))
    assert iris.IrisConfig(hidden_layers=()).parameter_count == 15


@pytest.mark.parametrize("changes, words", [
    ({"hidden_layers": (10, 10, 10, 10)}, "0 to 3 layers"), ({"hidden_layers": (0,)}, "1 to 256"),
    ({"activation": "softplus"}, "activation must be one of"), ({"learning_rate": 0}, "learning_rate"),
    ({"epochs": 0}, "epochs"), ({"batch_size": 5000}, "batch_size"), ({"test_fraction": 1.0}, "test_fraction"),
    ({"epochs": 500, "steps_per_epoch": 1000, "batch_size": 1000}, "lower one of them"),
    ({"species_fraction": (1, 1.5, 1)}, "species_fraction"), ({"train_size": 0}, "train_size"),
])
def test_config_refuses_impossible_settings_with_a_hint(changes, words):
    with pytest.raises(ValueError, match=words):
        iris.IrisConfig(**changes)


def test_split_is_the_course_train_test_split():
    frame = iris.load_iris_frame()
    expected = train_test_split(frame[list(iris.FEATURES)].to_numpy(), frame["species"].to_numpy(), random_state=3)
    X_train, X_test, y_train, y_test = iris.split(iris.IrisConfig(), seed=3)
    assert (len(y_train), len(y_test)) == (112, 38)
    # Same flowers on each side (training order is interleaved by species, so compare as sets of rows).
    assert sorted(map(tuple, X_train)) == sorted(map(tuple, expected[0]))
    np.testing.assert_array_equal(X_test, expected[1])
    np.testing.assert_array_equal(y_test, expected[3])


def test_species_fraction_and_train_size_thin_only_the_training_set():
    _, X_test_all, y_train_all, y_test_all = iris.split(iris.IrisConfig(), seed=0)
    _, X_test, y_train, y_test = iris.split(iris.IrisConfig(species_fraction=(1.0, 1.0, 0.2)), seed=0)
    counts_all, counts = np.bincount(y_train_all, minlength=3), np.bincount(y_train, minlength=3)
    assert list(counts[:2]) == list(counts_all[:2]) and counts[2] == round(0.2 * counts_all[2])
    np.testing.assert_array_equal(y_test, y_test_all)
    _, _, y_tiny, _ = iris.split(iris.IrisConfig(train_size=10), seed=0)
    assert len(y_tiny) == 10 and set(y_tiny) == {0, 1, 2}
    with pytest.raises(ValueError, match="No training flowers"):
        iris.split(iris.IrisConfig(species_fraction=(0, 0, 0)), seed=0)


def test_training_stream_is_whole_shuffled_passes():
    X = np.arange(10.0).reshape(5, 2)
    xs, ys = iris.training_stream(X, np.arange(5), samples=12, seed=0)
    assert xs.shape == (12, 2)
    assert sorted(ys[:5]) == [0, 1, 2, 3, 4] and sorted(ys[5:10]) == [0, 1, 2, 3, 4]


def test_prediction_line_and_i_dont_know():
    assert (iris.prediction_line(np.array([0.978, 0.02, 0.002]), "setosa")
            == "✓ Prediction is 'setosa' (97.8%), expected 'setosa'")
    assert iris.prediction_line(np.array([0.1, 0.3, 0.6]), "versicolor").startswith("✗ Prediction is 'virginica'")
    assert iris.decide(np.array([0.2, 0.7, 0.1]), 0.5) == 1
    assert iris.decide(np.array([0.4, 0.35, 0.25]), 0.5) is None


def test_default_network_reaches_90_percent_on_every_seed(runs):
    for seed, run in runs.items():
        assert run.test_accuracy >= 0.9, (seed, run.test_accuracy)
        assert len(run.history["test_accuracy"]) == 10


def test_the_three_example_flowers_are_classified_correctly(runs):
    for run in runs.values():
        lines = iris.example_lines(run.model)
        assert [line[0] for line in lines] == ["✓", "✓", "✓"], lines


def test_same_config_and_seed_give_the_same_network(runs):
    again = iris.train(seed=0)
    assert again.history == runs[0].history
    for a, b in zip(iris.layer_weights(again.model), iris.layer_weights(runs[0].model)):
        np.testing.assert_array_equal(a, b)
    assert runs[1].history != runs[0].history


def test_progress_reports_every_epoch_with_train_and_test_curves():
    seen = []
    iris.train(iris.IrisConfig(epochs=3, steps_per_epoch=10), seed=0, on_progress=seen.append)
    assert [p.epoch for p in seen] == [1, 2, 3] and seen[-1].epochs == 3
    assert set(seen[-1].history) == {"loss", "accuracy", "test_loss", "test_accuracy"}
    assert all(len(values) == 3 for values in seen[-1].history.values())


def test_predictions_match_keras_and_scikit_learn_metrics(runs):
    run = runs[0]
    proba = iris.predict_proba(run.model, run.X_test)
    assert proba.shape == (38, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1, atol=1e-5)
    np.testing.assert_allclose(proba, run.model.predict(run.X_test, verbose=0), atol=1e-6)
    predicted = proba.argmax(axis=1)
    assert run.test_accuracy == pytest.approx(np.mean(predicted == run.y_test), abs=1e-6)
    np.testing.assert_allclose(iris.per_species_accuracy(run.model, run.X_test, run.y_test),
                               recall_score(run.y_test, predicted, average=None))
    np.testing.assert_array_equal(iris.confusion(run.model, run.X_test, run.y_test),
                                  confusion_matrix(run.y_test, predicted, labels=[0, 1, 2]))
    only_two = iris.per_species_accuracy(run.model, run.X_test[run.y_test < 2], run.y_test[run.y_test < 2])
    assert np.isnan(only_two[2]) and np.isfinite(only_two[:2]).all()
    with pytest.raises(ValueError, match="4 columns"):
        iris.predict_proba(run.model, np.ones((2, 3)))
    with pytest.raises(ValueError, match="missing"):
        iris.predict_proba(run.model, [[1.0, np.nan, 1.0, 1.0]])


def test_a_trained_run_predicts_like_scikit_learn_models(runs):
    run = runs[0]
    np.testing.assert_array_equal(run.predict_proba(run.X_test), iris.predict_proba(run.model, run.X_test))
    np.testing.assert_array_equal(run.predict(run.X_test), run.predict_proba(run.X_test).argmax(axis=1))
    assert run.predict(iris.EXAMPLE_FLOWERS).tolist() == [0, 1, 2]  # the course's three flowers, one row each
    assert run.predict(iris.EXAMPLE_FLOWERS[0]).shape == (1,)  # one flower alone is one row too
    assert run.test_accuracy == pytest.approx(np.mean(run.predict(run.X_test) == run.y_test), abs=1e-6)
    with pytest.raises(ValueError, match="4 columns"):
        run.predict(np.ones((2, 3)))

def test_decision_grid_is_the_model_on_each_point(runs):
    model, fixed = runs[0].model, iris.EXAMPLE_FLOWERS[1]
    xs, ys, grid = iris.decision_grid(model, 2, 3, fixed, resolution=7)
    assert xs.shape == (7,) and ys.shape == (7,) and grid.shape == (7, 7, 3)
    flower = fixed.copy()
    flower[2], flower[3] = xs[4], ys[1]
    np.testing.assert_allclose(grid[1, 4], iris.predict_proba(model, flower)[0], atol=1e-6)
    with pytest.raises(ValueError, match="two different"):
        iris.decision_grid(model, 1, 1, fixed)


def test_importing_lib_iris_does_not_import_tensorflow():
    script = ("import sys, importlib, pkgutil, lib.iris; "
              "[importlib.import_module(m.name) for m in pkgutil.iter_modules(lib.iris.__path__, 'lib.iris.')]; "
              "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_numpy_network_runs_a_trained_network_as_keras_does(runs):
    run = runs[0]
    weights = network.layer_parameters(run.model)
    np.testing.assert_allclose(network.probabilities(weights, "relu", run.X_test),
                               iris.predict_proba(run.model, run.X_test), atol=1e-5)
    xs, ys, grid = network.decision_grid(weights, "relu", 2, 3, iris.EXAMPLE_FLOWERS[1], resolution=7)
    _, _, keras_grid = iris.decision_grid(run.model, 2, 3, iris.EXAMPLE_FLOWERS[1], resolution=7)
    np.testing.assert_allclose(grid, keras_grid, atol=1e-5)
    assert network.accuracy(weights, "relu", run.X_test, run.y_test) == pytest.approx(run.test_accuracy, abs=1e-6)


def test_every_epoch_keeps_a_snapshot_of_the_network(runs):
    run = runs[0]
    assert len(run.snapshots) == 10
    for (kernel, bias), trained in zip(run.snapshots[-1], network.layer_parameters(run.model)):
        np.testing.assert_array_equal(kernel, trained[0])
        np.testing.assert_array_equal(bias, trained[1])
    assert not np.array_equal(run.snapshots[0][0][0], run.snapshots[-1][0][0])  # the weights moved
    seen = []
    iris.train(iris.IrisConfig(epochs=2, steps_per_epoch=10), seed=0, on_progress=seen.append)
    assert [len(p.weights) for p in seen] == [3, 3] and seen[0].weights[0][0].shape == (4, 10)


def test_an_untrained_network_is_random_glorot_weights_and_zero_biases():
    config = iris.IrisConfig(hidden_layers=(8,), activation="tanh")
    weights = network.untrained(config.layer_sizes, seed=5)
    assert [(k.shape, b.shape) for k, b in weights] == [((4, 8), (8,)), ((8, 3), (3,))]
    assert all(np.abs(k).max() <= np.sqrt(6 / sum(k.shape)) for k, _ in weights)
    assert all(not b.any() for _, b in weights)
    np.testing.assert_array_equal(weights[0][0], network.untrained(config.layer_sizes, seed=5)[0][0])  # seeded
    assert not np.array_equal(weights[0][0], network.untrained(config.layer_sizes, seed=6)[0][0])
    probabilities = network.probabilities(weights, "tanh", iris.EXAMPLE_FLOWERS)
    assert probabilities.shape == (3, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1)
    # Hand-worked: one linear layer with these weights gives softmax(x @ W + b).
    kernel, bias = np.eye(4)[:, :3], np.array([0.0, 0.0, 1.0])
    logits = np.array([5.1, 3.3, 2.7])
    np.testing.assert_allclose(network.probabilities([(kernel, bias)], "relu", [[5.1, 3.3, 1.7, 0.5]])[0],
                               np.exp(logits) / np.exp(logits).sum())
