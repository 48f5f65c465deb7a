"""The published offer: list with filters, one service, the data·inclusion export."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from maillage.core.collation import by_name
from maillage.directory.models import Establishment
from maillage.support.services import export
from maillage.support.services.forms import OfferFilterForm
from maillage.support.services.models import Service
from maillage.support.services.views.common import bad_request


def offered(form: OfferFilterForm) -> list[Service]:
    data = form.cleaned_data
    services = Service.objects.on_offer().with_area().order_by(by_name(), "pk")
    if form.chosen_commune is not None:
        services = services.serving(form.chosen_commune)
    return [
        service
        for service in services
        if (not data["thematique"] or data["thematique"] in service.themes)
        and (not data["public"] or not service.publics or data["public"] in service.publics)
        and (not data["etape"] or not service.stages or data["etape"] in service.stages)
    ]


@require_safe
@login_not_required
def offer(request):
    form = OfferFilterForm(request.GET)
    if not form.is_valid():
        return bad_request(request, form.problem())
    return render(
        request,
        "services/offer.html",
        {"form": form, "services": offered(form), "filtered": form.has_filters()},
    )


def directory_page_of(service: Service) -> str:
    """The provider's page in the public directory, if it is listed there."""
    site = (
        Establishment.objects.published()
        .filter(legal_unit=service.provider_id)
        .order_by("-is_head_office", "pk")
        .first()
    )
    return reverse("directory:detail_without_slug", args=[site.pk]) if site else ""


@require_safe
@login_not_required
def detail(request, pk: int):
    service = get_object_or_404(Service.objects.on_offer().with_area(), pk=pk)
    return render(
        request,
        "services/detail.html",
        {"service": service, "directory_page": directory_page_of(service)},
    )


def _url_of(request):
    return lambda service: request.build_absolute_uri(service.get_absolute_url())


@require_safe
@login_not_required
def export_json(request):
    body = json.dumps(export.rows(_url_of(request)), ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@require_safe
@login_not_required
def export_csv(request):
    response = HttpResponse(
        export.as_csv(export.rows(_url_of(request))), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="services-accompagnement.csv"'
    return response
