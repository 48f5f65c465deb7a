"""Applications for funding: created and followed by staff until granted or refused."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.reports.funding.forms import ApplicationForm
from maillage.reports.funding.models import Application


def _edit(request: HttpRequest, application: Application | None) -> HttpResponse:
    initial = {"funder": request.GET.get("financeur")} if application is None else {}
    form = ApplicationForm(request.POST or None, instance=application, initial=initial)
    if request.method == "POST" and form.is_valid():
        if application is None:
            token = form.cleaned_data["submission"]
            form.instance.submission_token = token
            saved, created = form_tokens.once(Application, token, form.save)
        else:
            saved, created = form.save(), True
        form_tokens.tell_saved(request, created, "La demande est enregistrée.")
        return redirect(saved.funder)
    status = 400 if form.is_bound else 200
    heading = "Modifier la demande" if application else "Enregistrer une demande"
    context = {"form": form, "heading": heading}
    return render(request, "funding/form_page.html", context, status=status)


@staff_required
def application_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(Application, pk=pk))
