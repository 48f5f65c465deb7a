"""Computed figures beside published ones, with why they differ."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from maillage.directory.enums import EssFamily
from maillage.observatory.enums import AreaLevel, Dimension, Indicator
from maillage.observatory.models import Figure, ReferenceFigure, Snapshot
from maillage.observatory.presentation import territory_figure
from maillage.observatory.wording import number, percent, share

EXPLANATIONS = [
    "Millésime : les panoramas publiés décrivent l’emploi au 31 décembre 2007 (INSEE CLAP) ; "
    "l’instantané, la date de ses données.",
    "Périmètre : l’ancien Pays de Redon – Bretagne Sud comptait 40 communes (dont les "
    "communautés de Maure-de-Bretagne et de Pipriac) ; Redon Agglomération en compte 31, et des "
    "communes ont fusionné depuis.",
    "Sources : CLAP compte les postes salariés réels ; SIRENE ne donne qu’une tranche d’effectif "
    "par établissement, d’où une estimation au milieu de la tranche, entre deux bornes.",
]


@dataclass(frozen=True)
class ComparisonRow:
    reference: ReferenceFigure
    computed: str
    gap: str
    remark: str


def _display(indicator: str, value: Decimal) -> str:
    if indicator.startswith("part_"):
        return percent(value, 1)
    return number(value)


def computed_value(snapshot: Snapshot, reference: ReferenceFigure) -> tuple[Decimal | None, str]:
    figure: Figure | None
    if reference.area_code and reference.area_code.isdigit():
        figure = snapshot.figures.filter(
            dimension=Dimension.COMMUNE, key=reference.area_code
        ).first()
        if figure is None:
            return None, "Commune hors du territoire actuel ou fusionnée depuis."
    elif reference.area_name.startswith("Bretagne"):
        figure = snapshot.figures.filter(
            dimension=Dimension.AREA, level=AreaLevel.REGION, key="region:53"
        ).first()
        if figure is None:
            return None, "La région n’est pas couverte par la source de l’instantané."
    elif reference.area_name.startswith("Pays de Redon"):
        figure = territory_figure(snapshot)
    else:
        return None, "Autre territoire : repère de comparaison seulement."
    if figure is None:
        return None, ""
    indicator = reference.indicator
    if indicator == Indicator.EMPLOYER_ESTABLISHMENTS:
        return Decimal(figure.employers), ""
    if indicator == Indicator.ESS_JOBS:
        return Decimal(
            figure.jobs
        ), f"entre {number(figure.jobs_low)} et {number(figure.jobs_high)}"
    if indicator == Indicator.ESS_JOB_SHARE:
        return figure.job_share, "" if figure.job_share is not None else "Pas de dénominateur."
    if indicator == Indicator.COOPERATIVE_SHARE:
        coops = snapshot.figures.filter(
            dimension=Dimension.FAMILY, key=EssFamily.COOPERATIVE
        ).first()
        return share(coops.establishments if coops else 0, figure.establishments), ""
    return None, "Indicateur non calculé par l’observatoire."


def comparison_rows(snapshot: Snapshot | None) -> list[ComparisonRow]:
    rows = []
    references = ReferenceFigure.objects.exclude(indicator=Indicator.ALL_JOBS)
    for reference in references:
        value, remark = computed_value(snapshot, reference) if snapshot else (None, "")
        computed = _display(reference.indicator, value) if value is not None else "–"
        gap = "–"
        if value is not None:
            difference = value - reference.value
            sign = "+" if difference > 0 else ""
            gap = sign + _display(reference.indicator, difference)
        rows.append(ComparisonRow(reference, computed, gap, remark))
    return rows
