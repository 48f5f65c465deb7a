"""The per-grant report as a `core.documents.Document`: the same sections as its page, written
as an ODT staff complete and restyle before sending it to the funder."""

from __future__ import annotations

from maillage.core import french
from maillage.core.dates import french_date
from maillage.core.documents import Document, Heading, Metadata, Paragraph, Table
from maillage.hub import current_hub
from maillage.reports.funding.grant_report import budget_of, indicators_of
from maillage.reports.funding.models import Grant

BUDGET_HEADER = ("Poste", "Prévu (€)", "Réalisé (€)", "Écart (€)", "Explication de l’écart")


def _budget_tables(grant: Grant) -> list[Table]:
    tables = []
    for side in budget_of(grant):
        rows = [
            (line.label, line.planned, line.actual, line.gap, line.explanation)
            for line in side.lines
        ]
        rows.append(("Total", side.planned, side.actual, side.gap, ""))
        tables.append(Table(side.side, BUDGET_HEADER, tuple(rows), frozenset({1, 2, 3})))
    return tables


def _indicator_table(grant: Grant) -> Table:
    rows = tuple(
        (
            indicator.name,
            "non compté par la plateforme"
            if indicator.value is None
            else f"{french.number(indicator.value)} {indicator.unit}",
            indicator.target,
        )
        for indicator in indicators_of(grant)
    )
    return Table("Indicateurs de la convention", ("Indicateur", "Réalisé", "Visé"), rows)


def grant_document(grant: Grant) -> Document:
    hub = current_hub().identity
    period = f"du {french_date(grant.starts_on, 'j F Y')} au {french_date(grant.ends_on, 'j F Y')}"
    return Document(
        title=f"Compte rendu financier : {grant.purpose}",
        subtitle=f"{hub.full_name} – {grant.funder.name}, {french.euros(grant.amount)}, {period}",
        metadata=Metadata(author=hub.full_name, subject="Compte rendu financier (Cerfa 15059)"),
        blocks=(
            Heading(1, "1. Bilan qualitatif de l’action"),
            Paragraph(grant.qualitative_report or "À écrire."),
            Heading(1, "2. Budget prévu et réalisé"),
            *_budget_tables(grant),
            Heading(1, "3. Indicateurs de la convention"),
            _indicator_table(grant),
        ),
    )
