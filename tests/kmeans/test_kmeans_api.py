"""lib.kmeans, the topic's public API, as a notebook uses it."""

import subprocess
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

import lib.kmeans
from tests.conftest import ROOT


def test_kmeans_on_the_garden_gives_scikit_learns_groups():
    from lib.kmeans import MEASUREMENTS, kmeans, load_garden

    items = load_garden()[list(MEASUREMENTS)]
    reference = KMeans(3, random_state=0).fit(StandardScaler().fit_transform(items))
    np.testing.assert_array_equal(kmeans(items, 3), reference.labels_)


def test_every_public_name_is_there():
    assert not [name for name in lib.kmeans.__all__ if not hasattr(lib.kmeans, name)]
    # The handout module stays reachable under its own name (a re-exported function would hide it).
    from lib.kmeans.handout import handout

    assert lib.kmeans.handout.handout is handout


def test_importing_lib_kmeans_loads_no_streamlit_or_tensorflow():
    script = ("import sys, lib.kmeans, lib.kmeans.handout; "
              "print(sorted(m for m in ('streamlit', 'tensorflow', 'keras') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
