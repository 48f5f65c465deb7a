"""Charts drawn once, by matplotlib, from their data (ADR 0013).

`svg(chart, ident)` gives the markup for a page or a PDF (with its `<title>` and `<desc>`, colours
as presentation attributes so the page's CSP allows them), `png(chart)` the image for a DOCX or a
slide. The same chart gives the same bytes every time. `maps.Choropleth` shades communes.
"""

from matplotlib import rc_context

from maillage.core.charts.drawing import figure_of
from maillage.core.charts.output import png_of, svg_of
from maillage.core.charts.style import RC
from maillage.core.documents import Chart


def svg(chart: Chart, ident: str) -> str:
    """The chart as an `<svg>` element; `ident` prefixes its ids (several charts on one page)."""
    with rc_context(RC):
        return svg_of(figure_of(chart), chart.title, chart.description, ident)


def png(chart: Chart) -> bytes:
    with rc_context(RC):
        return png_of(figure_of(chart))


__all__ = ["png", "svg"]
