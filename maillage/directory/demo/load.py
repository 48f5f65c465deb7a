"""Write the entries in batches of bulk inserts (200,000 entries for benchmarks take seconds),
each row marked in the demonstration registry."""

from __future__ import annotations

from django.db import transaction

from maillage.core import demo
from maillage.core.text import fold
from maillage.directory import map_clusters
from maillage.directory.demo.catalogue import THEMES
from maillage.directory.demo.entries import Unit, entries, legal_unit, territory_communes
from maillage.directory.demo.plan import DEFAULT_COUNT
from maillage.directory.exports import published
from maillage.directory.models import Establishment, LegalUnit, Theme

BATCH = 2000


def _save_batch(batch: list[tuple[Unit, dict]], themes: dict[str, Theme]) -> int:
    sirens = {unit.siren for unit, _ in batch}
    known = {u.siren: u for u in LegalUnit.objects.filter(siren__in=sirens)}
    new_units = []
    for unit, values in batch:
        if unit.record is None:
            unit.record = known.get(unit.siren)
        if unit.record is None:
            unit.record = legal_unit(unit, values)
            new_units.append(unit.record)
    LegalUnit.objects.bulk_create(new_units)
    demo.mark_ids(new_units)
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
    published.mark_stale()  # bulk_create sends no signal
    demo.mark_ids(sites)
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
    existing = set(demo.only_demo(Establishment.objects.all()).values_list("source_ref", flat=True))
    themes = _themes()
    created, batch = 0, []
    for unit, values in entries(seed, count, territory_communes()):
        if values["source_ref"] in existing:
            continue
        batch.append((unit, values))
        if len(batch) >= BATCH:
            created += _save_batch(batch, themes)
            batch = []
    if batch:
        created += _save_batch(batch, themes)
    if created:
        map_clusters.rebuild()  # the map's counts, in the same transaction as the entries
    return created
