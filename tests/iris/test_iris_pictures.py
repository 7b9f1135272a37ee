"""lib.iris.pictures: the playground's SVG pictures (issue #17). The network drawn with its inputs and outputs
named and its weights readable on hover, the decision map and the curves, each species in its colour and shape."""

import base64
import io

import numpy as np
from PIL import Image

from lib import iris
from lib.iris import charts, network, pictures
from lib.palette import OKABE_ITO
from tests.svg_reader import elements, parse, texts, tip, tips

HISTORY = {"loss": [1.0, 0.6], "test_loss": [1.1, 0.7], "accuracy": [0.5, 0.8], "test_accuracy": [0.4, 0.9]}


def test_the_diagram_names_inputs_and_outputs_and_shows_each_weight_on_hover():
    config = iris.IrisConfig(hidden_layers=(5,))
    weights = network.untrained(config.layer_sizes, seed=0)
    root = parse(pictures.network_diagram(config.layer_sizes, weights, alt="The network"))
    assert root.get("role") == "img" and root.get("aria-label") == "The network"
    words = texts(root)
    assert words[0] == pictures.DIAGRAM_TITLE
    assert {"sepal length", "sepal width", "petal length", "petal width", *iris.SPECIES} <= set(words)
    lines = elements(root, "line")
    assert len(lines) == 4 * 5 + 5 * 3
    line_tips = [tip(line) for line in lines]
    assert f"petal width → hidden 1, neuron 5: weight {weights[0][0][3, 4]:+.2f}" in line_tips
    assert f"hidden 1, neuron 2 → virginica: weight {weights[1][0][1, 2]:+.2f}" in line_tips
    assert "setosa: bias +0.00" in tips(root, "circle")
    # Each species in its colour and marker shape: setosa a circle, versicolor a square, virginica a diamond.
    outputs = [e for e in [*elements(root, "circle"), *elements(root, "polygon")] if tip(e).split(":")[0] in iris.SPECIES]
    assert {tip(e).split(":")[0]: e.get("fill") for e in outputs} == dict(zip(iris.SPECIES, charts.SPECIES_COLOURS))
    assert [e.tag.split("}")[1] for e in outputs] == ["circle", "polygon", "polygon"]
    # Vermillion for positive, dashed purple for negative, thicker for stronger: the strongest weight is widest.
    rows, _ = pictures.diagram_rows(config.layer_sizes, weights)
    for row, line in zip(rows, lines):
        assert line.get("stroke") == charts.WEIGHT_COLOURS[row["weight"] < 0]
        assert bool(line.get("stroke-dasharray")) == (row["weight"] < 0)
        assert float(line.get("stroke-width")) == row["width"]
    strongest = max(rows, key=lambda row: abs(row["weight"]))
    assert strongest["width"] == 3.0 and len({row["width"] for row in rows}) > 1


def test_before_any_weights_every_line_is_grey():
    root = parse(pictures.network_diagram((4, 3), alt="x"))
    assert {line.get("stroke") for line in elements(root, "line")} == {charts.UNTRAINED_COLOUR}
    wide = parse(pictures.network_diagram((4, 40, 3), alt="x"))  # a layer wider than 12 shows its first 12
    assert len(elements(wide, "line")) == 4 * 12 + 12 * 3
    assert "hidden 1 40" in texts(wide)  # but its label counts them all


def test_the_curves_show_loss_and_accuracy_for_training_and_test_flowers_with_the_epochs_to_come():
    root = parse(pictures.training_curves(HISTORY, 10, alt="curves"))
    words = texts(root)
    assert words[0] == "Training, epoch by epoch"
    assert words.index("Loss: how wrong (lower is better)") < words.index("Accuracy: share right (higher is better)")
    assert {"training flowers", "test flowers", "epoch", "10"} <= set(words)  # all ten epochs, before they happen
    assert "test flowers, epoch 2: accuracy 0.900" in tips(root, "circle")
    curves = elements(root, "polyline")
    assert [c.get("stroke") for c in curves] == list(charts.CURVE_COLOURS) * 2  # loss, then accuracy
    assert not set(charts.CURVE_COLOURS) & set(charts.SPECIES_COLOURS)  # a species' colour means that species
    assert [bool(c.get("stroke-dasharray")) for c in curves] == [False, True] * 2  # the test curve dashed
    empty = parse(pictures.training_curves({}, 5, compact=True, alt="curves"))  # before training: the axes only
    assert not elements(empty, "polyline") and texts(empty)[0] == "Learning, epoch by epoch"


def test_the_curves_of_an_own_table_name_its_rows():
    root = parse(pictures.training_curves(HISTORY, 10, compact=True, items="rows", alt="curves"))
    assert {"training rows", "test rows"} <= set(texts(root))
    assert "test rows, epoch 2: accuracy 0.900" in tips(root, "circle")
    assert "flowers" not in "".join(texts(root)) + "".join(tips(root, "circle"))


def picture(uri: str) -> np.ndarray:
    assert uri.startswith("data:image/png;base64,")  # inside the picture: nothing to fetch from anywhere
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))))


def test_the_decision_map_paints_each_species_in_its_own_colour_under_the_flowers():
    frame = iris.load_iris_frame()
    grid = np.zeros((2, 3, 3))  # indexed [y, x]: the lower row setosa, the upper row versicolor then virginica
    grid[0, :, 0] = grid[1, :2, 1] = grid[1, 2, 2] = 1
    root = parse(pictures.decision_map(np.arange(3.0), np.arange(2.0), grid, frame, 2, 3, compact=True, alt="map"))
    [image] = elements(root, "image")
    pixels = picture(image.get("href"))
    cell = pictures.MAP_CELL_PX
    assert pixels.shape == (2 * cell, 3 * cell, 4)
    rgb = {name: tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5)) for name, colour in
           zip(iris.SPECIES, charts.SPECIES_COLOURS)}
    assert tuple(pixels[-1, 0, :3]) == rgb["setosa"]  # the lowest y is at the bottom of the picture
    assert tuple(pixels[0, 0, :3]) == rgb["versicolor"] and tuple(pixels[0, -1, :3]) == rgb["virginica"]
    assert set(pixels[..., 3].ravel()) == {round(255 * pictures.MAP_SHADE)}  # see-through, the same for all
    flowers = [e for e in [*elements(root, "circle"), *elements(root, "polygon")] if tip(e)]
    assert len(flowers) == 150  # no star, no legend
    assert {tip(e).split(":")[0]: e.get("fill") for e in flowers} == dict(zip(iris.SPECIES, charts.SPECIES_COLOURS))
    assert "setosa: petal length 1.4, petal width 0.2" in [tip(e) for e in flowers]
    assert {"petal length (cm)", "petal width (cm)"} <= set(texts(root))  # the axes' titles

    flower = iris.EXAMPLE_FLOWERS[0]
    full = parse(pictures.decision_map(np.arange(3.0), np.arange(2.0), grid, frame, 0, 1, flower, alt="map"))
    star = next(e for e in elements(full, "polygon") if (tip(e) or "").startswith(pictures.MINE))
    assert star.get("fill") == OKABE_ITO["black"]
    assert tip(star) == f"your flower: sepal length {flower[0]:g}, sepal width {flower[1]:g}"
    assert {*iris.SPECIES, pictures.MINE} <= set(texts(full))  # the legend names them


def test_a_name_from_a_learners_table_is_shown_as_text():
    markup = pictures.network_diagram((2, 2), alt="<b>alt</b>", features=("<script>x</script>", "a&b"),
                                      classes=("<i>one</i>", "two"))
    root = parse(markup)
    assert "<script>" not in markup and "<i>" not in markup and "<b>" not in markup
    assert {"<script>x</script>", "a&b", "<i>one</i>"} <= set(texts(root))
    assert root.get("aria-label") == "<b>alt</b>"
