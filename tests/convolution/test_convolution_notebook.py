"""The /convolution notebook (lib.notebooks, issue #18) run top to bottom offline with nbclient: the page's defaults
work the course's example to 89 at row 2, column 2 and 111 beside it, the loops and scipy.ndimage agree, and a
changed view (a custom kernel from the link, no padding, stride 2, a course digit; Sobel magnitude with edge
padding on a colour photo turned grey) gives exactly the page's output."""

import numpy as np
import pytest

from lib import notebooks
from lib.convolution import kernels
from lib.convolution.editor import cells_from_text, kernel_from_cells
from lib.convolution.sources import builtin
from lib.images import to_grey
from tests.notebook_runner import run


def test_the_default_notebook_works_the_course_example(tmp_path):
    ran = run(notebooks.build("convolution", {}), tmp_path, values=("output", "fast"))
    assert not ran.errors()
    assert "Row 2, column 2 (Sharpen): 105×0 + 102×-1 + 100×0 + 103×-1 + 99×5 + 103×-1 + 101×0 + 98×-1 + 104×0 = 89" \
        in ran.printed
    assert "Row 2, column 3 (Sharpen): " in ran.printed and "= 111" in ran.printed
    assert "The same numbers as the loops: True" in ran.printed
    output = np.array(ran.values["output"])
    assert output[1, 1] == 89 and output[1, 2] == 111
    assert np.array_equal(output, kernels.convolve(builtin("course").pixels, kernels.KERNELS["sharpen"]))


@pytest.mark.slow
@pytest.mark.parametrize("link", [
    {"picture": "digit-7", "preset": "custom", "kernel": "0,0,0;0,1/2,0;0,0,-1", "padding": "valid", "stride": "2"},
    {"picture": "flower", "colour": "grey", "preset": "sobel-magnitude", "padding": "edge", "stride": "2",
     "range": "rescale", "signed": "on"},
], ids=["custom-kernel", "sobel-photo"])
def test_a_changed_view_gives_the_pages_output(tmp_path, link):
    text = notebooks.build("convolution", link)
    ran = run(text, tmp_path, values=("output",), timeout=300)
    assert not ran.errors()
    assert "The same numbers as the loops: True" in ran.printed
    pixels = builtin(link["picture"].replace("-", "_")).pixels
    padding, stride = link["padding"], int(link["stride"])
    if link["preset"] == "custom":
        expected = kernels.convolve(pixels, kernel_from_cells(cells_from_text(link["kernel"]))[0], padding, stride)
    else:
        expected = kernels.sobel_magnitude(to_grey(pixels), padding, stride)
    assert np.allclose(np.array(ran.values["output"]), expected, atol=1e-3)
