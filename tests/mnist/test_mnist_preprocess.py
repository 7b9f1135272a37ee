"""to_mnist and friends: shapes, polarities and sizes, checked against real MNIST digits and SciPy."""

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from lib import mnist
from lib.images import load_image
from lib.mnist.augment import Augmentations, augment
from lib.mnist.results import COURSE_DIR


@pytest.fixture(scope="module")
def digits():
    x_train, y_train, _, _ = mnist.load_data()
    return x_train[:20], y_train[:20]


def _photo(digit: np.ndarray, size: tuple[int, int], dark_ink: bool, mode: str = "L") -> Image.Image:
    """An MNIST digit blown up onto a bigger page, as a photo or scan might show it."""
    ink = Image.fromarray((digit * 255).astype(np.uint8)).resize((size[0] // 2, size[0] // 2), Image.BILINEAR)
    page = Image.new("L", size, 0)
    page.paste(ink, (size[0] // 5, size[1] // 6))
    if dark_ink:
        page = Image.eval(page, lambda v: 255 - v)
    return page.convert(mode)


@pytest.mark.parametrize("size", [(28, 28), (300, 200), (200, 300), (1200, 900)])
@pytest.mark.parametrize("mode", ["L", "RGB", "RGBA"])
def test_shape_range_and_mnist_layout(digits, size, mode):
    x = mnist.to_mnist(_photo(digits[0][1], size, dark_ink=False, mode=mode))
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert 0 <= x.min() and x.max() <= 1
    rows, cols = np.flatnonzero(x.max(1) > 0.05), np.flatnonzero(x.max(0) > 0.05)
    assert max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 <= 22  # fits the 20×20 box (plus anti-aliasing)
    assert ndimage.center_of_mass(x) == pytest.approx((13.5, 13.5), abs=0.4)


def test_looks_like_the_mnist_original(digits):
    # MNIST digits are already cropped, fitted and centred: preprocessing a blown-up copy gives them back,
    # up to resampling and contrast stretching.
    similarity = [np.corrcoef(mnist.to_mnist(_photo(digit, (400, 400), dark_ink=False)).ravel(), digit.ravel())[0, 1]
                  for digit in digits[0]]
    assert np.median(similarity) > 0.8 and min(similarity) > 0.6


def test_polarity_is_kept(digits):
    digit = digits[0][2]
    white_on_black = mnist.to_mnist(_photo(digit, (300, 300), dark_ink=False))
    black_on_white = mnist.to_mnist(_photo(digit, (300, 300), dark_ink=True))
    assert white_on_black[0, 0] == 0 and black_on_white[0, 0] == 1
    assert np.allclose(black_on_white, 1 - white_on_black, atol=0.05)


def test_auto_invert_is_separate_and_only_for_light_backgrounds(digits):
    black_on_white = mnist.to_mnist(_photo(digits[0][3], (300, 300), dark_ink=True))
    fixed, flipped = mnist.invert_if_light_background(black_on_white)
    assert flipped and fixed[0, 0] == 0
    same, flipped = mnist.invert_if_light_background(fixed)
    assert not flipped and np.array_equal(same, fixed)


def test_stray_speck_is_ignored(digits):
    page = np.asarray(_photo(digits[0][4], (300, 300), dark_ink=False)).copy()
    clean = mnist.to_mnist(Image.fromarray(page))
    page[280:283, 10:13] = 255  # a dust speck far from the digit
    assert np.allclose(mnist.to_mnist(Image.fromarray(page)), clean, atol=1e-6)


@pytest.mark.parametrize("shade", [0, 255, 128])
def test_flat_pictures_have_no_digit(shade):
    with pytest.raises(mnist.NoDigitError, match="one shade"):
        mnist.to_mnist(Image.new("L", (100, 100), shade))


def test_not_an_image_is_refused():
    with pytest.raises(TypeError, match="PIL image"):
        mnist.to_mnist(np.zeros((28, 28)))


def test_course_images_and_the_dog_preprocess():
    for name in ["1", "6", "9", "dog"]:
        x = mnist.to_mnist(load_image(COURSE_DIR / f"{name}.png"))
        assert x.shape == (28, 28)
    assert mnist.has_light_background(mnist.to_mnist(load_image(COURSE_DIR / "6.png")))


def test_drawing_empty_dot_and_stroke():
    canvas = np.zeros((280, 280, 4), dtype=np.uint8)  # transparent: nothing drawn
    with pytest.raises(mnist.NoDigitError, match="Draw a digit first"):
        mnist.drawing_to_image(canvas, light_background=True)
    with pytest.raises(mnist.NoDigitError, match="Draw a digit first"):
        mnist.drawing_to_image(None, light_background=False)
    canvas[100:110, 100:110] = (0, 0, 0, 255)
    with pytest.raises(mnist.NoDigitError, match="only a dot"):
        mnist.drawing_to_image(canvas, light_background=True)
    canvas[40:240, 130:150] = (0, 0, 0, 255)  # a tall black bar: a 1
    image = mnist.drawing_to_image(canvas, light_background=True)
    x = mnist.to_mnist(image)
    assert x[0, 0] == 1 and x[14, 14] < 0.1  # black on white kept


def test_augment_shapes_determinism_and_limits(digits):
    x, y = digits
    plain = augment(x, y, Augmentations())
    assert np.array_equal(plain[0], x)
    everything = Augmentations(invert=True, rotation=15, noise=0.1, blur=1.0, brightness=0.5)
    first, labels = augment(x, y, everything, seed=3)
    assert first.shape == (40, 28, 28) and labels.tolist() == y.tolist() * 2
    assert 0 <= first.min() and first.max() <= 1
    assert np.array_equal(first, augment(x, y, everything, seed=3)[0])
    assert "inverted copies" in everything.describe() and Augmentations().describe() == "no augmentation"
    with pytest.raises(ValueError, match="rotation"):
        Augmentations(rotation=400)
