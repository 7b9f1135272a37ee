"""lib.convolution.drawing: framed pictures, marked windows, two pictures side by side and the picture of one
multiply-and-add."""

import numpy as np

from lib.convolution import KERNELS, drawing, products_at
from lib.convolution.sources import builtin


def test_a_frame_keeps_white_apart_from_the_page():
    white = np.full((4, 6), 255, dtype=np.uint8)
    framed = drawing.framed(white)
    assert framed.shape == (8, 10) and framed[0, 0] == drawing.FRAME_GREY and framed[2, 2] == 255
    assert drawing.framed(np.zeros((4, 6, 3), dtype=np.uint8)).shape == (8, 10, 3)


def test_a_window_is_marked_and_a_tiny_one_gets_a_ring_you_can_find():
    picture = np.full((5, 5), 100, dtype=np.uint8)
    marked = drawing.mark(np.repeat(np.repeat(picture, 56, 0), 56, 1), (5, 5), (1, 1, 4, 4))
    assert marked.shape == (280, 280, 3)
    assert tuple(marked[56 - 1, 150]) == drawing.MARK and tuple(marked[140, 140]) == (100, 100, 100)
    big = drawing.mark(np.full((480, 640), 100, dtype=np.uint8), (480, 640), (200, 300, 203, 303))
    changed = np.argwhere((big != 100).any(axis=2))
    assert np.ptp(changed[:, 1]) >= 640 // 24  # wider than the 3-pixel window itself


def test_side_by_side_matches_heights_and_fits_the_width():
    row = drawing.side_by_side(np.zeros((280, 280, 3), np.uint8), np.full((100, 100), 255, np.uint8), gap=10)
    assert row.shape == (280, 570, 3) and (row[:, 280:290] == 255).all()
    assert drawing.side_by_side(np.zeros((300, 600, 3), np.uint8), np.zeros((300, 600, 3), np.uint8),
                                widest=436).shape[1] == 436


def test_the_sum_picture_of_the_course_pixel():
    step = products_at(builtin("course").pixels, KERNELS["sharpen"], 1, 1)
    picture = drawing.arithmetic(drawing.as_rgb(np.clip(step.patch, 0, 255)), step.patch,
                                 {"Sharpen": KERNELS["sharpen"]}, {"Sharpen": step.total}, (89, 89, 89), ~step.inside)
    two = drawing.arithmetic(drawing.as_rgb(np.clip(step.patch, 0, 255)), step.patch,
                             {"a": KERNELS["sobel_horizontal"], "b": KERNELS["sobel_vertical"]}, {"a": 1.0, "b": -2.5},
                             (0, 0, 0), titles=("Neighbourhood", "Kernel", "Sum"))
    assert picture.dtype == np.uint8 and picture.shape[2] == 3
    assert two.shape[0] > picture.shape[0]  # a row per kernel
