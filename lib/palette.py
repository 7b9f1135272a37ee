"""Colours every chart uses: the Okabe-Ito palette, safe for the common kinds of colour blindness.

Okabe & Ito, "Color Universal Design" (2008). Charts use at most seven categorical colours (the seeds'
design rule), in the order below; the palette's black is kept for text and outlines. A chart that needs
a signed scale (negative and positive values, e.g. edge-detector output) uses :data:`DIVERGING`.
"""

#: The eight Okabe-Ito colours: name → hex.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

#: The categorical order for charts: strong, well-separated hues first; yellow late as it is faint on white.
CATEGORICAL: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["sky blue"],
    OKABE_ITO["reddish purple"],
    OKABE_ITO["yellow"],
)

#: A diverging scale from negative (blue) through white (zero) to positive (vermillion), as plotly
#: ``colorscale`` pairs; both ends stay distinct under deuteranopia, protanopia and tritanopia.
DIVERGING: tuple[tuple[float, str], ...] = (
    (0.0, OKABE_ITO["blue"]),
    (0.5, "#FFFFFF"),
    (1.0, OKABE_ITO["vermillion"]),
)

#: A one-hue sequential scale (white to blue) for heat maps such as confusion matrices.
SEQUENTIAL: tuple[tuple[float, str], ...] = ((0.0, "#FFFFFF"), (1.0, OKABE_ITO["blue"]))

TEMPLATE_NAME = "workshop"
#: Height of the band at the top of every chart where plotly's toolbar sits. A touch screen has no hover, so
#: there the toolbar shows all the time; titles start below this band so it never covers them.
MODEBAR_PX = 36


def use_plotly_template() -> str:
    """Register the ``workshop`` plotly template (Okabe-Ito colourway, plain white background) and make it
    plotly's default; returns its name. Imports plotly only when called."""
    import plotly.graph_objects as go
    import plotly.io as pio

    # Registering validates and copies the whole template (tens of ms), so do it once per process.
    if pio.templates.default != TEMPLATE_NAME:
        template = go.layout.Template(pio.templates["plotly_white"])
        template.layout.colorway = list(CATEGORICAL)
        template.layout.colorscale.diverging = [list(stop) for stop in DIVERGING]
        template.layout.colorscale.sequential = [list(stop) for stop in SEQUENTIAL]
        template.layout.font = {"family": "sans-serif", "size": 14}
        template.layout.title = {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": MODEBAR_PX},
                                 "automargin": True}
        pio.templates[TEMPLATE_NAME] = template
        pio.templates.default = TEMPLATE_NAME
    return TEMPLATE_NAME
