"""lib.convolution.kernels against independent references: scipy's correlate functions, the course's hand-worked
numbers (99 → 89, 103 → 111, left-edge 103 → 210 with zero padding) and the output-size formula."""

import subprocess
import sys

import numpy as np
import pytest
from scipy import ndimage, signal

from lib.convolution import kernels
from lib.convolution.sources import COURSE_EXAMPLE
from lib.lessons import lesson
from tests.conftest import ROOT

SHARPEN = kernels.PRESETS["Sharpen"]
SCIPY_MODE = {"zero": "constant", "edge": "nearest"}


def reference(image, kernel, padding, stride):
    """The same operation built from scipy: correlate (no flip), then keep every stride-th placement."""
    image = np.asarray(image, dtype=float)
    if padding == "valid":
        full = signal.correlate2d(image, kernel, mode="valid")
    else:
        full = ndimage.correlate(image, kernel, mode=SCIPY_MODE[padding], cval=0.0)
    return full[::stride, ::stride]


@pytest.mark.parametrize("padding", kernels.PADDINGS)
@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("shape, kernel_shape", [((17, 23), (3, 3)), ((30, 19), (5, 5)), ((8, 9), (1, 1)),
                                                  ((12, 14), (3, 5)), ((6, 6), (5, 5))])
def test_convolve_matches_scipy(padding, stride, shape, kernel_shape):
    rng = np.random.default_rng(sum(shape) * 10 + stride)
    image = rng.uniform(0, 255, shape)
    kernel = rng.normal(size=kernel_shape)
    result = kernels.convolve(image, kernel, padding, stride)
    expected = reference(image, kernel, padding, stride)
    assert result.shape == expected.shape
    np.testing.assert_allclose(result, expected, rtol=1e-10, atol=1e-9)


@pytest.mark.parametrize("padding", kernels.PADDINGS)
@pytest.mark.parametrize("stride", [1, 2])
def test_colour_images_are_filtered_channel_by_channel(padding, stride):
    rng = np.random.default_rng(7)
    image = rng.integers(0, 256, (21, 16, 3), dtype=np.uint8)
    kernel = rng.normal(size=(5, 5))
    result = kernels.convolve(image, kernel, padding, stride)
    assert result.dtype == np.float32
    for channel in range(3):
        expected = reference(image[..., channel], kernel, padding, stride)
        np.testing.assert_allclose(result[..., channel], expected, rtol=1e-4, atol=1e-2)


def test_the_course_numbers():
    zero = kernels.convolve(COURSE_EXAMPLE, SHARPEN, "zero")
    assert zero[1, 1] == 89  # the pixel 99
    assert zero[1, 2] == 111  # the next one, 103
    assert zero[1, 0] == 210  # the left-edge 103, with zero padding
    valid = kernels.convolve(COURSE_EXAMPLE, SHARPEN, "valid")
    assert valid.shape == (3, 3) and valid[0, 0] == 89 and valid[0, 1] == 111
    # Repeat-the-edge padding (the course's other choice): the left-edge 103 sees copies of itself.
    assert kernels.convolve(COURSE_EXAMPLE, SHARPEN, "edge")[1, 0] == 5 * 103 - 105 - 103 - 99 - 101


def test_products_at_shows_the_course_arithmetic():
    step = kernels.products_at(COURSE_EXAMPLE, SHARPEN, 1, 1, "zero")
    np.testing.assert_array_equal(step.patch, [[105, 102, 100], [103, 99, 103], [101, 98, 104]])
    np.testing.assert_array_equal(step.products, [[0, -102, 0], [-103, 495, -103], [0, -98, 0]])
    assert step.total == 89 and step.centre == (1, 1) and step.inside.all()
    assert kernels.products_at(COURSE_EXAMPLE, SHARPEN, 1, 2).total == 111
    edge = kernels.products_at(COURSE_EXAMPLE, SHARPEN, 1, 0, "zero")
    assert edge.total == 210 and edge.centre == (1, 0)
    np.testing.assert_array_equal(edge.patch[:, 0], [0, 0, 0])
    np.testing.assert_array_equal(edge.inside[:, 0], [False, False, False])
    assert edge.inside[:, 1:].all()
    assert kernels.products_at(COURSE_EXAMPLE, SHARPEN, 0, 0, "valid").total == 89


@pytest.mark.parametrize("padding", kernels.PADDINGS)
@pytest.mark.parametrize("stride", [1, 2])
def test_products_at_agrees_with_convolve_everywhere(padding, stride):
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (9, 8)).astype(float)
    kernel = rng.integers(-3, 4, (3, 5)).astype(float)
    output = kernels.convolve(image, kernel, padding, stride)
    for (row, col), value in np.ndenumerate(output):
        step = kernels.products_at(image, kernel, row, col, padding, stride)
        assert step.total == pytest.approx(value)
        r, c = step.centre
        assert 0 <= r < image.shape[0] and 0 <= c < image.shape[1]
        if padding == "valid":
            assert step.inside.all()


@pytest.mark.parametrize("padding", kernels.PADDINGS)
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("side, kernel_side", [(5, 3), (28, 5), (640, 3), (7, 7), (1, 3)])
def test_output_size_is_the_formula_and_the_real_shape(padding, stride, side, kernel_side):
    p = kernel_side // 2 if padding != "valid" else 0
    expected = (side - kernel_side + 2 * p) // stride + 1 if side - kernel_side + 2 * p >= 0 else 0
    assert kernels.output_size(side, kernel_side, padding, stride) == expected
    if expected:
        shape = kernels.convolve(np.ones((side, 4)), np.ones((kernel_side, 1)), padding, stride).shape
        assert shape[0] == expected


def test_the_course_cnn_keeps_28_by_28():
    assert kernels.output_size(28, 5, "zero", 1) == 28  # padding="same" in the course's Conv2D layers


def test_sobel_magnitude_matches_scipy():
    rng = np.random.default_rng(11)
    image = rng.uniform(0, 255, (15, 12))
    gx = ndimage.correlate(image, kernels.PRESETS["Sobel horizontal"], mode="constant")
    gy = ndimage.correlate(image, kernels.PRESETS["Sobel vertical"], mode="constant")
    np.testing.assert_allclose(kernels.sobel_magnitude(image), np.hypot(gx, gy), rtol=1e-10)


def test_presets_and_what_their_sums_mean():
    assert kernels.SOBEL_MAGNITUDE in kernels.FILTERS and len(kernels.FILTERS) == len(kernels.PRESETS) + 1
    assert set(kernels.DESCRIPTIONS) == set(kernels.FILTERS)
    for name in ("Identity", "Sharpen", "Box blur", "Gaussian blur 3×3", "Gaussian blur 5×5", "Emboss"):
        assert kernels.PRESETS[name].sum() == pytest.approx(1)
    for name in ("Outline (Laplacian)", "Sobel horizontal", "Sobel vertical"):
        assert kernels.PRESETS[name].sum() == 0
    assert kernels.PRESETS["Gaussian blur 5×5"].shape == (5, 5)
    flat = np.full((6, 6), 100.0)
    assert kernels.convolve(flat, kernels.PRESETS["Box blur"], "edge") == pytest.approx(100)
    assert "1" in kernels.brightness_note(1.0) and "black" in kernels.brightness_note(0.0)
    assert "brighter" in kernels.brightness_note(2.0) and "darker" in kernels.brightness_note(0.5)


def test_filters_by_id_match_the_names_and_the_lesson():
    assert list(kernels.FILTER_NAMES.values()) == list(kernels.FILTERS)
    assert kernels.KERNELS["sharpen"] is kernels.PRESETS["Sharpen"] and len(kernels.KERNELS) == len(kernels.PRESETS)
    assert list(kernels.filter_kernels("gaussian_5")) == ["Gaussian blur 5×5"]
    assert list(kernels.filter_kernels(kernels.SOBEL_MAGNITUDE_ID)) == ["Sobel horizontal", "Sobel vertical"]
    with pytest.raises(KeyError):
        kernels.filter_kernels("custom")
    # The page's kernel setting offers every filter by id, then "custom", each shown by the filter's name.
    preset = lesson("convolution").setting("preset")
    assert preset.options == [*kernels.FILTER_NAMES, "custom"]
    assert [preset.label_for(id_) for id_ in kernels.FILTER_NAMES] == list(kernels.FILTERS)


def test_normalise():
    np.testing.assert_allclose(kernels.normalise(np.ones((3, 3))), np.full((3, 3), 1 / 9))
    with pytest.raises(ValueError, match="add up to 0"):
        kernels.normalise(kernels.PRESETS["Sobel horizontal"])


def test_dtypes_and_no_mutation():
    image = np.arange(25, dtype=np.uint8).reshape(5, 5)
    copy = image.copy()
    assert kernels.convolve(image, SHARPEN).dtype == np.float32
    assert kernels.convolve(image.astype(np.float64), SHARPEN).dtype == np.float64
    np.testing.assert_array_equal(image, copy)


@pytest.mark.parametrize("call, message", [
    (lambda: kernels.convolve(np.ones((5, 5)), np.ones((2, 2))), "odd sides"),
    (lambda: kernels.convolve(np.ones((5, 5)), np.ones(3)), "2-D grid"),
    (lambda: kernels.convolve(np.ones((5, 5)), np.full((3, 3), np.nan)), "finite"),
    (lambda: kernels.convolve(np.ones((5, 5)), SHARPEN, padding="reflect"), "padding must be"),
    (lambda: kernels.convolve(np.ones((5, 5)), SHARPEN, stride=0), "stride"),
    (lambda: kernels.convolve(np.ones((5, 5)), SHARPEN, stride=1.5), "stride"),
    (lambda: kernels.convolve(np.ones((2, 2, 2, 2)), SHARPEN), "2-D grid"),
    (lambda: kernels.convolve(np.array([["a"]]), SHARPEN), "numbers"),
    (lambda: kernels.convolve(np.ones((2, 2)), SHARPEN, "valid"), "does not fit"),
    (lambda: kernels.products_at(COURSE_EXAMPLE, SHARPEN, 5, 0), "outside"),
    (lambda: kernels.products_at(np.ones((5, 5, 3)), SHARPEN, 0, 0), "one grey channel"),
])
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_a_one_pixel_image_with_padding():
    assert kernels.convolve(np.array([[7.0]]), SHARPEN, "zero")[0, 0] == 35
    assert kernels.convolve(np.array([[7.0]]), SHARPEN, "edge")[0, 0] == 7


def test_the_package_is_the_public_api_and_imports_light():
    """A notebook writes ``from lib.convolution import convolve, PRESETS``; that must import neither Streamlit,
    TensorFlow nor plotly."""
    script = ("import sys; from lib.convolution import convolve, PRESETS; "
              "from lib.convolution.sources import COURSE_EXAMPLE; "
              "print(convolve(COURSE_EXAMPLE, PRESETS['Sharpen'])[1, 1], "
              "sorted(m for m in ('streamlit', 'tensorflow', 'keras', 'plotly') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["89.0", "[]"]
    import lib.convolution

    assert all(getattr(lib.convolution, name) is getattr(kernels, name) for name in lib.convolution.__all__)
