"""The MNIST page's charts, as plain functions returning a Vega-Lite spec (the playground's probabilities, on the
first screen) or plotly figures (the steps below it, loaded only when a learner opens one); its pictures are
drawn with :mod:`lib.images`: ``enlarge(to_8bit(digit), side)``.

Colours come from :mod:`lib.palette` (Okabe-Ito) only; every chart has a title and axis labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.images import mosaic
from lib.mnist.model import NETWORK_NAMES
from lib.palette import CATEGORICAL, DIVERGING, MODEBAR_PX, OKABE_ITO, SEQUENTIAL, use_plotly_template

MODEL_COLOURS = {False: CATEGORICAL[1], True: CATEGORICAL[0]}  # orange, blue


def probability_bars(probabilities: dict[bool, np.ndarray], threshold: float | None = None,
                     height: int = 340) -> dict:
    """A Vega-Lite spec (for ``st.vega_lite_chart``) of grouped bars: each network's probability (in %) for
    each digit, the networks named in the legend and coloured by :data:`MODEL_COLOURS`, with the "I don't
    know" line at ``threshold`` (in [0, 1]; None: no line). ``height``: the whole chart's, in pixels (Streamlit
fits title, axes, legend and bars into it).

    Vega-Lite rather than plotly: the playground shows this chart on the page's first screen, and a plotly
    chart makes the page's first open fetch and start 4.7 MB of JavaScript (issue #17)."""
    names = [NETWORK_NAMES[inverted] for inverted in probabilities]
    rows = [{"digit": str(digit), "network": NETWORK_NAMES[inverted], "probability": round(100 * float(p), 2)}
            for inverted, values in probabilities.items() for digit, p in enumerate(np.asarray(values).ravel())]
    percent = {"type": "quantitative", "title": "probability (%)", "scale": {"domain": [0, 105]}}
    bars = {
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "digit", "type": "nominal", "title": "digit", "sort": [str(d) for d in range(10)],
                  "axis": {"labelAngle": 0}},
            "xOffset": {"field": "network", "type": "nominal", "sort": names},
            "y": {"field": "probability", **percent},
            # The legend names each network short ("plain"), to fit beside a drawing; hovering a bar gives
            # the whole name.
            "color": {"field": "network", "type": "nominal", "title": "network",
                      "scale": {"domain": names, "range": [MODEL_COLOURS[inverted] for inverted in probabilities]},
                      "legend": {"orient": "bottom", "direction": "horizontal", "titleOrient": "left",
                                 "labelExpr": "split(datum.label, ' (')[0]"}},
            "tooltip": [{"field": "network", "type": "nominal"}, {"field": "digit", "type": "nominal"},
                        {"field": "probability", "type": "quantitative", "title": "probability (%)",
                         "format": ".1f"}],
        },
    }
    layers = [bars]
    if threshold is not None:
        line = {"data": {"values": [{"threshold": round(100 * threshold, 2), "says": "I don't know below this"}]},
                "encoding": {"y": {"field": "threshold", **percent}}}
        layers += [
            {**line, "mark": {"type": "rule", "strokeDash": [6, 4], "strokeWidth": 2, "color": OKABE_ITO["black"]},
             "encoding": {**line["encoding"], "tooltip": [
                 {"field": "says", "type": "nominal", "title": "line"},
                 {"field": "threshold", "type": "quantitative", "title": "threshold (%)"}]}},
            {**line, "mark": {"type": "text", "align": "left", "baseline": "bottom", "x": 2, "dy": -3,
                              "color": OKABE_ITO["black"]},
             "encoding": {**line["encoding"], "text": {"field": "says", "type": "nominal"}}},
        ]
    return {
        "title": "How sure each network is" if len(probabilities) > 1 else "How sure it is of each digit",
        "height": height,
        "data": {"values": rows},
        "layer": layers,
    }


def threshold_chart(curve: pd.DataFrame, threshold: float):
    """Accuracy on the digits the network answers, and the share it answers, as the threshold moves."""
    import plotly.graph_objects as go

    use_plotly_template()
    figure = go.Figure()
    figure.add_scatter(x=100 * curve["threshold"], y=100 * curve["accuracy"], name="accuracy on answered digits",
                       mode="lines", line_color=CATEGORICAL[0])
    figure.add_scatter(x=100 * curve["threshold"], y=100 * curve["answered"], name="share of digits answered",
                       mode="lines", line={"color": CATEGORICAL[1], "dash": "dot"})
    figure.add_vline(x=100 * threshold, line_color=OKABE_ITO["black"], line_dash="dash")
    figure.update_layout(title="Fewer answers, more of them right",
                         xaxis_title="threshold: smallest probability it answers with (%)", yaxis_title="%",
                         height=340, legend={"orientation": "h", "y": -0.3},
                         margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return figure


def kernel_chart(kernels: np.ndarray):
    """The 16 first-layer 5×5 filters, blue for negative weights, vermillion for positive."""
    import plotly.express as px

    use_plotly_template()
    limit = float(np.abs(kernels).max()) or 1.0
    tiled = _tiles(kernels, columns=8, gap=1)
    figure = px.imshow(tiled, color_continuous_scale=[list(s) for s in DIVERGING], zmin=-limit, zmax=limit,
                       title="First layer: 16 filters, 5×5 each")
    return _bare_axes(figure, "weight", height=300)


def feature_map_chart(maps: np.ndarray, title: str):
    """Feature maps (channels, h, w) of one input: where each filter found its pattern (brighter = more)."""
    import plotly.express as px

    use_plotly_template()
    columns = 8
    figure = px.imshow(_tiles(maps, columns, gap=2), color_continuous_scale=[list(s) for s in SEQUENTIAL], zmin=0,
                       title=title)
    rows = -(-len(maps) // columns)
    return _bare_axes(figure, "response", height=160 + 60 * rows)


def confusion_chart(matrix: np.ndarray, title: str):
    """Confusion matrix: rows the true digit, columns the network's answer, cells the count."""
    import plotly.express as px

    use_plotly_template()
    # Log scale for the colour only, so the few mistakes are visible next to ~1,000 right answers.
    figure = px.imshow(np.log10(1 + matrix), x=[str(d) for d in range(10)], y=[str(d) for d in range(10)],
                       color_continuous_scale=[list(s) for s in SEQUENTIAL], title=title,
                       labels={"x": "the network's answer", "y": "the true digit", "color": "log₁₀ count"})
    figure.update_traces(text=matrix, texttemplate="%{text}", hovertemplate="true %{y}, answered %{x}: %{text}")
    figure.update_layout(coloraxis_showscale=False, height=460, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    return figure


def training_chart(history: dict[str, list[float]]):
    """Live training curves: running loss and accuracy against training images seen, one above the other
    (side by side, their titles would collide on a phone)."""
    from plotly.subplots import make_subplots

    use_plotly_template()
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.16,
                           subplot_titles=("loss (lower is better)", "accuracy (%)"))
    seen = history.get("seen", [])
    figure.add_scatter(x=seen, y=history.get("loss", []), name="training loss", line_color=CATEGORICAL[0],
                       row=1, col=1)
    figure.add_scatter(x=seen, y=100 * np.asarray(history.get("accuracy", [])), name="training accuracy",
                       line_color=CATEGORICAL[0], showlegend=False, row=2, col=1)
    figure.update_xaxes(title_text="training images seen", row=2, col=1)
    # The figure's title sits below the toolbar's band; the first chart's own title below that.
    figure.update_layout(title="Training as it happens", height=480, showlegend=False,
                         margin={"l": 10, "r": 10, "t": MODEBAR_PX + 55, "b": 10})
    return figure


def _tiles(stack: np.ndarray, columns: int, gap: int) -> np.ndarray:
    # Gaps are NaN, which plotly leaves blank rather than colouring as a weight or response.
    return mosaic(np.asarray(stack, dtype=np.float32), columns, gap, fill=np.nan)


def _bare_axes(figure, colour_label: str, height: int):
    # A horizontal colour bar under the picture leaves the full width to the maps on a phone.
    figure.update_xaxes(showticklabels=False, showgrid=False)
    figure.update_yaxes(showticklabels=False, showgrid=False)
    figure.update_layout(height=height, margin={"l": 10, "r": 10, "t": 50, "b": 10},
                         coloraxis_colorbar={"title": {"text": colour_label, "side": "right"}, "orientation": "h",
                                             "thickness": 12, "y": -0.05, "yanchor": "top"})
    return figure
