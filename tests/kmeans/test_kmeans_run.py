"""lib.kmeans.run and the page's pure helpers beside it: the starting-centroid setting's ids give lib.kmeans its
``init`` in one place; the items, plot axes, starts table and regions the page draws; the elbow and new-item
figures; the handout of a run; the words that quote a result."""

import numpy as np
import pandas as pd
import pytest

from lib import lessons
from lib.kmeans import content, garden
from lib.kmeans.charts import elbow_charts
from lib.kmeans.scatter import new_item_chart
from lib.kmeans.handout import from_run
from lib.kmeans.lloyd import LloydRun
from lib.kmeans.run import (CHOOSE, ITEM, STARTS, Items, RunSettings, columns_key, default_axes, in_table_order,
                            numbered, on_axes, plot_axes, regions, starts_table)
from lib.kmeans.upload import TableError
from tests.svg_reader import elements, parse, texts, tip

FEATURES = tuple(garden.MEASUREMENTS)


def settings(init="plusplus", features=FEATURES, x="length_mm", y="weight_g", k=3) -> RunSettings:
    return RunSettings(features, k, True, init, 0, x, y)


def test_every_starting_centroid_id_is_a_lesson_choice_and_keeps_its_url_word():
    setting = lessons.lesson("kmeans").setting("init")
    assert setting.options == [*STARTS, CHOOSE]
    assert [setting.format(value) for value in setting.options] == ["plusplus", "random", "choose"]
    assert [setting.label_for(value) for value in setting.options] == ["k-means++", "random", "I'll choose"]
    assert set(STARTS.values()) == set(garden.INITS)  # each id names an init lib.kmeans takes


def test_the_init_lib_kmeans_takes_comes_from_the_id():
    starts = np.ones((3, 3))
    assert settings("plusplus").start() == "k-means++" and settings("random").start(starts) == "random"
    assert not settings("random").chooses and settings("choose").chooses
    assert settings("choose").start() == "k-means++"  # until every start is placed
    assert settings("choose").start(starts) is starts


def test_plot_axes_and_their_defaults():
    assert plot_axes(["weight_g"]) == ["weight_g", ITEM]
    assert plot_axes(list(FEATURES)) == list(FEATURES)
    assert default_axes(list(FEATURES)) == ("length_mm", "weight_g")
    assert default_axes(["width_mm", "length_mm"]) == ("width_mm", "length_mm")
    assert default_axes(["weight_g", ITEM]) == ("weight_g", ITEM)
    assert in_table_order(["weight_g", "width_mm"]) == ["width_mm", "weight_g"]
    assert columns_key(["a", "b"]) == columns_key(["a", "b"]) != columns_key(["a", "c"])


def test_centroids_on_the_plot_sit_halfway_along_the_item_number():
    centroids = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(on_axes(centroids, ["a", "b"], "b", "a", 10), [[2, 1], [4, 3]])
    np.testing.assert_array_equal(on_axes(centroids[:, :1], ["a"], "a", ITEM, 10), [[1, 5], [3, 5]])
    assert list(numbered(pd.DataFrame({"a": [5, 6, 7]}))[ITEM]) == [1, 2, 3]


def test_starts_table_takes_the_last_clicks_and_leaves_rows_to_fill():
    table = pd.DataFrame({"a": [0.0, 2.0], "b": [10.0, 20.0], "c": [1.0, 3.0]})
    clicks = [{"a": 9.0, "b": 9.0}, {"a": 1.0, "b": 11.0}, {"a": 1.5, "c": 2.5}]
    two = starts_table(table, ["a", "b", "c"], clicks, 2)
    np.testing.assert_array_equal(two.to_numpy(), [[1.0, 11.0, 2.0], [1.5, 15.0, 2.5]])  # others: the mean
    five = starts_table(table, ["a", "b", "c"], clicks, 5)
    assert len(five) == 5 and five.iloc[3:].isna().all().all() and not five.iloc[:3].isna().any().any()


def test_regions_only_when_k_means_uses_the_two_plotted_measurements():
    table = garden.load_garden()
    run = LloydRun.start(table[["length_mm", "weight_g"]], 3, seed=0)
    xs, ys, grid = regions(run, table, ["length_mm", "weight_g"], "weight_g", "length_mm")
    assert grid.shape == (len(ys), len(xs)) and set(np.unique(grid)) == {0, 1, 2}
    assert regions(LloydRun.start(table[list(FEATURES)], 3), table, list(FEATURES), "length_mm", "weight_g") is None


def test_items_from_an_upload_keep_complete_rows_and_their_true_kinds():
    table = pd.DataFrame({"a": [1, 2, None, 4], "b": [1, 5, 3, 8], "kind": ["x", "y", "x", "y"]})
    items, dropped = Items.from_upload(table, ["a", "b"], "kind", "mine.csv")
    assert dropped == 1 and items.columns == ["a", "b"] and items.name == "mine.csv"
    assert list(items.kinds) == ["x", "y", "y"] and list(items.table["kind"]) == ["x", "y", "y"]
    assert list(items.table.index) == [0, 1, 2] and items.suffix == columns_key(["a", "b"])
    unknown, _ = Items.from_upload(table, ["b"], None, "mine.csv")
    assert unknown.kinds is None and list(unknown.table.columns) == ["b"]
    with pytest.raises(TableError):
        Items.from_upload(table, [], None, "mine.csv")
    garden_items = Items.garden()
    assert garden_items.suffix == "" and garden_items.columns == list(FEATURES) and len(garden_items.kinds) == 300


def test_elbow_charts_mark_k_and_leave_out_a_missing_silhouette():
    scores = pd.DataFrame({"k": [1, 2, 3], "inertia": [9.0, 4.0, 3.0], "silhouette": [np.nan, 0.5, 0.7]})
    charts = elbow_charts(scores, 2)
    assert [(name, title) for name, title, _ in charts] == [("elbow", "Elbow chart"),
                                                          ("silhouette", "Silhouette score for each k")]
    elbow = charts[0][2]
    assert elbow["title"] == "The elbow: inertia for each k"
    assert elbow["datasets"]["curve"].to_dict("list") == {"x": [1.0, 2.0, 3.0], "y": [9.0, 4.0, 3.0]}
    assert elbow["layer"][1]["data"]["values"] == [{"x": 2.0}]  # your k, dotted
    assert (elbow["layer"][0]["encoding"]["x"]["title"], elbow["layer"][0]["encoding"]["y"]["title"]) == (
        "k (groups)", "inertia")
    assert [name for name, _, _ in elbow_charts(scores.iloc[:1], 1)] == ["elbow"]


def test_new_item_chart_stars_the_new_item_on_the_last_two_measurements():
    table = garden.load_garden()
    fit = garden.fit(table[list(FEATURES)], 3)
    root = parse(new_item_chart(table, list(FEATURES), fit, {0: "stones"}, [5.0, 6.0, 0.04], "ladybird",
                                alt="The new item"))
    assert root.get("aria-label") == "The new item"
    assert texts(root)[0] == "The new item (★) among the groups"
    [star] = [mark for mark in elements(root, "polygon") if (tip(mark) or "").startswith("new item")]
    assert tip(star) == "new item: ladybird\nlength (mm): 6\nweight (g): 0.04"
    assert {"length (mm)", "weight (g)", "stones", "ladybird"} <= set(texts(root))


def test_the_handout_of_a_run_records_the_settings_the_learner_saw():
    items = Items.garden()
    chosen = settings("choose", features=("width_mm", "weight_g"), x="width_mm", y="weight_g", k=2)
    fit = garden.fit(items.table[list(chosen.features)], 2)
    record = from_run("http://localhost:8501/kmeans?init=choose", items, chosen, "I'll choose", fit,
                      {0: "light", 1: ""}, items.kinds).to_markdown()
    for expected in ("| Data | garden |", "| Measurements used | width (mm), weight (g) |", "| Number of groups (k) | 2 |",
                     "| Starting centroids | I'll choose |", "| Scaled (standardised) | yes |", "light",
                     "Agreement with the true kinds", "data:image/png;base64,"):
        assert expected in record, expected
    unrevealed = from_run("link", items, chosen, "k-means++", fit, {}, None).to_markdown()
    assert "Agreement" not in unrevealed


def test_lloyd_restart_and_inertias():
    run = LloydRun.start(garden.load_garden()[list(FEATURES)], 3, seed=0)
    assert run.inertias == []
    run.step(), run.step()
    assert [move for move, _ in run.inertias] == [1, 2]
    assert run.restart().move == "start" and len(run.history) == 1


def test_words_that_quote_a_result():
    assert content.verdict("group", 1, "ladybird") == "The new item belongs to **group 1**: it is a `ladybird`."
    assert content.verdict("cluster", 0, "") == "The new item belongs to **cluster 0**. Name the cluster to say what it is."
    plain, kids = content.finished(4, False, 12.345)
    assert "different groups (inertia 12.35)" in plain and "different groups" in kids and "inertia" not in kids
    assert content.said("weight_g") == "weight (g)" and content.said("my*col") != "my*col"
    assert content.capped(3).endswith("using k = 3.") and "2 of 3" in content.still_to_place(2, 3)
