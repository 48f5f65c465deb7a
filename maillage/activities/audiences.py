"""The people an intervention reached without registering (a class of 25), counted by public.

One count per public: recording it again replaces it. The activity's row is locked first, so
two staff recording at once are taken one after the other, and an activity deleted meanwhile
is said so, not mistaken for a bad count.
"""

from __future__ import annotations

from django.db import transaction

from maillage.activities.models import Activity, AudienceCount


class AudienceRefused(Exception):
    """A count that cannot be recorded; the message is for the hub's staff."""


class ActivityGone(AudienceRefused):
    """The activity was deleted between the page and the submit."""


def record_audience(activity: Activity, *, category: str, count: int) -> AudienceCount:
    if count < 1:
        raise AudienceRefused("Le nombre de personnes doit être supérieur à zéro.")
    with transaction.atomic():
        locked = Activity.objects.select_for_update().filter(pk=activity.pk).first()
        if locked is None:
            raise ActivityGone("Cette activité vient d’être supprimée : rien n’est enregistré.")
        row, _ = AudienceCount.objects.update_or_create(
            activity=locked, category=category, defaults={"count": count}
        )
    return row
