"""The staff's funding home: funders with their grants and applications; a funder's forms."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch, Sum
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.core.form_tokens import first_save
from maillage.reports.funding.forms import FunderForm
from maillage.reports.funding.logos import logo_of
from maillage.reports.funding.models import Application, Funder, Grant
from maillage.reports.funding.models.grants import running_in


@staff_required
def funder_list(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    funders = Funder.objects.annotate(
        grant_count=Count("grants", distinct=True),
        granted_this_year=Sum("grants__amount", filter=running_in(year, "grants__")),
    )
    context = {
        "year": year,
        "funders": funders,
        "grants": Grant.objects.running_in(year).with_received().select_related("funder"),
        "applications": Application.objects.pending().select_related("funder"),
    }
    return render(request, "funding/funders.html", context)


@staff_required
def funder_page(request: HttpRequest, pk: int) -> HttpResponse:
    funder = get_object_or_404(
        Funder.objects.prefetch_related(
            Prefetch("grants", Grant.objects.with_received()), "applications"
        ).select_related("legal_unit"),
        pk=pk,
    )
    return render(request, "funding/funder.html", {"funder": funder})


def _edit(request: HttpRequest, funder: Funder) -> HttpResponse:
    creating = funder.pk is None
    form = FunderForm(request.POST or None, request.FILES or None, instance=funder)
    if request.method == "POST" and form.is_valid():
        if first_save(form.save(commit=False)):
            form.save_logo()
            messages.success(request, "Le financeur est enregistré.")
            return redirect(form.instance)
        form.add_error("name", "Un financeur porte déjà ce nom.")
    status = 400 if form.is_bound else 200
    heading = "Ajouter un financeur" if creating else "Modifier le financeur"
    context = {"form": form, "heading": heading}
    return render(request, "funding/form_page.html", context, status=status)


@staff_required
def funder_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, Funder())


@staff_required
def funder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Funder, pk=pk))


@staff_required
def funder_logo(request: HttpRequest, pk: int) -> HttpResponse:
    """The logo, to staff only: the private storage has no address of its own."""
    logo = logo_of(get_object_or_404(Funder, pk=pk))
    if logo is None:
        raise Http404("Ce financeur n’a pas de logo.")
    response = FileResponse(iter([logo.data]), content_type=logo.media_type)
    response["Content-Disposition"] = "inline"
    return response
