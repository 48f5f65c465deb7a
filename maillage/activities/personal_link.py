"""The personal link of a registration goes to its e-mail address only.

When someone submits an address already registered, the page they see says nothing of it, and
the link is sent again to the address, a few times an hour at most: typing someone's address
never shows their registration, nor floods their mailbox.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from maillage.accounts.models import AnyUser, User
from maillage.activities import notifications
from maillage.activities.models import Registration
from maillage.core.ratelimit import Limit

SENT_AGAIN = Limit("activities.personal_link", hits=3, period=timedelta(hours=1))


def belongs_to(registration: Registration, user: AnyUser) -> bool:
    """A signed-in person sees a registration made with the e-mail of their account."""
    return isinstance(user, User) and registration.email.lower() == user.email.lower()


def send_again(registration: Registration) -> bool:
    """Queue the e-mail with the link (ids only in the task); False when over the limit."""
    if not SENT_AGAIN.hit(str(registration.pk)):
        return False
    transaction.on_commit(lambda: notifications.personal_link(registration))
    return True
