"""The address book for the hub's staff: search, filters, sort, pages, CSV of the selection."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from maillage.accounts.permissions import staff_required
from maillage.core.collation import by_name
from maillage.directory.models import LegalUnit
from maillage.network.people.csv_export import people_csv, with_details
from maillage.network.people.enums import AffiliationRole, ConsentPurpose
from maillage.network.people.filters import SORT_LABELS, BadFilter, parse_filters, people_for
from maillage.network.people.models import Tag
from maillage.network.people.views.common import bad_request

PER_PAGE = 50


def _page_number(request) -> int:
    value = request.GET.get("page", "1")
    if not value.isdigit() or int(value) < 1:
        raise BadFilter("Le numéro de page doit être un nombre entier positif.")
    return int(value)


@staff_required
def book(request):
    try:
        filters = parse_filters(request.GET)
        number = _page_number(request)
    except BadFilter as error:
        return bad_request(request, str(error))
    paginator = Paginator(with_details(people_for(filters)), PER_PAGE)
    if number > paginator.num_pages:
        return bad_request(request, "Cette page n’existe pas.")
    context = {
        "filters": filters,
        "page": paginator.page(number),
        "roles": AffiliationRole.choices,
        "consents": ConsentPurpose.choices,
        "tags": Tag.objects.all(),
        "sorts": SORT_LABELS.items(),
        "organisations": LegalUnit.objects.filter(affiliations__isnull=False)
        .distinct()
        .order_by(by_name(), "pk"),
    }
    return render(request, "people/book.html", context)


@staff_required
def book_csv(request):
    try:
        filters = parse_filters(request.GET)
    except BadFilter as error:
        return bad_request(request, str(error))
    response = HttpResponse(
        people_csv(people_for(filters)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="carnet-d-adresses.csv"'
    return response
