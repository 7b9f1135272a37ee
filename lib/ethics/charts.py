"""The ethics page's one kind of chart: grouped bars of shares (accuracies, probabilities) between 0 and 1.

A Vega-Lite specification (a plain dict, for ``st.vega_lite_chart``) built from plain lists: the browser code
for Vega-Lite is a fifth of plotly's, so the page's first screen opens sooner. Colours are Okabe-Ito
(:data:`lib.palette.CATEGORICAL`, one per series), the threshold line the palette's black.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lib.palette import CATEGORICAL, OKABE_ITO

TICKS = (0, 0.25, 0.5, 0.75, 1)  #: the percentages up the side
TOP = 1.08  #: the share axis ends a little above 100%, so a full bar's value label fits
#: A category's name breaks before its parenthesis ("Plain" over "(white-on-black digits only)"), so names fit
#: under their bars on a phone.
SPLIT = "split(replace(datum.label, ' (', '\\n('), '\\n')"
LEGEND_ROW = 40  #: legend labels longer than this together go one under the other, so a phone shows them whole


def bars(title: str, x: Sequence[str], series: Mapping[str, Sequence[float]], y_title: str, labels: bool = True,
         ticks: bool = True, line: float | None = None, line_label: str = "", height: int = 200,
         x_title: str = "") -> dict:
    """A Vega-Lite spec of grouped bars of shares (0-1) at the categories ``x`` (named ``x_title``), one bar
    and colour per series (its name goes in the legend below); hovering a bar shows its category, series and
    share. ``labels`` prints each bar's value as a percentage above it, ``ticks`` the percentages up the side;
    ``line`` draws a dashed level across the chart (a threshold), named ``line_label`` (outlined in white, so it
    reads over a bar). ``height`` is the bars' area; title, axes and legend come on top of it."""
    names = list(series)
    rows = [{"category": str(category), "series": name, "share": float(value)}
            for name, values in series.items() for category, value in zip(x, values)]
    colour = {"field": "series", "type": "nominal", "sort": names,
              "scale": {"domain": names, "range": list(CATEGORICAL[:len(names)])},
              "legend": {"orient": "bottom", "direction": "horizontal", "title": None, "labelLimit": 0,
                         "columns": 1 if sum(map(len, names)) > LEGEND_ROW else len(names)}}
    share = {"field": "share", "type": "quantitative", "title": y_title or None,
             "scale": {"domain": [0, TOP], "nice": False},
             "axis": {"format": ".0%", "values": list(TICKS), "labels": ticks, "ticks": ticks}}
    shown: list[dict] = [{"mark": {"type": "bar"}}]
    if labels:
        shown.append({"mark": {"type": "text", "baseline": "bottom", "dy": -3, "fontSize": 12},
                      "encoding": {"text": {"field": "share", "type": "quantitative", "format": ".0%"},
                                   "color": {"value": OKABE_ITO["black"]}}})
    layers: list[dict] = [{
        "encoding": {
            "x": {"field": "category", "type": "nominal", "sort": [str(category) for category in x],
                  "title": x_title or None, "axis": {"labelAngle": 0, "labelLimit": 0, "labelExpr": SPLIT}},
            "xOffset": {"field": "series", "type": "nominal", "sort": names},
            "y": share,
            "color": colour,
            "tooltip": [{"field": "category", "type": "nominal", "title": x_title or "category"},
                        {"field": "series", "type": "nominal", "title": "series"},
                        {"field": "share", "type": "quantitative", "format": ".1%", "title": y_title or "share"}],
        },
        "layer": shown,
    }]
    if line is not None:  # its own one-row data: one line and one label, across the whole chart
        level = {"y": {"datum": float(line), "type": "quantitative"}}
        layers.append({"data": {"values": [{}]}, "encoding": level, "layer": [
            {"mark": {"type": "rule", "strokeDash": [6, 4], "strokeWidth": 2, "color": OKABE_ITO["black"]}},
            *({"mark": {"type": "text", "align": "left", "baseline": "bottom", "dx": 4, "dy": -4, "fontSize": 13,
                        **paint},
               "encoding": {"x": {"value": 0}, "text": {"value": line_label}}}
              for paint in ({"stroke": "#FFFFFF", "strokeWidth": 4, "strokeJoin": "round"},
                            {"color": OKABE_ITO["black"]})),
        ]})
    return {"title": title, "height": height, "autosize": {"type": "fit-x", "contains": "padding"},
            "data": {"values": rows}, "layer": layers,
            "config": {"mark": {"aria": False}}}  # no unnamed screen-reader roles on the marks: the alt text tells it
