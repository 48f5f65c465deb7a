"""Recording consents: each record keeps the exact text the person was shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.network.people.enums import ConsentMethod, ConsentPurpose
from maillage.network.people.models import Consent, Person


@dataclass(frozen=True)
class ConsentText:
    version: str
    text: str


# The wording shown today for each purpose. Change the text → change the version: the records
# already made keep the text their person agreed to.
TEXTS = {
    ConsentPurpose.NEWSLETTER: ConsentText(
        "2026-1",
        "J’accepte de recevoir la lettre d’information du pôle, environ une fois par mois. "
        "Je peux me désinscrire à tout moment.",
    ),
    ConsentPurpose.CONTACT: ConsentText(
        "2026-1",
        "J’accepte que le pôle conserve mes coordonnées dans son carnet d’adresses pour me "
        "contacter au sujet de ses activités et de celles du réseau.",
    ),
    ConsentPurpose.PHOTOS: ConsentText(
        "2026-1",
        "J’accepte d’être photographié·e lors des activités du pôle et que ces photos "
        "illustrent ses publications (site, lettre, rapport d’activité).",
    ),
    ConsentPurpose.DIRECTORY: ConsentText(
        "2026-1",
        "J’accepte que mon nom et mes coordonnées professionnelles apparaissent comme contact "
        "de ma structure dans l’annuaire public.",
    ),
}


def current_consents(person: Person) -> dict[str, Consent]:
    """The latest record of each purpose for this person, keyed by purpose."""
    return {consent.purpose: consent for consent in person.consents.current()}


@transaction.atomic
def record_consent(
    person: Person,
    purpose: ConsentPurpose,
    given: bool,
    method: ConsentMethod,
    recorded_by: User | None = None,
    note: str = "",
    at: datetime | None = None,
) -> Consent:
    """Add a record (never change an old one): withdrawing keeps the history of consents."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    shown = TEXTS[ConsentPurpose(purpose)]
    return Consent.objects.create(
        person=person,
        purpose=purpose,
        given=given,
        text_version=shown.version,
        text=shown.text,
        method=method,
        recorded_by=recorded_by,
        note=note,
        recorded_at=at or timezone.now(),
    )
