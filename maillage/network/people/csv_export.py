"""A selection of the address book as CSV: UTF-8 with BOM, `;` separated, formulas defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils import timezone

from maillage.directory.csv_safety import escape_row
from maillage.network.people.models import Affiliation, Person

HEADER = [
    "Nom",
    "Prénom",
    "Adresse e-mail",
    "Téléphone",
    "Structures et rôles",
    "Étiquettes",
    "Dernier échange",
]


def _roles(person: Person) -> str:
    return " | ".join(
        f"{affiliation.legal_unit.name} ({affiliation.get_role_display()})"
        for affiliation in person.affiliations.all()
    )


def people_csv(people: Iterable[Person]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for person in people:
        writer.writerow(
            escape_row(
                [
                    person.last_name,
                    person.first_name,
                    person.email,
                    person.phone,
                    _roles(person),
                    " | ".join(tag.name for tag in person.tags.all()),
                    timezone.localtime(person.last_active_at).strftime("%d/%m/%Y"),
                ]
            )
        )
    return "\ufeff" + buffer.getvalue()


def with_details(people):
    return people.prefetch_related(
        Prefetch("affiliations", Affiliation.objects.select_related("legal_unit")), "tags"
    )
