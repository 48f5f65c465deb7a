"""Who represents the hub where: the mandates, their reports back, and the bodies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.reports.funding.forms import BodyForm, MandateForm, MandateReportForm
from maillage.reports.funding.models import Mandate, MandateReport


@staff_required
def mandate_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    mandates = Mandate.objects.select_related("body", "person")
    current = mandates.current(today)
    context = {
        "current": current,
        "past": mandates.exclude(pk__in=current).filter(ends_on__lt=today),
    }
    return render(request, "funding/mandates.html", context)


def _mandate_context(
    mandate: Mandate, report_form: MandateReportForm | None = None
) -> dict[str, Any]:
    return {
        "mandate": mandate,
        "reports": mandate.reports.all(),
        "report_form": report_form or MandateReportForm(),
    }


def _mandate(pk: int) -> Mandate:
    return get_object_or_404(Mandate.objects.select_related("body", "person"), pk=pk)


@staff_required
def mandate_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "funding/mandate.html", _mandate_context(_mandate(pk)))


def _edit(request: HttpRequest, mandate: Mandate | None) -> HttpResponse:
    form = MandateForm(request.POST or None, instance=mandate)
    if request.method == "POST" and form.is_valid():
        if mandate is None:
            token = form.cleaned_data["submission"]
            form.instance.submission_token = token
            saved, created = form_tokens.once(Mandate, token, form.save)
        else:
            saved, created = form.save(), True
        form_tokens.tell_saved(request, created, "Le mandat est enregistré.")
        return redirect(saved)
    status = 400 if form.is_bound else 200
    context = {"form": form, "mandate": mandate}
    return render(request, "funding/mandate_form.html", context, status=status)


@staff_required
def mandate_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
def mandate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, _mandate(pk))


@staff_required
@require_POST
def add_report(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate(pk)
    form = MandateReportForm(request.POST)
    if not form.is_valid():
        context = _mandate_context(mandate, form)
        return render(request, "funding/mandate.html", context, status=400)
    data = form.cleaned_data

    def create() -> MandateReport:
        return MandateReport.objects.create(
            mandate=mandate,
            held_on=data["held_on"],
            text=data["text"],
            submission_token=data["submission"],
        )

    _, created = form_tokens.once(
        MandateReport, data["submission"], create, {"mandate_id": mandate.pk}
    )
    form_tokens.tell_saved(request, created, "Le compte rendu est enregistré.")
    return redirect(mandate)


@staff_required
def body_create(request: HttpRequest) -> HttpResponse:
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form_tokens.first_save(form.instance):
            messages.success(request, f"L’instance « {form.instance.name} » est ajoutée.")
            return redirect("funding:mandate_create")
        form.add_error("name", "Une instance porte déjà ce nom.")
    status = 400 if form.is_bound else 200
    return render(request, "funding/body_form.html", {"form": form}, status=status)
