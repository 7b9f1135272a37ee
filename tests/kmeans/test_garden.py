"""lib.kmeans.garden against independent references: scikit-learn's own KMeans and adjusted Rand index,
scipy, and hand-worked numbers."""

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from lib.kmeans import garden
from scripts.make_garden import make_garden

FEATURES = list(garden.MEASUREMENTS)


@pytest.fixture(scope="module")
def items():
    return garden.load_garden()


def test_garden_data_has_the_contract_columns_and_is_reproducible(items):
    assert list(items.columns) == ["width_mm", "length_mm", "weight_g", "kind"]
    assert 200 <= len(items) <= 500
    assert set(items["kind"]) == set(garden.KINDS)
    pd.testing.assert_frame_equal(items, make_garden(), check_exact=False, atol=1e-9)


def test_the_workshop_story_holds(items):
    # One measurement (weight) splits bugs from stones with a wide empty gap between them.
    bugs, stones = items[items.kind != "stone"], items[items.kind == "stone"]
    assert bugs.weight_g.max() * 4 < stones.weight_g.min()
    # Two measurements (length and width) separate woodlice from ladybirds, which weigh about the same.
    ladybirds, woodlice = items[items.kind == "ladybird"], items[items.kind == "woodlouse"]
    assert ladybirds.length_mm.max() < woodlice.length_mm.min()
    assert abs(ladybirds.weight_g.median() - woodlice.weight_g.median()) < 0.05


def test_realistic_sizes(items):
    by_kind = items.groupby("kind").median(numeric_only=True)
    assert 5.2 <= by_kind.loc["ladybird", "length_mm"] <= 8.0  # seven-spot ladybird
    assert 10 <= by_kind.loc["woodlouse", "length_mm"] <= 17
    assert 0.02 <= by_kind.loc["woodlouse", "weight_g"] <= 0.1
    assert by_kind.loc["stone", "weight_g"] > 0.5


def test_scaled_kmeans_with_k3_finds_the_true_kinds(items):
    labels = garden.kmeans(items[FEATURES], 3)
    assert labels.shape == (len(items),) and set(labels) == {0, 1, 2}
    assert garden.agreement(labels, items.kind) >= 0.9


def test_kmeans_matches_scikit_learn_on_standardised_data(items):
    reference = KMeans(3, random_state=0).fit(StandardScaler().fit_transform(items[FEATURES]))
    result = garden.fit(items[FEATURES], 3)
    np.testing.assert_array_equal(result.labels, reference.labels_)
    assert result.inertia == pytest.approx(reference.inertia_)


def test_fit_reports_centroids_in_original_units(items):
    result = garden.fit(items[FEATURES], 3)
    for cluster in range(3):
        mean = items[FEATURES][result.labels == cluster].mean().to_numpy()
        np.testing.assert_allclose(result.centroids[cluster], mean, rtol=1e-6)
    assert result.columns == tuple(FEATURES)


def test_fit_accepts_arrays_and_frames_alike(items):
    from_frame = garden.fit(items[FEATURES], 3, seed=1)
    from_array = garden.fit(items[FEATURES].to_numpy(), 3, seed=1)
    np.testing.assert_array_equal(from_frame.labels, from_array.labels)
    assert from_array.columns is None


def test_unscaled_fit_is_plain_kmeans():
    points = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    result = garden.fit(points, 2, scale=False)
    assert garden.agreement(result.labels, [0, 0, 1, 1]) == 1.0
    # Hand-worked: each point is 0.5 from its centroid, so inertia = 4 * 0.25.
    assert result.inertia == pytest.approx(1.0)
    np.testing.assert_allclose(sorted(result.centroids[:, 0]), [0.0, 10.0])


def test_predict_applies_the_same_scaling(items):
    result = garden.fit(items[FEATURES], 3)
    np.testing.assert_array_equal(result.predict(items[FEATURES]), result.labels)
    scaled = KMeans(3, random_state=0).fit(StandardScaler().fit_transform(items[FEATURES]))
    new = np.array([[5.5, 6.8, 0.035]])
    scaler = StandardScaler().fit(items[FEATURES].to_numpy())
    assert result.predict(new)[0] == scaled.predict(scaler.transform(new))[0]


@pytest.mark.parametrize("item, kind", [
    ([5.4, 6.6, 0.036], "ladybird"),   # a typical seven-spot ladybird
    ([6.3, 13.0, 0.060], "woodlouse"),  # a typical adult woodlouse
    ([11.5, 14.0, 1.6], "stone"),       # a pea-gravel stone
    ([4.8, 5.6, 0.022], "ladybird"),   # a small ladybird
    ([7.5, 16.0, 0.12], "woodlouse"),  # a big woodlouse
])
def test_classification_of_typical_new_items(items, item, kind):
    result = garden.fit(items[FEATURES], 3)
    names = garden.match_clusters(result.labels, items.kind)
    assert names[int(result.predict([item])[0])] == kind


def test_agreement_is_scikit_learns_adjusted_rand_index():
    truth, found = ["a", "a", "b", "b", "c"], [1, 1, 0, 2, 2]
    assert garden.agreement(found, truth) == pytest.approx(adjusted_rand_score(truth, found))
    assert garden.agreement([5, 5, 7, 7], ["x", "x", "y", "y"]) == 1.0  # numbers do not matter, groups do


def test_elbow_values_decrease_and_bend_at_three(items):
    scores = garden.elbow(items[FEATURES])
    assert list(scores.k) == list(range(1, 9))
    assert (np.diff(scores.inertia) < 0).all()
    # k = 1: inertia is the total variance, which standardising makes (rows x columns).
    assert scores.inertia[0] == pytest.approx(len(items) * 3)
    drops = -np.diff(scores.inertia)
    assert drops[1] > 3 * drops[2]  # the big drops stop after k = 3: the elbow
    assert np.isnan(scores.silhouette[0])
    assert int(scores.loc[scores.silhouette.idxmax(), "k"]) == 3


def test_match_clusters_uses_each_kind_once_where_possible():
    labels = [2, 2, 0, 0, 1, 1, 1]
    kinds = ["stone", "stone", "ladybird", "ladybird", "woodlouse", "woodlouse", "stone"]
    assert garden.match_clusters(labels, kinds) == {2: "stone", 0: "ladybird", 1: "woodlouse"}
    # More clusters than kinds: the extra cluster takes its majority kind.
    assert garden.match_clusters([0, 1, 2], ["a", "a", "b"])[1] == "a"


@pytest.mark.parametrize("X, k, message", [
    (np.zeros((3, 2)) + [[0, 0], [1, 1], [2, 2]], 5, "only 3 items"),
    (np.ones((10, 2)), 2, "only 1 of the items are different"),
    (np.array([[1.0, np.nan], [2.0, 3.0]]), 1, "missing"),
    (np.zeros((0, 2)), 1, "no rows"),
    (np.zeros((4, 0)), 1, "at least one measurement"),
    (np.arange(8.0).reshape(4, 2), 0, "from 1 to 8"),
    (np.arange(40.0).reshape(20, 2), 9, "from 1 to 8"),
])
def test_bad_inputs_get_clear_messages(X, k, message):
    with pytest.raises(ValueError, match=message):
        garden.fit(X, k)


def test_bad_init_and_bad_new_items(items):
    with pytest.raises(ValueError, match="init must be"):
        garden.fit(items[FEATURES], 3, init="furthest")
    with pytest.raises(ValueError, match="3 rows of 3 numbers"):
        garden.fit(items[FEATURES], 3, init=[[1, 2, 3]])
    with pytest.raises(ValueError, match="Expected 3 measurements"):
        garden.fit(items[FEATURES], 3).predict([[1, 2]])


def test_a_constant_measurement_does_not_break_scaling():
    points = np.array([[0.0, 5.0], [0.1, 5.0], [9.0, 5.0], [9.1, 5.0]])
    assert garden.agreement(garden.kmeans(points, 2), [0, 0, 1, 1]) == 1.0


def test_given_starting_centroids_are_in_original_units(items):
    starts = items.groupby("kind")[FEATURES].mean().to_numpy()
    result = garden.fit(items[FEATURES], 3, init=starts)
    assert result.n_iter >= 1
    assert garden.agreement(result.labels, items.kind) >= 0.9
