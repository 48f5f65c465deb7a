"""A person's data export (RGPD articles 15 and 20): JSON, behind a single-use link.

The link's token is shown once and only its hash is stored. It opens for the user who asked for
it, in the session they asked from (a sign-out ends it), once, within LINK_LIFETIME.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import AnyUser, User
from maillage.network.people.models import ExportLink, Person
from maillage.privacy.subject_rights import export_person, export_person_record

LINK_LIFETIME = timedelta(hours=24)


class LinkRefused(Exception):
    """The link cannot be used; the message says why, in French."""

    def __init__(self, message: str, status: int = 410) -> None:
        super().__init__(message)
        self.status = status


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def address_book_part(person: Person) -> dict[str, Any]:
    """The person's rows of the address book, beyond the registry's personal fields."""
    return {
        "structures": [
            {
                "structure": affiliation.legal_unit.name,
                "role": affiliation.get_role_display(),
                "depuis": affiliation.since.isoformat() if affiliation.since else None,
                "jusqu_au": affiliation.until.isoformat() if affiliation.until else None,
            }
            for affiliation in person.affiliations.select_related("legal_unit")
        ],
        "etiquettes": [tag.name for tag in person.tags.all()],
        "echanges": [
            {
                "date": interaction.occurred_on.isoformat(),
                "moyen": interaction.get_channel_display(),
                "objet": interaction.subject,
                "compte_rendu": interaction.notes,
            }
            for interaction in person.interactions.all()
        ],
        "consentements": [
            {
                "finalite": consent.get_purpose_display(),
                "accorde": consent.given,
                "date": consent.recorded_at.isoformat(),
                "version_du_texte": consent.text_version,
                "texte": consent.text,
                "recueilli_par": consent.get_method_display(),
            }
            for consent in person.consents.order_by("recorded_at", "pk")
        ],
        "dernier_echange": person.last_active_at.isoformat(),
    }


def build_export(person: Person | None, user: User | None = None) -> bytes:
    """The export file: a person of the address book, or else a user's account alone."""
    if person is not None:
        data = export_person_record(person) | {"carnet_d_adresses": address_book_part(person)}
    elif user is not None:
        data = export_person(user.email)
    else:
        raise ValueError("An export is of a person or of an account.")
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def create_link(person: Person | None, user: User, session_key: str) -> str:
    """A fresh link's token (to put in the URL); it is never stored in clear."""
    token = secrets.token_urlsafe(32)
    ExportLink.objects.create(
        token_hash=_digest(token),
        session_hash=_digest(session_key),
        person=person,
        created_by=user,
        expires_at=timezone.now() + LINK_LIFETIME,
    )
    return token


@transaction.atomic
def redeem(token: str, user: AnyUser, session_key: str | None) -> ExportLink:
    """Spend the link: the second call with the same token is refused (row lock on the link)."""
    link = ExportLink.objects.select_for_update().filter(token_hash=_digest(token)).first()
    if link is None or link.created_by_id != user.pk:
        raise LinkRefused("Ce lien d’export n’existe pas ou ne vous est pas destiné.", 404)
    if session_key is None or link.session_hash != _digest(session_key):
        raise LinkRefused(
            "Ce lien a été créé dans une autre session : demandez un nouvel export.", 403
        )
    if link.used_at is not None:
        raise LinkRefused("Ce lien a déjà servi : demandez un nouvel export.")
    if link.expires_at <= timezone.now():
        raise LinkRefused("Ce lien a expiré : demandez un nouvel export.")
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    return link
