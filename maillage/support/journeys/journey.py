"""Open a case, edit it, move it along the journey, close it with its outcome."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import DateField, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.dates import long_date
from maillage.directory.models import LegalUnit
from maillage.network.people.models import Person
from maillage.support.journeys import notifications
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.errors import JourneyError, refuse_if_closed
from maillage.support.journeys.models import (
    Outcome,
    Referral,
    Stage,
    StageChange,
    SupportCase,
)


def _not_in_future(day: date, today: date | None, what: str) -> None:
    if day > (today or timezone.localdate()):
        raise JourneyError(f"{what} ne peut pas être dans le futur.")


def _locked(case: SupportCase) -> SupportCase:
    return SupportCase.objects.select_for_update().get(pk=case.pk)


@transaction.atomic
def open_case(
    case: SupportCase,
    holders: Iterable[Person],
    organisations: Iterable[LegalUnit],
    by: User | None = None,
    today: date | None = None,
) -> SupportCase:
    """Save a new case (unsaved `case`) at the journey's first stage, dated `opened_on`."""
    _not_in_future(case.opened_on, today, "La date d’ouverture")
    first = Stage.objects.first_open()
    if first is None:
        raise JourneyError("Aucune étape de parcours n’est configurée : chargez le pôle.")
    case.stage = first
    case.save()
    case.holders.set(holders)
    case.organisations.set(organisations)
    StageChange.objects.create(case=case, stage=first, changed_on=case.opened_on, changed_by=by)
    return case


def _earliest_record(case: SupportCase) -> date | None:
    """The first date recorded on the case after its opening."""
    dates = [
        *case.stage_changes.order_by("changed_on").values_list("changed_on", flat=True)[1:2],
        *case.appointments.order_by("held_on").values_list("held_on", flat=True)[:1],
        *case.referrals.order_by("sent_on").values_list("sent_on", flat=True)[:1],
    ]
    return min(dates, default=None)


@transaction.atomic
def update_case(
    case: SupportCase,
    holders: Iterable[Person],
    organisations: Iterable[LegalUnit],
    today: date | None = None,
) -> None:
    """Save the edited `case`; its opening date may move, never past what followed it."""
    _not_in_future(case.opened_on, today, "La date d’ouverture")
    earliest = _earliest_record(case)
    if earliest is not None and case.opened_on > earliest:
        raise JourneyError(
            "La date d’ouverture ne peut pas suivre le premier événement du dossier "
            f"({long_date(earliest)})."
        )
    case.save()
    case.holders.set(holders)
    case.organisations.set(organisations)
    first = case.stage_changes.order_by("changed_on", "pk").first()
    if first is not None:
        StageChange.objects.filter(pk=first.pk).update(changed_on=case.opened_on)


def last_change(case: SupportCase) -> StageChange | None:
    return case.stage_changes.order_by("-changed_on", "-pk").first()


def _check_change_date(case: SupportCase, on: date, today: date | None) -> None:
    _not_in_future(on, today, "La date du changement d’étape")
    last = last_change(case)
    since = last.changed_on if last else case.opened_on
    if on < since:
        raise JourneyError(
            f"Le dossier est à l’étape « {case.stage} » depuis le {long_date(since)} : "
            "la date du changement ne peut pas la précéder."
        )


@transaction.atomic
def move_to_stage(
    case: SupportCase, stage: Stage, on: date, by: User | None = None, today: date | None = None
) -> StageChange:
    case = _locked(case)
    refuse_if_closed(case)
    if not stage.is_active:
        raise JourneyError("Cette étape ne fait plus partie du parcours.")
    if stage.is_final:
        raise JourneyError("Pour clore le dossier, remplissez le formulaire des résultats.")
    if stage.pk == case.stage_id:
        raise JourneyError(f"Le dossier est déjà à l’étape « {stage} ».")
    _check_change_date(case, on, today)
    change = StageChange.objects.create(case=case, stage=stage, changed_on=on, changed_by=by)
    SupportCase.objects.filter(pk=case.pk).update(stage=stage)
    return change


CASE_CLOSED = "dossier clos"


@transaction.atomic
def _close(
    case: SupportCase, outcome: Outcome, on: date, by: User | None, today: date
) -> list[Referral]:
    case = _locked(case)
    refuse_if_closed(case)
    final = Stage.objects.closing()
    if final is None:
        raise JourneyError("Aucune étape finale n’est configurée dans le parcours.")
    _check_change_date(case, on, today)
    outcome.case, outcome.recorded_on = case, on
    outcome.save()
    StageChange.objects.create(case=case, stage=final, changed_on=on, changed_by=by)
    SupportCase.objects.filter(pk=case.pk).update(stage=final, closed_on=on)
    # Referrals still waiting for the partner or under way end with the case, on its closing
    # date (never before they were sent), with the reason the partner reads.
    withdrawn = list(case.referrals.open().select_for_update())
    Referral.objects.filter(pk__in=[referral.pk for referral in withdrawn]).update(
        status=ReferralStatus.CANCELLED,
        cancelled_on=Greatest("sent_on", Value(on, output_field=DateField())),
        cancel_reason=CASE_CLOSED,
    )
    return withdrawn


def close_case(
    case: SupportCase,
    outcome: Outcome,
    on: date,
    by: User | None = None,
    today: date | None = None,
    tell_partners: bool = True,
) -> Outcome:
    """Close the case on `on` with its `outcome` (unsaved): the final stage, the figures; its
    open referrals are cancelled and their partners told (unless `tell_partners` is false: the
    demonstration writes a past nobody is to be told of)."""
    withdrawn = _close(case, outcome, on, by, today or timezone.localdate())
    if not tell_partners:
        return outcome
    for referral in Referral.objects.filter(pk__in=[r.pk for r in withdrawn]):
        notifications.referral_cancelled(referral)
    return outcome
