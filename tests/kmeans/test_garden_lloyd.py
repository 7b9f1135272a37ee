"""The step-by-step Lloyd run reaches scikit-learn's answer from the same start, and steps back exactly."""

import numpy as np
import pytest
from sklearn.cluster import KMeans

from lib.kmeans import garden
from lib.kmeans.lloyd import LloydRun, inertia, plusplus, update

FEATURES = list(garden.MEASUREMENTS)


@pytest.fixture(scope="module")
def items():
    return garden.load_garden()[FEATURES]


@pytest.mark.parametrize("init", ["random", "k-means++"])
@pytest.mark.parametrize("k, seed, scale", [(3, 0, True), (4, 1, True), (5, 2, True), (3, 3, False), (8, 4, True)])
def test_stepping_reaches_scikit_learns_answer_from_the_same_start(items, init, k, seed, scale):
    run = LloydRun.start(items, k, init=init, scale=scale, seed=seed)
    working_start = run.history[0].centroids.copy()
    run.run()
    assert run.converged
    # scikit-learn itself, on the same working space, from the same centroids, run to full convergence
    # (tol=0; its default tolerance may stop a round early with a few border items unsettled).
    reference = KMeans(k, init=working_start, n_init=1, algorithm="lloyd", tol=0).fit(run.points)
    np.testing.assert_array_equal(run.state.labels, reference.labels_)
    np.testing.assert_allclose(run.state.centroids, reference.cluster_centers_, atol=1e-9)
    assert run.state.inertia == pytest.approx(reference.inertia_)
    # And lib.kmeans.garden.fit agrees when given the start in original units.
    fitted = garden.fit(items, k, init=run.scaler.to_original(working_start), scale=scale, tol=0)
    np.testing.assert_array_equal(run.state.labels, fitted.labels)


def test_moves_alternate_and_inertia_never_rises(items):
    run = LloydRun.start(items, 4, init="random", seed=3)
    run.run()
    moves = [state.move for state in run.history]
    assert moves[0] == "start" and moves[1] == "assign"
    assert all(a != b for a, b in zip(moves[1:], moves[2:]))
    values = [state.inertia for state in run.history[1:]]
    assert all(later <= earlier + 1e-9 for earlier, later in zip(values, values[1:]))


def test_step_back_restores_the_previous_state(items):
    run = LloydRun.start(items, 3, seed=0)
    first = run.step()
    second = run.step()
    assert second.move == "update"
    back = run.back()
    assert back is first and run.next_move == "update"
    run.back()
    run.back()  # the start cannot be undone
    assert len(run.history) == 1 and run.state.move == "start"


def test_converged_run_stays_put(items):
    run = LloydRun.start(items, 3, seed=0)
    final = run.run()
    assert run.step() is final


def test_update_and_inertia_by_hand():
    points = np.array([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0]])
    centroids = np.array([[1.0, 1.0], [9.0, 9.0], [50.0, 50.0]])
    labels = np.array([0, 0, 1])
    moved = update(points, labels, centroids)
    np.testing.assert_allclose(moved, [[1.0, 0.0], [10.0, 10.0], [50.0, 50.0]])  # empty cluster 2 stays
    assert inertia(points, labels, moved) == pytest.approx(2.0)


def test_user_starts_and_checks(items):
    starts = [[5.4, 6.6, 0.036], [6.2, 13.0, 0.06], [11.0, 14.0, 1.6]]
    run = LloydRun.start(items, 3, init=starts)
    np.testing.assert_allclose(run.centroids_original(), starts)
    run.run()
    assert garden.agreement(run.state.labels, garden.load_garden().kind) >= 0.9
    with pytest.raises(ValueError, match="3 rows of 3 numbers"):
        LloydRun.start(items, 3, init=[[1, 2, 3]])
    with pytest.raises(ValueError, match="only 2 items"):
        LloydRun.start(items.head(2), 3)


@pytest.mark.parametrize("columns", [FEATURES, ["length_mm", "weight_g"], ["weight_g"]])
def test_plusplus_picks_the_items_scikit_learn_picks(columns):
    """The page's k-means++ is NumPy only (its first open need not import scikit-learn) and starts exactly
    where scikit-learn's kmeans_plusplus does, for every k and a range of seeds."""
    from sklearn.cluster import kmeans_plusplus

    values = garden.load_garden()[columns].to_numpy(dtype=float)
    working = (values - values.mean(axis=0)) / values.std(axis=0)
    for k in range(1, garden.MAX_K + 1):
        for seed in range(12):
            np.testing.assert_array_equal(plusplus(working, k, seed), kmeans_plusplus(working, k, random_state=seed)[0])


def test_finished_is_where_the_run_ends_and_leaves_the_run_alone(items):
    run = LloydRun.start(items, 3, seed=0)
    run.step()
    ending = run.finished()
    assert len(run.history) == 2  # the run itself did not move
    end = LloydRun.start(items, 3, seed=0).run()
    np.testing.assert_array_equal(ending.labels, end.labels)
    np.testing.assert_allclose(ending.centroids, run.scaler.to_original(end.centroids))
    assert ending.inertia == pytest.approx(end.inertia)
    assert ending.predict(items.iloc[:5].to_numpy()).tolist() == end.labels[:5].tolist()
