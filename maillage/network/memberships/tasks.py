"""Background work of the memberships: renewal reminders, the answers to join requests, the
yearly flag update and the retention purges."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from maillage.accounts.password_reset import reset_url
from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import deliver, email_task
from maillage.network.memberships.enums import JoinRequestStatus
from maillage.network.memberships.hub_members import sync_hub_member_flags
from maillage.network.memberships.joining_retention import purge_old_join_requests as purge_requests
from maillage.network.memberships.models import JoinRequest, RenewalReminder
from maillage.network.memberships.renewal import queue_reminders, recipients_of
from maillage.network.memberships.retention import purge_old_memberships as purge


@task()
def send_renewal_reminder(reminder_id: int) -> int:
    """E-mail each address of the member once; a reminder already sent is not sent again."""
    if not RenewalReminder.objects.filter(pk=reminder_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    ):
        return 0
    reminder = RenewalReminder.objects.select_related(
        "membership__legal_unit", "membership__person", "membership__college"
    ).get(pk=reminder_id)
    hub = current_hub().identity
    context = {
        "hub": hub,
        "membership": reminder.membership,
        "year": reminder.year,
        "space_url": absolute_url(reverse("space:memberships:mine")),
    }
    # One message each: members never see each other's addresses. Built here, in the worker:
    # the task table holds the reminder's id, never the addresses.
    return deliver(
        EmailMessage(
            subject=f"{hub.name} : renouveler votre adhésion pour {reminder.year}",
            body=render_to_string("memberships/email/renewal_reminder.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            reply_to=[hub.email] if hub.email else None,
        )
        for address in recipients_of(reminder.membership)
    )


@task()
def run_renewal_campaign(year: int) -> int:
    """The cron's entry: remind last year's members not renewed for `year`."""
    return queue_reminders(year).queued


@task()
def sync_hub_members() -> int:
    """Flags of the directory after the turn of the year: last year's members are no longer
    members until they renew."""
    return sync_hub_member_flags()


@task()
def purge_old_memberships() -> int:
    """Anonymise the memberships of people older than MEMBERSHIP_RETENTION_YEARS; how many."""
    return purge()


def _answer(join_request: JoinRequest, template: str, subject: str, **extra) -> EmailMessage:
    hub = current_hub().identity
    context = {"hub": hub, "request": join_request, **extra}
    return EmailMessage(
        subject=f"{hub.name} : {subject}",
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[join_request.email],
        reply_to=[hub.email] if hub.email else None,
    )


@email_task
def send_join_welcome(join_request_id: int) -> EmailMessage | None:
    """The welcome, built in the worker: the password link exists only here and in the mail.
    An account that already has a password gets the sign-in page instead of a link."""
    join_request = (
        JoinRequest.objects.select_related("account", "membership__college", "rate")
        .filter(pk=join_request_id, status=JoinRequestStatus.ACCEPTED)
        .first()
    )
    if join_request is None or join_request.account is None:
        return None
    account = join_request.account
    return _answer(
        join_request,
        "memberships/email/join_welcome.txt",
        "bienvenue parmi les adhérents",
        password_url="" if account.has_usable_password() else reset_url(account),
        login_url=absolute_url(reverse("accounts:login")),
        space_url=absolute_url(reverse("space:memberships:mine")),
        timeout_hours=settings.PASSWORD_RESET_TIMEOUT // 3600,
    )


@email_task
def send_join_refusal(join_request_id: int) -> EmailMessage | None:
    join_request = JoinRequest.objects.filter(
        pk=join_request_id, status=JoinRequestStatus.REFUSED
    ).first()
    if join_request is None:
        return None
    return _answer(join_request, "memberships/email/join_refusal.txt", "votre demande d’adhésion")


@task()
def purge_old_join_requests() -> int:
    """Delete the join requests older than JOIN_REQUEST_RETENTION_DAYS; how many."""
    return purge_requests()
