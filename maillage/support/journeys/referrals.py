"""Refer a case to a partner's service; the partner accepts, declines (with a reason) or reports
the referral done. One open referral per case and service, guarded by the database."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.dates import long_date
from maillage.core.form_tokens import first_write
from maillage.support.journeys import notifications
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.errors import JourneyError, refuse_if_closed
from maillage.support.journeys.models import Referral, SupportCase
from maillage.support.services.models import Service

ALREADY_OPEN = "Une orientation vers ce service est déjà en cours pour ce dossier."


def _check_can_refer(case: SupportCase, service: Service, today: date) -> None:
    refuse_if_closed(case)
    if not service.is_open:
        raise JourneyError(
            f"Le service « {service} » est fermé ou n’est pas publié : "
            "impossible d’y orienter un porteur de projet."
        )
    if not Service.objects.on_offer().filter(pk=service.pk).exists():
        raise JourneyError(
            f"La structure qui propose « {service} » n’est plus présentée au public : "
            "impossible d’y orienter un porteur de projet."
        )
    if today < case.opened_on:
        raise JourneyError("Une orientation ne peut pas précéder l’ouverture du dossier.")
    if case.referrals.open().filter(service=service).exists():
        raise JourneyError(ALREADY_OPEN)


def refer(
    case: SupportCase,
    service: Service,
    by: User | None = None,
    message: str = "",
    today: date | None = None,
) -> Referral:
    today = today or timezone.localdate()
    with transaction.atomic():
        case = SupportCase.objects.select_for_update().get(pk=case.pk)
        _check_can_refer(case, service, today)
        referral = first_write(
            lambda: Referral.objects.create(
                case=case, service=service, message=message, sent_on=today, sent_by=by
            )
        )
        if referral is None:
            raise JourneyError(ALREADY_OPEN)
    notifications.referral_sent(referral)
    return referral


def _locked(referral: Referral, expected: ReferralStatus, refusal: str) -> Referral:
    referral = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    if referral.cancelled_on is not None:  # set with the CANCELLED status (a constraint)
        raise JourneyError(
            f"Cette orientation est annulée depuis le {long_date(referral.cancelled_on)} : "
            f"{referral.cancel_reason}."
        )
    if referral.status != expected:
        raise JourneyError(refusal)
    return referral


ANSWERED = "Cette orientation a déjà reçu une réponse."


def accept(referral: Referral, by: User, note: str = "", today: date | None = None) -> Referral:
    with transaction.atomic():
        referral = _locked(referral, ReferralStatus.SENT, ANSWERED)
        referral.status, referral.acceptance_note = ReferralStatus.ACCEPTED, note.strip()
        referral.decided_on, referral.decided_by = today or timezone.localdate(), by
        referral.save()
    notifications.referral_answered(referral)
    return referral


def decline(referral: Referral, by: User, reason: str, today: date | None = None) -> Referral:
    reason = reason.strip()
    if not reason:
        raise JourneyError("Indiquez le motif du refus : l’équipe du pôle en a besoin.")
    with transaction.atomic():
        referral = _locked(referral, ReferralStatus.SENT, ANSWERED)
        referral.status, referral.decline_reason = ReferralStatus.DECLINED, reason
        referral.decided_on, referral.decided_by = today or timezone.localdate(), by
        referral.save()
    notifications.referral_answered(referral)
    return referral


def complete(referral: Referral, by: User, note: str = "", today: date | None = None) -> Referral:
    with transaction.atomic():
        referral = _locked(
            referral,
            ReferralStatus.ACCEPTED,
            "Seule une orientation acceptée, pas encore réalisée, peut être marquée réalisée.",
        )
        referral.status, referral.partner_note = ReferralStatus.DONE, note.strip()
        referral.done_on = today or timezone.localdate()
        referral.save()
    notifications.referral_answered(referral)
    return referral
