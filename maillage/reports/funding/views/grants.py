"""A grant's page (its schedule, reports due and indicators), its forms, and applications."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.plan.links import actions_of
from maillage.reports.funding import forms
from maillage.reports.funding.errors import FundingRefused
from maillage.reports.funding.grants import (
    change_instalment,
    record_received,
    save_grant,
    schedule_instalment,
)
from maillage.reports.funding.models import (
    AgreementIndicator,
    Application,
    Grant,
    Instalment,
    Redistribution,
    ReportDue,
)
from maillage.reports.funding.schedule import schedule_of


def grant_context(grant: Grant, **bound: Any) -> dict[str, Any]:
    """What the grant's page shows; `bound` holds a submitted form to show with its errors."""
    today = timezone.localdate()
    return {
        "grant": grant,
        "actions": actions_of(grant).select_related("operational_objective"),
        "schedule": schedule_of(grant, today),
        "reports_due": grant.reports_due.all(),
        "indicators": grant.indicators.all(),
        "today": today,
        "instalment_form": bound.get("instalment_form") or forms.InstalmentForm(),
        "received_form": bound.get("received_form") or forms.ReceivedForm(),
        "report_due_form": bound.get("report_due_form") or forms.ReportDueForm(),
        "report_sent_form": bound.get("report_sent_form") or forms.ReportSentForm(),
        "indicator_form": bound.get("indicator_form") or forms.IndicatorForm(),
        "redistributions": grant.redistributions.all(),
        "redistribution_form": bound.get("redistribution_form") or forms.RedistributionForm(),
    }


def _grant(pk: int) -> Grant:
    return get_object_or_404(Grant.objects.select_related("funder", "application"), pk=pk)


def _refused(request: HttpRequest, grant: Grant, **bound: Any) -> HttpResponse:
    return render(request, "funding/grant.html", grant_context(grant, **bound), status=400)


@staff_required
def grant_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "funding/grant.html", grant_context(_grant(pk)))


def _save(form: forms.GrantForm, grant: Grant | None) -> tuple[Grant | None, bool]:
    actions = form.cleaned_data["actions"]
    try:
        if grant is None:
            token = form.cleaned_data["submission"]

            def create() -> Grant:
                instance = form.save(commit=False)
                instance.submission_token = token
                return save_grant(instance, actions)

            return form_tokens.once(Grant, token, create)
        return save_grant(form.save(commit=False), actions), True
    except FundingRefused as error:
        form.add_error("amount", str(error))
        return None, False


def _edit(request: HttpRequest, grant: Grant | None) -> HttpResponse:
    initial = {"actions": list(actions_of(grant))} if grant else {}
    if grant is None and (application := request.GET.get("demande", "")).isdigit():
        found = Application.objects.filter(pk=application, grant__isnull=True).first()
        if found is not None:
            initial |= {"application": found, "funder": found.funder, "purpose": found.title}
    form = forms.GrantForm(request.POST or None, instance=grant, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved, created = _save(form, grant)
        if saved is not None:
            form_tokens.tell_saved(request, created, "La subvention est enregistrée.")
            return redirect(saved)
    status = 400 if form.is_bound else 200
    heading = "Modifier la subvention" if grant else "Enregistrer une subvention"
    context = {"form": form, "heading": heading}
    return render(request, "funding/form_page.html", context, status=status)


@staff_required
def grant_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
def grant_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, _grant(pk))


@staff_required
@require_POST
def add_instalment(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = forms.InstalmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data

        def create() -> Instalment:
            with transaction.atomic():
                instalment = schedule_instalment(grant, data["amount"], data["expected_on"])
                instalment.submission_token = data["submission"]
                instalment.save(update_fields=["submission_token"])
                return instalment

        try:
            form_tokens.once(Instalment, data["submission"], create, {"grant_id": grant.pk})
        except FundingRefused as error:
            form.add_error("amount", str(error))
        else:
            messages.success(request, "Le versement est ajouté à l’échéancier.")
            return redirect(grant)
    return _refused(request, grant, instalment_form=form)


@staff_required
@require_POST
def instalment_received(request: HttpRequest, pk: int, instalment_pk: int) -> HttpResponse:
    grant = _grant(pk)
    instalment = get_object_or_404(Instalment, pk=instalment_pk, grant=grant)
    form = forms.ReceivedForm(request.POST)
    if form.is_valid():
        try:
            record_received(instalment, form.cleaned_data["received_on"], timezone.localdate())
        except FundingRefused as error:
            form.add_error("received_on", str(error))
        else:
            messages.success(request, "Le versement est noté comme reçu.")
            return redirect(grant)
    return _refused(request, grant, received_form=form)


def trail(grant: Grant) -> list[tuple[str, str]]:
    """The breadcrumb's links from the funders' list down to the grant."""
    return [
        (grant.funder.get_absolute_url(), grant.funder.name),
        (grant.get_absolute_url(), grant.purpose),
    ]


@staff_required
def instalment_edit(request: HttpRequest, pk: int, instalment_pk: int) -> HttpResponse:
    grant = _grant(pk)
    instalment = get_object_or_404(Instalment, pk=instalment_pk, grant=grant)
    initial = {
        "amount": instalment.amount,
        "expected_on": instalment.expected_on,
        "received_on": instalment.received_on,
    }
    form = forms.InstalmentEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change_instalment(
                instalment,
                data["amount"],
                data["expected_on"],
                data["received_on"],
                timezone.localdate(),
            )
        except FundingRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Le versement est modifié.")
            return redirect(grant)
    context = {"form": form, "grant": grant, "trail": trail(grant)}
    status = 400 if form.is_bound else 200
    return render(request, "funding/instalment_form.html", context, status=status)


@staff_required
@require_POST
def add_report_due(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = forms.ReportDueForm(request.POST, instance=ReportDue(grant=grant))
    if form.is_valid():
        saved = form_tokens.first_save(form.instance)
        form_tokens.tell_saved(request, saved, "Le compte rendu à remettre est noté.")
        return redirect(grant)
    return _refused(request, grant, report_due_form=form)


@staff_required
@require_POST
def report_sent(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    grant = _grant(pk)
    report = get_object_or_404(ReportDue, pk=report_pk, grant=grant)
    form = forms.ReportSentForm(request.POST)
    if form.is_valid():
        ReportDue.objects.filter(pk=report.pk).update(sent_on=form.cleaned_data["sent_on"])
        messages.success(request, f"« {report.title} » est noté comme remis.")
        return redirect(grant)
    return _refused(request, grant, report_sent_form=form)


@staff_required
@require_POST
def add_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = forms.IndicatorForm(request.POST, instance=AgreementIndicator(grant=grant))
    if form.is_valid():
        saved = form_tokens.first_save(form.instance)
        form_tokens.tell_saved(request, saved, "L’indicateur de la convention est ajouté.")
        return redirect(grant)
    return _refused(request, grant, indicator_form=form)


@staff_required
@require_POST
def add_redistribution(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = forms.RedistributionForm(request.POST, instance=Redistribution(grant=grant))
    if not form.is_valid():
        return _refused(request, grant, redistribution_form=form)
    token = form.cleaned_data["submission"]
    form.instance.submission_token = token
    _, created = form_tokens.once(Redistribution, token, form.save, {"grant_id": grant.pk})
    form_tokens.tell_saved(request, created, "La subvention redistribuée est enregistrée.")
    return redirect(grant)
