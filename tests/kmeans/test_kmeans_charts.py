"""The k-means page's Vega-Lite charts: the scatter (lib.kmeans.charts.points_chart), its data, colours and shapes
per cluster or kind, the regions and the click cells behind the points, centroids, titles and tooltips; and the
histogram."""

import base64
import io

import numpy as np
import pandas as pd
from PIL import Image

from lib.kmeans import garden
from lib.kmeans.charts import (CLICK, GREY, GRID, REGION_CELL_PX, REGION_SHADE, SHAPES, cluster_style, histogram_chart,
                               points_chart, region_grid)
from lib.palette import CATEGORICAL, OKABE_ITO

TABLE = pd.DataFrame({"length_mm": [1.0, 2.0, 9.0, 10.0], "weight_g": [0.1, 0.2, 3.0, 3.5]})


def _layer(chart: dict, name: str) -> dict:
    return next(layer for layer in chart["layer"] if layer["data"]["name"] == name)


def _styles(encoding: dict) -> dict[str, tuple[str, str]]:
    return dict(zip(encoding["color"]["scale"]["domain"], encoding["color"]["scale"]["range"]))


def test_clusters_get_a_palette_colour_and_a_shape_each_and_the_axes_their_measurements():
    chart = points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], names={1: "stones"}, title="Groups")
    items = _layer(chart, "items")
    assert chart["title"] == "Groups"
    assert (items["encoding"]["x"]["title"], items["encoding"]["y"]["title"]) == ("length (mm)", "weight (g)")
    assert _styles(items["encoding"]) == {"cluster 0": CATEGORICAL[0], "stones": CATEGORICAL[1]}
    assert items["encoding"]["shape"]["scale"]["range"] == list(SHAPES[:2])
    assert list(chart["datasets"]["items"]["group"]) == ["cluster 0", "cluster 0", "stones", "stones"]
    assert [tip["title"] for tip in items["encoding"]["tooltip"]] == ["cluster", "length (mm)", "weight (g)"]
    assert "cells" not in chart["datasets"] and "params" not in str(chart["layer"])  # nothing to click
    titled = points_chart(TABLE, "length_mm", "weight_g", title="k-means at work: ✕ marks the centroids")
    assert titled["title"] == {"text": "k-means at work", "subtitle": "✕ marks the centroids"}  # two lines


def test_items_are_grey_before_any_grouping_and_kinds_keep_their_colours():
    grey = _layer(points_chart(TABLE, "length_mm", "weight_g"), "items")
    assert _styles(grey["encoding"]) == {"item": GREY} and len(grey["encoding"]["tooltip"]) == 2  # just where
    kinds = _layer(points_chart(TABLE, "length_mm", "weight_g", kinds=["stone", "stone", "ladybird", "x"]), "items")
    assert kinds["encoding"]["tooltip"][0] == {"field": "group", "title": "kind"}
    assert _styles(kinds["encoding"]) == {"stone": OKABE_ITO["bluish green"], "ladybird": OKABE_ITO["vermillion"],
                                          "x": CATEGORICAL[2]}


def test_two_clusters_named_alike_keep_their_own_colours():
    chart = points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], names={0: "bug", 1: "bug"})
    assert _layer(chart, "items")["encoding"]["color"]["scale"]["domain"] == ["bug (cluster 0)", "bug (cluster 1)"]


def test_regions_are_one_picture_behind_the_points_and_a_click_selects_a_cell():
    classify = lambda p: (p[:, 0] > 5).astype(int)  # noqa: E731 - left and right halves
    regions = region_grid(TABLE, "length_mm", "weight_g", classify)
    xs, ys, grid = regions
    assert grid.shape == (GRID, GRID) and np.allclose(np.diff(xs), xs[1] - xs[0])
    chart = points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], regions=regions,
                         centroids=[[1.5, 0.15], [9.5, 3.25]], click="adds an item here", kids=True)
    assert [layer["data"]["name"] for layer in chart["layer"]] == ["regions", "cells", "items", "centres", "centres"]
    picture = chart["datasets"]["regions"].iloc[0]
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(picture["url"].split(",", 1)[1]))))
    assert pixels.shape == (GRID * REGION_CELL_PX, GRID * REGION_CELL_PX, 4)
    left, right = (cluster_style(c)[0] for c in (0, 1))  # the items' colours, see-through
    alpha = round(255 * REGION_SHADE)
    assert pixels[0, 0].tolist() == [int(left[k:k + 2], 16) for k in (1, 3, 5)] + [alpha]
    assert pixels[-1, -1].tolist() == [int(right[k:k + 2], 16) for k in (1, 3, 5)] + [alpha]
    assert [picture[c] for c in ("x", "x2")] == chart["layer"][0]["encoding"]["x"]["scale"]["domain"]
    cells, cell = chart["datasets"]["cells"], _layer(chart, "cells")
    assert len(cells) == GRID * GRID and cell["mark"]["opacity"] == 0
    assert cell["params"][0]["name"] == CLICK and cell["params"][0]["select"]["fields"] == ["x", "y"]
    assert {"field": "click", "title": "a click"} in cell["encoding"]["tooltip"]
    centroids = chart["datasets"]["centres"]
    assert list(centroids["group"]) == ["group 0", "group 1"] and list(centroids["number"]) == ["0", "1"]
    assert _layer(chart, "centres")["encoding"]["tooltip"][0]["title"] == "middle"


def test_without_a_click_to_take_no_cells_are_drawn():
    regions = region_grid(TABLE, "length_mm", "weight_g", lambda p: (p[:, 0] > 5).astype(int))
    chart = points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], regions=regions)
    assert "cells" not in chart["datasets"] and len(chart["layer"]) == 2


def test_placing_centroids_clicks_invisible_cells_and_lines_join_items_to_their_centroid():
    placing = points_chart(TABLE, "length_mm", "weight_g", click="places a centroid here")
    assert _layer(placing, "cells")["mark"]["opacity"] == 0 and "color" not in _layer(placing, "cells")["encoding"]
    joined = points_chart(TABLE, "length_mm", "weight_g", labels=[0, 0, 1, 1], lines=True,
                          centroids=[[1.5, 0.15], [9.5, 3.25]])
    lines = joined["datasets"]["lines"]
    assert lines[["cx", "cy"]].to_numpy().tolist() == [[1.5, 0.15]] * 2 + [[9.5, 3.25]] * 2


def test_the_garden_chart_colours_every_cluster_its_own_way():
    table = garden.load_garden()
    fit = garden.fit(table[["length_mm", "weight_g"]], 8)
    chart = points_chart(table, "length_mm", "weight_g", labels=fit.labels, centroids=fit.centroids)
    styles = [cluster_style(c) for c in range(8)]
    assert len(set(styles)) == 8  # the eighth shares blue with the first, not its shape
    assert _layer(chart, "items")["encoding"]["shape"]["scale"]["range"] == [shape for _, shape in styles]


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
