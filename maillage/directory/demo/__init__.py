"""Fictitious demonstration directory for the hub's territory, deterministic from a seed.

Every record is clearly fictitious ("Association fictive …", `@exemple.invalid`, ARCEP's
fiction phone range 01 99 00), carries `source_ref = "demo:<n>"` (pages show the « données
fictives de démonstration » banner when any exists) and a SIREN in the 99xxxxxx range that
passes the Luhn check. `create_demo_directory()` is idempotent and bulk-inserts in batches, so
200,000 entries for benchmarks take seconds, not hours.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from maillage.core.text import fold
from maillage.directory.definitions import bracket_is_employer
from maillage.directory.demo import plan as planning
from maillage.directory.demo.catalogue import THEMES
from maillage.directory.demo.places import PointPool, centre_of
from maillage.directory.demo.plan import DEFAULT_COUNT, Slot
from maillage.directory.enums import EssFlag, Visibility
from maillage.directory.models import Establishment, LegalUnit, Theme
from maillage.directory.nomenclatures import naf_section
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory

DEMO_PREFIX = "demo:"
DEMO_SIREN_PREFIX = "99"
BATCH = 2000

__all__ = [
    "DEMO_PREFIX",
    "DemoUnavailable",
    "create_demo_directory",
    "demo_day",
    "has_demo_data",
    "luhn_complete",
]


class DemoUnavailable(RuntimeError):
    """The territory is not loaded: there is nowhere to put the organisations."""


def demo_day() -> date:
    """The demonstration's « today »: the day it is loaded, so that its dates never age."""
    return timezone.localdate()


def luhn_complete(digits: str) -> str:
    """`digits` followed by the check digit that makes the whole pass the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return digits + str((10 - total % 10) % 10)


@dataclass
class _Unit:
    siren: str
    slot: Slot
    commune: Commune
    name: str
    member: bool
    sites: int = 0
    record: LegalUnit | None = field(default=None, repr=False)


def _communes() -> list[Commune]:
    territory = current_territory()
    communes = list(territory.communes.order_by("code")) if territory else []
    if not communes:
        raise DemoUnavailable("Chargez d’abord le territoire (manage.py load_hub).")
    return communes


def _entries(seed: int, count: int, communes: list[Commune]) -> Iterator[tuple[_Unit, dict]]:
    """(legal unit, establishment values) for each entry, in a fixed order."""
    rng = random.Random(seed)
    slots = planning.slots(rng, count)
    weights = [commune.population or 1 for commune in communes]
    pools: dict[str, PointPool] = {}
    unit: _Unit | None = None
    for index, slot in enumerate(slots, start=1):
        commune = rng.choices(communes, weights)[0]
        if unit is None or not planning.joins_previous(rng, slot, unit.slot, unit.sites):
            unit = _new_unit(rng, slot, commune, index)
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


def _new_unit(rng: random.Random, slot: Slot, commune: Commune, index: int) -> _Unit:
    stem = rng.choice(slot.activity.stems)
    name = f"{planning.PREFIXES[slot.family]} {stem} {of_place(commune.name)}"
    siren = luhn_complete(f"{DEMO_SIREN_PREFIX}{index:06d}")
    return _Unit(siren, slot, commune, name, member=rng.random() < 0.15)


def _pool(pools: dict[str, PointPool], commune: Commune, seed: int) -> PointPool | None:
    if commune.code not in pools:
        centre = centre_of(commune.outline)
        if centre is None:
            return None
        pools[commune.code] = PointPool(
            commune.outline, centre, random.Random(f"{seed}:{commune.code}")
        )
    return pools[commune.code]


def _site_values(rng, slot: Slot, unit: _Unit, commune: Commune, index: int, pool) -> dict:
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
        "website": f"https://{DEMO_PREFIX[:-1]}{index}.exemple.invalid/"
        if rng.random() < 0.3
        else "",
        "email": f"contact{index}@exemple.invalid" if has_contacts else "",
        "phone": f"01 99 00 {index % 100:02d} {index // 100 % 100:02d}" if has_contacts else "",
        "contacts_public": has_contacts and rng.random() < 0.7,
        "opening_hours": rng.choice(planning.OPENING_HOURS) if rng.random() < 0.35 else "",
        "source_ref": f"{DEMO_PREFIX}{index}",
        "last_confirmed_on": demo_day() - timedelta(days=rng.randint(0, 900)),
        "themes": rng.sample(slot.activity.themes, k=min(2, len(slot.activity.themes))),
    }


def _legal_unit(unit: _Unit, values: dict) -> LegalUnit:
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


def _save_batch(batch: list[tuple[_Unit, dict]], themes: dict[str, Theme]) -> int:
    sirens = {unit.siren for unit, _ in batch}
    known = {u.siren: u for u in LegalUnit.objects.filter(siren__in=sirens)}
    new_units = []
    for unit, values in batch:
        if unit.record is None:
            unit.record = known.get(unit.siren)
        if unit.record is None:
            unit.record = _legal_unit(unit, values)
            new_units.append(unit.record)
    LegalUnit.objects.bulk_create(new_units)
    sites, theme_keys = [], []
    for unit, values in batch:
        values = dict(values)
        theme_keys.append(values.pop("themes"))
        site = Establishment(legal_unit=unit.record, **values)
        names = " ".join(fold(themes[key].name) for key in theme_keys[-1])
        site.fill_search_fields()  # without the themes, not yet attached
        site.search_text = f"{site.search_text} {names}".strip()
        site.fill_listing_fields()  # bulk_create skips save()
        sites.append(site)
    Establishment.objects.bulk_create(sites)
    Through = Establishment.themes.through
    Through.objects.bulk_create(
        Through(establishment_id=site.pk, theme_id=themes[key].pk)
        for site, keys in zip(sites, theme_keys, strict=True)
        for key in keys
    )
    return len(sites)


def _themes() -> dict[str, Theme]:
    return {
        key: Theme.objects.get_or_create(slug=key, defaults={"name": name})[0]
        for key, name in THEMES.items()
    }


@transaction.atomic
def create_demo_directory(seed: int = 2026, count: int | None = None) -> int:
    """Create the fictitious directory (DEFAULT_COUNT entries unless `count`); return how many
    establishments were created. Entries already there (same `demo:<n>`) are left alone."""
    count = DEFAULT_COUNT if count is None else count
    existing = set(
        Establishment.objects.filter(source_ref__startswith=DEMO_PREFIX).values_list(
            "source_ref", flat=True
        )
    )
    themes = _themes()
    created, batch = 0, []
    for unit, values in _entries(seed, count, _communes()):
        if values["source_ref"] in existing:
            continue
        batch.append((unit, values))
        if len(batch) >= BATCH:
            created += _save_batch(batch, themes)
            batch = []
    if batch:
        created += _save_batch(batch, themes)
    return created


def has_demo_data() -> bool:
    """Whether the directory holds demonstration entries (pages then say so)."""
    return Establishment.objects.filter(source_ref__startswith=DEMO_PREFIX).exists()
