"""The /kmeans notebook (lib.notebooks, issue #18) run top to bottom offline with nbclient: k-means written out
ends with the page's groups item for item (the page's run: lib.kmeans.LloydRun from the same start), scikit-learn
agrees with the loop, for the page's defaults and a changed view (k = 4, random starts, another seed, width and
length unscaled, the kinds revealed)."""

import numpy as np
import pytest

from lib import lessons, notebooks
from lib.kmeans import LloydRun, load_garden
from lib.kmeans.notebook import run_settings
from tests.notebook_runner import run


def page_labels(link: dict) -> np.ndarray:
    lesson = lessons.lesson("kmeans")
    values, _, _ = lesson.read(link)
    chosen = run_settings({s.name: values[s.key] for s in lesson.settings})
    table = load_garden()[chosen["features"]]
    return LloydRun.start(table, chosen["k"], init=chosen["init"], scale=chosen["scale"],
                          seed=chosen["seed"]).finished().labels


@pytest.mark.slow
@pytest.mark.parametrize("link", [
    {},
    {"k": "4", "init": "random", "seed": "2", "features": "width-length", "x": "width", "y": "length",
     "scale": "off", "reveal": "on", "bug": "outlier"},
], ids=["defaults", "changed"])
def test_the_notebook_finds_the_pages_groups(tmp_path, link):
    ran = run(notebooks.build("kmeans", link), tmp_path, values=("labels",))
    assert not ran.errors()
    assert np.array_equal(ran.values["labels"], page_labels(link))
    assert "The same groups as the loop: True" in ran.printed
    if link.get("reveal") == "on":
        assert "Agreement with the true kinds: " in ran.printed
