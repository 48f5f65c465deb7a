"""E-mail goes through the task worker, and the queue holds ids, never a message.

An e-mail kind is a function that builds the message from ids (a registration's, a user's) when
the worker runs it: the recipient's address, the body and any personal link (registration,
password reset) exist only in the worker's memory and the outgoing mail, never in the task
table, whose rows outlive the sending until the weekly prune. `@email_task` turns such a builder
into a task: `registered.enqueue(registration.pk)`. A builder returns None when there is nothing
to send any more (the row was erased, the registration cancelled).

Django's own mail API (`send_mail`, `EmailMessage.send`) would queue a finished message:
`EMAIL_BACKEND` refuses it, so that no path puts an address or a body in the queue.
See docs/adr/0006-email-tasks-carry-ids.md.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.base import Task, TaskContext


class DeliveryFailed(Exception):
    """Raised in place of the mail server's error, whose text names the recipients: the task
    table keeps the failure's kind and ids, not the addresses."""


def _erased(address: str) -> bool:
    return address.rstrip(">").lower().endswith(".invalid")


def deliver(messages: Iterable[EmailMessage]) -> int:
    """Hand messages built in the worker to the mail server; return how many left.

    An erased person's address is in the reserved `.invalid` domain: it is left out. A failure
    is raised as `DeliveryFailed`, without the server's text (it names the recipients)."""
    outgoing = []
    for message in messages:
        message.to = [address for address in message.to if not _erased(address)]
        if message.to:
            outgoing.append(message)
    if not outgoing:
        return 0
    try:
        get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages(outgoing)
    except Exception as error:
        raise DeliveryFailed(f"messages: {len(outgoing)}, {type(error).__name__}") from None
    return len(outgoing)


Built = EmailMessage | list[EmailMessage] | None


def email_task(builder: Callable[..., Built]) -> Task:
    """A task that builds its messages from ids when it runs and hands them to the mail
    server. The builder returns a message, a list (one message per recipient, who then do not
    see one another's address), or None when there is nothing to send any more."""

    @functools.wraps(builder)
    def send(context: TaskContext, *ids: int | str | list[int]) -> None:
        built = builder(*ids)
        if built is not None:
            messages = built if isinstance(built, list) else [built]
            deliver(_identified(messages, context.task_result.id))

    del send.__wrapped__  # type: ignore[attr-defined]  # its signature is send's, context first
    send.builder = builder  # type: ignore[attr-defined]
    send.builds_email = True  # type: ignore[attr-defined]
    return task(takes_context=True)(send)


def _identified(messages: list[EmailMessage], task_id: str) -> list[EmailMessage]:
    """Each message's Message-ID drawn from its task: a task run again after its worker died
    (core/worker_leases.py) may send a message the dead worker had already sent, and its
    recipient's mail software then recognises the same message (RFC 5322, 3.6.4)."""
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    for index, message in enumerate(messages):
        message.extra_headers["Message-ID"] = f"<{task_id}.{index}@{domain}>"
    return messages


def is_email_task(task_path: str) -> bool:
    """Whether the task at this path (a task table row's `task_path`) sends e-mail."""
    return getattr(import_string(task_path).func, "builds_email", False)


class RefusingEmailBackend(BaseEmailBackend):
    """Django's mail API would queue a finished message, address and body included: send
    through an `@email_task` instead."""

    def send_messages(self, email_messages):
        raise RuntimeError(
            "Envoyez les e-mails par une tâche @email_task (maillage.mail), qui construit le "
            "message à partir d’identifiants quand le worker l’exécute."
        )
