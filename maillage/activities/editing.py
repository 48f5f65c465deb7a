"""Staff's writes of an activity: save a new or edited one with its plan links, duplicate one;
create a cycle.

A change of date, time, place or link always raises the invitation's SEQUENCE, so that the next
invitation a registrant gets replaces the old one in their calendar; telling them now is the
staff's choice (`announcements.announce_change`, through the task worker).
"""

from __future__ import annotations

import calendar
from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from maillage.activities import announcements
from maillage.activities.activity_form import ActivityForm, SeriesForm
from maillage.activities.enums import ActivityStatus
from maillage.activities.models import Activity, Series
from maillage.core import form_tokens
from maillage.plan.links import actions_of, publics_of, set_links

SLUG_MAX = 200


def unique_slug(activity: Activity) -> str:
    """« atelier-compta-2026-03-12 », with « -2 », « -3 »… when it is taken."""
    day = timezone.localtime(activity.starts_at).date().isoformat()
    base = f"{slugify(activity.title)[: SLUG_MAX - 16].strip('-') or 'activite'}-{day}"
    slug, number = base, 1
    while Activity.objects.filter(slug=slug).exclude(pk=activity.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_activity(form: ActivityForm) -> tuple[Activity, bool]:
    """The new activity, and whether this submit created it: a replayed form (a double click,
    a resubmit) finds the activity its first submit created."""
    activity: Activity = form.save(commit=False)
    activity.submission_token = token = form.cleaned_data["submission"]
    uploaded = isinstance(form.cleaned_data.get("image"), UploadedFile)

    def create() -> Activity:
        activity.slug = unique_slug(activity)
        try:
            # Saving writes the uploaded image to storage before the row, which a twin submit
            # may have written first: the file goes if the row does not stay.
            activity.save()
            set_links(activity, form.cleaned_data["actions"], form.cleaned_data["publics"])
        except Exception:
            if uploaded and activity.image:
                activity.image.delete(save=False)
            raise
        return activity

    return form_tokens.once(Activity, token, create)


@transaction.atomic
def save_activity(form: ActivityForm) -> tuple[Activity, int]:
    """Save the form's edited activity; return it and how many registrants are being told."""
    moves = form.moves()
    activity = form.save()
    set_links(activity, form.cleaned_data["actions"], form.cleaned_data["publics"])
    if not moves:
        return activity, 0
    if form.tells_registrants:
        return activity, announcements.announce_change(activity, form.cleaned_data["note"])
    Activity.objects.filter(pk=activity.pk).update(sequence=F("sequence") + 1)
    activity.refresh_from_db()
    return activity, 0


def _next_month(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    day = min(local.day, calendar.monthrange(year, month)[1])
    return timezone.make_aware(local.replace(tzinfo=None, year=year, month=month, day=day))


def duplicate_initial(source: Activity) -> dict[str, Any]:
    """What a copy of `source` starts with: the same activity, a month later, as a draft."""
    starts, ends = _next_month(source.starts_at), _next_month(source.ends_at)
    fields = ActivityForm.Meta.fields
    initial = {name: getattr(source, name) for name in fields if name not in ("image", "status")}
    initial |= {
        "series": source.series_id,
        "place": source.place_id,
        "commune": source.commune_id,
        "status": ActivityStatus.DRAFT,
        "start_date": starts.date(),
        "start_time": starts.time(),
        "end_time": ends.time(),
        "end_date": ends.date() if ends.date() != starts.date() else None,
        "actions": list(actions_of(source)),
        "publics": list(publics_of(source)),
    }
    return initial


def create_series(form: SeriesForm) -> tuple[Series, bool]:
    """A new cycle, its slug taken from its title (« -2 », « -3 »… when taken), and whether this
    submit created it (a replay finds the first submit's cycle)."""
    series: Series = form.save(commit=False)
    series.submission_token = token = form.cleaned_data["submission"]
    base = slugify(series.title)[: SLUG_MAX - 4].strip("-") or "cycle"

    def create() -> Series:
        series.slug, number = base, 1
        while Series.objects.filter(slug=series.slug).exists():
            number += 1
            series.slug = f"{base}-{number}"
        series.save()
        return series

    return form_tokens.once(Series, token, create)
