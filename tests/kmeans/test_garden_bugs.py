"""Each k-means bug demo really shows its bug, and its fix really fixes it."""

import numpy as np
import pytest

from lib.kmeans import garden
from lib.kmeans.bugs import BUGS, bug, renumbering_seed


def _score(panel) -> float:
    return float(panel.note.rsplit(":", 1)[1])


def test_every_bug_has_two_sentences_a_fix_and_pictures():
    assert len(BUGS) == 6
    for entry in BUGS:
        assert entry.what.count(". ") + 1 == 2 and entry.what.endswith("."), entry.slug
        assert entry.fix
    with pytest.raises(KeyError, match="choose one of"):
        bug("nope")


def test_scale_bug_gives_a_clearly_lower_agreement_unscaled():
    unscaled, scaled = bug("scales").demo()
    assert _score(scaled) >= 0.9
    assert _score(unscaled) <= 0.6
    assert _score(scaled) - _score(unscaled) >= 0.3
    assert unscaled.y == "weight_mg"


def test_wrong_k_is_worse_than_k3():
    two, five, three = bug("wrong-k").demo()
    assert _score(three) >= 0.9
    assert _score(two) < 0.7 and _score(five) < 0.9
    assert len(set(five.labels)) == 5


def test_unlucky_start_is_worse_and_restarts_help():
    unlucky, different, restarts = bug("unlucky-start").demo()
    assert _score(unlucky) > 2 * _score(restarts)
    assert _score(different) != pytest.approx(_score(unlucky))
    assert _score(restarts) <= min(_score(unlucky), _score(different))


def test_shapes_cut_wrongly_by_kmeans_and_followed_by_the_fix():
    panels = bug("shapes").demo()
    assert len(panels) == 6
    for kmeans_panel, fix_panel in zip(panels[::2], panels[1::2]):
        assert _score(kmeans_panel) < 0.5
        assert _score(fix_panel) >= 0.9


def test_outlier_drags_a_centroid():
    with_outlier, without = bug("outlier").demo()
    assert _score(with_outlier) < 0.7 <= 0.9 <= _score(without)
    # The huge stone sits alone in its own cluster.
    huge = len(with_outlier.frame) - 1
    assert (with_outlier.labels == with_outlier.labels[huge]).sum() == 1


def test_cluster_numbers_are_arbitrary():
    first, second, named = bug("numbering").demo()
    assert garden.agreement(first.labels, second.labels) == 1.0
    assert not np.array_equal(first.labels, second.labels)
    assert sorted(named.names.values()) == sorted(garden.KINDS)
    items = garden.load_garden()
    assert renumbering_seed(items, list(garden.MEASUREMENTS)) >= 1
