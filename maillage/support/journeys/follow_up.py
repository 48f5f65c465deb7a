"""What staff record along a case: appointments, notes, documents, next steps."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.dates import long_date
from maillage.support.journeys.errors import JourneyError, refuse_if_closed
from maillage.support.journeys.models import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    SupportCase,
)


def add_appointment(
    case: SupportCase, held_on: date, with_whom: str, notes: str = "", token: UUID | None = None
) -> Appointment:
    if held_on < case.opened_on:
        raise JourneyError(
            "Le rendez-vous ne peut pas précéder l’ouverture du dossier "
            f"({long_date(case.opened_on)})."
        )
    return Appointment.objects.create(
        case=case, held_on=held_on, with_whom=with_whom, notes=notes, submission_token=token
    )


def add_note(case: SupportCase, text: str, by: User, token: UUID | None = None) -> CaseNote:
    return CaseNote.objects.create(case=case, text=text, author=by, submission_token=token)


def add_document(
    case: SupportCase, title: str, file: File[bytes], by: User, token: UUID | None = None
) -> CaseDocument:
    document = CaseDocument(
        case=case, title=title, file=file, uploaded_by=by, submission_token=token
    )
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # The same form, sent at the same moment, stored its copy first: drop this one's file.
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def plan_next_step(
    case: SupportCase,
    title: str,
    due_on: date,
    assigned_to: User | None = None,
    today: date | None = None,
    token: UUID | None = None,
) -> NextStep:
    today = today or timezone.localdate()
    refuse_if_closed(case)
    if due_on < today:
        raise JourneyError(
            f"L’échéance ({long_date(due_on)}) ne peut pas précéder la création de l’étape "
            f"(aujourd’hui, {long_date(today)})."
        )
    return NextStep.objects.create(
        case=case,
        title=title,
        due_on=due_on,
        assigned_to=assigned_to,
        created_on=today,
        submission_token=token,
    )


@transaction.atomic
def complete_next_step(step: NextStep, today: date | None = None) -> bool:
    """Mark the step done; False when it already was (a double click changes nothing)."""
    return bool(
        NextStep.objects.filter(pk=step.pk, done_on__isnull=True).update(
            done_on=today or timezone.localdate()
        )
    )
