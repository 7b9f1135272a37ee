"""lib.images.load_image: valid and odd images load in a usable mode; broken and hostile ones raise
ImageError with a readable sentence, never another exception."""

import io

import numpy as np
import pytest
from PIL import Image

from lib.images import MAX_BYTES, MAX_SIDE, ImageError, load_image
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
