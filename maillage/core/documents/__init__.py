"""Documents in several formats from one typed model (ADR 0013): see `model` for the blocks."""

from maillage.core.documents.model import (
    Block,
    BulletList,
    Cell,
    Chart,
    ChartKind,
    Document,
    Heading,
    Image,
    Metadata,
    Note,
    PageBreak,
    Paragraph,
    Source,
    Table,
    cell_text,
    is_number,
)

__all__ = [
    "Block",
    "BulletList",
    "Cell",
    "Chart",
    "ChartKind",
    "Document",
    "Heading",
    "Image",
    "Metadata",
    "Note",
    "PageBreak",
    "Paragraph",
    "Source",
    "Table",
    "cell_text",
    "is_number",
]
