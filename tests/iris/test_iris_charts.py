"""lib.iris.charts: the network drawn with its inputs and outputs named and its weights readable on hover, and
each species in one colour on every chart (issue #17)."""

import numpy as np

from lib import iris
from lib.iris import charts, network
from lib.palette import OKABE_ITO


def test_the_diagram_names_inputs_and_outputs_and_shows_each_weight_on_hover():
    config = iris.IrisConfig(hidden_layers=(5,))
    weights = network.untrained(config.layer_sizes, seed=0)
    figure = charts.network_diagram(config.layer_sizes, weights)
    labels = [a.text for a in figure.layout.annotations]
    assert labels == ["sepal length", "sepal width", "petal length", "petal width", *iris.SPECIES]
    hover = [text for trace in figure.data if trace.hovertext is not None for text in trace.hovertext]
    assert f"petal width → hidden 1, neuron 5: weight {weights[0][0][3, 4]:+.2f}" in hover
    assert f"hidden 1, neuron 2 → virginica: weight {weights[1][0][1, 2]:+.2f}" in hover
    assert "setosa: bias +0.00" in hover
    outputs = figure.data[-1]
    assert list(outputs.marker.color) == list(charts.SPECIES_COLOURS)
    # Thicker for stronger: the strongest weight is drawn in the widest line.
    widths = {trace.line.width for trace in figure.data if trace.mode == "lines"}
    assert max(widths) == 3.0 and len(widths) > 1


def test_before_any_weights_every_line_is_grey():
    figure = charts.network_diagram((4, 3))
    lines = [trace for trace in figure.data if trace.mode == "lines"]
    assert [trace.line.color for trace in lines] == ["#C8C8C8"]


def test_species_colours_mean_species_only():
    """No chart uses a species' colour for anything else: curves and weights have their own."""
    assert not set(charts.CURVE_COLOURS + charts.WEIGHT_COLOURS) & set(charts.SPECIES_COLOURS)
    curves = charts.training_curves({"loss": [1.0], "test_loss": [1.1], "accuracy": [0.5], "test_accuracy": [0.4]},
                                    3, compact=True)
    assert {trace.line.color for trace in curves.data} == {OKABE_ITO["black"], OKABE_ITO["reddish purple"]}
    bars = charts.accuracy_bars({"Your neural network": 0.9, "Logistic regression": 0.95})
    assert not set(bars.data[0].marker.color) & set(charts.SPECIES_COLOURS)


def test_the_decision_map_paints_each_species_in_its_own_colour():
    frame = iris.load_iris_frame()
    grid = np.zeros((2, 3, 3))
    grid[0, :, 0] = grid[1, :2, 1] = grid[1, 2, 2] = 1
    figure = charts.decision_map(np.arange(3.0), np.arange(2.0), grid, frame, 2, 3, compact=True)
    heatmap = figure.data[0]
    scale = [tuple(stop) for stop in heatmap.colorscale]
    for species in range(3):  # the winner's number lands on a stretch of the scale in one colour, no blend
        at = (species - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)
        below = [colour for stop, colour in scale if stop <= at][-1]
        above = [colour for stop, colour in scale if stop >= at][0]
        assert below == above == charts.SPECIES_COLOURS[species]
    assert figure.layout.showlegend is False and len(figure.data) == 4  # no star without a flower
