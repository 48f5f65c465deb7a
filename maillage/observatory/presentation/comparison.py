"""Computed figures beside the figures others published (the hub folder's `published.yaml`), with
the gaps explained from that data: perimeters compared commune by commune, vintages, and the
definitions each side counts by. No territory is named here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from maillage.core import french
from maillage.core.collation import sorted_by_name
from maillage.directory.enums import EssFamily
from maillage.observatory.enums import AreaLevel, Dimension, Indicator
from maillage.observatory.models import Figure, Snapshot
from maillage.observatory.presentation.pages import territory_figure
from maillage.observatory.presentation.wording import share
from maillage.observatory.sources.published import Publication, PublishedArea, hub_publications
from maillage.territory.models import OldCommuneCode

SHARES = {Indicator.ESS_JOB_SHARE, Indicator.COOPERATIVE_SHARE}
UNITS = {
    Indicator.EMPLOYER_ESTABLISHMENTS: ("établissement", "établissements"),
    Indicator.ESS_JOBS: ("salarié", "salariés"),
}
# How the observatory counts, to set beside each publication's own definitions.
OUR_DEFINITIONS: dict[str, str] = {
    Indicator.EMPLOYER_ESTABLISHMENTS: "établissements de l’ESS employeurs d’après SIRENE (une "
    "tranche d’effectif autre que « NN », ou un effectif connu d’au moins une personne)",
    Indicator.ESS_JOBS: "emplois estimés : l’effectif connu, sinon le milieu de la tranche "
    "d’effectif SIRENE, entre deux bornes",
    Indicator.ESS_JOB_SHARE: "emplois estimés de l’ESS rapportés à l’emploi salarié de tous les "
    "secteurs (même fichier, ou chiffre de référence saisi par l’équipe)",
    Indicator.COOPERATIVE_SHARE: "coopératives parmi les établissements de l’ESS",
}
LISTED_MAX = 12  # communes named in a perimeter explanation before « et N autres »


@dataclass(frozen=True)
class ComparisonRow:
    area: PublishedArea
    indicator: Indicator
    published: str
    computed: str
    gap: str
    remark: str


@dataclass(frozen=True)
class PublicationComparison:
    publication: Publication
    rows: list[ComparisonRow]
    explanations: list[str]


def display(indicator: str, value: Decimal, unit: str = "") -> str:
    if indicator in SHARES:
        return french.percent(value, 1)
    if unit:
        return f"{french.number(value, 1 if value % 1 else 0)} {unit}"
    if indicator in UNITS:
        return french.plural(int(value), *UNITS[Indicator(indicator)])
    return french.count(value)


def gap_of(indicator: str, difference: Decimal) -> str:
    return french.points(difference) if indicator in SHARES else french.signed(difference)


def _area_figure(snapshot: Snapshot, area: PublishedArea) -> tuple[Figure | None, str]:
    if area.level == "territory":
        return territory_figure(snapshot), ""
    if area.level == "commune":
        figure = snapshot.figures.filter(dimension=Dimension.COMMUNE, key=area.code).first()
        if figure is not None:
            return figure, ""
        old = OldCommuneCode.objects.filter(code=area.code).select_related("commune").first()
        if old is not None:
            current = old.commune
            figure = snapshot.figures.filter(dimension=Dimension.COMMUNE, key=current.code).first()
            if figure is not None:
                return figure, f"Ancienne commune, comptée avec {current.name} ({current.code})."
        return None, "Commune hors du territoire de l’instantané."
    figure = snapshot.figures.filter(
        dimension=Dimension.AREA, level=AreaLevel(area.level), key=f"{area.level}:{area.code}"
    ).first()
    return figure, "" if figure else "Zone non couverte par la source de l’instantané."


def computed_value(
    snapshot: Snapshot, area: PublishedArea, indicator: str
) -> tuple[Decimal | None, str]:
    figure, remark = _area_figure(snapshot, area)
    if figure is None:
        return None, remark
    if indicator == Indicator.EMPLOYER_ESTABLISHMENTS:
        return Decimal(figure.employers), remark
    if indicator == Indicator.ESS_JOBS:
        bounds = f"entre {french.count(figure.jobs_low)} et {french.count(figure.jobs_high)}"
        return Decimal(figure.jobs_mid), " ".join(filter(None, [remark, bounds]))
    if indicator == Indicator.ESS_JOB_SHARE:
        return figure.job_share, remark or (
            "" if figure.job_share is not None else "Pas de dénominateur."
        )
    if indicator == Indicator.COOPERATIVE_SHARE and area.level == "territory":
        coops = snapshot.figures.filter(
            dimension=Dimension.FAMILY, key=EssFamily.COOPERATIVE
        ).first()
        return share(coops.establishments if coops else 0, figure.establishments), remark
    return None, "Indicateur non calculé par l’observatoire."


def _row(
    snapshot: Snapshot | None, area: PublishedArea, indicator: str, value: Decimal
) -> ComparisonRow:
    unit = area.units.get(indicator, "")
    computed, remark = computed_value(snapshot, area, indicator) if snapshot else (None, "")
    remark = " ".join(filter(None, [remark, area.remark]))
    return ComparisonRow(
        area=area,
        indicator=Indicator(indicator),
        published=display(indicator, value, unit),
        computed=display(indicator, computed) if computed is not None else french.DASH,
        gap=gap_of(indicator, computed - value)
        if computed is not None and not unit
        else french.DASH,
        remark=remark,
    )


def _names(communes: dict[str, str]) -> str:
    names = sorted_by_name(communes.values())
    shown = ", ".join(names[:LISTED_MAX])
    rest = len(names) - LISTED_MAX
    return shown + (f" et {french.plural(rest, 'autre', 'autres')}" if rest > 0 else "")


def perimeter_explanation(snapshot: Snapshot, area: PublishedArea) -> str:
    """The communes counted by one side only, old codes followed to their current commune."""
    assert area.perimeter is not None
    ours = dict(snapshot.figures.of(Dimension.COMMUNE).values_list("key", "label"))
    current = dict(
        OldCommuneCode.objects.filter(code__in=area.perimeter.communes).values_list(
            "code", "commune__code"
        )
    )
    theirs = {current.get(code, code): name for code, name in area.perimeter.communes.items()}
    only_theirs = {code: name for code, name in theirs.items() if code not in ours}
    only_ours = {code: name for code, name in ours.items() if code not in theirs}
    head = (
        f"Périmètre : « {area.name} » compte "
        f"{french.plural(len(theirs), 'commune', 'communes')} ({area.perimeter.name}), "
        f"le territoire de l’instantané {french.plural(len(ours), 'commune', 'communes')}"
    )
    if not only_theirs and not only_ours:
        return head + " : ce sont les mêmes."
    parts = []
    if only_theirs:
        parts.append(f"seulement dans le périmètre publié : {_names(only_theirs)}")
    if only_ours:
        parts.append(f"seulement dans le territoire de l’instantané : {_names(only_ours)}")
    note = f" {area.perimeter.note}" if area.perimeter.note else ""
    return f"{head} ; {' ; '.join(parts)}.{note}"


def explanations(snapshot: Snapshot | None, publication: Publication) -> list[str]:
    texts = []
    vintage = f"Millésime : {publication.vintage}, source {publication.source}"
    if snapshot is not None:
        vintage += f" ; l’instantané décrit les données du {snapshot.data_date:%d/%m/%Y}"
    texts.append(vintage + ".")
    for indicator, definition in publication.definitions.items():
        ours = OUR_DEFINITIONS.get(indicator)
        label = Indicator(indicator).label
        text = f"Définition, « {label} » : publié, {definition}"
        texts.append(text + (f" ; calculé, {ours}." if ours else "."))
    if snapshot is not None:
        texts += [
            perimeter_explanation(snapshot, area) for area in publication.areas if area.perimeter
        ]
    return texts


def comparisons(snapshot: Snapshot | None) -> list[PublicationComparison]:
    return [
        PublicationComparison(
            publication,
            [
                _row(snapshot, area, indicator, value)
                for area in publication.areas
                for indicator, value in area.figures.items()
            ],
            [french.typography(text) for text in explanations(snapshot, publication)],
        )
        for publication in hub_publications()
    ]
