"""lib.images.load_image: valid and odd images load in a usable mode; broken and hostile ones raise
ImageError with a readable sentence, never another exception. And the shared picture helpers (grey, 8-bit,
enlarge, mosaic, PNG), checked on small arrays worked out by hand."""

import io

import numpy as np
import pytest
from PIL import Image

from lib.images import (MAX_BYTES, MAX_SIDE, ImageError, enlarge, load_image, mosaic, png_bytes, region_picture,
                        to_8bit, to_grey)
from tests.corpus.make_corpus import EXPECTED, HERE as CORPUS

BAD = sorted(name for name, expected in EXPECTED.items() if expected == "error")
ODD = sorted(name for name, expected in EXPECTED.items() if expected != "error")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name", BAD)
def test_broken_and_hostile_files_raise_a_readable_image_error(name):
    with pytest.raises(ImageError) as caught:
        load_image(CORPUS / name)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert message.endswith(".") and "\n" not in message and len(message) < 160
    assert "Traceback" not in message and "PIL" not in message


@pytest.mark.parametrize("name", ODD)
def test_odd_but_valid_images_load_in_a_usable_mode(name):
    mode, size = EXPECTED[name]
    image = load_image(CORPUS / name)
    assert (image.mode, image.size) == (mode, size)


@pytest.mark.parametrize("how", ["bytes", "path", "file"])
def test_bytes_paths_and_file_objects_give_the_same_image(how, tmp_path):
    original = Image.fromarray(np.arange(12, dtype=np.uint8).reshape(3, 4) * 20)
    data = _png(original)
    path = tmp_path / "digit.png"
    path.write_bytes(data)
    source = {"bytes": data, "path": path, "file": io.BytesIO(data)}[how]
    assert np.array_equal(np.asarray(load_image(source)), np.asarray(original))


def test_a_file_object_already_read_to_the_end_is_read_from_the_start():
    upload = io.BytesIO(_png(Image.new("L", (5, 5), 7)))
    upload.read()
    assert load_image(upload).getpixel((0, 0)) == 7


def test_sixteen_bit_grey_is_rescaled_not_clipped():
    values = np.array([[0, 257 * 128, 65535]], dtype=np.uint16)
    image = load_image(_png(Image.fromarray(values)))
    assert image.mode == "L"
    assert np.asarray(image).tolist() == [[0, 128, 255]]


def test_transparency_is_flattened_onto_white_paper():
    rgba = Image.new("RGBA", (2, 1), (0, 0, 0, 0))
    rgba.putpixel((1, 0), (0, 0, 0, 255))
    image = load_image(_png(rgba))
    assert image.mode == "RGB"
    assert image.getpixel((0, 0)) == (255, 255, 255) and image.getpixel((1, 0)) == (0, 0, 0)


def test_animation_gives_its_first_frame():
    image = load_image(CORPUS / "animated.gif")
    assert image.getpixel((0, 0)) == pytest.approx((230, 159, 0), abs=3)


def test_large_photos_are_shrunk_to_max_side_and_say_so():
    big = Image.linear_gradient("L").resize((6000, 4000)).convert("RGB")
    buffer = io.BytesIO()
    big.save(buffer, "JPEG", quality=80)
    image = load_image(buffer.getvalue())
    assert image.size == (MAX_SIDE, round(4000 * MAX_SIDE / 6000))
    assert image.info["original_size"] == (6000, 4000)


def test_small_images_are_untouched_and_carry_no_original_size():
    image = load_image(_png(Image.new("RGB", (30, 20), (1, 2, 3))))
    assert image.size == (30, 20) and "original_size" not in image.info


def test_phone_photo_orientation_is_applied():
    photo = Image.new("RGB", (40, 20), (0, 114, 178))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=exif)
    assert load_image(buffer.getvalue()).size == (20, 40)


def test_files_over_the_size_limit_are_refused_before_decoding():
    with pytest.raises(ImageError, match="larger than 10 MB"):
        load_image(b"\x89PNG" + b"\x00" * MAX_BYTES)


@pytest.mark.parametrize(
    "name, words",
    [("pdf-named.jpg", "PDF"), ("script.svg", "SVG"), ("empty.png", "empty"), ("bomb-40000x40000.png", "too large")],
)
def test_messages_say_what_went_wrong(name, words):
    with pytest.raises(ImageError, match=words):
        load_image(CORPUS / name)


def test_missing_paths_and_wrong_types_are_image_errors():
    with pytest.raises(ImageError, match="no image file"):
        load_image("/nonexistent/digit.png")
    with pytest.raises(ImageError, match="not int"):
        load_image(42)


def test_to_grey_matches_pillow_and_leaves_greys_alone():
    rgb = np.random.default_rng(0).integers(0, 256, (8, 9, 3), dtype=np.uint8)
    pillow = np.asarray(Image.fromarray(rgb).convert("L"), dtype=float)
    assert np.abs(to_grey(rgb) - pillow).max() <= 1.0  # Pillow rounds; to_grey keeps the fraction
    np.testing.assert_allclose(to_grey(np.array([[[255, 0, 0], [0, 0, 255]]])), [[76.245, 29.07]], rtol=1e-6)
    assert to_grey(np.array([[3, 4]], np.uint8)).dtype == np.float32
    with pytest.raises(ValueError, match="H×W×3"):
        to_grey(np.ones((3, 3, 4)))


def test_to_8bit_maps_low_to_black_and_high_to_white_rounding_and_clipping():
    assert to_8bit(np.array([-3.0, 0.0, 0.5, 1.0, 7.0])).tolist() == [0, 0, 128, 255, 255]
    assert to_8bit(np.array([2.0, 4.0, 6.0, 4.9]), 2, 6).tolist() == [0, 128, 255, 185]
    assert to_8bit(np.arange(256) / 255).tolist() == list(range(256))  # a uint8 picture / 255 comes back whole
    with pytest.raises(ValueError, match="greater than"):
        to_8bit(np.zeros(2), 1, 1)


def test_enlarge_repeats_pixels_into_blocks_until_the_chosen_side_is_big_enough():
    assert enlarge(np.array([[1, 2]]), min_side=2).tolist() == [[1, 1, 2, 2], [1, 1, 2, 2]]
    assert enlarge(np.array([[1, 2]]), min_side=4, longer=True).tolist() == [[1, 1, 2, 2], [1, 1, 2, 2]]
    digit = np.arange(28 * 28).reshape(28, 28)
    big = enlarge(digit)
    assert big.shape == (280, 280) and big[9, 9] == 0 and big[10, 10] == 29 and big[-1, -1] == 28 * 28 - 1
    assert enlarge(np.zeros((128, 8)), 256, longer=True).shape == (256, 16)  # longer side 128: doubled
    assert enlarge(np.zeros((128, 8)), 256).shape == (1024, 64)  # shorter side 8: ×32 wanted, ×8 allowed
    assert enlarge(np.zeros((500, 600))).shape == (500, 600)  # already big enough
    assert enlarge(np.zeros((5, 5, 3)), 12).shape == (15, 15, 3)  # colour pictures keep their channels


def test_mosaic_lays_pictures_out_in_rows_with_gaps_of_fill():
    pictures = np.stack([np.full((3, 4), value, dtype=np.uint8) for value in (10, 20, 30)])
    grid = mosaic(pictures, columns=2, gap=1)
    assert grid.shape == (7, 9) and grid.dtype == np.uint8
    assert grid[0, 0] == 10 and grid[0, 5] == 20 and grid[4, 0] == 30 and grid[4, 5] == 255 and grid[3, 0] == 255
    assert mosaic(pictures, columns=5, gap=0).shape == (3, 20)  # the first row is full width
    floats = mosaic(np.ones((2, 1, 1), np.float32), columns=2, gap=1, fill=np.nan)
    assert floats.dtype == np.float32 and floats[0, 0] == 1 and np.isnan(floats[0, 1])
    colour = mosaic(np.zeros((2, 1, 1, 3), np.uint8), columns=1, gap=1, scale=2)
    assert colour.shape == (5, 2, 3) and colour[:2].max() == 0 and colour[2].min() == 255
    with pytest.raises(ValueError, match="stack of pictures"):
        mosaic(np.zeros(4), columns=2)


@pytest.mark.parametrize("picture", [np.random.default_rng(0).integers(0, 256, (20, 30), dtype=np.uint8),
                                     np.random.default_rng(1).integers(0, 256, (6, 7, 3), dtype=np.uint8),
                                     Image.new("L", (5, 4), 7)])
def test_png_bytes_are_lossless_at_any_compression(picture):
    for level in (1, 6):
        decoded = Image.open(io.BytesIO(png_bytes(picture, compress_level=level)))
        assert decoded.format == "PNG" and np.array_equal(np.asarray(decoded), np.asarray(picture))



def test_a_region_picture_paints_each_cell_in_its_class_colour_see_through():
    import base64

    labels = np.array([[0, 1], [1, 2]])
    uri = region_picture(labels, ["#FF0000", "#00FF00", "#0000FF"], shade=0.5, cell_px=3)
    assert uri.startswith("data:image/png;base64,")
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))))
    assert pixels.shape == (6, 6, 4)  # two cells a side, three pixels each
    assert pixels[0, 0].tolist() == [255, 0, 0, 128] and pixels[2, 3].tolist() == [0, 255, 0, 128]
    assert pixels[5, 5].tolist() == [0, 0, 255, 128] and (pixels[:3, :3] == pixels[0, 0]).all()
