"""The kernel page's helpers: output-range handling, the signed colour view and the grid figures
(lib.convolution.charts), reading typed kernels (lib.convolution.editor) and the pictures (lib.convolution.sources)."""

import numpy as np
import pytest
from PIL import Image

from lib.convolution import charts, editor, sources
from lib.convolution.charts import kernel_grid, pixel_grid
from lib.images import ImageError
from lib.palette import OKABE_ITO

VALUES = np.array([[-50.0, 0.0], [100.0, 400.0]])


def test_range_modes():
    np.testing.assert_array_equal(charts.to_displayable(VALUES, "clip"), [[0, 0], [100, 255]])
    np.testing.assert_array_equal(charts.to_displayable(VALUES, "absolute"), [[50, 0], [100, 255]])
    np.testing.assert_array_equal(charts.to_displayable(VALUES, "rescale"), [[0, 28], [85, 255]])
    assert charts.to_displayable(np.full((2, 2), 7.0), "rescale").tolist() == [[7, 7], [7, 7]]
    assert charts.out_of_range_share(VALUES) == (0.25, 0.25)
    with pytest.raises(ValueError, match="mode must be"):
        charts.to_displayable(VALUES, "wrap")


def test_signed_view_uses_the_diverging_palette():
    colours = charts.signed_rgb(np.array([[-2.0, 0.0, 2.0]]))
    as_hex = ["#{:02X}{:02X}{:02X}".format(*pixel) for pixel in colours[0]]
    assert as_hex == [OKABE_ITO["blue"], "#FFFFFF", OKABE_ITO["vermillion"]]
    assert charts.signed_rgb(np.zeros((2, 2))).tolist() == [[[255] * 3] * 2] * 2  # all zero: white, no crash
    assert charts.signed_limit(VALUES) == 400


def test_kernel_mosaic_draws_each_kernel_cell_pixels_wide_on_one_signed_scale():
    mosaic = charts.kernel_mosaic(np.random.default_rng(1).normal(size=(16, 5, 5)), cell=4, gap=2, columns=8)
    assert mosaic.shape == (2 * 20 + 2, 8 * 20 + 7 * 2, 3)
    assert charts.kernel_mosaic(np.ones((16, 5, 5))).shape == (4 * 200 + 3 * 8, 4 * 200 + 3 * 8, 3)
    pair = charts.kernel_mosaic(np.array([[[1.0]], [[-0.5]], [[-1.0]], [[0.0]]]), cell=2, gap=1, columns=2)
    assert pair.shape == (5, 5, 3) and pair[2, 2].tolist() == [255, 255, 255]  # the gap is white
    as_hex = ["#{:02X}{:02X}{:02X}".format(*pair[r, c]) for r, c in ((0, 0), (3, 0), (3, 3))]
    assert as_hex == [OKABE_ITO["vermillion"], OKABE_ITO["blue"], "#FFFFFF"]  # +1, -1 and 0 on one scale
    with pytest.raises(ValueError):
        charts.kernel_mosaic(np.ones((5, 5)))


@pytest.mark.parametrize("text, value", [("3", 3), ("-0.25", -0.25), ("1/9", 1 / 9), ("−1", -1), (" 2 ", 2),
                                         (4, 4), ("1e2", 100)])
def test_parse_cell(text, value):
    assert editor.parse_cell(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", None, "x", "1/0", "nan", "inf", "1/2/3"])
def test_parse_cell_refuses(text):
    with pytest.raises((ValueError, ZeroDivisionError)):
        editor.parse_cell(text)


def test_kernel_from_cells_fixes_and_reports():
    kernel, problems = editor.kernel_from_cells([["0", "-1", "0"], ["-1", "5", "-1"], ["0", "-1", "0"]])
    assert problems == [] and kernel[1, 1] == 5
    kernel, problems = editor.kernel_from_cells([["abc", "", None], ["1e9", "1", "-1e9"], ["0", "0", "0"]])
    np.testing.assert_array_equal(kernel, [[0, 0, 0], [editor.LIMIT, 1, -editor.LIMIT], [0, 0, 0]])
    text = " ".join(problems)
    assert "Empty cells count as 0" in text and "'abc'" in text and "capped" in text
    kernel, problems = editor.kernel_from_cells([["0"] * 5] * 5)
    assert not kernel.any() and "black" in problems[-1]
    with pytest.raises(ValueError, match="3×3 or 5×5"):
        editor.kernel_from_cells([["1", "2"], ["3", "4"]])


def test_cells_round_trip():
    for kernel in (np.full((3, 3), 1 / 9), np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256,
                   np.array([[0.123456, -2, 0], [1, 1, 1], [0, 0, 1e-7]])):
        cells = editor.cells_from_kernel(kernel)
        back, problems = editor.kernel_from_cells(cells)
        np.testing.assert_allclose(back, kernel, rtol=1e-3, atol=1e-9)
    assert editor.cells_from_kernel(np.full((3, 3), 1 / 9))[0][0] == "1/9"


def test_pictures():
    pattern = sources.test_pattern()
    assert pattern.shape == (256, 256) and pattern.dtype == np.uint8 and np.array_equal(pattern, sources.test_pattern())
    assert pattern.min() < 50 and pattern.max() > 200
    assert sources.COURSE_EXAMPLE[1, 1] == 99 and sources.COURSE_EXAMPLE.shape == (5, 5)
    for name, path in sources.BUNDLED.items():
        assert path.is_file(), name
    flower = sources.from_image_source(sources.BUNDLED["flower"])
    assert flower.pixels.shape == (427, 640, 3) and flower.notice is None
    digit = sources.from_image_source(sources.BUNDLED["digit_5"])
    assert digit.pixels.shape == (28, 28)


def test_builtin_pictures_by_id():
    assert np.array_equal(sources.builtin("course").pixels, sources.COURSE_EXAMPLE)
    assert np.array_equal(sources.builtin("pattern").pixels, sources.test_pattern())
    assert sources.builtin("dog").pixels.shape == (28, 28) and sources.builtin("temple").pixels.ndim == 3
    with pytest.raises(KeyError):
        sources.builtin("upload")


def test_big_pictures_are_shrunk_with_a_notice():
    buffer = __import__("io").BytesIO()
    Image.new("RGB", (2000, 1000), "white").save(buffer, format="PNG")
    picture = sources.from_image_source(buffer.getvalue())
    assert max(picture.pixels.shape) == sources.WORKING_SIDE and "2,000 × 1,000" in picture.notice
    with pytest.raises(ImageError):
        sources.from_image_source(b"not an image")


def _layer(spec, mark):
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark)


def test_pixel_grid_is_a_vega_lite_grid_of_the_pixels_own_colours_with_the_numbers_written_in():
    patch = np.array([[0.0, 105, 255], [103, 99, 98], [101, 98, 300]])
    spec = pixel_grid(patch, "patch", first_row=4, first_col=7, padding_mask=np.eye(3, dtype=bool), highlight=(1, 1))
    assert spec["title"]["text"] == "patch"
    assert (spec["encoding"]["x"]["title"], spec["encoding"]["y"]["title"]) == ("column", "row")
    cells = {(cell["row"], cell["column"]): cell for cell in spec["data"]["values"]}
    assert sorted(cells) == [(r, c) for r in (4, 5, 6) for c in (7, 8, 9)]  # people count from 1, or from the patch
    assert spec["encoding"]["y"]["scale"]["domain"] == [4, 5, 6]  # top to bottom
    assert cells[4, 8]["label"] == "105" and cells[6, 9]["label"] == "300"  # the number as it is
    assert cells[4, 7]["swatch"] == "#000000" and cells[6, 9]["swatch"] == "#FFFFFF"  # the colour clipped to 0-255
    assert cells[4, 7]["ink"] == "#FFFFFF" and cells[6, 9]["ink"] == OKABE_ITO["black"]  # readable on either
    assert [key for key, cell in cells.items() if cell["padding"]] == [(4, 7), (5, 8), (6, 9)]
    assert cells[4, 7]["cell"] == "padding: not in the picture" and cells[4, 8]["cell"] == "in the picture"
    assert [key for key, cell in cells.items() if cell["outlined"]] == [(5, 8)]
    assert _layer(spec, "point")["mark"]["stroke"] == OKABE_ITO["orange"]  # the padding marks
    outline = [layer for layer in spec["layer"] if layer.get("transform") == [{"filter": "datum.outlined"}]]
    assert outline[0]["mark"]["stroke"] == OKABE_ITO["vermillion"]
    assert {"field": "value", "title": "value"} in spec["encoding"]["tooltip"]

    colour = pixel_grid(np.array([[[255.0, 128, 0]]]), "rgb")
    cell = colour["data"]["values"][0]
    assert cell["label"] == "255\n128\n0" and (cell["red"], cell["green"], cell["blue"]) == ("255", "128", "0")
    assert cell["swatch"] == "#FF8000" and _layer(colour, "text")["mark"]["lineBreak"] == "\n"
    assert colour["height"]["step"] > colour["width"]["step"]  # room for three numbers, one above the other


def test_kernel_grid_is_on_the_diverging_scale_symmetric_about_zero():
    spec = kernel_grid(np.array([[-1.0, 0], [0.5, -0.0]]), "k", first_row=4, highlight=(0, 1))
    assert spec["title"]["text"] == "k" and spec["encoding"]["y"]["scale"]["domain"] == [4, 5]
    cells = spec["data"]["values"]
    assert [cell["label"] for cell in cells] == ["-1", "0", "0.5", "0"]
    assert [cell["value"] for cell in cells] == [-1.0, 0.0, 0.5, 0.0] and str(cells[3]["value"]) == "0.0"  # no -0
    scale = _layer(spec, "rect")["encoding"]["fill"]["scale"]
    assert scale["domain"] == [-1.0, 0, 1.0]
    assert scale["range"] == [OKABE_ITO["blue"], "#FFFFFF", OKABE_ITO["vermillion"]]
    assert cells[0]["ink"] == "#FFFFFF" and cells[1]["ink"] == OKABE_ITO["black"]  # white on blue, black on white
    assert [cell["outlined"] for cell in cells] == [False, True, False, False]
    assert kernel_grid(np.zeros((3, 3)), "zeros")["layer"][0]["encoding"]["fill"]["scale"]["domain"] == [-1.0, 0, 1.0]
