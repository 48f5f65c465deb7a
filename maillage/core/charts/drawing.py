"""A `Chart` of the document model drawn as a matplotlib figure (no pyplot: no global state)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from maillage.core import french
from maillage.core.charts.margins import fit
from maillage.core.charts.style import GRID, INK, SERIES, WIDTH_INCHES
from maillage.core.documents import Chart, ChartKind, Table, cell_text, is_number

VALUE_STEPS = 5  # at most, on the axis of values
ROUND_STEPS = [1, 2, 5, 10]  # 0, 20, 40… rather than 0, 15, 30…


def _french_number(value: float, _position: object) -> str:
    return french.number(value, 0 if float(value).is_integer() else 1)


FRENCH_NUMBERS = FuncFormatter(_french_number)


def _values(table: Table, column: int) -> list[float]:
    return [float(row[column]) if is_number(row[column]) else 0.0 for row in table.rows]  # type: ignore[arg-type]


def _labels(table: Table, width: int) -> list[str]:
    return [textwrap.fill(cell_text(row[0]), width) for row in table.rows]


def _shown(chart: Chart, row: int, column: int) -> str:
    if chart.value_text_column is not None:
        return cell_text(chart.table.rows[row][chart.value_text_column])
    return cell_text(chart.table.rows[row][column])


def _tidy(axes: Axes, value_axis: Literal["x", "y"]) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis=value_axis, color=GRID, linewidth=0.6)
    # A few whole-number steps (no « 0,2 activité »); the grid lines mark them, not tick marks.
    # Fewer shapes and texts: each costs its drawing here and again in the PDF's layout.
    axis = axes.xaxis if value_axis == "x" else axes.yaxis
    axis.set_major_locator(MaxNLocator(nbins=VALUE_STEPS, steps=ROUND_STEPS, integer=True))
    axis.set_major_formatter(FRENCH_NUMBERS)
    axes.tick_params(axis=value_axis, length=0)


def _legend(chart: Chart, axes: Axes) -> None:
    if len(chart.value_columns) > 1:
        axes.legend(frameon=False, loc="best")


def _horizontal_bars(chart: Chart, axes: Axes) -> None:
    count, series = len(chart.table.rows), len(chart.value_columns)
    thickness = 0.8 / series
    top = max((v for c in chart.value_columns for v in _values(chart.table, c)), default=0) or 1
    for index, column in enumerate(chart.value_columns):
        values = _values(chart.table, column)
        positions = [row + index * thickness for row in range(count)]
        colour = SERIES[index % len(SERIES)]
        label = chart.table.header[column]
        axes.barh(positions, values, height=thickness, color=colour, label=label)
        for row, (position, value) in enumerate(zip(positions, values, strict=True)):
            axes.text(value + top * 0.01, position, " " + _shown(chart, row, column), va="center")
    axes.set_yticks([row + thickness * (series - 1) / 2 for row in range(count)])
    axes.set_yticklabels(_labels(chart.table, 28), color=INK)
    axes.invert_yaxis()  # the first row on top, as in the table
    axes.set_xlim(0, top * 1.45)  # room for the values written after the bars
    _tidy(axes, "x")


def _bars(chart: Chart, axes: Axes) -> None:
    count, series = len(chart.table.rows), len(chart.value_columns)
    thickness = 0.8 / series
    for index, column in enumerate(chart.value_columns):
        positions = [row + index * thickness for row in range(count)]
        values = _values(chart.table, column)
        colour = SERIES[index % len(SERIES)]
        bars = axes.bar(positions, values, width=thickness, color=colour)
        bars.set_label(chart.table.header[column])
        shown = [_shown(chart, row, column) for row in range(count)]
        axes.bar_label(bars, labels=shown, padding=2, fontsize=8)
    axes.set_xticks([row + thickness * (series - 1) / 2 for row in range(count)])
    axes.set_xticklabels(_labels(chart.table, 12), color=INK)
    axes.margins(y=0.12)
    _tidy(axes, "y")


def _line(chart: Chart, axes: Axes) -> None:
    labels = [cell_text(row[0]) for row in chart.table.rows]
    positions = list(range(len(labels)))
    for index, column in enumerate(chart.value_columns):
        values = _values(chart.table, column)
        colour = SERIES[index % len(SERIES)]
        axes.plot(positions, values, color=colour, marker="o", linewidth=2)
        axes.lines[-1].set_label(chart.table.header[column])
        for row, (x, y) in enumerate(zip(positions, values, strict=True)):
            axes.annotate(
                _shown(chart, row, column),
                (x, y),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
            )
    axes.set_xticks(positions)
    axes.set_xticklabels(labels, color=INK)
    axes.set_ylim(bottom=0)
    axes.margins(x=0.08, y=0.15)
    _tidy(axes, "y")


DRAW: dict[ChartKind, Callable[[Chart, Axes], None]] = {
    ChartKind.HORIZONTAL_BARS: _horizontal_bars,
    ChartKind.BARS: _bars,
    ChartKind.LINE: _line,
}


def _height(chart: Chart) -> float:
    if chart.kind is ChartKind.HORIZONTAL_BARS:
        return 0.9 + 0.42 * len(chart.table.rows) * max(1, len(chart.value_columns) * 0.7)
    return 3.6


def figure_of(chart: Chart) -> Figure:
    figure = Figure(figsize=(WIDTH_INCHES, _height(chart)))
    axes = figure.add_subplot()
    DRAW[chart.kind](chart, axes)
    if chart.value_label:
        axis = axes.xaxis if chart.kind is ChartKind.HORIZONTAL_BARS else axes.yaxis
        axis.set_label_text(chart.value_label)
    _legend(chart, axes)
    fit(figure, axes)
    return figure
