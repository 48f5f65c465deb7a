"""The staff's pages for the hub's places: the list, a new place, a place's changes."""

from __future__ import annotations

from django.db import IntegrityError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from maillage.accounts.permissions import staff_required
from maillage.activities.forms import PlaceForm
from maillage.activities.models import Place
from maillage.core import form_tokens

TWIN = "Un autre lieu vient d’être enregistré sous ce nom : changez-le."


@staff_required
def place_list(request):
    places = Place.objects.select_related("commune").annotate(activity_count=Count("activities"))
    return render(request, "activities/staff/places.html", {"places": places})


def _saved(form: PlaceForm) -> tuple[Place | None, bool]:
    """The saved place and whether this submit wrote it: a replayed creation finds the place
    its first submit created; None (and a form error) when another form took its name."""
    place = form.save(commit=False)
    if place.pk:
        place.save()
        return place, True
    place.submission_token = token = form.cleaned_data["submission"]

    def create() -> Place:
        place.save()
        return place

    try:
        return form_tokens.once(Place, token, create)
    except IntegrityError:
        form.add_error(None, TWIN)
        return None, False


def _edit(request, place: Place):
    creating = place.pk is None
    data = request.POST if request.method == "POST" else None
    form = PlaceForm(data, instance=place)
    saved, created = _saved(form) if form.is_valid() else (None, False)
    if saved is None and creating and data is not None:
        # A replay is refused as a duplicate name: it is the place its first submit created.
        saved = form_tokens.replayed(Place, data)
    if saved is not None:
        form_tokens.tell_saved(request, created, f"Le lieu « {saved.name} » est enregistré.")
        return redirect("activities:staff_places")
    context = {"form": form, "place": None if creating else place}
    status = 400 if data is not None else 200
    return render(request, "activities/staff/place_form.html", context, status=status)


@staff_required
def create_place(request):
    return _edit(request, Place())


@staff_required
def edit_place(request, pk: int):
    return _edit(request, get_object_or_404(Place, pk=pk))
