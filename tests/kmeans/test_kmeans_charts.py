"""The k-means page's charts: the scatter as SVG (lib.kmeans.scatter.points_chart), read as XML: its items in the
colour and shape of their cluster or kind, the legend, the hover tips, the numbered centroids, the regions
picture behind the points, the lines, the new item's star, where its plot sits for a click, and a learner's names
shown as text; and the Vega-Lite histogram."""

import base64
import io

import numpy as np
import pandas as pd
from PIL import Image

from lib.kmeans import garden
from lib.kmeans.charts import histogram_chart
from lib.kmeans.scatter import (GREY, GRID, REGION_CELL_PX, REGION_SHADE, SHAPES, WIDTH, axes_domains, cluster_style,
                                points_chart, region_grid, within_axes)
from lib.palette import CATEGORICAL, OKABE_ITO
from tests.svg_reader import NS, elements, parse, texts, tip

TABLE = pd.DataFrame({"length_mm": [1.0, 2.0, 9.0, 10.0], "weight_g": [0.1, 0.2, 3.0, 3.5]})
TAG = {"circle": "circle"} | {shape: "polygon" for shape in SHAPES[1:]}


def _chart(**options):
    return parse(points_chart(TABLE, "length_mm", "weight_g", alt="A scatter", **options))


def _items(root) -> list:
    """The items' markers: the marks in the see-through group, in the table's order."""
    [group] = [g for g in elements(root, "g") if g.get("fill-opacity")]
    return list(group)


def _legend(root) -> dict[str, tuple[str, str]]:
    """The legend's names → (colour, element tag) of the marker beside each: each marker sits in a translated
    group, followed by its name (lib.svg.legend)."""
    drawn = list(root)
    return {name.text: (g[0].get("fill"), g[0].tag.removeprefix(NS)) for g, name in zip(drawn, drawn[1:])
            if (g.get("transform") or "").startswith("translate(")}


def _centroids(root) -> list:
    return [g[0] for g in elements(root, "g") if (g.get("transform") or "").startswith("rotate(45")]


def test_clusters_get_a_palette_colour_and_a_shape_each_and_the_axes_their_measurements():
    root = _chart(labels=[0, 0, 1, 1], names={1: "stones"}, title="Groups")
    assert root.get("role") == "img" and root.get("aria-label") == "A scatter"
    words = texts(root)
    assert words[0] == "Groups" and elements(root, "text")[0].get("font-weight") == "bold"
    assert {"length (mm)", "weight (g)"} <= set(words)
    items = _items(root)
    assert [item.get("fill") for item in items] == [CATEGORICAL[0]] * 2 + [CATEGORICAL[1]] * 2
    assert [item.tag.removeprefix(NS) for item in items] == ["circle"] * 2 + ["polygon"] * 2  # circle, square
    assert _legend(root) == {"cluster 0": (CATEGORICAL[0], "circle"), "stones": (CATEGORICAL[1], "polygon")}
    assert tip(items[2]) == "cluster: stones\nlength (mm): 9\nweight (g): 3"  # as Vega-Lite's tooltip said
    assert root.get("data-plot") is None and not [g for g in elements(root, "g") if tip(g)]  # nothing to click
    titled = _chart(title="k-means at work: ✕ marks the centroids")
    assert texts(titled)[:2] == ["k-means at work", "✕ marks the centroids"]  # two lines, to fit a phone
    assert elements(titled, "text")[1].get("font-weight") is None


def test_items_are_grey_before_any_grouping_and_kinds_keep_their_colours():
    grey = _chart()
    assert {item.get("fill") for item in _items(grey)} == {GREY} and _legend(grey) == {"item": (GREY, "circle")}
    assert tip(_items(grey)[0]) == "length (mm): 1\nweight (g): 0.1"  # just where
    kinds = _chart(kinds=["stone", "stone", "ladybird", "x"])
    assert tip(_items(kinds)[2]) == "kind: ladybird\nlength (mm): 9\nweight (g): 3"
    assert _legend(kinds) == {"stone": (OKABE_ITO["bluish green"], "polygon"),
                              "ladybird": (OKABE_ITO["vermillion"], "polygon"), "x": (CATEGORICAL[2], "polygon")}


def test_a_learners_names_and_kinds_are_shown_as_text_never_as_markup():
    sneaky = "<b>x</b>"
    root = _chart(kinds=["stone", sneaky, sneaky, "stone"])
    assert not elements(root, "b")
    assert sneaky in texts(root) and tip(_items(root)[1]).startswith(f"kind: {sneaky}\n")
    named = parse(points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], names={1: sneaky},
                               new_item=(5.0, 1.0, sneaky), alt=sneaky, title=sneaky))
    assert not elements(named, "b") and named.get("aria-label") == sneaky
    assert texts(named).count(sneaky) == 3  # the title, the legend and the new item's label


def test_two_clusters_named_alike_keep_their_own_colours():
    root = _chart(labels=[0, 0, 1, 1], names={0: "bug", 1: "bug"})
    assert list(_legend(root)) == ["bug (cluster 0)", "bug (cluster 1)"]


def test_regions_are_one_picture_behind_the_points_and_centroids_numbered_crosses():
    classify = lambda p: (p[:, 0] > 5).astype(int)  # noqa: E731 - left and right halves
    regions = region_grid(TABLE, "length_mm", "weight_g", classify)
    xs, ys, grid = regions
    assert grid.shape == (GRID, GRID) and np.allclose(np.diff(xs), xs[1] - xs[0])
    root = _chart(labels=[0, 0, 1, 1], regions=regions, centroids=[[1.5, 0.15], [9.5, 3.25]], kids=True)
    [image] = elements(root, "image")
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(image.get("href").split(",", 1)[1]))))
    assert pixels.shape == (GRID * REGION_CELL_PX, GRID * REGION_CELL_PX, 4)
    left, right = (cluster_style(c)[0] for c in (0, 1))  # the items' colours, see-through
    alpha = round(255 * REGION_SHADE)
    assert pixels[0, 0].tolist() == [int(left[k:k + 2], 16) for k in (1, 3, 5)] + [alpha]
    assert pixels[-1, -1].tolist() == [int(right[k:k + 2], 16) for k in (1, 3, 5)] + [alpha]
    # The picture covers the plot exactly: the frame's left and bottom, the plot's right and top.
    frame = next(p for p in elements(root, "path") if p.get("class") == "frame").get("d")  # "M40,46V296H390"
    x0, top, bottom, x1 = (float(v) for v in frame[1:].replace("V", ",").replace("H", ",").split(","))
    assert [float(image.get(a)) for a in ("x", "y", "width", "height")] == [x0, top, x1 - x0, bottom - top]
    drawn = [child.tag.removeprefix(NS) for child in root]
    assert drawn.index("image") < drawn.index("g")  # behind the items
    crosses = _centroids(root)
    assert [cross.get("fill") for cross in crosses] == [left, right]
    assert {cross.get("stroke") for cross in crosses} == {OKABE_ITO["black"]}
    assert tip(crosses[1]) == "middle: 1\nlength (mm): 9.5\nweight (g): 3.25"  # kid words
    assert {"0", "1"} <= set(texts(root)) and "group 1" in _legend(root)


def test_a_click_is_offered_over_the_whole_plot_and_the_plot_says_where_it_is():
    root = _chart(click="places a centroid here")
    [spot] = [g for g in elements(root, "g") if tip(g)]
    assert tip(spot) == "a click places a centroid here" and spot.find(f"{NS}rect").get("fill") == "white"
    left, right, bottom, top, *spans = (float(v) for v in root.get("data-plot").split())
    assert (left, right) == (float(spot.find(f"{NS}rect").get("x")), WIDTH - 10) and bottom > top
    # The plot spans the measurements with 6 % to spare each side (1 to 10 and 0.1 to 3.5 here).
    assert np.allclose(spans, [1 - 0.54, 10 + 0.54, 0.1 - 0.204, 3.5 + 0.204])


def test_a_place_off_the_axes_moves_onto_their_edge():
    # The spans the plot above draws: 1 to 10 and 0.1 to 3.5 with 6 % to spare each side.
    assert np.allclose(axes_domains(TABLE, "length_mm", "weight_g"), [(0.46, 10.54), (-0.104, 3.704)])
    assert within_axes(TABLE, "length_mm", "weight_g", 5.0, 1.0) == (5.0, 1.0)  # inside: as it is
    assert np.allclose(within_axes(TABLE, "length_mm", "weight_g", 1e300, -1e300), (10.54, -0.104))
    assert np.allclose(within_axes(TABLE, "length_mm", "weight_g", -3.0, 4.0), (0.46, 3.704))
    assert np.allclose(within_axes(TABLE, "length_mm", "weight_g", 12.0, 2.0), (10.54, 2.0))  # one side only
    same = pd.DataFrame({"a": [2.0, 2.0], "b": [5.0, 7.0]})  # one value: 1 to spare either side
    assert np.allclose(within_axes(same, "a", "b", 1e300, 6.0), (3.0, 6.0))


def test_lines_join_items_to_their_centroid():
    root = _chart(labels=[0, 0, 1, 1], lines=True, centroids=[[1.5, 0.15], [9.5, 3.25]])
    [path] = [p for p in elements(root, "path") if p.get("stroke") == "#999999"]
    segments = [s for s in path.get("d").split("M") if s]
    assert len(segments) == 4
    ends = [tuple(float(v) for v in s.split("L")[1].split(",")) for s in segments]
    cross = [tuple(float(v) for v in c.get("points").split()[0].split(",")) for c in _centroids(root)]
    assert ends[0] == ends[1] and ends[2] == ends[3] and ends[0] != ends[2]
    # Each line ends on its centroid: the centre of its cross, whose first corner is (-0.35, -1) × 9 from it.
    for end, (cx, cy) in zip((ends[0], ends[2]), cross):
        assert np.allclose(end, (cx + 0.35 * 9, cy + 9), atol=0.02)


def test_the_new_item_is_a_yellow_star_with_its_label():
    root = _chart(labels=[0, 0, 1, 1], new_item=(5.0, 1.0, "ladybird"))
    [star] = [p for p in elements(root, "polygon") if p.get("fill") == OKABE_ITO["yellow"]]
    assert len(star.get("points").split()) == 10 and star.get("stroke") == OKABE_ITO["black"]
    assert tip(star) == "new item: ladybird\nlength (mm): 5\nweight (g): 1" and "ladybird" in texts(root)


def test_the_garden_chart_colours_every_cluster_its_own_way_and_the_legend_wraps():
    table = garden.load_garden()
    fit = garden.fit(table[["length_mm", "weight_g"]], 8)
    root = parse(points_chart(table, "length_mm", "weight_g", labels=fit.labels, centroids=fit.centroids, alt="x"))
    styles = [cluster_style(c) for c in range(8)]
    assert len(set(styles)) == 8  # the eighth shares blue with the first, not its shape
    legend = _legend(root)
    assert list(legend.values()) == [(colour, TAG[shape]) for colour, shape in styles]
    for item, label in zip(_items(root), fit.labels):
        assert item.get("fill") == styles[label][0] and item.tag.removeprefix(NS) == TAG[styles[label][1]]
    rows = {t.get("y") for t in elements(root, "text") if t.text in legend}
    assert len(rows) >= 2  # eight names do not fit one row of a phone-wide picture
    assert all(float(t.get("x")) < WIDTH for t in elements(root, "text") if t.text in legend)
    assert len(_centroids(root)) == 8


def test_the_picture_fits_its_height_and_words_clear_of_the_y_numbers():
    root = parse(points_chart(TABLE.assign(weight_g=TABLE["weight_g"] * 1000), "length_mm", "weight_g",
                              alt="x", height=420))
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    widest = float(root.get("style").removeprefix("max-width:").removesuffix("px"))
    assert width == WIDTH and abs(widest * height / width - 420) < 0.5  # 420 px high at its widest
    numbers = [t for t in elements(root, "text") if t.get("text-anchor") == "end"]  # the y axis's numbers
    assert [t.text for t in numbers] == ["0", "1000", "2000", "3000"]
    [title] = [t for t in elements(root, "text") if t.get("transform")]
    assert float(title.get("x")) + 6 < float(numbers[0].get("x")) - 0.6 * 11 * 4  # clear of "1000"
    assert float(title.get("x")) > 5  # and on the picture


def test_the_histogram_counts_one_measurement_in_thirty_bins_one_colour_per_kind():
    plain = histogram_chart(TABLE, "weight_g")
    assert plain["title"] == "How many items have each weight (g)?"
    assert (plain["encoding"]["x"]["title"], plain["encoding"]["y"]["title"]) == ("weight (g)", "number of items")
    assert plain["transform"][0]["bin"] == {"extent": [0.1, 3.5], "step": (3.5 - 0.1) / 30}
    assert plain["encoding"]["color"]["scale"]["range"] == [OKABE_ITO["blue"]]
    kinds = histogram_chart(TABLE, "weight_g", kinds=["stone", "stone", "ladybird", "woodlouse"])
    assert kinds["encoding"]["color"]["scale"]["domain"] == ["stone", "ladybird", "woodlouse"]
    assert kinds["encoding"]["y"]["stack"] is None and kinds["mark"]["opacity"] < 1  # overlaid, see-through
    assert list(kinds["datasets"]["values"]["value"]) == list(TABLE["weight_g"])
    same = histogram_chart(pd.DataFrame({"a": [2.0, 2.0]}), "a")
    assert same["transform"][0]["bin"] == {"extent": [2.0, 3.0], "step": 1.0}  # one value: one bin, no error
