"""Every change of an establishment's fields, kept as ChangeRecords (staff only, never public).

Saves are watched by signals, so the SIRENE and RNA importers, the admin and the business
actions all leave the same trace: the field, its old and new value, the source of the new value
(read from the record's provenance) and, for people, who made it. A business action that knows
better sets `_change_source` and `_changed_by` on the instance before saving.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_save

from maillage.directory import provenance
from maillage.directory.enums import Source
from maillage.directory.models import ChangeRecord, Establishment, Theme

# Kept out of the history: derived, technical or bookkeeping columns.
UNTRACKED = {
    "id",
    "search_text",
    "provenance",
    "created_at",
    "updated_at",
    "last_confirmed_on",
    "last_reminded_on",
}
CREATED = "(création)"
MERGED = "(fusion)"


def tracked_fields() -> list[str]:
    return [
        field.attname
        for field in Establishment._meta.concrete_fields
        if field.attname not in UNTRACKED
    ]


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


def remember_old_values(sender, instance: Establishment, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        instance._old_values = None
        return
    instance._old_values = (
        Establishment.objects.filter(pk=instance.pk).values(*tracked_fields()).first()
    )


def record_changes(
    sender, instance: Establishment, created: bool, raw: bool = False, **kwargs
) -> None:
    if raw:
        return
    user = getattr(instance, "_changed_by", None)
    forced = getattr(instance, "_change_source", None)
    if created:
        source = forced or _source(instance, "legal_unit_id")
        ChangeRecord.objects.create(
            establishment=instance,
            field=CREATED,
            new_value=str(instance)[:500],
            source=source,
            changed_by=user,
        )
        return
    old = getattr(instance, "_old_values", None) or {}
    records = [
        ChangeRecord(
            establishment=instance,
            field=name,
            old_value=as_text(before),
            new_value=as_text(getattr(instance, name)),
            source=forced or _source(instance, name),
            changed_by=user,
        )
        for name, before in old.items()
        if as_text(before) != as_text(getattr(instance, name))
    ]
    ChangeRecord.objects.bulk_create(records)
    instance._old_values = None


def _source(instance: Establishment, field: str) -> str:
    name = field.removesuffix("_id")
    source = provenance.source_of(instance.provenance, name)
    if source in Source.values:
        return source
    sources = [provenance.source_of(instance.provenance, f) for f in instance.provenance]
    known = [s for s in sources if s in Source.values]
    return max(known, key=lambda s: provenance.RANK[s]) if known else Source.STAFF


def record_themes(
    site: Establishment,
    before: list[Theme],
    after: list[Theme],
    source: str,
    user: Any,
) -> None:
    old = ", ".join(sorted(t.name for t in before))
    new = ", ".join(sorted(t.name for t in after))
    if old != new:
        ChangeRecord.objects.create(
            establishment=site,
            field="themes",
            old_value=old,
            new_value=new,
            source=source,
            changed_by=user,
        )


def connect() -> None:
    pre_save.connect(remember_old_values, sender=Establishment, dispatch_uid="history_pre")
    post_save.connect(record_changes, sender=Establishment, dispatch_uid="history_post")


def field_label(name: str) -> str:
    if name in {CREATED, MERGED}:
        return {CREATED: "Création de la fiche", MERGED: "Fusion d’une fiche en double"}[name]
    try:
        return str(Establishment._meta.get_field(name.removesuffix("_id")).verbose_name)
    except Exception:  # a field since removed keeps its technical name
        return name
