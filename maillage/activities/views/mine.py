"""« Mes inscriptions » in the member space, and the private calendar feed of them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from maillage.activities import ical
from maillage.activities.my_registrations import feed_key, in_feed, owner_of_feed, upcoming_and_past
from maillage.activities.public import registrant_view
from maillage.core.site import absolute_url


def my_registrations(request):
    upcoming, past = upcoming_and_past(request.user)
    feed = reverse(
        "space:activities:feed", kwargs={"pk": request.user.pk, "key": feed_key(request.user)}
    )
    return render(
        request,
        "activities/mine.html",
        {"upcoming": upcoming, "past": past, "feed_url": absolute_url(feed)},
    )


@login_not_required
def my_feed(request, pk: int, key: str):
    """Reached by calendar applications, which cannot sign in: the key is the only guard."""
    owner = owner_of_feed(pk, key)
    if owner is None:
        raise Http404("Ce calendrier n’existe pas.")
    activities = [registrant_view(registration.activity) for registration in in_feed(owner)]
    body = ical.calendar(activities, name="Mes inscriptions")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mes-inscriptions.ics"'
    # A private address: kept out of shared caches and referrers.
    response["Cache-Control"] = "private, no-store"
    return response
