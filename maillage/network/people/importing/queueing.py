"""Handing work to the task worker: an uploaded sheet to read; a mapped import, once whatever
the number of confirms; and again, once, when the worker stopped in the middle."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core import stale_tasks
from maillage.network.people.enums import ImportStatus
from maillage.network.people.importing.running import STALE_AFTER, ImportAlreadyRun
from maillage.network.people.models import ContactImport
from maillage.network.people.tasks import import_contacts, read_contact_sheet


def receive_upload(
    filename: str, data: bytes, user: User, token: uuid.UUID | None = None
) -> ContactImport:
    """Keep the uploaded file for the task worker to read: the web process never parses it.
    `token` is the upload form's one-time token (`core.form_tokens`)."""
    contact_import = ContactImport.objects.create(
        created_by=user,
        filename=filename[:200],
        status=ImportStatus.READING,
        sheet=data,
        submission_token=token,
    )
    read_contact_sheet.enqueue(contact_import.pk)
    return contact_import


def queue_import(contact_import: ContactImport, mapping: list[str]) -> None:
    """Queue the import with this column mapping. The move out of "pending" is one conditional
    update, so of two confirms sent together only one queues a task; the other is refused."""
    with transaction.atomic():
        queued = ContactImport.objects.filter(
            pk=contact_import.pk, status=ImportStatus.PENDING
        ).update(status=ImportStatus.QUEUED, mapping=mapping, queued_at=timezone.now())
        if not queued:
            raise ImportAlreadyRun("Cet import est déjà lancé.")
        transaction.on_commit(lambda: _enqueue(contact_import.pk))


def resume_import(contact_import: ContactImport) -> None:
    """Queue again an import stopped before its end, by the worker stopping (no progress for
    STALE_AFTER) or by an unexpected error: it carries on after its last committed row. One
    conditional update again, so of two clicks (or two staff members) only one queues a task;
    the new progress time also tells a worker that was merely slow to stop."""
    now = timezone.now()
    stalled = Q(status=ImportStatus.RUNNING) & (
        Q(progressed_at__lt=now - STALE_AFTER) | Q(progressed_at__isnull=True)
    )
    with transaction.atomic():
        resumed = (
            ContactImport.objects.filter(stalled | Q(status=ImportStatus.FAILED))
            .filter(pk=contact_import.pk)
            .update(
                status=ImportStatus.QUEUED,
                task_id=None,
                progressed_at=now,
                finished_at=None,
                message="",
            )
        )
        if not resumed:
            raise ImportAlreadyRun("Cet import a déjà repris, ou avance encore.")
        stale_tasks.reap(contact_import.task_id)  # the stopped worker's task, left RUNNING
        transaction.on_commit(lambda: _enqueue(contact_import.pk))


def _enqueue(pk: int) -> None:
    result = import_contacts.enqueue(pk)
    ContactImport.objects.filter(pk=pk, task_id__isnull=True).update(task_id=result.id)
