"""A document said once, written in any format: the typed blocks every renderer reads.

A report builds a `Document` from its frozen figures; the renderers of this package turn the same
value into HTML (the page and the PDF), ODT, DOCX and CSV annexes. Blocks are plain frozen
values: no markup, no format-specific option, so two formats cannot say different things.

    Document(
        title="Rapport d’activité 2026",
        subtitle="Pôle ESS du territoire",
        metadata=Metadata(author="CADES", created=frozen_at),
        blocks=(
            Heading(1, "Rapport moral"),
            Paragraph("Une année de coopération…"),
            BulletList(("12 actions", "3 042 personnes")),
            Table("Activités par action", ("Action", "Activités"), (("1a", 12), ("1b", 3))),
            Chart("Activités par action", ChartKind.BARS, table, "12 activités pour l’action 1a…"),
            Source("Base SIRENE, INSEE, 2026"),
            PageBreak(),
        ),
    )

Table cells are text or numbers. Numbers stay numbers (the CSV annex writes them raw) and are
shown the French way: an `int` as a count (« 3 042 »), a `Decimal` with its own decimals
(`Decimal("12.70")` → « 12,70 »), a `float` with one decimal; `None` is shown « – ». A column
whose cells are all numbers is right-aligned; `numeric_columns` says it explicitly when a column
holds numbers already written as text (« 12,7 % »).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from maillage.core import french

Cell = str | int | float | Decimal | None


@dataclass(frozen=True)
class Heading:
    """A section title; level 1 is a chapter, down to level 4."""

    level: int
    text: str

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 4:
            raise ValueError(f"Heading level {self.level} is not between 1 and 4.")


@dataclass(frozen=True)
class Paragraph:
    """Plain text; blank lines are not kept (one paragraph per block)."""

    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric_columns: frozenset[int] | None = None  # None: columns of numbers only

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"Row {row!r} has not the {len(self.header)} cells of its header.")

    def is_numeric(self, column: int) -> bool:
        if self.numeric_columns is not None:
            return column in self.numeric_columns
        values = [row[column] for row in self.rows if row[column] is not None]
        return bool(values) and all(is_number(value) for value in values)


class ChartKind(enum.Enum):
    BARS = "bars"  # vertical bars, one group per row
    HORIZONTAL_BARS = "horizontal_bars"  # long labels (communes, actions)
    LINE = "line"  # a value over time (years in the first column)


@dataclass(frozen=True)
class Chart:
    """A chart drawn from its table: categories in `table`'s first column, one series per column
    of `value_columns`. `description` says in words what the chart shows (its text alternative);
    the table is always given beside the chart."""

    title: str
    kind: ChartKind
    table: Table
    description: str
    value_columns: tuple[int, ...] = (1,)
    value_label: str = ""  # the unit of the value axis: « activités », « € »
    # A column whose text is written at the end of each bar instead of the value
    # (« 308 établissements, 2 533 emplois »).
    value_text_column: int | None = None


@dataclass(frozen=True)
class Image:
    """A picture given as bytes (a funder's logo): PNG, JPEG or SVG."""

    data: bytes = field(repr=False)
    media_type: str
    alt: str


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Note:
    """A remark set apart from the text (a method, a threshold rule)."""

    text: str


@dataclass(frozen=True)
class Source:
    """Where the figures above come from."""

    text: str


Block = Heading | Paragraph | BulletList | Table | Chart | Image | PageBreak | Note | Source


@dataclass(frozen=True)
class Metadata:
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    # The date written into the files: the frozen version's, so that the same version gives
    # the same bytes whenever it is generated.
    created: datetime.datetime | None = None


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str = ""
    lang: str = "fr"
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()

    def tables(self) -> Iterator[Table]:
        """Every table, a chart's data table included, in reading order (the CSV annexes)."""
        for block in self.blocks:
            if isinstance(block, Table):
                yield block
            elif isinstance(block, Chart):
                yield block.table


def is_number(value: Cell) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def cell_text(value: Cell) -> str:
    """A cell as a person reads it: « 3 042 », « 12,70 », « – » for a missing value."""
    if value is None:
        return french.DASH
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return french.count(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return french.number(value, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    if isinstance(value, float):
        return french.number(value, 1)
    return value
