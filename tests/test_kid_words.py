"""Kid mode speaks kid words: no grown-up term is left on /kmeans and /noise in kid mode, in any text the page
shows (markdown, captions, labels, help, options, metrics, tab names, chart titles, axes, legends, hovers).

The "Words on this page" strip, and a help text's closing glossary entry, are left out of the check: they
explain each term in kid words right there.
So is the "Try this" part at the end: the exercises belong to the lesson files.
"""

import json

import pyarrow as pa
import pytest
from google.protobuf.json_format import MessageToDict

from lib import glossary
from tests.conftest import open_with_link, unfold

KMEANS_TERMS = ("standardis", "inertia", "centroid", "cluster", "scikit-learn", "KMeans", "Rand index", "n_init",
                "squared distance", "silhouette", "classify", "DBSCAN", "Gaussian mixture")
NOISE_TERMS = ("RMS", "S/N", "signal-to-noise", "standard deviation", "log scale", "√N", "Topaz", "microscopy",
               "scripts/", "1/√N")
SPEC_FIELDS = ("spec", "figure")  # JSON documents inside an element: chart specs


def strings(node):
    """Every string in a JSON-like value."""
    if isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)
    elif isinstance(node, str):
        yield node


def element_text(proto) -> list[str]:
    """The text an element shows: its fields' strings, chart specs parsed, chart data tables read."""
    found = []
    fields = MessageToDict(proto, preserving_proto_field_name=True)
    for name, value in fields.items():
        if name in SPEC_FIELDS and isinstance(value, str):
            found += strings(json.loads(value))
        elif name not in ("id", "form_id", "data", "datasets"):
            found += strings(value)
    for field, data in proto.ListFields():
        if field.name in ("data", "datasets"):  # a Vega-Lite chart's rows, as Arrow tables
            for table in (data if field.name == "datasets" else [data]):
                raw = getattr(table, "data", table)
                raw = getattr(raw, "data", raw)
                if isinstance(raw, bytes) and raw:
                    rows = pa.ipc.open_stream(raw).read_all()
                    found += [str(v) for column in rows.columns if pa.types.is_string(column.type)
                              for v in column.to_pylist()]
    return found


def shown_text(app) -> str:
    """All the text of the page's main area up to its "Try this" part, without the glossary strip."""
    found = []

    def walk(node) -> bool:  # False once "Try this" is reached
        proto = getattr(node, "proto", None)
        if node.type == "expander" and node.label.startswith("Words on this page"):
            return True
        if node.type == "expander" and node.label.startswith("Try this"):
            return False
        if proto is not None:
            found.extend(element_text(proto))
        for child in getattr(node, "children", {}).values():
            if not walk(child):
                return False
        return True

    walk(app.main)
    text = "\n".join(found)
    # A control's help may end with a term and its kid explanation (lib.ui.with_term): explained right there.
    for item in glossary.TERMS:
        text = text.replace(f"**{item.name[0].upper() + item.name[1:]}**: {item.kids}", "")
    return text


def assert_kid_words(text: str, terms, where: str) -> None:
    left = sorted({term for term in terms if term.casefold() in text.casefold()})
    lines = [line for line in text.splitlines() if any(t.casefold() in line.casefold() for t in left)]
    assert not left, f"{where} in kid mode still says {left}:\n" + "\n".join(lines[:12])


def test_kmeans_kid_mode_has_no_grown_up_words():
    app = unfold(open_with_link("pages/5_kmeans.py", {"kids": "on"}))  # every step open: their words count too
    app.toggle(key="km_reveal").set_value(True).run()
    app.button(key="km_run_all").click().run()  # finished: the result, the score, the messiness chart
    assert not app.exception
    text = shown_text(app)
    assert "Finished after" in text
    assert_kid_words(text, KMEANS_TERMS, "/kmeans")


@pytest.mark.parametrize("kind", ["gaussian", "salt_pepper"])
def test_noise_kid_mode_has_no_grown_up_words(kind):
    app = unfold(open_with_link("pages/4_noise.py", {"kids": "on", "kind": kind}))
    text = shown_text(app)
    assert "Scribbles left" in text or kind == "salt_pepper"
    assert_kid_words(text, NOISE_TERMS, "/noise")


def test_the_plain_pages_keep_their_terms():
    """The check can see terms at all: the same pages outside kid mode use them."""
    kmeans = open_with_link("pages/5_kmeans.py")
    kmeans.button(key="km_run_all").click().run()
    assert "inertia" in shown_text(kmeans)
    noise = shown_text(unfold(open_with_link("pages/4_noise.py")))  # every step open: the chart's step too
    assert "RMS error" in noise and "S/N" in noise
