"""The room around a chart's axes, measured from its tick labels and axis titles.

matplotlib's constrained layout finds the same room by drawing the figure once more and solving
for every artist's extent: about half of a chart's drawing time, and the report's PDF draws
dozens of charts. Here the few strings that need room are measured with the font alone.
"""

from __future__ import annotations

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

MEASURE = TextToPath()
LINE_SPACING = 1.2  # matplotlib's, between the lines of a text
EDGE = 5.0  # points of blank paper kept around everything
TICK_ROOM = 7.0  # points: the tick (3.5) and the pad between it and its label (3.5)
TITLE_ROOM = 4.0  # points between the tick labels and the axis title


def _tick_texts(axis: Axis) -> list[str]:
    low, high = sorted(axis.get_view_interval())
    kept = [tick for tick in axis.get_majorticklocs() if low <= tick <= high]
    return [text for text in axis.get_major_formatter().format_ticks(kept) if text]


def _size(text: str) -> tuple[float, float]:
    """Width and height of a text (one line or several) in points."""
    font = FontProperties(size=rcParams["font.size"])
    lines = text.split("\n")
    widths = [MEASURE.get_text_width_height_descent(line, font, ismath=False)[0] for line in lines]
    return max(widths), len(lines) * rcParams["font.size"] * LINE_SPACING


def _title_room(axis: Axis) -> float:
    return rcParams["font.size"] * LINE_SPACING + TITLE_ROOM if axis.get_label_text() else 0.0


def fit(figure: Figure, axes: Axes) -> None:
    """Place `axes` so that its tick labels and axis titles fit in `figure`."""
    width, height = (inches * 72 for inches in figure.get_size_inches())
    left_labels = [_size(text) for text in _tick_texts(axes.yaxis)]
    bottom_labels = [_size(text) for text in _tick_texts(axes.xaxis)]
    half_line = rcParams["font.size"] * LINE_SPACING / 2
    left = max((w for w, _ in left_labels), default=0) + TICK_ROOM + _title_room(axes.yaxis)
    bottom = max((h for _, h in bottom_labels), default=0) + TICK_ROOM + _title_room(axes.xaxis)
    # The first and last tick labels below may be centred on the axes' ends and overhang them.
    first, last = (bottom_labels[0][0] / 2, bottom_labels[-1][0] / 2) if bottom_labels else (0, 0)
    left = max(left, first)
    # A chart without labels on its left axis (no rows) still keeps half a line above it.
    above = max((h / 2 for _, h in left_labels), default=half_line)
    figure.subplots_adjust(
        left=(left + EDGE) / width,
        right=1 - (last + EDGE) / width,
        bottom=(bottom + EDGE) / height,
        top=1 - (max(half_line, above) + EDGE) / height,
    )
