"""Meetings of a group: each is an activity of the agenda, for the hub's members.

The activities app has no "this group only" visibility: a meeting is published as a members-only
activity (its date and place show in the members' agenda, an invitation to join the group), and
its agenda and minutes stay on the group's page, where access is checked.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from maillage.activities.enums import ActivityKind, ActivityStatus, Visibility
from maillage.activities.models import Activity, Place
from maillage.core.site import absolute_url
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import Meeting, WorkingGroup
from maillage.plan.links import actions_of, link_actions, link_publics, publics_of


def _column_length(name: str) -> int:
    """An activity column's length, so that a meeting's generated title and slug fit in it."""
    field = Activity._meta.get_field(name)
    if not isinstance(field, models.CharField) or field.max_length is None:
        raise ImproperlyConfigured(f"Activity.{name} is not a text column of fixed length.")
    return field.max_length


TITLE_MAX = _column_length("title")
SLUG_MAX = _column_length("slug")


def _free_slug(group: WorkingGroup, starts_at: datetime) -> str:
    day = timezone.localtime(starts_at).date().isoformat()
    base = slugify(f"reunion-{group.slug}-{day}")[: SLUG_MAX - 4]
    slug, number = base, 1
    while Activity.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def schedule_meeting(
    group: WorkingGroup,
    *,
    starts_at: datetime,
    ends_at: datetime,
    place: Place | None = None,
    address: str = "",
    online_url: str = "",
    agenda: str = "",
    submission_token: uuid.UUID | None = None,
) -> Meeting:
    """Create the meeting and its activity; the same group never meets twice at the same time.
    A place of the hub gives the meeting its address and commune."""
    if ends_at <= starts_at:
        raise WorkingGroupRefused("La fin de la réunion doit suivre son début.")
    # The group's row lock makes the check below and the creation one step for concurrent posts.
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).get()
    if group.meetings.not_cancelled().filter(activity__starts_at=starts_at).exists():
        raise WorkingGroupRefused("Une réunion de ce groupe est déjà prévue à cette heure.")
    activity = Activity.objects.create(
        kind=ActivityKind.MEETING,
        title=f"Réunion du groupe « {group.name} »"[:TITLE_MAX],
        slug=_free_slug(group, starts_at),
        description=(
            f"Réunion du groupe de travail « {group.name} » du pôle : ordre du jour et compte "
            f"rendu sur la page du groupe, {absolute_url(group.get_absolute_url())}"
        ),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        address=place.full_address if place else address,
        commune=place.commune if place else None,
        online_url=online_url,
        visibility=Visibility.MEMBERS,
        status=ActivityStatus.PUBLISHED,
        requires_registration=False,
    )
    # The meeting serves what its group serves: the activity report counts it there.
    link_actions(activity, actions_of(group))
    link_publics(activity, publics_of(group))
    return Meeting.objects.create(
        group=group, activity=activity, agenda=agenda, submission_token=submission_token
    )


@transaction.atomic
def write_minutes(meeting: Meeting, *, agenda: str, minutes: str, publish: bool) -> Meeting:
    """Save the agenda and minutes; publishing shows the minutes to the hub's members."""
    if publish and not minutes.strip():
        raise WorkingGroupRefused("Le compte rendu est vide : écrivez-le avant de le publier.")
    meeting.agenda, meeting.minutes = agenda, minutes
    if not publish:
        meeting.minutes_published_at = None
    elif meeting.minutes_published_at is None:
        meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["agenda", "minutes", "minutes_published_at"])
    return meeting
