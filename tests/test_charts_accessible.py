"""Every chart on every page, as the browser receives it (every step opened): a title, axis labels where there
are axes, and only colours from the colour-blind-safe palette (Okabe–Ito, plus black, white and greys); plotly
figures, Vega-Lite specifications and SVG pictures (lib.svg) alike; an SVG picture also carries its alt text."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from lib.palette import OKABE_ITO
from lib.topics import TOPICS
from tests.conftest import ROOT, svg_pictures, unfold
from tests.svg_reader import elements, parse, texts

ALLOWED = {c.lower() for c in OKABE_ITO.values()} | {"#ffffff", "white", "black", "transparent"}
COLOUR_KEYS = {"color", "colorscale", "bgcolor", "bordercolor", "fillcolor", "outliercolor",
               "fill", "stroke", "range"}  # the last three: Vega-Lite marks and colour scales


def opened(page_file):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page(page_file).run()
    assert not app.exception
    return unfold(app)


def figures(app):
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def vega_specs(app):
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def colours(node, key=""):
    """Every colour string in a figure's traces (colour scales included), found by walking the JSON."""
    if isinstance(node, dict):
        for name, value in node.items():
            yield from colours(value, name)
    elif isinstance(node, list):
        for value in node:
            yield from colours(value, key)
    elif isinstance(node, str) and key in COLOUR_KEYS:
        yield node.lower().replace(" ", "")


def allowed(colour):
    if colour in ALLOWED:
        return True
    grey = re.fullmatch(r"#([0-9a-f]{2})\1\1", colour) or re.fullmatch(r"rgba?\((\d+),\1,\1(,[\d.]+)?\)", colour)
    if grey:
        return True
    rgba = re.fullmatch(r"rgba\((\d+),(\d+),(\d+),[\d.]+\)", colour)  # a palette colour made see-through
    return bool(rgba) and "#{:02x}{:02x}{:02x}".format(*map(int, rgba.groups())) in ALLOWED


def title(axis):
    text = (axis or {}).get("title")
    return text.get("text") if isinstance(text, dict) else text


def encodings(spec):
    """Every encoding in a Vega-Lite spec: its own and its layers'."""
    yield spec.get("encoding", {})
    for layer in spec.get("layer", []):
        yield from encodings(layer)


def labelled(axis):
    """An axis is labelled by a title, or by named ticks (a diagram's "input, hidden 1, …")."""
    return bool(title(axis) or (axis or {}).get("ticktext"))


def axes_shown(layout, name):
    axis = layout.get(name, {})
    return axis.get("visible", True) and axis.get("showticklabels", True)


@pytest.mark.parametrize("item", TOPICS, ids=lambda t: t.slug)
def test_charts_have_titles_axis_labels_and_palette_colours(item):
    app = opened(item.page_file)
    for spec in vega_specs(app):
        name = title(spec) or "(untitled)"
        assert title(spec), f"a Vega-Lite chart on /{item.slug} has no title"
        for channel in ("x", "y"):
            for encoding in encodings(spec):
                axis = encoding.get(channel)
                if axis and axis.get("field") and axis.get("axis", {}) is not None:
                    assert axis.get("title"), f"“{name}” on /{item.slug}: {channel} has no label"
        wrong = sorted({c for c in colours(spec) if c.startswith(("#", "rgb")) and not allowed(c)})
        assert not wrong, f"“{name}” on /{item.slug} uses colours outside the palette: {wrong}"
    for key, markup in svg_pictures(app).items():
        root = parse(markup)
        assert root.get("aria-label"), f"the picture {key} on /{item.slug} has no alt text"
        assert elements(root, "text") and elements(root, "text")[0].get("font-weight") == "bold", \
            f"the picture {key} on /{item.slug} does not start with its title"
        painted = {e.get(a).lower() for e in root.iter() for a in ("fill", "stroke") if e.get(a)} - {"none"}
        wrong = sorted(c for c in painted if not allowed(c))
        assert not wrong, f"“{texts(root)[0]}” on /{item.slug} uses colours outside the palette: {wrong}"
    for figure in figures(app):
        layout = figure["layout"]
        name = title(layout) or "(untitled)"
        assert title(layout), f"a chart on /{item.slug} has no title"
        kinds = {trace.get("type", "scatter") for trace in figure["data"]}
        if kinds & {"scatter", "bar", "histogram"} and not kinds & {"image"}:
            for axis in ("xaxis", "yaxis"):
                if axes_shown(layout, axis):
                    assert labelled(layout.get(axis)), f"“{name}” on /{item.slug}: {axis} has no label"
        if "scatter3d" in kinds:
            for axis in ("xaxis", "yaxis", "zaxis"):
                assert title(layout["scene"][axis]), f"“{name}” on /{item.slug}: 3-D {axis} has no label"
        wrong = sorted({c for c in colours(figure["data"]) if not allowed(c)})
        assert not wrong, f"“{name}” on /{item.slug} uses colours outside the palette: {wrong}"
