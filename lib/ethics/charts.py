"""The ethics page's one kind of chart: grouped bars of shares (accuracies, probabilities) between 0 and 1.

A pure function of plain lists; it imports plotly only when called, so the checklist, which draws no chart
until a demo is switched on, does not load it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lib.palette import use_plotly_template


def bars(title: str, x: Sequence[str], series: Mapping[str, Sequence[float]], y_title: str, labels: bool = True,
         ticks: bool = True, line: float | None = None, line_label: str = "", height: int = 340, x_title: str = ""):
    """A grouped bar chart of shares (0-1) at the categories ``x`` (named ``x_title``), one bar and colour per
    series (its name goes in the legend); ``labels`` prints each bar's value as a percentage above it, ``ticks``
    the percentages up the side; ``line`` draws a dashed level across the chart (a threshold), named
    ``line_label``."""
    import plotly.graph_objects as go

    use_plotly_template()
    figure = go.Figure([go.Bar(name=name, x=list(x), y=list(y), texttemplate="%{y:.0%}" if labels else None,
                               textposition="outside", cliponaxis=False) for name, y in series.items()])
    if line is not None:
        figure.add_hline(y=line, line_dash="dash", line_width=2, annotation_text=line_label,
                         annotation_position="top left")
    figure.update_layout(title=title, barmode="group", xaxis_title=x_title, yaxis_title=y_title, height=height,
                         legend={"orientation": "h", "y": -0.25}, margin={"l": 10, "r": 10, "t": 50, "b": 10})
    figure.update_yaxes(tickformat=".0%", range=[0, 1.08], tickvals=[0, 0.25, 0.5, 0.75, 1], showticklabels=ticks)
    return figure
