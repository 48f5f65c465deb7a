"""The open data of grants (SCDL « subventions »): staff check it and publish it; the public
page lists the published file and offers it for download (on data.gouv.fr, harvesters read it
from there)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.hub import current_hub
from maillage.reports.funding.publication import latest, publish
from maillage.reports.funding.scdl import Party, build

FILE_NAME = "subventions.csv"


def _hub() -> Party:
    identity = current_hub().identity
    return Party(identity.full_name, identity.siret, identity.rna_id)


def _csv(content: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAME}"'
    return response


@staff_required
def open_data(request: HttpRequest) -> HttpResponse:
    context = {
        "export": build(_hub()),
        "published": latest(),
        "publish_form": form_tokens.OneTimeForm(),
    }
    return render(request, "funding/open_data.html", context)


@staff_required
def open_data_csv(request: HttpRequest) -> HttpResponse:
    return _csv(build(_hub()).csv())


@staff_required
@require_POST
def publish_open_data(request: HttpRequest) -> HttpResponse:
    form = form_tokens.OneTimeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_tokens.EXPIRED)
        return redirect("funding:open_data")
    publication, created = publish(_hub(), form.cleaned_data["submission"])
    form_tokens.tell_saved(request, created, "Le fichier des subventions est publié.")
    return redirect(publication)


@login_not_required
def published_grants(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/published_grants.html", {"published": latest()})


@login_not_required
def published_grants_csv(request: HttpRequest) -> HttpResponse:
    publication = latest()
    if publication is None:
        raise Http404("Aucun fichier des subventions n’est publié.")
    return _csv(publication.content)
