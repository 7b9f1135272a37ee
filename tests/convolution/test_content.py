"""lib.convolution.content: the page's words that quote results (the course's worked example above all)."""

import numpy as np

from lib.convolution import content, kernels
from lib.convolution.sources import COURSE_EXAMPLE


def test_numbers_in_an_equation():
    assert content.number(5) == "5" and content.number(-1) == "(−1)" and content.number(-0.0) == "0"
    assert content.number(1 / 9) == "0.1111" and content.number(-2.5) == "(−2.5)"


def test_the_course_worked_example_is_written_out_term_by_term():
    step = kernels.products_at(COURSE_EXAMPLE, kernels.KERNELS["sharpen"], 1, 1)
    assert content.products_sum("Sum", step.patch, kernels.KERNELS["sharpen"], step.total) == (
        "Sum: 105×0 + 102×(−1) + 100×0 + 103×(−1) + 99×5 + 103×(−1) + 101×0 + 98×(−1) + 104×0 = **89**")


def test_output_size_in_plain_and_kid_words():
    plain, kids = content.output_size((5, 5), (3, 3), 0, 1, (3, 3))
    assert "- width: (5 − 3 + 2×0) / 1 + 1 = **3**" in plain and plain.startswith("Output size = (W − F + 2P)")
    assert kids == "New picture: **3 × 3** dots (old: 5 × 5)."


def test_captions():
    assert content.picture_caption("Photo: flower", 640, 427, True) == (
        "Photo: flower: 640 × 427 pixels, colour (3 numbers per pixel)")
    assert content.picture_caption("Test pattern", 256, 256, False).endswith("grey (1 number per pixel)")
    assert content.out_of_range(0.25, 0.0, -12.0, np.float32(200.5)) == (
        "In this output 25% of the numbers are below 0 and 0% above 255 (lowest -12, highest 200.5).")
