"""Demonstration address book: ~60 fictitious contacts of the demo directory's organisations.

Deterministic (fixed seed; dates counted back from the day the demo is loaded), idempotent (people
are keyed on their e-mail), and marked as fictitious: `@exemple.invalid` addresses, the fiction
phone range 01 99 00, the tag « Fictif (démonstration) » and a note on every record.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from maillage.accounts.demo import DEMO_ACCOUNTS
from maillage.accounts.enums import Role
from maillage.accounts.models import User
from maillage.core import demo
from maillage.core.demo import today as demo_day
from maillage.directory.models import LegalUnit
from maillage.network.people.consents import record_consent
from maillage.network.people.enums import (
    AffiliationRole,
    ConsentMethod,
    ConsentPurpose,
    InteractionChannel,
)
from maillage.network.people.models import Affiliation, Interaction, Person, Tag

SEED = 2026
NOTE = "Contact fictif de démonstration."
FIRST_NAMES = [
    "Camille", "Dominique", "Alex", "Claude", "Sacha", "Morgan",
    "Lou", "Maël", "Noa", "Charlie", "Andréa", "Élie",
]  # fmt: skip
LAST_NAMES = ["Exemple", "Essai", "Modèle", "Fictif", "Démo"]
TAGS = ["Fictif (démonstration)", "Élus", "Finances solidaires", "Mois de l’ESS", "Presse"]
SUBJECTS = [
    "Présentation du pôle et de ses services",
    "Préparation du forum de l’ESS",
    "Recherche de financements pour un projet",
    "Point sur l’adhésion au pôle",
    "Besoin d’accompagnement à l’embauche",
    "Invitation au groupe de travail",
]
ROLES = [
    AffiliationRole.PRESIDENT,
    AffiliationRole.EMPLOYEE,
    AffiliationRole.EMPLOYEE,
    AffiliationRole.VOLUNTEER,
    AffiliationRole.BOARD_MEMBER,
    AffiliationRole.PROJECT_HOLDER,
    AffiliationRole.ELECTED_OFFICIAL,
]


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=timezone.get_default_timezone())


def _organisations() -> list[LegalUnit]:
    units = demo.only_demo(LegalUnit.objects.filter(establishments__isnull=False))
    return list(units.distinct().order_by("-is_hub_member", "siren")[:40])


def _tags() -> list[Tag]:
    return [
        Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in TAGS
    ]


def _history(rng: random.Random, person: Person, staff: User | None, unit) -> None:
    for _ in range(rng.randint(1, 3)):
        day = demo_day() - timedelta(days=rng.randint(0, 700))
        Interaction.objects.create(
            person=person,
            staff_member=staff,
            occurred_on=day,
            channel=rng.choice(InteractionChannel.values),
            subject=rng.choice(SUBJECTS),
            notes=f"Échange fictif de démonstration avec {person}.",
            legal_unit=unit,
        )
        person.touch(_at(day))


def _consents(rng: random.Random, person: Person, staff: User | None) -> None:
    day = demo_day() - timedelta(days=rng.randint(30, 400))
    if rng.random() < 0.6:
        record_consent(
            person,
            ConsentPurpose.CONTACT,
            True,
            ConsentMethod.PAPER,
            staff,
            "Forum fictif",
            _at(day),
        )
    if rng.random() < 0.4:
        record_consent(
            person, ConsentPurpose.NEWSLETTER, True, ConsentMethod.ONLINE_FORM, at=_at(day)
        )
        if rng.random() < 0.25:
            withdrawn = _at(day + timedelta(days=20))
            record_consent(
                person, ConsentPurpose.NEWSLETTER, False, ConsentMethod.EMAIL, at=withdrawn
            )


def _contact(index: int, units, tags, staff) -> bool:
    rng = random.Random(f"{SEED}-{index}")  # one stream per contact: a rerun draws the same
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[index // len(FIRST_NAMES) % len(LAST_NAMES)]
    email = f"{slugify(first)}.{slugify(last)}.{index}@exemple.invalid"
    person, created = Person.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first,
            "last_name": last,
            "phone": f"01 99 00 {index // 100:02d} {index % 100:02d}",
            "notes": NOTE,
            "last_active_at": _at(demo_day() - timedelta(days=900)),
        },
    )
    if not created:
        return False
    demo.mark(person)
    person.tags.add(tags[0], *rng.sample(tags[1:], k=rng.randint(0, 2)))
    unit = units[index % len(units)] if units else None
    if unit is not None:
        Affiliation.objects.create(person=person, legal_unit=unit, role=ROLES[index % len(ROLES)])
    _history(rng, person, staff, unit)
    _consents(rng, person, staff)
    return True


def _account_people() -> int:
    created = 0
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None or Person.objects.filter(user=user).exists():
            continue
        first, _, last = account.full_name.rpartition(" ")
        person, _ = Person.objects.update_or_create(
            email=account.email,
            defaults={"user": user, "first_name": first, "last_name": last, "notes": NOTE},
        )
        demo.mark(person)
        created += 1
    return created


@transaction.atomic
def create_demo_people(count: int = 60) -> int:
    """Create the missing demonstration contacts; return how many people were created."""
    units, tags = _organisations(), _tags()
    staff = User.objects.filter(role=Role.STAFF, email__endswith="@demo.maillage.test").first()
    created = sum(_contact(index, units, tags, staff) for index in range(count))
    return created + _account_people()
