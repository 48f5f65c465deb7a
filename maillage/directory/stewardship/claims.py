"""A person asks to represent an organisation; staff approve or reject; the person is told."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.form_tokens import first_write
from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim, Establishment
from maillage.directory.stewardship.errors import StewardshipError
from maillage.hub import current_hub
from maillage.mail import email_task


def submit_claim(
    user: User, establishment: Establishment, role: str = "", message: str = ""
) -> Claim:
    """Raise StewardshipError when the person already has a live claim on this organisation."""
    unit = establishment.legal_unit
    if Claim.objects.filter(
        legal_unit=unit, user=user, status__in=[ClaimStatus.PENDING, ClaimStatus.APPROVED]
    ).exists():
        raise StewardshipError(
            "Vous avez déjà une demande en cours ou acceptée pour cette structure."
        )
    claim = first_write(
        lambda: Claim.objects.create(legal_unit=unit, user=user, role=role[:200], message=message)
    )
    if claim is None:  # a second submit raced the first: the constraint said no
        raise StewardshipError(
            "Vous avez déjà une demande en cours ou acceptée pour cette structure."
        )
    return claim


def approve_claim(claim: Claim, by: User) -> Claim:
    return _decide(claim, by, ClaimStatus.APPROVED)


def reject_claim(claim: Claim, by: User) -> Claim:
    return _decide(claim, by, ClaimStatus.REJECTED)


def _decide(claim: Claim, by: User, status: ClaimStatus) -> Claim:
    with transaction.atomic():
        locked = Claim.objects.select_for_update().select_related("legal_unit", "user")
        claim = locked.get(pk=claim.pk)
        if claim.status != ClaimStatus.PENDING:
            raise StewardshipError("Cette demande a déjà été traitée.")
        claim.status = status
        claim.decided_by = by
        claim.decided_at = timezone.now()
        claim.save()
    _tell(claim)  # after the commit: the person hears of a decision that stands
    return claim


def _tell(claim: Claim) -> None:
    send_claim_decision.enqueue(claim.pk)


@email_task
def send_claim_decision(claim_pk: int) -> EmailMessage | None:
    """The decision, written when the worker runs: the task table holds the claim's id only."""
    claim = Claim.objects.select_related("legal_unit", "user").filter(pk=claim_pk).first()
    if claim is None or not claim.user.is_active:
        return None
    identity = current_hub().identity
    hub, team = identity.name, f"L’équipe {identity.of_name}"
    name = claim.legal_unit.name
    if claim.status == ClaimStatus.APPROVED:
        subject = f"{hub} : vous représentez désormais « {name} »"
        body = (
            f"Bonjour,\n\n{team} a accepté votre demande : vous pouvez désormais "
            f"mettre à jour la fiche de « {name} » dans l’annuaire, depuis votre espace "
            "(« Mes structures »).\n"
        )
    else:
        subject = f"{hub} : votre demande pour « {name} »"
        body = (
            f"Bonjour,\n\n{team} n’a pas pu accepter votre demande de rattachement à "
            f"« {name} ». N’hésitez pas à lui écrire pour en parler.\n"
        )
    return EmailMessage(subject, body, None, [claim.user.email])
