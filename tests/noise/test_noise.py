"""lib.noise: the averaging law and its failures, checked against hand-worked numbers, numpy and scipy."""

import io
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image
from scipy import stats

from lib import noise
from lib.images import load_image
from lib.noise import combine, noisy_copies, remaining_noise, render_message
from tests.conftest import ROOT

SECRET = render_message("SPY", 128)


def test_remaining_noise_follows_one_over_root_n_for_unclipped_gaussian_noise():
    copies = noisy_copies(SECRET, 16, "gaussian", 2.0, seed=1)
    one = remaining_noise(combine(copies, "mean", 1), SECRET)
    sixteen = remaining_noise(combine(copies, "mean", 16), SECRET)
    assert one == pytest.approx(2.0, rel=0.02)  # one copy: the noise's own standard deviation
    assert one / sixteen == pytest.approx(4, rel=0.10)


def test_noise_curve_is_the_remaining_noise_of_each_mean_and_follows_the_law():
    copies = noisy_copies(SECRET, 64, "uniform", 1.5, seed=2)
    curve = noise.noise_curve(copies, SECRET)
    expected = [remaining_noise(copies[:n].mean(axis=0), SECRET) for n in range(1, 65)]
    np.testing.assert_allclose(curve, expected, rtol=1e-4)
    np.testing.assert_allclose(curve, 1.5 / np.sqrt(np.arange(1, 65)), rtol=0.10)
    np.testing.assert_allclose(noise.curve_from_sums(noise.running_sums(copies), SECRET), curve, rtol=1e-6)


def test_noise_has_the_promised_distribution():
    flat = np.full((64, 64), 0.5)
    gaussian = noisy_copies(flat, 20, "gaussian", 0.7, seed=3).ravel() - 0.5
    assert stats.kstest(gaussian[:5000], stats.norm(scale=0.7).cdf).pvalue > 0.01
    uniform = noisy_copies(flat, 20, "uniform", 0.7, seed=3).ravel() - 0.5
    half_width = 0.7 * np.sqrt(3)
    assert stats.kstest(uniform[:5000], stats.uniform(-half_width, 2 * half_width).cdf).pvalue > 0.01
    assert uniform.std() == pytest.approx(0.7, rel=0.02)


def test_salt_and_pepper_hits_the_given_fraction_half_white_half_black():
    copies = noisy_copies(np.full((100, 100), 0.5), 10, "salt_pepper", 0.3, seed=4)
    assert np.mean(copies != 0.5) == pytest.approx(0.3, abs=0.01)
    assert np.mean(copies == 1) == pytest.approx(0.15, abs=0.01)
    assert set(np.unique(copies)) == {0.0, 0.5, 1.0}


def test_subtracting_two_copies_is_worse_than_one_copy():
    copies = noisy_copies(SECRET, 2, "gaussian", 1.0, seed=5)
    one = remaining_noise(copies[0], SECRET)
    difference = remaining_noise(copies[0] - copies[1], SECRET)
    assert difference > one
    # Hand-worked: the difference is pure noise of std sqrt(2) sigma, and it has lost the secret too.
    assert difference == pytest.approx(np.sqrt(2 + np.mean(SECRET ** 2)), rel=0.03)


def test_median_beats_mean_on_salt_and_pepper():
    copies = noisy_copies(SECRET, 9, "salt_pepper", 0.3, seed=6)
    median, mean = combine(copies, "median"), combine(copies, "mean")
    np.testing.assert_array_equal(median, np.median(copies, axis=0))
    assert remaining_noise(median, SECRET) < remaining_noise(mean, SECRET) / 2


def test_fixed_pattern_noise_is_not_reduced_by_averaging():
    pattern = noise.fixed_pattern(SECRET.shape, 0.8, seed=7)
    only_stamp = noisy_copies(SECRET, 16, "gaussian", 0.0, seed=7) + pattern
    curve = noise.noise_curve(only_stamp, SECRET)
    assert curve[15] == pytest.approx(curve[0], rel=1e-5)
    assert curve[0] == pytest.approx(0.8, rel=0.03)
    # With random noise on top, averaging removes the random part only and levels off at the stamp.
    both = noisy_copies(SECRET, 200, "gaussian", 2.0, seed=7) + pattern
    assert noise.noise_curve(both, SECRET)[-1] == pytest.approx(np.sqrt(0.8 ** 2 + 2.0 ** 2 / 200), rel=0.05)


def test_clipping_copies_breaks_the_law():
    # Clipped noise is lopsided near black and white, so the mean converges to the wrong picture.
    copies = noisy_copies(SECRET, 200, "gaussian", 2.0, seed=8)
    unclipped = remaining_noise(combine(copies), SECRET)
    clipped = remaining_noise(combine(np.clip(copies, 0, 1)), SECRET)
    assert unclipped == pytest.approx(2.0 / np.sqrt(200), rel=0.1)
    assert clipped > 2 * unclipped


def test_combine_sum_mean_and_first_n_match_numpy():
    copies = noisy_copies(SECRET, 30, "gaussian", 1.0, seed=9)
    np.testing.assert_allclose(combine(copies, "sum"), copies.sum(axis=0, dtype=np.float64), atol=1e-4)
    np.testing.assert_allclose(combine(copies, "mean", 10), copies[:10].mean(axis=0, dtype=np.float64), atol=1e-5)
    np.testing.assert_allclose(noise.running_sums(copies), np.cumsum(copies, axis=0, dtype=np.float64), atol=1e-4)


def test_copies_are_reproducible_and_the_first_k_do_not_depend_on_n():
    for kind, strength in [("gaussian", 1.0), ("uniform", 1.0), ("salt_pepper", 0.4)]:
        few, many = noisy_copies(SECRET, 3, kind, strength, 10), noisy_copies(SECRET, 50, kind, strength, 10)
        np.testing.assert_array_equal(few, many[:3])
        assert not np.array_equal(few, noisy_copies(SECRET, 3, kind, strength, 11))
    np.testing.assert_array_equal(noisy_copies(SECRET, 4, "gaussian", 0.0, 1), np.stack([SECRET] * 4))


@pytest.mark.parametrize("call, words", [
    (lambda: noisy_copies(SECRET, 0), "1 or more"),
    (lambda: noisy_copies(SECRET, 2.5), "whole number"),
    (lambda: noisy_copies(SECRET, 3, "pink"), "kind must be one of"),
    (lambda: noisy_copies(SECRET, 3, "gaussian", -1), "0 or above"),
    (lambda: noisy_copies(SECRET, 3, "gaussian", float("nan")), "0 or above"),
    (lambda: noisy_copies(SECRET, 3, "salt_pepper", 1.5), "fraction"),
    (lambda: noisy_copies(np.zeros((2, 3, 3)), 3), "2-D"),
    (lambda: noisy_copies(SECRET, 10_000), "too many"),
    (lambda: combine(np.zeros((3, 4, 4)), "max"), "how must be one of"),
    (lambda: combine(np.zeros((3, 4, 4)), "mean", 4), "only 3 copies"),
    (lambda: remaining_noise(np.zeros((3, 3)), np.zeros((4, 4))), "clean picture"),
    (lambda: render_message("   ", 64), "empty"),
    (lambda: render_message("x" * 41, 64), "40 or fewer"),
    (lambda: render_message("hi", 0), "between 8 and 2048"),
])
def test_bad_input_gets_a_message_that_says_what_to_do(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_typed_text_renders_as_bright_writing_that_fits():
    picture = render_message("MEET AT THE OLD OAK TREE AT 3", 128)
    assert picture.shape == (128, 128) and picture.dtype == np.float32
    assert picture.min() == 0 and picture.max() == 1
    assert 0.02 < picture.mean() < 0.5  # some ink, mostly background
    assert picture[:3].max() == 0 and picture[-3:].max() == 0  # the margin stays empty
    assert picture[:, :3].max() == 0 and picture[:, -3:].max() == 0
    np.testing.assert_array_equal(picture, render_message("  MEET AT THE  OLD OAK TREE AT 3 ", 128))
    assert not np.array_equal(render_message("SPY", 128), render_message("SPA", 128))
    assert render_message("hi", (40, 100)).shape == (40, 100)


def test_characters_the_font_lacks_become_question_marks_and_accents_are_dropped():
    assert noise.unsupported_characters("Hi 😀 中 é") == ["😀", "中"]
    np.testing.assert_array_equal(render_message("A😀", 64), render_message("A?", 64))
    np.testing.assert_array_equal(render_message("café", 64), render_message("cafe", 64))


def _framed(size: tuple[int, int]) -> Image.Image:
    """A white picture of ``size`` (width, height) with a black frame one twentieth of its short side thick."""
    picture = Image.new("L", size, 0)
    border = max(1, min(size) // 20)
    picture.paste(255, (border, border, size[0] - border, size[1] - border))
    return picture


def test_pictures_become_secrets_keeping_their_shape():
    secret, cut = noise.picture_to_secret(_framed((200, 100)).convert("RGB"), 64)
    assert secret.shape == (64, 64) and secret.dtype == np.float32 and cut is None
    assert secret[32, 32] == 1 and secret[0, 32] == 0  # white picture, black bands above and below
    assert secret[18:46, 4:60].min() > 0.9 and secret[:15].max() == 0 and secret[49:].max() == 0


def test_small_pictures_are_enlarged_to_fill_the_frame():
    secret, cut = noise.picture_to_secret(_framed((16, 16)), 64)
    assert cut is None and secret[8:56, 8:56].min() > 0.9  # not a 16-pixel dot in a black square


def _transparent_logo() -> Image.Image:
    """White writing on a transparent background: load_image puts it on white paper, so it is all white."""
    logo = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    logo.paste((255, 255, 255, 255), (20, 20, 100, 40))
    data = io.BytesIO()
    logo.save(data, "PNG")
    return load_image(data.getvalue())


@pytest.mark.parametrize("picture", [
    pytest.param(Image.new("L", (1, 1), 128), id="one pixel"),
    pytest.param(Image.new("RGB", (640, 480), "black"), id="black frame"),
    pytest.param(Image.new("RGB", (300, 200), "orange"), id="one colour"),
    pytest.param(_transparent_logo(), id="transparent logo"),
])
def test_flat_pictures_are_refused_with_a_reason(picture):
    with pytest.raises(noise.UnusablePicture, match="one flat colour once it is turned grey"):
        noise.picture_to_secret(picture, noise.SIDE)


def test_colours_that_turn_the_same_grey_are_flat_too():
    red, green = Image.new("RGB", (40, 40), (255, 0, 0)), Image.new("RGB", (40, 40), (0, 130, 0))
    assert abs(red.convert("L").getpixel((0, 0)) - green.convert("L").getpixel((0, 0))) <= 1
    picture = Image.new("RGB", (80, 40))
    picture.paste(red, (0, 0))
    picture.paste(green, (40, 0))
    with pytest.raises(noise.UnusablePicture, match="flat colour"):
        noise.picture_to_secret(picture, noise.SIDE)


@pytest.mark.parametrize("size, shape", [((1200, 40), "wide"), ((40, 1200), "tall")])
def test_long_strips_keep_their_middle_instead_of_becoming_a_line(size, shape):
    secret, cut = noise.picture_to_secret(_framed(size), noise.SIDE)
    assert cut is not None and f"very {shape}" in cut and "1200" in cut and "middle part" in cut
    bright = secret > 0.5
    rows, columns = bright.any(axis=1).sum(), bright.any(axis=0).sum()
    assert min(rows, columns) >= noise.SIDE // noise.MAX_ASPECT - 4  # a band, not a line of a pixel or two
    assert max(rows, columns) >= noise.SIDE - 4


def test_pictures_up_to_the_limit_are_fitted_whole():
    secret, cut = noise.picture_to_secret(_framed((300, 100)), noise.SIDE)
    assert cut is None and (secret > 0.5).any(axis=0).sum() >= noise.SIDE - 4


def test_pictures_too_thin_even_in_the_middle_are_refused():
    picture = Image.new("L", (1024, 1), 0)
    picture.paste(255, (0, 0, 512, 1))
    picture.info["original_size"] = (12_000, 8)  # as load_image leaves a picture it had to shrink
    with pytest.raises(noise.UnusablePicture, match="12000 × 8 pixels: too thin"):
        noise.picture_to_secret(picture, noise.SIDE)


def test_builtin_secrets_ship_and_load():
    secrets = noise.builtin_secrets()
    assert {"word", "smiley", "house", "rocket"} <= set(secrets)
    for path in secrets.values():
        picture, cut = noise.picture_to_secret(Image.open(path), noise.SIDE)
        assert cut is None
        assert picture.shape == (noise.SIDE, noise.SIDE) and 0.03 < picture.mean() < 0.6


def test_the_package_api_is_the_notebook_api_and_loads_neither_streamlit_nor_tensorflow():
    script = (
        "import importlib, pkgutil, sys; import lib.noise as noise; "
        "[importlib.import_module(m.name) for m in pkgutil.iter_modules(noise.__path__, 'lib.noise.')]; "
        "assert all(callable(getattr(noise, name)) for name in ('noisy_copies', 'combine', 'render_message')); "
        "assert set(noise.__all__) <= set(dir(noise)); "
        "print(sorted(m for m in ('streamlit', 'tensorflow', 'keras') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
