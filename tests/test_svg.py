"""lib.svg: positions, round ticks, marker shapes and text that stays text, against hand-worked numbers."""

import pytest

from lib import svg
from tests.svg_reader import elements, parse, texts


def test_a_scale_maps_its_domain_onto_its_span_either_way_round():
    across, up = svg.Scale((0, 10), (40, 300)), svg.Scale((0, 1), (200, 10))
    assert (across(0), across(5), across(10)) == (40, 170, 300)
    assert (up(0), up(0.5), up(1)) == (200, 105, 10)  # an upward axis: bigger numbers higher on the screen
    assert svg.Scale((3, 3), (0, 100))(3) == 50  # a single value sits in the middle


@pytest.mark.parametrize("low, high, count, expected", [
    (0, 10, 5, [0, 2, 4, 6, 8, 10]),
    (0.1, 2.55, 5, [0.5, 1.0, 1.5, 2.0, 2.5]),
    (0, 1, 4, [0, 0.5, 1.0]),
    (-3, 7, 5, [-2, 0, 2, 4, 6]),
    (1, 100, 5, [20, 40, 60, 80, 100]),
    (5, 5, 5, [5]),
])
def test_ticks_are_round_numbers_one_two_or_five_times_a_power_of_ten_apart(low, high, count, expected):
    assert svg.ticks(low, high, count) == pytest.approx(expected)


def test_numbers_are_short_and_text_is_escaped():
    assert [svg.number(v) for v in (1.0, 2.5, 0.126, -3.456, float("nan"))] == ["1", "2.5", "0.13", "-3.46", "0"]
    assert [svg.tick_label(v) for v in (0.0, 2.0, 2.5, 0.25)] == ["0", "2", "2.5", "0.25"]
    assert svg.text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def test_every_marker_shape_is_drawn_and_an_unknown_one_is_refused_with_the_choices():
    corners = {"circle": 0, "square": 4, "diamond": 4, "triangle-up": 3, "triangle-down": 3, "triangle-right": 3,
               "pentagon": 5, "hexagon": 6, "cross": 12, "star": 10}
    for shape, count in corners.items():
        root = parse(svg.document(20, 20, svg.marker(shape, 10, 10, 4, "#0072B2"), alt=shape))
        [drawn] = [*elements(root, "circle"), *elements(root, "polygon")]
        assert drawn.get("fill") == "#0072B2" and len((drawn.get("points") or "").split()) == count
    # A pentagon's first corner straight up, 1.15 radii from the centre; the next 72° on, to its left.
    first, second = svg.marker("pentagon", 10, 10, 4, "#0072B2").split('"')[1].split()[:2]
    assert first == "10,5.4" and second == "5.63,8.58"  # (10 - 4.6 sin 72°, 10 - 4.6 cos 72°)
    with pytest.raises(ValueError, match="Unknown marker shape 'blob'.*circle, square"):
        svg.marker("blob", 0, 0, 1, "#000000")


def test_a_picture_is_stretched_over_the_plot_and_its_address_escaped():
    x, y = svg.Scale((0, 10), (40, 300)), svg.Scale((0, 1), (200, 10))
    [image] = elements(parse(svg.document(320, 240, svg.image('data:image/png;base64,AA"<', x, y), alt="x")), "image")
    assert [image.get(a) for a in ("x", "y", "width", "height")] == ["40", "10", "260", "190"]
    assert image.get("href") == 'data:image/png;base64,AA"<' and image.get("preserveAspectRatio") == "none"


def test_a_document_carries_its_alt_text_axes_and_where_its_plot_is():
    x, y = svg.Scale((0, 10), (40, 300)), svg.Scale((0, 1), (200, 10))
    markup = svg.document(320, 240, svg.axes(x, y, "epoch <1>", "loss"), alt="A <chart>", plot=(x, y), widest=400)
    root = parse(markup)
    assert root.get("aria-label") == "A <chart>" and root.get("role") == "img"
    assert root.get("viewBox") == "0 0 320 240" and "max-width:400px" in root.get("style")
    assert [float(v) for v in root.get("data-plot").split()] == [40, 300, 200, 10, 0, 10, 0, 1]
    assert {"epoch <1>", "loss", "0", "10", "0.5"} <= set(texts(root))


def test_y_numbers_can_be_written_as_percentages_and_the_y_title_stands_clear_of_them():
    x, y = svg.Scale((0, 1), (60, 300)), svg.Scale((0, 1), (200, 10))
    root = parse(svg.document(320, 240, svg.axes(x, y, None, "share", x_ticks=[], y_ticks=[0, 0.5, 1],
                                                 y_format="{:.0%}".format), alt="x"))
    assert texts(root) == ["0%", "50%", "100%", "share"]
    # "100%" is four characters of 10 units: 14 + 0.6 * 10 * 4 = 38 left of the axis, not the usual 32.
    assert float(elements(root, "text")[-1].get("x")) == 60 - 38
    plain = parse(svg.document(320, 240, svg.axes(x, y, None, "share", x_ticks=[], y_ticks=[0, 1]), alt="x"))
    assert float(elements(plain, "text")[-1].get("x")) == 60 - 32


def test_a_legend_keeps_names_on_one_row_while_they_fit_and_wraps_when_not():
    # At size 10 a name takes 18 + 5.5 units a character + 14: "a" 37.5 units, "bb" 43.
    entries = [("a", svg.marker("circle", 0, 0, 3, "#0072B2")), ("bb", svg.marker("square", 0, 0, 3, "#E69F00"))]
    markup, height = svg.legend(entries, 0, 100, 100, 10)
    root = parse(svg.document(100, 140, markup, alt="x"))
    assert texts(root) == ["a", "bb"] and height == 16
    assert [(float(t.get("x")), float(t.get("y"))) for t in elements(root, "text")] == [(16, 108), (53.5, 108)]
    markup, height = svg.legend(entries, 0, 100, 60, 10)
    root = parse(svg.document(100, 140, markup, alt="x"))
    assert height == 32 and [(float(t.get("x")), float(t.get("y"))) for t in elements(root, "text")] == [
        (16, 108), (16, 124)]


def test_an_outlined_label_is_painted_over_a_white_outline():
    root = parse(svg.document(50, 20, svg.outlined(svg.label(2, 10, "a <b>"), width=4), alt="x"))
    [group] = elements(root, "g")
    assert (group.get("stroke"), group.get("stroke-width"), group.get("paint-order")) == ("#FFFFFF", "4", "stroke")
    assert texts(root) == ["a <b>"]
