"""A selection of the address book as CSV: UTF-8 with BOM, `;` separated, formulas defused.

Read as plain values, a chunk of people at a time with their roles and tags in two queries:
model instances and per-row prefetch querysets cost seconds on a few thousand contacts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils import timezone

from maillage.core.csv_safety import escape_row, spreadsheet_csv
from maillage.network.people.enums import AffiliationRole
from maillage.network.people.models import Affiliation, Person, PersonQuerySet

HEADER = [
    "Nom",
    "Prénom",
    "Adresse e-mail",
    "Téléphone",
    "Structures et rôles",
    "Étiquettes",
    "Dernier échange",
]
CHUNK = 1000
ROLE_LABELS = dict(AffiliationRole.choices)


def _roles_and_tags(ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    roles: dict[int, list[str]] = defaultdict(list)
    affiliations = Affiliation.objects.filter(person_id__in=ids).order_by("pk")
    for person_id, name, role in affiliations.values_list("person_id", "legal_unit__name", "role"):
        roles[person_id].append(f"{name} ({ROLE_LABELS.get(role, role)})")
    tags: dict[int, list[str]] = defaultdict(list)
    links = Person.tags.through.objects.filter(person_id__in=ids).order_by("tag__name")
    for person_id, name in links.values_list("person_id", "tag__name"):
        tags[person_id].append(name)
    return roles, tags


def _chunks(people: PersonQuerySet):
    fields = ("pk", "last_name", "first_name", "email", "phone", "last_active_at")
    chunk = []
    for row in people.values_list(*fields).iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rows(people: PersonQuerySet) -> Iterator[list[str]]:
    for chunk in _chunks(people):
        roles, tags = _roles_and_tags([row[0] for row in chunk])
        for pk, last_name, first_name, email, phone, last_active_at in chunk:
            seen = timezone.localtime(last_active_at).strftime("%d/%m/%Y")
            cells = [last_name, first_name, email, phone, " | ".join(roles[pk])]
            yield escape_row([*cells, " | ".join(tags[pk]), seen])


def people_csv(people: PersonQuerySet) -> str:
    return spreadsheet_csv([HEADER, *_rows(people)])


def with_details(people):
    return people.prefetch_related(
        Prefetch("affiliations", Affiliation.objects.select_related("legal_unit")), "tags"
    )
