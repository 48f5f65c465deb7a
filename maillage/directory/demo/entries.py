"""The fictitious entries, drawn from a seed in a fixed order: for each establishment, its legal
unit (a few organisations have an antenna) and its values, placed in the territory's communes in
proportion to their population."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from maillage.core.demo import today as demo_day
from maillage.directory.definitions import bracket_is_employer
from maillage.directory.demo import plan as planning
from maillage.directory.demo.identifiers import DEMO_SIREN_PREFIX, DemoUnavailable, luhn_complete
from maillage.directory.demo.places import PointPool, centre_of
from maillage.directory.demo.plan import Slot
from maillage.directory.enums import EssFlag, Visibility
from maillage.directory.models import LegalUnit
from maillage.directory.nomenclatures import naf_section
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory

# The entry's reference in its source (`Establishment.source_ref`): what a second load skips.
SOURCE = "demo:"


@dataclass
class Unit:
    siren: str
    slot: Slot
    commune: Commune
    name: str
    member: bool
    sites: int = 0
    record: LegalUnit | None = field(default=None, repr=False)


def territory_communes() -> list[Commune]:
    territory = current_territory()
    communes = list(territory.communes.order_by("code")) if territory else []
    if not communes:
        raise DemoUnavailable("Chargez d’abord le territoire (manage.py load_hub).")
    return communes


def entries(seed: int, count: int, communes: list[Commune]) -> Iterator[tuple[Unit, dict]]:
    """(legal unit, establishment values) for each entry, in a fixed order."""
    rng = random.Random(seed)
    slots = planning.slots(rng, count)
    weights = [commune.population or 1 for commune in communes]
    pools: dict[str, PointPool] = {}
    unit: Unit | None = None
    taken: set[str] = set()
    for index, slot in enumerate(slots, start=1):
        commune = rng.choices(communes, weights)[0]
        if unit is None or not planning.joins_previous(rng, slot, unit.slot, unit.sites):
            unit = _new_unit(rng, slot, commune, index, taken)
        unit.sites += 1
        yield unit, _site_values(rng, slot, unit, commune, index, _pool(pools, commune, seed))


def of_place(name: str) -> str:
    """French "de" before a commune's name: d’Avessac, du Pouliguen, des Fougerêts, de Redon."""
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name[:1].upper() in "AEIOUYÂÉÈÊÎÔ":
        return f"d’{name}"
    return f"de {name}"


def _new_unit(
    rng: random.Random, slot: Slot, commune: Commune, index: int, taken: set[str]
) -> Unit:
    name = _distinct_name(rng.choice(slot.activity.stems), slot, commune, taken)
    siren = luhn_complete(f"{DEMO_SIREN_PREFIX}{index:06d}")
    return Unit(siren, slot, commune, name, member=rng.random() < 0.15)


def _distinct_name(stem: str, slot: Slot, commune: Commune, taken: set[str]) -> str:
    """A name no other demo organisation has: two units of one name in one commune are what the
    duplicate finder proposes to staff, and the demo must not flood that queue."""
    stems = [stem, *(other for other in slot.activity.stems if other != stem)]
    candidates = [f"{planning.PREFIXES[slot.family]} {s} {of_place(commune.name)}" for s in stems]
    name = next((c for c in candidates if c not in taken), None)
    rank = 2
    while name is None:
        name = next((f"{c} {rank}" for c in candidates if f"{c} {rank}" not in taken), None)
        rank += 1
    taken.add(name)
    return name


def _pool(pools: dict[str, PointPool], commune: Commune, seed: int) -> PointPool | None:
    if commune.code not in pools:
        centre = centre_of(commune.outline)
        if centre is None:
            return None
        pools[commune.code] = PointPool(
            commune.outline, centre, random.Random(f"{seed}:{commune.code}")
        )
    return pools[commune.code]


def _site_values(rng, slot: Slot, unit: Unit, commune: Commune, index: int, pool) -> dict:
    longitude, latitude = pool.draw() if pool else (None, None)
    has_contacts = rng.random() < 0.6
    created_on = demo_day() - timedelta(days=int(rng.triangular(200, 25_000, 3_000)))
    site_name = "" if unit.sites == 1 else f"Antenne {of_place(commune.name)}"
    return {
        "siret": luhn_complete(f"{unit.siren}{unit.sites:04d}"),
        "sign": site_name,
        "street": f"{rng.randint(1, 60)} {rng.choice(planning.STREETS)}",
        "postcode": (commune.postcodes or [""])[0],
        "city_name": commune.name.upper(),
        "commune_code": commune.code,
        "commune": commune,
        "naf_code": slot.activity.naf_code,
        "naf_section": naf_section(slot.activity.naf_code),
        "employee_bracket": slot.bracket,
        "longitude": longitude,
        "latitude": latitude,
        "is_open": not slot.closed,
        "visibility": Visibility.HIDDEN if slot.hidden else Visibility.PUBLIC,
        "created_on": created_on,
        "is_head_office": unit.sites == 1,
        "description": planning.description(unit.name, slot.activity, commune.name),
        "website": f"https://{SOURCE[:-1]}{index}.exemple.invalid/" if rng.random() < 0.3 else "",
        "email": f"contact{index}@exemple.invalid" if has_contacts else "",
        "phone": f"01 99 00 {index % 100:02d} {index // 100 % 100:02d}" if has_contacts else "",
        "contacts_public": has_contacts and rng.random() < 0.7,
        "opening_hours": rng.choice(planning.OPENING_HOURS) if rng.random() < 0.35 else "",
        "source_ref": f"{SOURCE}{index}",
        "last_confirmed_on": demo_day() - timedelta(days=rng.randint(0, 900)),
        "themes": rng.sample(slot.activity.themes, k=min(2, len(slot.activity.themes))),
    }


def legal_unit(unit: Unit, values: dict) -> LegalUnit:
    slot = unit.slot
    return LegalUnit(
        siren=unit.siren,
        name=unit.name,
        legal_category=slot.legal_category,
        naf_code=slot.activity.naf_code,
        naf_nomenclature="NAFRev2",
        ess_flag=EssFlag.YES,
        is_employer=bracket_is_employer(slot.bracket),
        employee_bracket=slot.bracket,
        created_on=values["created_on"],
        is_active=not slot.closed,
        ess_family=slot.family,
        is_hub_member=unit.member,
    )
