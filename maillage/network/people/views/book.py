"""The address book for the hub's staff: search, filters, sort, pages, CSV of the selection."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from maillage.accounts.permissions import staff_required
from maillage.core.collation import by_name
from maillage.core.filter_forms import FilterRefused
from maillage.directory.models import LegalUnit
from maillage.network.people.csv_export import people_csv, with_details
from maillage.network.people.enums import AffiliationRole, ConsentPurpose
from maillage.network.people.filters import SORT_LABELS, BookFilterForm, people_for
from maillage.network.people.models import Tag
from maillage.network.people.views.common import bad_request

PER_PAGE = 50


@staff_required
def book(request):
    form = BookFilterForm(request.GET)
    try:
        filters = form.filters()
    except FilterRefused as refused:
        return bad_request(request, refused.messages[0])
    number = form.cleaned_data["page"] or 1
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
        filters = BookFilterForm(request.GET).filters()
    except FilterRefused as refused:
        return bad_request(request, refused.messages[0])
    response = HttpResponse(
        people_csv(people_for(filters)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="carnet-d-adresses.csv"'
    return response
