"""The public agenda: upcoming list, month, archives, activity page and iCalendar feeds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from maillage.activities import cycles, ical, jsonld, month_grid
from maillage.activities.consent import CONSENT_VERSION
from maillage.activities.enums import ActivityKind
from maillage.activities.filters import parse_filters
from maillage.activities.forms import AgendaRegistrationForm
from maillage.activities.models import Activity
from maillage.activities.public import public_view, public_views
from maillage.core import refusals
from maillage.core.filter_forms import FilterRefused
from maillage.plan.links import actions_of, publics_of
from maillage.plan.models import StrategicObjective, TargetPublic

PAGE_SIZE = 30


def visible_activities(user):
    return Activity.objects.visible_to(user).select_related("commune")


bad_request = partial(
    refusals.bad_request,
    back=(("activities:agenda", "Revenir à l’agenda"),),
)


def _filter_context(filters) -> dict:
    return {
        "filters": filters,
        "kinds": ActivityKind.choices,
        "publics": TargetPublic.objects.active(),
        "objectives": StrategicObjective.objects.active().prefetch_related(
            "operational_objectives"
        ),
    }


def _page(request, activities):
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        raise FilterRefused({"page": "Le numéro de page doit être un nombre."}) from None
    paginator = Paginator(activities, PAGE_SIZE)
    if not 1 <= number <= paginator.num_pages:
        raise FilterRefused({"page": "Cette page n’existe pas."})
    return paginator.page(number)


@login_not_required
def agenda(request):
    try:
        filters = parse_filters(request.GET)
        page = _page(request, filters.apply(visible_activities(request.user)).upcoming())
    except FilterRefused as error:
        return bad_request(request, str(error))
    today = timezone.localdate()
    return render(
        request,
        "activities/agenda.html",
        {"page": page, "month": today.strftime("%Y-%m"), **_filter_context(filters)},
    )


@login_not_required
def archives(request):
    try:
        filters = parse_filters(request.GET)
        page = _page(request, filters.apply(visible_activities(request.user)).past())
    except FilterRefused as error:
        return bad_request(request, str(error))
    return render(request, "activities/archives.html", {"page": page, **_filter_context(filters)})


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following


@login_not_required
def month(request, year: int, month: int):
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return bad_request(
            request, "Ce mois n’existe pas (attendu : AAAA-MM, par exemple 2026-11)."
        )
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as error:
        return bad_request(request, str(error))
    first, following = _month_bounds(year, month)
    paris = timezone.get_default_timezone()
    activities = filters.apply(visible_activities(request.user)).between(
        datetime.combine(first, time.min, tzinfo=paris),
        datetime.combine(following, time.min, tzinfo=paris),
    )
    ordered = list(activities.order_by("starts_at", "pk"))
    days = month_grid.by_day(ordered, first)
    previous = date(year - (month == 1), (month - 2) % 12 + 1, 1)
    now = timezone.now()
    return render(
        request,
        "activities/month.html",
        {
            "first": first,
            "now": now,
            "weeks": month_grid.weeks(first, ordered, now),
            "days": sorted(days.items()),
            "previous": previous.strftime("%Y-%m"),
            "next": following.strftime("%Y-%m"),
            **_filter_context(filters),
        },
    )


def cycle_sessions_open(request, activity: Activity) -> list[Activity]:
    """The sessions of the activity's cycle this visitor may register to at once (none when
    the activity is in no cycle)."""
    if activity.series is None:
        return []
    return cycles.open_sessions(activity.series, request.user)


def detail_context(request, activity: Activity, form=None) -> dict:
    seats_left = activity.seats_left()
    cycle_open = cycle_sessions_open(request, activity)
    public = public_view(activity)
    registration_open = activity.registration_is_open()
    return {
        "now": timezone.now(),
        "can_register": registration_open and (seats_left != 0 or activity.has_waiting_list),
        "activity": activity,
        "organisers": list(activity.organisers.all()),
        "actions": list(actions_of(activity).select_related("operational_objective")),
        "publics": list(publics_of(activity)),
        "seats_left": seats_left,
        "waitlisted": activity.registrations.waitlisted().count(),
        "registration_open": registration_open,
        "form": form or _initial_form(request, len(cycle_open)),
        "cycle_open": cycle_open,
        "consent_version": CONSENT_VERSION,
        "public": public,
        "event_json": jsonld.event_json(public),
        "sessions": list(
            activity.series.sessions.visible_to(request.user).order_by("starts_at")
            if activity.series
            else []
        ),
    }


def _initial_form(request, cycle_sessions: int) -> AgendaRegistrationForm:
    user = request.user
    if not user.is_authenticated:
        return AgendaRegistrationForm(cycle_sessions=cycle_sessions)
    return AgendaRegistrationForm(
        initial={
            "name": user.full_name,
            "email": user.email,
            "organisation": user.organisation_name,
        },
        cycle_sessions=cycle_sessions,
    )


@login_not_required
def detail(request, slug: str):
    activity = get_object_or_404(visible_activities(request.user), slug=slug)
    return render(request, "activities/detail.html", detail_context(request, activity))


def _calendar_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_not_required
def agenda_feed(request):
    """Public activities only, whoever asks: a feed URL is shared and subscribed to."""
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    activities = filters.apply(Activity.objects.public()).select_related("commune")
    recent = activities.filter(ends_at__gte=timezone.now() - timedelta(days=90))
    body = ical.calendar(public_views(recent.prefetch_related("organisers")), name="Agenda")
    return _calendar_response(body, "agenda.ics")


@login_not_required
def activity_feed(request, slug: str):
    activity = get_object_or_404(Activity.objects.public().select_related("commune"), slug=slug)
    return _calendar_response(ical.calendar([public_view(activity)]), f"{activity.slug}.ics")
