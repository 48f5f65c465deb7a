"""Charts drawn once, by matplotlib, from their data (ADR 0013).

`svg(chart, ident)` gives the markup for a page or a PDF (with its `<title>` and `<desc>`, colours
as presentation attributes so the page's CSP allows them), `png(chart)` the image for a DOCX or a
slide. The same chart gives the same bytes every time. `maps.Choropleth` shades communes.

matplotlib takes about a second to load: it is loaded on the first chart drawn, not by every
process that imports the views or the document writers (tests/core/test_startup_imports.py).
"""

from maillage.core.charts import maps
from maillage.core.charts.output import png_of, svg_of
from maillage.core.charts.style import RC
from maillage.core.documents import Chart

Drawing = Chart | maps.Choropleth


def svg(chart: Drawing, ident: str) -> str:
    """The chart as an `<svg>` element; `ident` prefixes its ids (several charts on one page)."""
    if isinstance(chart, maps.Choropleth):
        return maps.svg(chart, ident)
    from matplotlib import rc_context

    from maillage.core.charts.drawing import figure_of

    with rc_context(RC):
        return svg_of(figure_of(chart), chart.title, chart.description, ident)


def png(chart: Drawing) -> bytes:
    if isinstance(chart, maps.Choropleth):
        return maps.png(chart)
    from matplotlib import rc_context

    from maillage.core.charts.drawing import figure_of

    with rc_context(RC):
        return png_of(figure_of(chart))


__all__ = ["Drawing", "png", "svg"]
