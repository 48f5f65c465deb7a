"""Joining the hub: a request from the public page, then the staff's answer.

Accepting creates (or reuses) the account, the address-book entry and the membership of the
year, all in one transaction with the request locked, so a double click accepts once; the
welcome e-mail is queued after the commit with the request's id only. Refusing records the
reason and queues a polite e-mail the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.accounts.enums import Role
from maillage.accounts.models import User
from maillage.core.form_tokens import once
from maillage.directory.models import LegalUnit
from maillage.network.memberships.enrolment import Terms, enrol
from maillage.network.memberships.enums import JoinRequestStatus
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.models import JoinRequest
from maillage.network.people.enums import AffiliationRole
from maillage.network.people.mine import ensure_person_of
from maillage.network.people.models import Affiliation


@dataclass(frozen=True)
class ConsentText:
    version: str
    text: str


# Change the text → change the version: requests already sent keep the text they agreed to.
CONSENT = ConsentText(
    "2026-1",
    "J’accepte que le pôle conserve les informations de ce formulaire pour examiner ma demande "
    "d’adhésion et me répondre. Elles sont effacées un an après la réponse.",
)


def submit(token: uuid.UUID, fields: dict[str, Any], now: datetime | None = None) -> JoinRequest:
    """Record the request once, however many times the form is sent (`core.form_tokens`)."""

    def create() -> JoinRequest:
        return JoinRequest.objects.create(
            submission_token=token,
            consent_text=CONSENT.text,
            consent_version=CONSENT.version,
            consented_at=now or timezone.now(),
            **fields,
        )

    request, _ = once(JoinRequest, token, create)
    return request


def _locked_pending(join_request: JoinRequest) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not locked.is_pending:
        raise MembershipError("Cette demande a déjà reçu une réponse.")
    return locked


def _account_for(join_request: JoinRequest) -> User:
    """The account of the request's address: the existing one, or a new member account with
    no password yet (the welcome e-mail's link sets it)."""
    existing: User | None = User.objects.filter(email__iexact=join_request.email).first()
    if existing is not None:
        return existing
    created: User = User.objects.create_user(
        join_request.email,
        None,
        role=Role.MEMBER,
        full_name=join_request.full_name,
        organisation_name=join_request.organisation_name,
    )
    return created


def accept(
    join_request: JoinRequest,
    by: User,
    *,
    legal_unit: LegalUnit | None = None,
    today: date | None = None,
) -> JoinRequest:
    """Create the account and the membership of the year; raise MembershipError when the
    request was answered already, or an organisation's request names no directory entry."""
    from maillage.network.memberships.tasks import send_join_welcome

    today = today or timezone.localdate()
    with transaction.atomic():
        join_request = _locked_pending(join_request)
        if join_request.is_for_organisation and legal_unit is None:
            raise MembershipError("Choisissez la structure de l’annuaire qui adhère.")
        account = _account_for(join_request)
        person = ensure_person_of(account)
        terms = Terms(today.year, join_request.rate)
        if legal_unit is not None:
            membership = enrol(terms, legal_unit=legal_unit)
            Affiliation.objects.get_or_create(
                person=person, legal_unit=legal_unit, defaults={"role": AffiliationRole.OTHER}
            )
        else:
            membership = enrol(terms, person=person)
        _decide(join_request, by, JoinRequestStatus.ACCEPTED)
        join_request.account = account
        join_request.membership = membership
        join_request.save(update_fields=["account", "membership"])
    send_join_welcome.enqueue(join_request.pk)  # after the commit: a welcome that stands
    return join_request


def refuse(join_request: JoinRequest, by: User, reason: str) -> JoinRequest:
    from maillage.network.memberships.tasks import send_join_refusal

    reason = reason.strip()
    if not reason:
        raise MembershipError("Dites en une phrase pourquoi la demande est refusée.")
    with transaction.atomic():
        join_request = _locked_pending(join_request)
        join_request.refusal_reason = reason
        _decide(join_request, by, JoinRequestStatus.REFUSED)
    send_join_refusal.enqueue(join_request.pk)
    return join_request


def _decide(join_request: JoinRequest, by: User, status: JoinRequestStatus) -> None:
    join_request.status = status
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at", "refusal_reason"])
