"""Import of a territory from the COG and IGN outlines: read and check everything, then upsert.

Running it twice changes nothing; after a change in the files it updates what changed. Records
that left the perimeter are kept (other data may point to them) but leave the territory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction

from maillage.hub import TerritoryDefinition
from maillage.territory.cog import read_cog
from maillage.territory.history import FormerName
from maillage.territory.models import (
    Commune,
    CommuneName,
    Departement,
    Epci,
    OldCommuneCode,
    Region,
    Territory,
)
from maillage.territory.outlines import Geometry, read_outlines
from maillage.territory.perimeter import Perimeter, select_perimeter

_M = TypeVar("_M", bound=models.Model)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    communes: int = 0
    outlines: int = 0
    details: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def add(self, label: str, created: int, updated: int, unchanged: int) -> None:
        self.created += created
        self.updated += updated
        self.unchanged += unchanged
        self.details[label] = (created, updated, unchanged)

    def __str__(self) -> str:
        return (
            f"{self.communes} communes dont {self.outlines} avec contour ; "
            f"{self.created} fiches créées, {self.updated} mises à jour, "
            f"{self.unchanged} inchangées."
        )


@dataclass(frozen=True)
class TerritorySpec:
    name: str
    slug: str
    source: str
    vintage: str
    epci_codes: tuple[str, ...] = ()
    commune_codes: tuple[str, ...] = ()
    population_vintage: str = ""


def import_territory(
    spec: TerritorySpec,
    cog_dir: Path,
    outline_files: Sequence[Path] = (),
    make_default: bool = False,
) -> ImportReport:
    perimeter = select_perimeter(read_cog(cog_dir), spec.epci_codes, spec.commune_codes)
    wanted = perimeter.commune_codes
    old = {o.code: o.commune_code for o in perimeter.old_codes}

    def resolve(code: str) -> str | None:
        current = code if code in wanted else old.get(code)
        return current if current in wanted else None

    outlines = read_outlines(outline_files, resolve)
    report = ImportReport()
    with transaction.atomic():
        communes = _write(report, perimeter, outlines, spec.population_vintage or spec.vintage)
        _write_territory(report, spec, communes, make_default)
    return report


def load_configured_territory(definition: TerritoryDefinition) -> ImportReport:
    """Load the hub's configured territory (hub.toml) from its shipped extract, as default."""
    spec = TerritorySpec(
        name=definition.name,
        slug=definition.slug,
        source=definition.source,
        vintage=definition.vintage,
        epci_codes=tuple(definition.epci_codes),
        commune_codes=tuple(definition.commune_codes),
    )
    return import_territory(spec, definition.cog_dir, definition.outline_files, make_default=True)


def _write(
    report: ImportReport, perimeter: Perimeter, outlines: dict[str, Geometry], vintage: str
) -> list[Commune]:
    regions = _upsert(
        report,
        Region,
        {r["code"]: {"name": r["nom"]} for r in perimeter.regions},
    )
    departements = _upsert(
        report,
        Departement,
        {
            d["code"]: {"name": d["nom"], "region": regions[d["region"]]}
            for d in perimeter.departements
        },
    )
    epcis = _upsert(report, Epci, {e["code"]: _epci_fields(e, vintage) for e in perimeter.epcis})
    epci_of = {m["code"]: epcis[e["code"]] for e in perimeter.epcis for m in e["membres"]}
    communes = _upsert(
        report,
        Commune,
        {
            c["code"]: {
                "name": c["nom"],
                "departement": departements[c["departement"]],
                "epci": epci_of.get(c["code"]),
                "siren": c.get("siren", ""),
                "postcodes": sorted(c.get("codesPostaux", [])),
                "population": c.get("population"),
                "population_vintage": vintage if c.get("population") is not None else "",
                "outline": outlines.get(c["code"]),
            }
            for c in perimeter.communes
        },
    )
    _upsert(
        report,
        OldCommuneCode,
        {
            o.code: {"name": o.name, "kind": o.kind.value, "commune": communes[o.commune_code]}
            for o in perimeter.old_codes
        },
    )
    _write_former_names(report, perimeter.former_names, communes)
    report.communes = len(communes)
    report.outlines = sum(1 for code in communes if code in outlines)
    return list(communes.values())


def _write_former_names(
    report: ImportReport, names: list[FormerName], communes: dict[str, Commune]
) -> None:
    """Names from INSEE's history, keyed on (code, name): a code may have carried several."""
    existing = {
        (n.code, n.name): n for n in CommuneName.objects.filter(code__in={n.code for n in names})
    }
    created, changed = [], []
    for former in names:
        commune, kind = communes[former.commune_code], former.kind.value
        row = existing.get((former.code, former.name))
        if row is None:
            row = CommuneName(code=former.code, name=former.name, kind=kind, commune=commune)
            created.append(row)
        elif (row.commune_id, row.kind) != (commune.pk, kind):
            row.commune, row.kind = commune, kind
            changed.append(row)
    CommuneName.objects.bulk_create(created)
    CommuneName.objects.bulk_update(changed, ["commune", "kind"])
    unchanged = len(names) - len(created) - len(changed)
    report.add("ancien nom de commune", len(created), len(changed), unchanged)


def _write_territory(
    report: ImportReport, spec: TerritorySpec, communes: list[Commune], make_default: bool
) -> None:
    values: dict[str, object] = {
        "name": spec.name,
        "epci_codes": list(spec.epci_codes),
        "commune_codes": list(spec.commune_codes),
        "source": spec.source,
        "vintage": spec.vintage,
    }
    if make_default:
        Territory.objects.filter(is_default=True).exclude(slug=spec.slug).update(is_default=False)
        values["is_default"] = True
    territory = Territory.objects.filter(slug=spec.slug).first()
    if territory is None:
        territory = Territory.objects.create(slug=spec.slug, **values)
        outcome = (1, 0, 0)
    elif any(getattr(territory, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(territory, name, value)
        territory.save()
        outcome = (0, 1, 0)
    else:
        outcome = (0, 0, 1)
    current = set(territory.communes.values_list("pk", flat=True))
    if current != {c.pk for c in communes}:
        territory.communes.set(communes)
        if outcome == (0, 0, 1):
            outcome = (0, 1, 0)
    report.add("territoire", *outcome)


def _epci_fields(record: dict[str, Any], vintage: str) -> dict[str, Any]:
    population = record.get("populationMunicipale")
    return {
        "name": record["nom"],
        "kind": record.get("type", ""),
        "population": population,
        "population_vintage": vintage if population is not None else "",
    }


def _upsert(
    report: ImportReport, model: type[_M], rows: dict[str, dict[str, Any]]
) -> dict[str, _M]:
    """Create missing rows, update changed ones, leave the rest; return instances by code."""
    existing = model._default_manager.in_bulk(list(rows), field_name="code")
    created: dict[str, _M] = {}
    changed: list[_M] = []
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            created[code] = model(code=code, **values)
        elif any(_differs(obj, name, value) for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    model._default_manager.bulk_create(created.values())
    if changed:
        fields = list(next(iter(rows.values())).keys())
        model._default_manager.bulk_update(changed, fields)
    unchanged = len(rows) - len(created) - len(changed)
    report.add(str(model._meta.verbose_name), len(created), len(changed), unchanged)
    return {**existing, **created}


def _differs(obj: models.Model, name: str, value: Any) -> bool:
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        # compare foreign keys by id, without loading the related row
        return bool(getattr(obj, field.attname) != (value.pk if value is not None else None))
    return bool(getattr(obj, name) != value)
