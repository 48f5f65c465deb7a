"""The hub's staff: activities, registrants, attendance, audiences, announcements, summary."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.activities import announcements, audiences, summary, tasks
from maillage.activities import registration as registration_actions
from maillage.activities.csv_export import registrants_csv
from maillage.activities.forms import (
    AnnouncementForm,
    AudienceCountForm,
    PeriodForm,
    StaffRegistrationForm,
)
from maillage.activities.models import Activity, Registration, Series
from maillage.activities.views.agenda import bad_request
from maillage.activities.views.personal import can_have_certificate, render_certificate
from maillage.core.french import plural

SEARCH_MAX = 100


@staff_required
def activity_list(request):
    activities = Activity.objects.select_related("commune").order_by("-starts_at")
    context = {"activities": activities[:300], "series": Series.objects.order_by("title")}
    return render(request, "activities/staff/list.html", context)


def _activity_context(activity: Activity, query: str = "", **forms) -> dict:
    registrations = activity.registrations.order_by("status", "waitlist_position", "created_at")
    if query:
        registrations = registrations.matching(query)
    return {
        "activity": activity,
        "registrations": registrations,
        "query": query,
        "confirmed": activity.confirmed_count(),
        "audiences": activity.audience_counts.all(),
        "satisfaction": summary.satisfaction_of(activity),
        "register_form": forms.get("register_form") or StaffRegistrationForm(),
        "audience_form": forms.get("audience_form") or AudienceCountForm(),
        "announcement_form": AnnouncementForm(),
    }


@staff_required
def activity_page(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    query = request.GET.get("q", "").strip()
    if len(query) > SEARCH_MAX:
        return bad_request(request, "La recherche est trop longue.")
    context = _activity_context(activity, query)
    if request.htmx:
        return render(request, "activities/staff/activity.html#registrants", context)
    return render(request, "activities/staff/activity.html", context)


@staff_required
@require_POST
def toggle_attendance(request, slug: str, pk: int):
    registration = get_object_or_404(Registration, pk=pk, activity__slug=slug)
    try:
        registration_actions.set_attendance(registration, not registration.attended)
    except registration_actions.RegistrationRefused as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    if request.htmx:
        return render(
            request, "activities/staff/activity.html#attendance", {"registration": registration}
        )
    return redirect("activities:staff_activity", slug=slug)


@staff_required
@require_POST
def register_by_hand(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    form = StaffRegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration_actions.register(activity, **form.cleaned_data, by_staff=True)
        except registration_actions.AlreadyRegistered:
            messages.info(request, "Cette adresse est déjà inscrite à cette activité.")
            return redirect("activities:staff_activity", slug=slug)
        except registration_actions.RegistrationRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "La personne est inscrite.")
            return redirect("activities:staff_activity", slug=slug)
    context = _activity_context(activity, register_form=form)
    return render(request, "activities/staff/activity.html", context, status=400)


@staff_required
@require_POST
def cancel_registration(request, slug: str, pk: int):
    registration = get_object_or_404(Registration, pk=pk, activity__slug=slug)
    try:
        promoted = registration_actions.cancel(registration)
    except registration_actions.RegistrationRefused as error:
        messages.error(request, str(error))
    else:
        note = f" {promoted.name} passe de la liste d’attente aux inscrits." if promoted else ""
        messages.success(request, f"L’inscription de {registration.name} est annulée.{note}")
    return redirect("activities:staff_activity", slug=slug)


@staff_required
def export_registrants(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    response = HttpResponse(registrants_csv(activity), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscrits-{activity.slug}.csv"'
    return response


@staff_required
@require_POST
def record_audience(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    form = AudienceCountForm(request.POST)
    if form.is_valid():
        try:
            audiences.record_audience(activity, **form.cleaned_data)
        except audiences.ActivityGone as gone:
            messages.error(request, str(gone))
            return redirect("activities:staff_list")
        except audiences.AudienceRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Le public touché est enregistré.")
            return redirect("activities:staff_activity", slug=slug)
    context = _activity_context(activity, audience_form=form)
    return render(request, "activities/staff/activity.html", context, status=400)


@staff_required
@require_POST
def announce(request, slug: str):
    """A message to every registrant, with their invitation as it stands (SEQUENCE raised)."""
    activity = get_object_or_404(Activity, slug=slug)
    form = AnnouncementForm(request.POST)
    if not form.is_valid():
        return bad_request(request, "Le message est trop long (1 000 caractères au plus).")
    told = announcements.announce_change(activity, form.cleaned_data["note"])
    messages.success(request, f"Message envoyé : {plural(told, 'personne', 'personnes')}.")
    return redirect("activities:staff_activity", slug=slug)


@staff_required
@require_POST
def send_survey(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    sent = tasks.send_survey_for(activity)
    messages.success(request, f"Questionnaire envoyé à {plural(sent, 'personne', 'personnes')}.")
    return redirect("activities:staff_activity", slug=slug)


@staff_required
def staff_certificate(request, slug: str, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("activity"), pk=pk, activity__slug=slug
    )
    if not can_have_certificate(registration):
        return render(request, "activities/certificate_unavailable.html", status=404)
    return render_certificate(request, registration)


@staff_required
def period_summary(request):
    today = date.today()
    default = {"start": date(today.year, 1, 1), "end": date(today.year, 12, 31)}
    if "start" in request.GET or "end" in request.GET:
        form = PeriodForm(request.GET)
        if not form.is_valid():
            return render(request, "activities/staff/summary.html", {"form": form}, status=400)
        period = form.cleaned_data
    else:
        form, period = PeriodForm(initial=default), default
    result = summary.summarise(period["start"], period["end"])
    return render(
        request,
        "activities/staff/summary.html",
        {"form": form, "summary": result, "period": period},
    )
