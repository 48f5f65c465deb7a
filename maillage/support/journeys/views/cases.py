"""Staff pages: the list of cases, a case's page, its creation and edition forms."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.plan.links import actions_of, publics_of, set_links
from maillage.support.journeys import dashboard, forms, timeline
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


@dataclass(frozen=True)
class CaseAction:
    """One thing staff can do from a case's page: its form opens alone, on demand."""

    key: str
    label: str  # the menu's link
    form_name: str
    form_class: type
    url_name: str
    submit: str
    while_open_only: bool = False
    multipart: bool = False


ACTIONS = (
    CaseAction(
        "note",
        "Ajouter une note",
        "note_form",
        forms.NoteForm,
        "journeys:add_note",
        "Ajouter la note",
    ),
    CaseAction(
        "rendez-vous",
        "Enregistrer un rendez-vous",
        "appointment_form",
        forms.AppointmentForm,
        "journeys:add_appointment",
        "Enregistrer le rendez-vous",
    ),
    CaseAction(
        "etape",
        "Changer d’étape",
        "stage_form",
        forms.StageChangeForm,
        "journeys:change_stage",
        "Changer d’étape",
        while_open_only=True,
    ),
    CaseAction(
        "a-faire",
        "Prévoir une prochaine étape",
        "next_step_form",
        forms.NextStepForm,
        "journeys:add_next_step",
        "Ajouter la prochaine étape",
        while_open_only=True,
    ),
    CaseAction(
        "orientation",
        "Orienter vers un partenaire",
        "referral_form",
        forms.ReferralForm,
        "journeys:refer",
        "Orienter vers ce service",
        while_open_only=True,
    ),
    CaseAction(
        "document",
        "Déposer un document",
        "document_form",
        forms.DocumentForm,
        "journeys:add_document",
        "Déposer le document",
        multipart=True,
    ),
)


def _open_action(case: SupportCase, asked: str | None, bound: dict) -> dict | None:
    """The one action whose form is shown: the one just submitted with errors, else the one
    asked for in the address (`?action=note`)."""
    for action in ACTIONS:
        if action.while_open_only and case.is_closed:
            continue
        if action.form_name in bound or (not bound and action.key == asked):
            form = bound.get(action.form_name) or action.form_class()
            return {"action": action, "form": form, "url": reverse(action.url_name, args=[case.pk])}
    return None


def case_context(case: SupportCase, asked: str | None = None, **bound) -> dict:
    """Everything the case page shows; `bound` holds a submitted form to show with its errors."""
    return {
        "case": case,
        "holders": case.holders.all(),
        "organisations": case.organisations.all(),
        "story": timeline.story(case, dashboard.case_stage_days(case)),
        "pending_steps": case.next_steps.filter(done_on=None).select_related("assigned_to"),
        "menu": [a for a in ACTIONS if not (a.while_open_only and case.is_closed)],
        "open": _open_action(case, asked, bound),
        "outcome": getattr(case, "outcome", None),
        "actions": actions_of(case),
        "publics": publics_of(case),
    }


@staff_required
def case_page(request, pk: int):
    case = get_object_or_404(SupportCase.objects.select_related("stage", "commune", "theme"), pk=pk)
    context = case_context(case, request.GET.get("action"))
    return render(request, "journeys/staff/case.html", context)


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
            form_tokens.tell_saved(request, created, f"Le dossier « {case.title} » est ouvert.")
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
