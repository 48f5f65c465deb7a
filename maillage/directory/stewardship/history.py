"""Every change of an establishment's fields, kept as ChangeRecords (staff only, never public).

Its legal unit's fields and its themes count too: a unit's change is kept in the history of each
of its establishments. Saves and theme changes are watched by signals, so the importers, the
admin and the business actions all leave the same trace: the field, its old and new value, the
source of the new value (read from the record's provenance) and, for people, who made it. A
business action that knows better sets `_change_source` and `_changed_by` on the instance before
saving or changing its themes.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_save, pre_save

from maillage.directory import provenance
from maillage.directory.enums import Source
from maillage.directory.models import ChangeRecord, Establishment, LegalUnit, Theme
from maillage.directory.search import search_text_of

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
UNIT_UNTRACKED = {"id", "provenance", "created_at", "updated_at"}
UNIT_PREFIX = "legal_unit."  # a legal unit's field, in the history of its establishments
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


def remember_old_themes(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    """Before a change of an entry's themes (from the admin, an import, an accepted edit)."""
    if not reverse and action in {"pre_add", "pre_remove", "pre_clear"}:
        instance._old_themes = _theme_names(instance)


def record_themes(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    """After it: one history line, and the search text, which holds the themes' names."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    old = ", ".join(getattr(instance, "_old_themes", None) or [])
    new = ", ".join(_theme_names(instance))
    instance._old_themes = None
    if old == new:
        return
    ChangeRecord.objects.create(
        establishment=instance,
        field="themes",
        old_value=old,
        new_value=new,
        source=getattr(instance, "_change_source", None) or _source(instance, "themes"),
        changed_by=getattr(instance, "_changed_by", None),
    )
    instance.search_text = search_text_of(instance)
    Establishment.objects.filter(pk=instance.pk).update(search_text=instance.search_text)


def _theme_names(site: Establishment) -> list[str]:
    return sorted(Theme.objects.filter(establishments=site).values_list("name", flat=True))


def remember_old_unit_values(sender, instance: LegalUnit, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        instance._old_values = None
        return
    instance._old_values = (
        LegalUnit.objects.filter(pk=instance.pk).values(*tracked_unit_fields()).first()
    )


def record_unit_changes(
    sender, instance: LegalUnit, created: bool, raw: bool = False, **kwargs
) -> None:
    """A legal unit's changed field, kept in the history of each of its establishments."""
    old = getattr(instance, "_old_values", None) or {}
    instance._old_values = None
    if raw or created:
        return
    changed = [
        (name, as_text(before), as_text(getattr(instance, name)))
        for name, before in old.items()
        if as_text(before) != as_text(getattr(instance, name))
    ]
    if not changed:
        return
    user = getattr(instance, "_changed_by", None)
    forced = getattr(instance, "_change_source", None)
    ChangeRecord.objects.bulk_create(
        ChangeRecord(
            establishment_id=site,
            field=f"{UNIT_PREFIX}{name}",
            old_value=before,
            new_value=after,
            source=forced or _source(instance, name),
            changed_by=user,
        )
        for site in instance.establishments.values_list("pk", flat=True)
        for name, before, after in changed
    )


def tracked_unit_fields() -> list[str]:
    return [
        field.attname
        for field in LegalUnit._meta.concrete_fields
        if field.attname not in UNIT_UNTRACKED
    ]


def connect() -> None:
    pre_save.connect(remember_old_values, sender=Establishment, dispatch_uid="history_pre")
    post_save.connect(record_changes, sender=Establishment, dispatch_uid="history_post")
    pre_save.connect(remember_old_unit_values, sender=LegalUnit, dispatch_uid="history_unit_pre")
    post_save.connect(record_unit_changes, sender=LegalUnit, dispatch_uid="history_unit_post")
    themes = Establishment.themes.through
    m2m_changed.connect(remember_old_themes, sender=themes, dispatch_uid="history_themes_pre")
    m2m_changed.connect(record_themes, sender=themes, dispatch_uid="history_themes_post")


def field_label(name: str) -> str:
    if name in {CREATED, MERGED}:
        return {CREATED: "Création de la fiche", MERGED: "Fusion d’une fiche en double"}[name]
    if name.startswith(UNIT_PREFIX):
        unit_field = name.removeprefix(UNIT_PREFIX)
        try:
            label = LegalUnit._meta.get_field(unit_field).verbose_name
        except Exception:  # a field since removed keeps its technical name
            label = unit_field
        return f"Unité légale : {label}"
    try:
        return str(Establishment._meta.get_field(name.removesuffix("_id")).verbose_name)
    except Exception:  # a field since removed keeps its technical name
        return name
