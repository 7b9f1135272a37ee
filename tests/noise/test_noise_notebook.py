"""The /noise notebook (lib.notebooks, issue #18) run top to bottom offline with nbclient: its copies are the
page's copies, so every "noise left" number (one copy, the combined copies, the whole curve, the difference of
two copies, salt and pepper's mean and median) is lib.noise's for the same settings, the page's defaults and a
changed view (a typed message, uniform noise, more copies, another seed)."""

import numpy as np
import pytest

from lib import lessons, noise, notebooks
from lib.noise.notebook import MEDIAN_COPIES, secret_of
from tests.notebook_runner import run

NAMES = ("noise_one", "noise_combined", "curve", "one", "both", "mean_error", "median_error", "COMBINE")


def page_numbers(link: dict) -> dict:
    lesson = lessons.lesson("noise")
    values, _, _ = lesson.read(link)
    settings = {s.name: values[s.key] for s in lesson.settings}
    secret, _ = secret_of(settings)
    kind = settings["kind"]
    strength = settings["fraction"] if kind == "salt_pepper" else settings["strength"]
    copies = noise.noisy_copies(secret, 200, kind, strength, settings["seed"])[: settings["copies"]]
    curve = noise.noise_curve(copies, secret)
    k = min(settings["combine"], settings["copies"])
    specks = noise.noisy_copies(secret, MEDIAN_COPIES, "salt_pepper", settings["sp_fraction"], settings["seed"])
    return {"noise_one": curve[0], "noise_combined": curve[k - 1], "curve": curve, "COMBINE": k,
            "one": noise.remaining_noise(copies[0], secret),
            "both": noise.remaining_noise(copies[0] - copies[1], secret),
            "mean_error": noise.remaining_noise(noise.combine(specks, "mean"), secret),
            "median_error": noise.remaining_noise(noise.combine(specks, "median"), secret)}


@pytest.mark.slow
@pytest.mark.parametrize("link", [
    {},
    {"source": "message", "message": "MEET AT 9", "kind": "uniform", "strength": "2.5", "copies": "60",
     "combine": "16", "seed": "11", "clip": "on", "sp_fraction": "0.6", "stamp": "2"},
], ids=["defaults", "changed"])
def test_the_notebooks_numbers_are_the_pages(tmp_path, link):
    ran = run(notebooks.build("noise", link), tmp_path, values=NAMES)
    assert not ran.errors()
    page = page_numbers(link)
    for name in NAMES:
        assert np.allclose(ran.values[name], page[name], rtol=1e-5), name
    k = page["COMBINE"]
    assert f"Noise left: {page['noise_combined']:.2f} after combining {k} (one copy: {page['noise_one']:.2f})." \
        in ran.printed
