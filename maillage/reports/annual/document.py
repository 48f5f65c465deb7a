"""The report as a `core.documents.Document`: what every format (PDF, ODT, DOCX, CSV annexes)
is written from. A frozen version always gives the same document."""

from __future__ import annotations

import base64
import datetime

from maillage.core.documents import (
    Block,
    BulletList,
    Chart,
    ChartKind,
    Document,
    Heading,
    Image,
    Metadata,
    Note,
    Paragraph,
    Source,
    Table,
)
from maillage.core.plain_text import PARAGRAPH_BREAK
from maillage.reports.annual.contents import (
    Figure,
    FunderNotice,
    ReportContent,
    TableData,
    figure_text,
)
from maillage.reports.annual.models import FrozenVersion

COMING = "À venir : aucun financement n’est enregistré pour cette année."
VOLUNTEERING = "Bénévolat valorisé"
FUNDERS = "Financeurs : mentions obligatoires et logos"


def build_document(version: FrozenVersion) -> Document:
    content = ReportContent.from_json(version.content)
    return Document(
        title=f"Rapport d’activité {content.year}",
        subtitle=content.hub_name,
        metadata=Metadata(
            author=content.hub_name,
            subject=f"Rapport d’activité {content.year}",
            created=version.frozen_at,
        ),
        blocks=tuple(blocks_of(content)),
    )


def as_table(data: TableData) -> Table:
    return Table(data.caption, tuple(data.header), tuple(tuple(row) for row in data.rows))


def as_chart(data: TableData) -> Chart:
    table = as_table(data)
    described = ", ".join(f"{row[0]} : {figure_text(row[1])}" for row in data.rows[:12])
    return Chart(
        data.caption,
        ChartKind.HORIZONTAL_BARS,
        table,
        f"{data.caption}. {described}.",
        value_label=data.unit,
    )


def tables(data: list[TableData]) -> list[Block]:
    found: list[Block] = []
    for each in data:
        found.append(as_chart(each) if each.chart else as_table(each))
        if each.source:
            found.append(Source(each.source))
    return found


def text(body: str, missing: str = "") -> list[Block]:
    parts = [part.strip() for part in PARAGRAPH_BREAK.split(body.replace("\r", ""))]
    found: list[Block] = [Paragraph(part) for part in parts if part]
    return found or ([Paragraph(missing)] if missing else [])


def figures_table(caption: str, figures: list[Figure]) -> Table:
    return Table(
        caption,
        ("Indicateur", "Réalisé", "Cible", "État"),
        tuple((f.label, f.value, f.target, f.state or None) for f in figures),
    )


def blocks_of(content: ReportContent) -> list[Block]:
    year = content.year
    blocks: list[Block] = []
    if content.frozen_at:
        frozen = datetime.datetime.fromisoformat(content.frozen_at)
        blocks.append(Note(f"Chiffres figés le {frozen:%d/%m/%Y à %H:%M}."))
    blocks += [Heading(1, "Rapport moral"), *text(content.moral_report, "Rapport moral à écrire.")]
    blocks += [Heading(1, "Le pôle"), Heading(2, "Valeurs"), BulletList(tuple(content.values))]
    blocks += [Heading(2, "Vision"), *text(content.vision), Heading(2, "Objectifs")]
    blocks += [BulletList(tuple(content.objectives)), Heading(2, "Gouvernance")]
    blocks += [*text(content.governance_text), *tables(content.governance)]
    blocks += [Heading(2, "Équipe"), *text(content.team_text)]
    blocks += [Heading(1, f"L’activité en {year}")]
    blocks.append(figures_table(f"L’année {year} en chiffres", content.overall))
    for strategic in content.activity:
        blocks.append(Heading(2, f"Objectif {strategic.code}. {strategic.title}"))
        if strategic.figures:
            blocks.append(figures_table(f"Objectif {strategic.code}", strategic.figures))
        for operational in strategic.operationals:
            blocks.append(Heading(3, f"{operational.code}. {operational.title}"))
            for action in operational.actions:
                if action.figures:
                    caption = f"Action {action.code} : {action.title}"
                    blocks.append(figures_table(caption, action.figures))
        if strategic.highlights:
            blocks += [Heading(3, "Faits marquants"), *text(strategic.highlights)]
        if strategic.difficulties:
            blocks += [Heading(3, "Difficultés"), *text(strategic.difficulties)]
    blocks += [Heading(1, "Publics touchés"), *tables(content.publics)]
    blocks += [Heading(1, "Lieux"), *tables(content.places)]
    blocks += [Heading(1, "Accompagnement des porteurs de projet"), Note(content.disclosure_rule)]
    blocks += tables(content.support)
    blocks += [Heading(1, "L’ESS du territoire"), *tables(content.observatory)]
    blocks += [Heading(1, "Partenariats et réseaux"), *text(content.partnerships)]
    blocks += tables(content.mandates)
    blocks += [Heading(1, "Moyens"), *(tables(content.means) or [Paragraph(COMING)])]
    blocks += [Heading(2, VOLUNTEERING), *tables(content.volunteering)]
    blocks += text(content.volunteering_note)
    blocks += [Heading(1, "Perspectives"), *text(content.outlook)]
    blocks += [Heading(1, "Annexes"), as_table(content.annex_actions)]
    blocks += [Heading(2, "Méthode et sources")]
    blocks.append(
        Table(
            "Sources des indicateurs",
            ("Indicateur", "Source"),
            tuple((label, source) for label, source in content.method),
        )
    )
    if content.funder_notices:
        blocks += [Heading(2, FUNDERS), *notice_blocks(content.funder_notices)]
    return blocks


def notice_blocks(notices: list[FunderNotice]) -> list[Block]:
    found: list[Block] = []
    for notice in notices:
        found.append(Heading(3, notice.name))
        if notice.logo:
            logo = base64.b64decode(notice.logo)
            found.append(Image(logo, notice.logo_type, f"Logo de {notice.name}"))
        found += text(notice.mention)
    return found
