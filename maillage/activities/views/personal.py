"""Registering, and what a registrant does through the personal link of their e-mails, with no
account: see the registration, cancel it, answer the survey, print the attendance certificate.
The link is only ever given by e-mail, or to a signed-in person whose account has its address."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from maillage.activities import cycles, ical, personal_link
from maillage.activities import registration as registration_actions
from maillage.activities.enums import ActivityKind, RegistrationStatus
from maillage.activities.forms import AgendaRegistrationForm, SatisfactionForm
from maillage.activities.models import Registration
from maillage.activities.views.agenda import (
    cycle_sessions_open,
    detail_context,
    visible_activities,
)
from maillage.core.form_tokens import first_write
from maillage.core.ratelimit import Limit, limit_posts


def _by_token(token: str) -> Registration:
    # Tokens are random (secrets.token_urlsafe): a forged or mistyped one is simply not found.
    return get_object_or_404(
        Registration.objects.select_related("activity", "activity__commune"), token=token
    )


# Enough for a person registering to several activities, or a few colleagues from one office.
REGISTERING = Limit("activities.register", hits=20, period=timedelta(hours=1))


@login_not_required
@require_POST
@limit_posts(REGISTERING)
def register(request, slug: str):
    activity = get_object_or_404(visible_activities(request.user), slug=slug)
    open_sessions = cycle_sessions_open(request, activity)
    form = AgendaRegistrationForm(request.POST, cycle_sessions=len(open_sessions))
    if not form.is_valid():
        context = detail_context(request, activity, form)
        return render(request, "activities/detail.html", context, status=400)
    data = dict(form.cleaned_data)
    try:
        if data.pop("whole_cycle", False) and activity.series is not None:
            registration = cycles.register_to_cycle(activity.series, **data, user=request.user)[0]
        else:
            registration = registration_actions.register(activity, **data, user=request.user)
    except registration_actions.AlreadyRegistered as already:
        registration = already.registration
        if not personal_link.belongs_to(registration, request.user):
            personal_link.send_again(registration)
    except registration_actions.RegistrationRefused as error:
        form.add_error(None, str(error))
        context = detail_context(request, activity, form)
        return render(request, "activities/detail.html", context, status=400)
    # Only the address's owner may see the registration: anyone else gets the same neutral
    # page, whether the address was new or already registered.
    if personal_link.belongs_to(registration, request.user):
        return redirect(registration)
    return redirect("activities:registration_sent", slug=activity.slug)


@login_not_required
def registration_sent(request, slug: str):
    activity = get_object_or_404(visible_activities(request.user), slug=slug)
    return render(request, "activities/registration_sent.html", {"activity": activity})


def _cycle(registration: Registration) -> list[Registration]:
    return list(cycles.registrations_of_cycle(registration)) if registration.is_of_cycle else []


@login_not_required
def registration_page(request, token: str):
    registration = _by_token(token)
    context = {"registration": registration, "cycle": _cycle(registration)}
    return render(request, "activities/registration.html", context)


@login_not_required
def cycle_calendar(request, token: str):
    """Every session of a cycle registration where the registrant holds a seat."""
    registration = _by_token(token)
    if not registration.is_of_cycle:
        raise Http404("Cette inscription ne porte pas sur un cycle.")
    response = HttpResponse(
        ical.cycle_calendar(_cycle(registration)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="cycle.ics"'
    return response


@login_not_required
def invitation(request, token: str):
    """The registrant's own calendar file: the online meeting link is in it."""
    registration = _by_token(token)
    if registration.status == RegistrationStatus.CANCELLED:
        raise Http404("Cette inscription est annulée.")
    body = ical.invitation(registration.activity, registration.name, registration.email)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="invitation.ics"'
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
def cancel(request, token: str):
    registration = _by_token(token)
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, "Cette inscription est déjà annulée.")
        return redirect(registration)
    if request.method == "POST":
        whole_cycle = registration.is_of_cycle and request.POST.get("whole_cycle") == "1"
        try:
            if whole_cycle:
                cycles.cancel_cycle(registration)
            else:
                registration_actions.cancel(registration)
        except registration_actions.RegistrationRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                "Vos inscriptions aux séances à venir du cycle sont annulées."
                if whole_cycle
                else "Votre inscription est annulée. Merci de nous avoir prévenus.",
            )
        return redirect(registration)
    context = {"registration": registration, "cycle": _cycle(registration)}
    return render(request, "activities/cancel.html", context)


@login_not_required
@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    registration = _by_token(token)
    if registration.status != RegistrationStatus.CONFIRMED:
        return render(request, "activities/survey_closed.html", status=404)
    if hasattr(registration, "satisfaction"):
        return render(request, "activities/survey_thanks.html", {"registration": registration})
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.registration = registration
        first_write(form.save)  # a double submit: the first answer stands
        return render(request, "activities/survey_thanks.html", {"registration": registration})
    status = 400 if request.method == "POST" else 200
    context = {"registration": registration, "form": form}
    return render(request, "activities/survey.html", context, status=status)


def can_have_certificate(registration: Registration) -> bool:
    return registration.attended and registration.activity.kind in (
        ActivityKind.TRAINING,
        ActivityKind.WORKSHOP,
    )


def render_certificate(request, registration: Registration):
    activity = registration.activity
    sessions = (
        list(
            activity.series.sessions.filter(registrations__email__iexact=registration.email)
            .filter(registrations__attended=True)
            .order_by("starts_at")
        )
        if activity.series
        else [activity]
    )
    hours = sum(session.duration_hours for session in sessions)
    context = {
        "registration": registration,
        "activity": activity,
        "sessions": sessions,
        "hours": hours,
    }
    return render(request, "activities/certificate.html", context)


@login_not_required
def certificate(request, token: str):
    registration = _by_token(token)
    if not can_have_certificate(registration):
        return render(request, "activities/certificate_unavailable.html", status=404)
    return render_certificate(request, registration)
