"""How every chart looks: accessible colours, a free font, French numbers on the axes."""

from __future__ import annotations

from typing import Any

INK, MUTED, GRID = "#1b1f23", "#4f5660", "#d0d4d9"
# Okabe–Ito colours for colour-blind readers, each at least 3:1 against white (WCAG 1.4.11).
SERIES = ("#0b5d4b", "#0072b2", "#d55e00", "#cc79a7", "#4f5660")
# Light to dark green for maps, every step distinct (0 gets the palest).
SHADES = ("#f4f6f3", "#cfe6dc", "#9ccbb8", "#5fa88e", "#2b7d64", "#0b5d4b")
FONT = "DejaVu Sans"  # matplotlib's own font for PNG; Debian's fonts-dejavu for SVG text
WIDTH_INCHES = 6.4
DPI_PNG = 200

# Fixed so that the same chart gives the same bytes (matplotlib salts its SVG ids otherwise).
RC: dict[Any, Any] = {
    "svg.hashsalt": "maillage",
    "svg.fonttype": "none",  # text stays text: searchable, read by screen readers
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "path.simplify": False,
}
