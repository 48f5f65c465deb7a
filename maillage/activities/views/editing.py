"""The staff's pages to create, edit, duplicate and cancel an activity (not the admin)."""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.activities import announcements, editing, places
from maillage.activities.activity_form import ActivityForm, SeriesForm
from maillage.activities.forms import AnnouncementForm
from maillage.activities.models import Activity, Series
from maillage.core import form_tokens
from maillage.core.french import plural

SEARCH_MAX = 100


def _told(count: int) -> str:
    return plural(count, "personne inscrite prévenue", "personnes inscrites prévenues")


def _form_page(request, form: ActivityForm, *, heading: str, activity=None, status=200):
    preview = None
    if request.method == "POST" and "preview" in request.POST and form.is_valid():
        preview = form.save(commit=False)
    return render(
        request,
        "activities/staff/edit.html",
        {
            "form": form,
            "heading": heading,
            "activity": activity,
            "preview": preview,
            "preview_publics": form.cleaned_data.get("publics", []) if preview else [],
        },
        status=status,
    )


def _saved(request, form: ActivityForm, success: str):
    if form.instance.pk:
        activity, told = editing.save_activity(form)
    else:
        activity, created = editing.create_activity(form)
        told = 0
        if not created:
            messages.info(request, form_tokens.ALREADY_SAVED)
            return redirect("activities:staff_activity", slug=activity.slug)
    message = success + (f" ; {_told(told)}." if told else ".")
    if activity.starts_at <= timezone.now() and not activity.requires_registration:
        message += " Notez ci-dessous les publics touchés."
    messages.success(request, message)
    return redirect("activities:staff_activity", slug=activity.slug)


def _wants_to_save(request) -> bool:
    return request.method == "POST" and "preview" not in request.POST


@staff_required
def create(request):
    form = ActivityForm(request.POST or None, request.FILES or None)
    if _wants_to_save(request) and form.is_valid():
        return _saved(request, form, "L’activité est créée")
    return _form_page(request, form, heading="Nouvelle activité", status=_status(request, form))


@staff_required
def duplicate(request, slug: str):
    source = get_object_or_404(Activity, slug=slug)
    initial = editing.duplicate_initial(source)
    form = ActivityForm(request.POST or None, request.FILES or None, initial=initial)
    if _wants_to_save(request) and form.is_valid():
        if not form.cleaned_data.get("image") and source.image:
            form.instance.image = source.image  # the same picture, not a copy of the file
        return _saved(request, form, "La nouvelle date est créée")
    heading = f"Nouvelle date de « {source.title} »"
    return _form_page(request, form, heading=heading, status=_status(request, form))


@staff_required
def edit(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    if activity.is_cancelled:
        messages.info(request, "Une activité annulée ne se modifie plus : dupliquez-la.")
        return redirect("activities:staff_activity", slug=slug)
    registrants = activity.registrations.active().count()
    form = ActivityForm(
        request.POST or None, request.FILES or None, instance=activity, registrants=registrants
    )
    if _wants_to_save(request) and form.is_valid():
        return _saved(request, form, "L’activité est enregistrée")
    heading = f"Modifier « {activity.title} »"
    status = _status(request, form)
    return _form_page(request, form, heading=heading, activity=activity, status=status)


def _status(request, form) -> int:
    return 400 if request.method == "POST" and not form.is_valid() else 200


@staff_required
def cancel(request, slug: str):
    activity = get_object_or_404(Activity, slug=slug)
    form = AnnouncementForm(request.POST or None)
    if request.method == "POST" and not activity.is_cancelled and form.is_valid():
        told = announcements.cancel_activity(activity, form.cleaned_data["note"])
        messages.success(request, f"L’activité est annulée ; {_told(told)}.")
        return redirect("activities:staff_activity", slug=slug)
    context = {
        "activity": activity,
        "form": form,
        "registrants": activity.registrations.active().count(),
    }
    return render(request, "activities/staff/cancel.html", context)


@staff_required
def create_series(request):
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        series, created = editing.create_series(form)
        success = f"Le cycle « {series.title} » est créé : choisissez-le pour ses séances."
        form_tokens.tell_saved(request, created, success)
        return redirect("activities:staff_create")
    return render(
        request, "activities/staff/series.html", {"form": form}, status=_status(request, form)
    )


@staff_required
def edit_series(request, slug: str):
    series = get_object_or_404(Series, slug=slug)
    form = SeriesForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Le cycle « {series.title} » est enregistré.")
        return redirect("activities:staff_list")
    context = {"form": form, "series": series}
    return render(request, "activities/staff/series.html", context, status=_status(request, form))


@staff_required
def host_suggestions(request):
    """The establishments matching ?q=, for the host field's completion."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX]
    found = places.host_suggestions(query) if len(query) >= 3 else []
    suggestions = [
        {
            "label": places.host_label(host),
            "name": places.host_choice(host),
            "postcode": "",
            "city": "",
        }
        for host in found
    ]
    return JsonResponse({"suggestions": suggestions})
