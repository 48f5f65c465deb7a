"""The processings of personal data as the legal notice lists them, read from the registry.

Entries sharing a purpose (the rows of a support case) make one processing, so that a model
declared in the registry appears on the page without anyone writing it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from maillage.privacy.registry import PersonalData, declared


@dataclass(frozen=True)
class Processing:
    purpose: str
    legal_bases: tuple[str, ...]
    # The French labels of the data concerned, each once.
    data: tuple[str, ...]
    recipients: tuple[str, ...]
    retentions: tuple[str, ...]
    notices: tuple[str, ...]
    model_labels: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return slugify(self.purpose)


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


def _data_labels(entry: PersonalData) -> list[str]:
    """The French label of each personal or exported field, as a person reads it."""
    meta = entry.model._meta
    names = dict.fromkeys((*entry.fields, *entry.export_fields))
    return [str(meta.get_field(name).verbose_name) for name in names]


def processings() -> list[Processing]:
    groups: dict[str, list[PersonalData]] = {}
    for entry in declared():
        groups.setdefault(entry.purpose, []).append(entry)
    return [
        Processing(
            purpose=purpose,
            legal_bases=_unique(str(entry.legal_basis) for entry in entries),
            data=_unique(label for entry in entries for label in _data_labels(entry)),
            recipients=_unique(entry.recipients for entry in entries),
            retentions=_unique(entry.retention for entry in entries),
            notices=_unique(entry.notice for entry in entries),
            model_labels=tuple(entry.model_label for entry in entries),
        )
        for purpose, entries in groups.items()
    ]
