"""lib.iris.charts: the steps' Vega-Lite charts label their numbers, and each species has one colour on every
chart (the playground's SVG pictures: tests/iris/test_iris_pictures.py)."""

import numpy as np

from lib import iris
from lib.iris import charts


def layer_with(spec: dict, mark: str, field: str) -> dict:
    """The first layer of ``spec`` drawing ``mark`` with an encoding of ``field``."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark
                and any(isinstance(channel, dict) and channel.get("field") == field
                        for channel in layer["encoding"].values()))


def scale_of(encoding: dict) -> dict:
    """Value → what the scale maps it to."""
    return dict(zip(encoding["scale"]["domain"], encoding["scale"]["range"]))


def test_species_colours_mean_species_only():
    """No chart uses a species' colour for anything else: curves and weights have their own."""
    assert not set(charts.CURVE_COLOURS + charts.WEIGHT_COLOURS) & set(charts.SPECIES_COLOURS)
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
