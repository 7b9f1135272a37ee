"""lib.noise.charts: how numbers become greys, and what the chart promises."""

import numpy as np

from lib.noise.charts import LAW, LEVEL, noise_chart, signed, stretched


def test_signed_shows_zero_as_mid_grey_and_clips_beyond_the_limit():
    np.testing.assert_array_equal(signed(np.array([-2.0, 0.0, 0.5])), [0, 128, 191])


def test_stretched_maps_the_images_own_range_and_reports_it():
    grey, low, high = stretched(np.array([[2.0, 4.0], [6.0, 6.0]]))
    assert (low, high) == (2.0, 6.0)
    np.testing.assert_array_equal(grey, [[0, 128], [255, 255]])
    assert stretched(np.ones((2, 2)))[0].max() == 0  # a flat image does not divide by zero


def test_chart_draws_the_law_from_the_first_point_on_log_axes_without_zeros():
    curve = np.array([2.0, 1.5, 1.1, 1.0])
    spec = noise_chart(curve, clipped=np.array([1.0, 0.0, 0.9, 0.9]), stamped=curve, stamp=0.8)
    assert spec["encoding"]["x"]["scale"]["type"] == "log" and spec["encoding"]["y"]["scale"]["type"] == "log"
    law = [row["noise"] for row in spec["data"]["values"] if row["series"] == LAW]
    np.testing.assert_allclose(law, 2.0 / np.sqrt([1, 2, 3, 4]))
    clipped = [row["copies"] for row in spec["data"]["values"] if row["series"] == "clipped copies"]
    assert clipped == [1, 3, 4]
    level = [row["noise"] for row in spec["data"]["values"] if row["series"] == LEVEL]
    assert level == [0.8] * 4
