"""A person's own registrations: the « Mes inscriptions » page and its private calendar feed.

A registration is someone's when it is tied to their account or made with their account's
address (as `personal_link.belongs_to` says). A calendar application cannot sign in, so the feed
is reached by a secret address, shown only on its owner's signed-in page: the key is a keyed
hash of the account and its password hash, so changing one's password revokes every copy of the
old address, and nothing is stored.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from maillage.accounts.models import User
from maillage.activities.models import Registration

SALT = "maillage.activities.my_registrations.feed"
# Past registrations kept in the feed, so that a calendar does not drop what was just held.
FEED_HISTORY = timedelta(days=90)


def registrations_of(user: User):
    return (
        Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("activity", "activity__commune")
        .order_by("activity__starts_at", "pk")
    )


def upcoming_and_past(user: User) -> tuple[list[Registration], list[Registration]]:
    """Upcoming registrations soonest first, then past ones latest first."""
    now = timezone.now()
    registrations = list(registrations_of(user))
    upcoming = [each for each in registrations if each.activity.ends_at >= now]
    past = [each for each in registrations if each.activity.ends_at < now]
    return upcoming, past[::-1]


def in_feed(user: User):
    """What the feed holds: the activities where one has a seat (not those one waits for),
    from the last 90 days on."""
    since = timezone.now() - FEED_HISTORY
    return registrations_of(user).confirmed().filter(activity__ends_at__gte=since)


def feed_key(user: User) -> str:
    return salted_hmac(SALT, f"{user.pk}:{user.password}", algorithm="sha256").hexdigest()[:40]


def owner_of_feed(pk: int, key: str) -> User | None:
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not constant_time_compare(feed_key(user), key):
        return None
    return user
