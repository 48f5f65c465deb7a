"""A need submitted by the public, without an account: it waits, unseen, until the link sent to
its address is followed (confirmation.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction

from maillage.core.form_tokens import once
from maillage.core.ratelimit import Limit
from maillage.needs import notifications
from maillage.needs.enums import ExpressedBy, Visibility
from maillage.needs.models import Need, Theme
from maillage.territory.models import Commune

# Public submissions from one client address.
SUBMISSIONS = Limit("needs.submission", hits=5, period=timedelta(hours=1))


@dataclass(frozen=True)
class Submission:
    title: str
    description: str
    email: str
    name: str = ""
    communes: Iterable[Commune] = field(default_factory=list)
    themes: Iterable[Theme] = field(default_factory=list)


def submit(submission: Submission, token: uuid.UUID) -> tuple[Need, bool]:
    """Create the unconfirmed need (once per form) and queue its confirmation e-mail."""

    def create() -> Need:
        need = Need.objects.create(
            title=submission.title.strip(),
            description=submission.description.strip(),
            expressed_by=ExpressedBy.INHABITANT,
            visibility=Visibility.PUBLIC,
            contact_email=submission.email.strip().lower(),
            contact_name=submission.name.strip(),
            submission_token=token,
        )
        need.communes.set(submission.communes)
        need.themes.set(submission.themes)
        return need

    with transaction.atomic():
        need, created = once(Need, token, create)
    if created:
        transaction.on_commit(lambda: notifications.send_confirmation.enqueue(need.pk))
    return need, created
