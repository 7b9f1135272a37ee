"""The /mnist notebook (lib.notebooks, issue #18) run top to bottom offline with nbclient, MNIST read from the
app's data/mnist.npz put beside it: the course CNN trained on the default subset in about a minute reads the
test digits, fails on the inverted ones without INVERT and reads them with it, and answers for the course's ten
pictures with the page's threshold."""

import re

import pytest

from lib import notebooks
from tests.notebook_runner import run


def accuracies(printed: str) -> tuple[float, float]:
    plain = re.search(r"white on black\): ([\d.]+)% right", printed)
    inverted = re.search(r"black on white\): ([\d.]+)% right", printed)
    return float(plain[1]) / 100, float(inverted[1]) / 100


@pytest.mark.slow
@pytest.mark.parametrize("link", [{}, {"invert": "on", "source": "course", "image": "dog", "threshold": "70"}],
                         ids=["defaults", "inverted-copies"])
def test_the_subset_trains_in_about_a_minute_and_shows_the_invert_lesson(tmp_path, link):
    ran = run(notebooks.build("mnist", link), tmp_path, timeout=120, with_mnist=True)
    assert not ran.errors()
    assert "Read MNIST from mnist.npz beside this notebook." in ran.printed
    plain, inverted = accuracies(ran.printed)
    assert plain > 0.8
    if link.get("invert") == "on":
        assert inverted > 0.8 and "← the one you looked at" in ran.printed
        assert "Training on 12,000 digits (half of them inverted)" in ran.printed
    else:
        assert inverted < 0.5 and "Training on 6,000 digits" in ran.printed
    assert len(re.findall(r"^(\d at .*|dog\. .*)$", ran.printed, re.MULTILINE)) == 10
    print(f"mnist notebook {link or 'defaults'}: {ran.seconds:.1f} s")
    assert ran.seconds < 120


def test_one_line_trains_on_all_of_mnist():
    text = notebooks.build("mnist", {})
    assert "TRAIN_DIGITS = 6_000" in text and "# TRAIN_DIGITS = 60_000  # ← remove the # at the start" in text
    assert "This line downloads MNIST (11 MB)" in text
