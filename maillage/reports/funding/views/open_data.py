"""The open data of grants (SCDL « subventions »): staff check it, then download the file they
publish (on data.gouv.fr or the hub's site)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from maillage.accounts.permissions import staff_required
from maillage.hub import current_hub
from maillage.reports.funding.scdl import Party, build


def _hub() -> Party:
    identity = current_hub().identity
    return Party(identity.full_name, identity.siret, identity.rna_id)


@staff_required
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/open_data.html", {"export": build(_hub())})


@staff_required
def open_data_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(build(_hub()).csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="subventions.csv"'
    return response
