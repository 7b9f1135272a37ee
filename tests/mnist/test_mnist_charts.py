"""The /mnist playground's probability bars as a Vega-Lite spec: its data, colours, titles, line and tooltips."""

import json

import numpy as np
import pytest

from lib.mnist import NETWORK_NAMES, charts
from lib.palette import OKABE_ITO
from tests.test_charts_accessible import allowed, colours, encodings, title

PLAIN = np.array([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.62, 0.05, 0.05])
INVERTED = np.eye(10)[7] * 0.9 + 0.01


def _layers(spec: dict) -> dict[str, dict]:
    return {layer["mark"]["type"]: layer for layer in spec["layer"]}


def test_one_network_draws_its_ten_bars_in_its_colour_with_the_line():
    spec = charts.probability_bars({False: PLAIN}, threshold=0.5)
    json.dumps(spec)  # plain data: what st.vega_lite_chart sends as it is
    assert spec["title"] == "How sure it is of each digit"
    rows = spec["data"]["values"]
    assert [row["digit"] for row in rows] == [str(d) for d in range(10)]
    assert [row["probability"] for row in rows] == pytest.approx(100 * PLAIN)
    assert {row["network"] for row in rows} == {NETWORK_NAMES[False]}
    layers = _layers(spec)
    assert set(layers) == {"bar", "rule", "text"}
    colour = layers["bar"]["encoding"]["color"]
    assert colour["scale"] == {"domain": [NETWORK_NAMES[False]], "range": [charts.MODEL_COLOURS[False]]}
    assert colour["legend"] is not None  # the network is named
    assert layers["rule"]["data"]["values"][0]["threshold"] == 50
    assert layers["text"]["data"]["values"][0]["says"] == "I don't know below this"


def test_both_networks_side_by_side_and_no_line_without_a_threshold():
    spec = charts.probability_bars({False: PLAIN, True: INVERTED})
    assert spec["title"] == "How sure each network is"
    assert len(spec["data"]["values"]) == 20
    assert set(_layers(spec)) == {"bar"}
    bar = _layers(spec)["bar"]["encoding"]
    assert bar["xOffset"]["field"] == "network"  # grouped, one bar per network for each digit
    assert bar["color"]["scale"]["range"] == [charts.MODEL_COLOURS[False], charts.MODEL_COLOURS[True]]
    assert charts.MODEL_COLOURS[False] == OKABE_ITO["orange"] and charts.MODEL_COLOURS[True] == OKABE_ITO["blue"]


def test_the_bars_are_accessible_and_hover_gives_the_values():
    spec = charts.probability_bars({True: INVERTED}, threshold=0.7)
    assert title(spec)
    for encoding in encodings(spec):
        for channel in ("x", "y"):
            if encoding.get(channel, {}).get("field"):
                assert encoding[channel].get("title"), (channel, encoding)
    assert all(allowed(c) for c in colours(spec) if c.startswith(("#", "rgb")))
    tooltip = {item["field"] for item in _layers(spec)["bar"]["encoding"]["tooltip"]}
    assert tooltip == {"network", "digit", "probability"}
    assert _layers(spec)["bar"]["encoding"]["y"]["scale"]["domain"] == [0, 105]
