"""lib.iris.charts: the network drawn with its inputs and outputs named and its weights readable on hover, the
decision map and the curves (the playground's Vega-Lite pictures, issue #17), and each species in one colour
on every chart."""

import base64
import io
import json

import numpy as np
from PIL import Image

from lib import iris
from lib.iris import charts, network
from lib.palette import OKABE_ITO

HISTORY = {"loss": [1.0, 0.6], "test_loss": [1.1, 0.7], "accuracy": [0.5, 0.8], "test_accuracy": [0.4, 0.9]}


def layer_with(spec: dict, mark: str, field: str) -> dict:
    """The first layer of ``spec`` drawing ``mark`` with an encoding of ``field``."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark
                and any(isinstance(channel, dict) and channel.get("field") == field
                        for channel in layer["encoding"].values()))


def scale_of(encoding: dict) -> dict:
    """Value → what the scale maps it to."""
    return dict(zip(encoding["scale"]["domain"], encoding["scale"]["range"]))


def test_the_diagram_names_inputs_and_outputs_and_shows_each_weight_on_hover():
    config = iris.IrisConfig(hidden_layers=(5,))
    weights = network.untrained(config.layer_sizes, seed=0)
    spec = charts.network_diagram(config.layer_sizes, weights)
    assert spec["title"]["text"] == charts.DIAGRAM_TITLE
    labels = [row["name"] for layer in spec["layer"] if layer["mark"]["type"] == "text"
              for row in layer["data"]["values"] if "name" in row]
    assert labels == ["sepal length", "sepal width", "petal length", "petal width", *iris.SPECIES]
    lines = layer_with(spec, "rule", "sign")
    tips = [row["tip"] for row in lines["data"]["values"]]
    assert len(tips) == 4 * 5 + 5 * 3
    assert f"petal width → hidden 1, neuron 5: weight {weights[0][0][3, 4]:+.2f}" in tips
    assert f"hidden 1, neuron 2 → virginica: weight {weights[1][0][1, 2]:+.2f}" in tips
    assert lines["encoding"]["tooltip"] == [{"field": "tip", "title": "connection"}]
    # The same tip on an invisible dot in the middle of each line, easier to hover than a thin line.
    middles = layer_with(spec, "point", "mid_x")
    assert middles["mark"]["opacity"] == 0 and middles["encoding"]["tooltip"] == lines["encoding"]["tooltip"]
    neurons = layer_with(spec, "point", "kind")
    assert "setosa: bias +0.00" in [row["tip"] for row in neurons["data"]["values"]]
    assert {k: scale_of(neurons["encoding"]["fill"])[k] for k in iris.SPECIES} == dict(
        zip(iris.SPECIES, charts.SPECIES_COLOURS))
    assert [scale_of(neurons["encoding"]["shape"])[k] for k in iris.SPECIES] == list(charts.SPECIES_MARKERS)
    # Vermillion for positive, purple for negative, thicker for stronger: the strongest weight is widest.
    colours = scale_of(lines["encoding"]["stroke"])
    assert (colours["positive"], colours["negative"]) == charts.WEIGHT_COLOURS
    rows = lines["data"]["values"]
    strongest = max(rows, key=lambda row: abs(row["weight"]))
    assert strongest["width"] == 3.0 and len({row["width"] for row in rows}) > 1
    assert all((row["weight"] < 0) == (row["sign"] == "negative") for row in rows)


def test_before_any_weights_every_line_is_grey():
    spec = charts.network_diagram((4, 3))
    lines = layer_with(spec, "rule", "sign")
    assert {row["sign"] for row in lines["data"]["values"]} == {"not trained"}
    assert scale_of(lines["encoding"]["stroke"])["not trained"] == charts.UNTRAINED_COLOUR
    wide = charts.network_diagram((4, 40, 3))  # a layer wider than 12 shows its first 12
    assert len(layer_with(wide, "rule", "sign")["data"]["values"]) == 4 * 12 + 12 * 3


def test_species_colours_mean_species_only():
    """No chart uses a species' colour for anything else: curves and weights have their own."""
    assert not set(charts.CURVE_COLOURS + charts.WEIGHT_COLOURS) & set(charts.SPECIES_COLOURS)
    curves = charts.training_curves(HISTORY, 3, compact=True)
    for panel in curves["vconcat"]:
        assert panel["encoding"]["color"]["scale"]["range"] == list(charts.CURVE_COLOURS)
    bars = charts.accuracy_bars({"Your neural network": 0.9, "Logistic regression": 0.95})
    assert scale_of(layer_with(bars, "bar", "model")["encoding"]["color"]) == {
        "Your neural network": charts.WEIGHT_COLOURS[0], "Logistic regression": charts.BASELINE_COLOUR}
    sure = charts.probability_bars(np.array([0.7, 0.2, 0.1]), 0.5)
    assert scale_of(layer_with(sure, "bar", "species")["encoding"]["color"]) == dict(
        zip(iris.SPECIES, charts.SPECIES_COLOURS))


def test_the_step_charts_label_their_numbers():
    sure = charts.probability_bars(np.array([0.7, 0.2, 0.1]), 0.5)
    assert [row["label"] for row in sure["data"]["values"]] == ["70.0%", "20.0%", "10.0%"]
    assert layer_with(sure, "rule", "threshold")["data"]["values"][0]["threshold"] == 50
    confusion = charts.confusion_figure(np.array([[12, 0, 0], [0, 11, 2], [0, 1, 12]]))
    rows = confusion["data"]["values"]
    assert {"true species": "versicolor", "predicted species": "virginica", "flowers": 2} in rows and len(rows) == 9
    cells = layer_with(confusion, "rect", "flowers")["encoding"]
    assert cells["fill"]["scale"]["domain"] == [0, 12] and cells["x"]["title"] == "predicted species"
    bars = charts.accuracy_bars({"Your neural network": 0.9, "Logistic regression": 0.95})
    assert [row["label"] for row in bars["data"]["values"]] == ["90.0%", "95.0%"]


def test_the_curves_show_loss_and_accuracy_for_training_and_test_flowers_with_the_epochs_to_come():
    spec = charts.training_curves(HISTORY, 10)
    rows = spec["data"]["values"]
    assert len(rows) == 8 and {"epoch": 2, "measure": "accuracy", "flowers": "test flowers", "value": 0.9} in rows
    loss, accuracy = spec["vconcat"]
    assert [panel["transform"][0]["filter"]["equal"] for panel in (loss, accuracy)] == ["loss", "accuracy"]
    assert accuracy["encoding"]["x"]["scale"]["domain"] == [0.5, 10.5]  # all ten epochs, before they happen
    assert accuracy["encoding"]["y"]["scale"] == {"domain": [0, 1]} and accuracy["encoding"]["x"]["title"] == "epoch"
    assert spec["title"] == "Training, epoch by epoch"
    empty = charts.training_curves({}, 5, compact=True)  # before training: the axes, nothing drawn yet
    assert empty["data"]["values"] == [] and empty["vconcat"][0]["encoding"]["y"]["scale"] == {"domain": [0, 1.2]}
    assert empty["title"] == "Learning, epoch by epoch"


def test_the_curves_of_an_own_table_name_its_rows():
    spec = charts.training_curves(HISTORY, 10, compact=True, items="rows")
    assert {"epoch": 2, "measure": "accuracy", "rows": "test rows", "value": 0.9} in spec["data"]["values"]
    for panel in spec["vconcat"]:
        encoding = panel["encoding"]
        fields = encoding["color"]["field"], encoding["strokeDash"]["field"], encoding["tooltip"][0]["field"]
        assert fields == ("rows", "rows", "rows")
        assert encoding["color"]["scale"]["domain"] == ["training rows", "test rows"]
    assert "flowers" not in json.dumps(spec)


def picture(uri: str) -> np.ndarray:
    assert uri.startswith("data:image/png;base64,")  # inside the spec: nothing to fetch from anywhere
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))))


def test_the_decision_map_paints_each_species_in_its_own_colour_under_the_flowers():
    frame = iris.load_iris_frame()
    grid = np.zeros((2, 3, 3))  # indexed [y, x]: the lower row setosa, the upper row versicolor then virginica
    grid[0, :, 0] = grid[1, :2, 1] = grid[1, 2, 2] = 1
    spec = charts.decision_map(np.arange(3.0), np.arange(2.0), grid, frame, 2, 3, compact=True)
    image = layer_with(spec, "image", "url")
    pixels = picture(image["data"]["values"][0]["url"])
    cell = charts.MAP_CELL_PX
    assert pixels.shape == (2 * cell, 3 * cell, 4)
    rgb = {name: tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5)) for name, colour in
           zip(iris.SPECIES, charts.SPECIES_COLOURS)}
    assert tuple(pixels[-1, 0, :3]) == rgb["setosa"]  # the lowest y is at the bottom of the picture
    assert tuple(pixels[0, 0, :3]) == rgb["versicolor"] and tuple(pixels[0, -1, :3]) == rgb["virginica"]
    assert set(pixels[..., 3].ravel()) == {round(255 * charts.MAP_SHADE)}  # see-through, the same for all
    assert {k: image["data"]["values"][0][k] for k in ("x", "x2", "y", "y2")} == {"x": 0, "x2": 2, "y": 0, "y2": 1}
    points = layer_with(spec, "point", "species")
    assert scale_of(points["encoding"]["color"]) == dict(zip(iris.SPECIES, charts.SPECIES_COLOURS))
    assert points["encoding"]["color"]["legend"] is None and len(spec["data"]["values"]) == 150  # no star
    assert (points["encoding"]["x"]["title"], points["encoding"]["y"]["title"]) == iris.FEATURES[2:]

    flower = iris.EXAMPLE_FLOWERS[0]
    full = charts.decision_map(np.arange(3.0), np.arange(2.0), grid, frame, 0, 1, flower)
    mine = full["data"]["values"][-1]
    assert mine == {"x": flower[0], "y": flower[1], "species": "your flower"}
    points = layer_with(full, "point", "species")
    assert scale_of(points["encoding"]["color"])["your flower"] == OKABE_ITO["black"]
    assert scale_of(points["encoding"]["shape"])["your flower"] == charts.STAR
    assert points["encoding"]["color"]["legend"] is not None
