"""Staff pages: the list of cases, a case's page, its creation and edition forms."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.plan.links import actions_of, publics_of, set_links
from maillage.support.journeys import dashboard, forms
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.journey import open_case, update_case
from maillage.support.journeys.models import SupportCase

PAGE_SIZE = 50


@staff_required
def case_list(request):
    form = forms.CaseFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "journeys/staff/list.html", {"form": form}, status=400)
    cases = form.filter(SupportCase.objects.all()) if form.is_bound else SupportCase.objects.open()
    cases = cases.select_related("stage", "commune", "staff_in_charge").order_by(
        "-opened_on", "-pk"
    )
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "journeys/staff/list.html", {"form": form, "page": page})


def case_context(case: SupportCase, **bound) -> dict:
    """Everything the case page shows; `bound` holds a submitted form to show with its errors."""
    empty = {
        "stage_form": forms.StageChangeForm,
        "appointment_form": forms.AppointmentForm,
        "note_form": forms.NoteForm,
        "document_form": forms.DocumentForm,
        "next_step_form": forms.NextStepForm,
        "referral_form": forms.ReferralForm,
    }
    durations = dashboard.case_stage_days(case)
    return {
        "case": case,
        "holders": case.holders.all(),
        "organisations": case.organisations.all(),
        "changes": [
            (change, durations.get(change.pk))
            for change in case.stage_changes.select_related("stage")
        ],
        "appointments": case.appointments.all(),
        "notes": case.case_notes.select_related("author"),
        "documents": case.documents.all(),
        "next_steps": case.next_steps.select_related("assigned_to"),
        "referrals": case.referrals.select_related("service", "service__provider"),
        "outcome": getattr(case, "outcome", None),
        "actions": actions_of(case),
        "publics": publics_of(case),
        **{name: bound.get(name) or form_class() for name, form_class in empty.items()},
    }


@staff_required
def case_page(request, pk: int):
    case = get_object_or_404(SupportCase.objects.select_related("stage", "commune", "theme"), pk=pk)
    return render(request, "journeys/staff/case.html", case_context(case))


def _write(request, form, case: SupportCase | None) -> SupportCase:
    with transaction.atomic():
        holders, organisations = form.all_holders(), form.cleaned_data["organisations"]
        instance = form.save(commit=False)
        if case is None:
            instance.submission_token = form.cleaned_data["submission"]
            open_case(instance, holders, organisations, by=request.user)
        else:
            update_case(instance, holders, organisations)
        set_links(instance, form.cleaned_data["actions"], form.cleaned_data["publics"])
    return instance


def _save(request, form, case: SupportCase | None) -> tuple[SupportCase | None, bool]:
    """Create or update from a valid form: the case and whether this submit wrote it (a
    replayed creation finds the first one's case); None and an error on the form if refused."""
    try:
        if case is None:
            token = form.cleaned_data["submission"]
            return form_tokens.once(SupportCase, token, lambda: _write(request, form, None))
        return _write(request, form, case), True
    except JourneyError as error:
        form.add_error(None, str(error))
        return None, False


@staff_required
def case_create(request):
    form = forms.CaseForm(request.POST or None, initial={"staff_in_charge": request.user})
    if request.method == "POST" and form.is_valid():
        case, created = _save(request, form, None)
        if case is not None:
            if created:
                messages.success(request, f"Le dossier « {case.title} » est ouvert.")
            else:
                messages.info(request, form_tokens.ALREADY_SAVED)
            return redirect(case)
    status = 400 if form.is_bound else 200
    return render(request, "journeys/staff/case_form.html", {"form": form}, status=status)


@staff_required
def case_edit(request, pk: int):
    case = get_object_or_404(SupportCase, pk=pk)
    form = forms.CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid() and _save(request, form, case)[0]:
        messages.success(request, "Le dossier est enregistré.")
        return redirect(case)
    status = 400 if form.is_bound else 200
    return render(
        request, "journeys/staff/case_form.html", {"form": form, "case": case}, status=status
    )
