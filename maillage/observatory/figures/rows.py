"""From grouped counts to the rows of a snapshot: labels, order, populations, denominators."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from maillage.core.collation import sort_key, sorted_by_name
from maillage.directory.enums import EssFamily
from maillage.directory.nomenclatures import employee_brackets, naf_divisions, naf_sections
from maillage.observatory.enums import AreaLevel, Dimension
from maillage.observatory.facts.counts import Counts
from maillage.observatory.sources.areas import REGION_DEPARTEMENTS, covers_france, covers_region
from maillage.territory.models import Commune, Departement, Region, Territory

UNKNOWN = "Non renseigné"


@dataclass(frozen=True)
class FigureRow:
    dimension: Dimension
    key: str
    label: str
    counts: Counts
    level: str = ""
    parent: str = ""
    position: int = 0
    population: int | None = None
    all_sectors: bool = False  # counts.all_* are real all-sector figures
    all_jobs_reference: Decimal | None = None

    @property
    def all_jobs(self) -> Decimal | None:
        if self.all_jobs_reference is not None:
            return self.all_jobs_reference
        return self.counts.all_jobs if self.all_sectors else None

    @property
    def all_establishments(self) -> int | None:
        return self.counts.all_establishments if self.all_sectors else None


def _rows(
    dimension: Dimension,
    groups: Mapping[str, Counts],
    labels: Mapping[str, str],
    order: list[str],
    all_sectors: bool,
) -> list[FigureRow]:
    kept = [key for key in order if key in groups and groups[key].establishments]
    return [
        FigureRow(
            dimension,
            key,
            labels.get(key) or UNKNOWN,
            groups[key],
            position=i,
            all_sectors=all_sectors,
        )
        for i, key in enumerate(kept)
    ]


def family_rows(groups: Mapping[str, Counts], all_sectors: bool) -> list[FigureRow]:
    labels = {f.value: str(f.label) for f in EssFamily}
    return _rows(Dimension.FAMILY, groups, labels, list(labels), all_sectors)


def section_rows(groups: Mapping[str, Counts], all_sectors: bool) -> list[FigureRow]:
    labels = naf_sections()
    return _rows(Dimension.SECTION, groups, labels, [*sorted(labels), ""], all_sectors)


def division_rows(groups: Mapping[str, Counts], all_sectors: bool) -> list[FigureRow]:
    """Every division, the largest employers first; the page shows the main ones."""
    order = sorted(groups, key=lambda k: (-groups[k].jobs_mid2, -groups[k].establishments, k))
    names = naf_divisions()
    labels = {key: f"{key} – {names.get(key, 'Division ' + key)}" for key in groups if key}
    return _rows(Dimension.DIVISION, groups, labels, order, all_sectors)


def size_rows(groups: Mapping[str, Counts], all_sectors: bool) -> list[FigureRow]:
    labels = {code: b.label for code, b in employee_brackets().items()}
    return _rows(Dimension.SIZE, groups, labels, [*labels, ""], all_sectors)


def commune_rows(
    groups: Mapping[str, Counts], communes: list[Commune], all_sectors: bool
) -> list[FigureRow]:
    """Every commune of the territory, with zeros where the ESS has no establishment."""
    return [
        FigureRow(
            Dimension.COMMUNE,
            c.code,
            c.name,
            groups.get(c.code, Counts()),
            parent=c.epci.code if c.epci else "",
            position=i,
            population=c.population,
            all_sectors=all_sectors,
        )
        for i, c in enumerate(sorted(communes, key=lambda c: (sort_key(c.name), c.code)))
    ]


def epci_rows(
    groups: Mapping[str, Counts], communes: list[Commune], all_sectors: bool
) -> list[FigureRow]:
    epcis = {c.epci.code: c.epci for c in communes if c.epci}
    rows = []
    for i, epci in enumerate(sorted_by_name(epcis.values(), lambda e: e.name)):
        members = [c for c in communes if c.epci_id == epci.pk]
        rows.append(
            FigureRow(
                Dimension.EPCI,
                epci.code,
                epci.name,
                groups.get(epci.code, Counts()),
                position=i,
                population=_population(members),
                all_sectors=all_sectors,
            )
        )
    return rows


def _population(communes: list[Commune]) -> int | None:
    known = [c.population for c in communes if c.population is not None]
    return sum(known) if known else None


def territory_row(
    territory: Territory,
    counts: Counts,
    communes: list[Commune],
    all_sectors: bool,
    reference: Decimal | None,
) -> FigureRow:
    return FigureRow(
        Dimension.AREA,
        territory.slug,
        territory.name,
        counts,
        level=AreaLevel.TERRITORY,
        population=_population(communes),
        all_sectors=all_sectors,
        all_jobs_reference=reference,
    )


def wider_area_rows(departements: Mapping[str, Counts], communes: list[Commune]) -> list[FigureRow]:
    """The territory's départements, its région and France, each only when the file covers it."""
    present = {code for code, counts in departements.items() if counts.all_establishments}
    rows: list[FigureRow] = []
    codes = sorted({c.departement.code for c in communes})
    for code in codes:
        if code in present:
            known = Departement.objects.filter(code=code).first()
            rows.append(_area(AreaLevel.DEPARTEMENT, code, known, departements[code], len(rows)))
    for region in sorted({c.departement.region.code for c in communes}):
        if covers_region(region, present):
            counts = sum((departements[d] for d in REGION_DEPARTEMENTS[region]), Counts())
            known_region = Region.objects.filter(code=region).first()
            rows.append(_area(AreaLevel.REGION, region, known_region, counts, len(rows)))
    if covers_france(present):
        counts = sum(departements.values(), Counts())
        rows.append(_area(AreaLevel.FRANCE, "FR", None, counts, len(rows), name="France"))
    return rows


def _area(
    level: AreaLevel,
    code: str,
    known: Departement | Region | None,
    counts: Counts,
    position: int,
    name: str = "",
) -> FigureRow:
    label = name or (known.name if known else f"{level.label} {code}")
    return FigureRow(
        Dimension.AREA,
        f"{level.value}:{code}",
        label,
        counts,
        level=level,
        position=position + 1,
        population=known.population if known else None,
        all_sectors=True,
    )
