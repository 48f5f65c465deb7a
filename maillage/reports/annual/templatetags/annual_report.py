"""The report's figures in the page: French numbers, and charts drawn once by `core.charts`
from the table shown beside them."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from maillage.core import charts
from maillage.reports.annual.contents import Cell, TableData, figure_text
from maillage.reports.annual.document import as_chart

register = template.Library()


@register.filter
def figure(value: Cell) -> str:
    return figure_text(value)


@register.simple_tag
def chart_svg(table: TableData) -> SafeString:
    # The SVG is drawn by our code from numbers and escaped labels (core.charts).
    return mark_safe(charts.svg(as_chart(table), slugify(table.caption)))
