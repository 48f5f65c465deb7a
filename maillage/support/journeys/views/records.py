"""What staff add to a case from its page: stage changes, appointments, notes, documents,
next steps, referrals. A refused or invalid entry re-displays the page with what was typed."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.support.journeys import follow_up, forms, journey, referrals
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.models import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    SupportCase,
)
from maillage.support.journeys.views.cases import case_context

ELSEWHERE = "Ce formulaire a déjà servi pour un autre dossier : rechargez la page."


def _record(request, pk: int, form_name: str, form_class, act: Callable, success: str, model=None):
    """Record what a form of the case page says; with a `model`, the form's one-time token
    makes a replayed submit find the row the first one created."""
    case = get_object_or_404(SupportCase, pk=pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if model is None:
                act(case, data)
                created = True
            else:
                _, created = form_tokens.once(
                    model, data["submission"], lambda: act(case, data), {"case_id": case.pk}
                )
        except JourneyError as error:
            form.add_error(None, str(error))
        except form_tokens.TokenUsedElsewhere:
            form.add_error(None, ELSEWHERE)
        else:
            form_tokens.tell_saved(request, created, success)
            return redirect(case)
    context = case_context(case, **{form_name: form})
    return render(request, "journeys/staff/case.html", context, status=400)


@staff_required
@require_POST
def change_stage(request, pk: int):
    def act(case, data):
        journey.move_to_stage(case, data["stage"], data["changed_on"], by=request.user)

    return _record(request, pk, "stage_form", forms.StageChangeForm, act, "L’étape a changé.")


@staff_required
@require_POST
def add_appointment(request, pk: int):
    def act(case, data):
        follow_up.add_appointment(
            case, data["held_on"], data["with_whom"], data["notes"], token=data["submission"]
        )

    return _record(
        request,
        pk,
        "appointment_form",
        forms.AppointmentForm,
        act,
        "Rendez-vous enregistré.",
        Appointment,
    )


@staff_required
@require_POST
def add_note(request, pk: int):
    def act(case, data):
        follow_up.add_note(case, data["text"], request.user, token=data["submission"])

    return _record(request, pk, "note_form", forms.NoteForm, act, "Note enregistrée.", CaseNote)


@staff_required
@require_POST
def add_document(request, pk: int):
    def act(case, data):
        follow_up.add_document(
            case, data["title"], data["file"], request.user, token=data["submission"]
        )

    return _record(
        request, pk, "document_form", forms.DocumentForm, act, "Document déposé.", CaseDocument
    )


@staff_required
def document(request, pk: int, document_pk: int):
    item = get_object_or_404(CaseDocument, pk=document_pk, case_id=pk)
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("Fichier introuvable.") from None
    return FileResponse(handle, as_attachment=True, filename=item.filename)


@staff_required
@require_POST
def add_next_step(request, pk: int):
    def act(case, data):
        follow_up.plan_next_step(
            case, data["title"], data["due_on"], data["assigned_to"], token=data["submission"]
        )

    return _record(
        request,
        pk,
        "next_step_form",
        forms.NextStepForm,
        act,
        "Prochaine étape enregistrée.",
        NextStep,
    )


@staff_required
@require_POST
def complete_next_step(request, pk: int, step_pk: int):
    step = get_object_or_404(NextStep, pk=step_pk, case_id=pk)
    if follow_up.complete_next_step(step):
        messages.success(request, f"« {step.title} » est faite.")
    return redirect("journeys:case", pk=pk)


@staff_required
@require_POST
def refer(request, pk: int):
    def act(case, data):
        referrals.refer(case, data["service"], by=request.user, message=data["message"])

    return _record(
        request, pk, "referral_form", forms.ReferralForm, act, "Orientation envoyée au partenaire."
    )


@staff_required
def close(request, pk: int):
    case = get_object_or_404(SupportCase, pk=pk)
    if case.is_closed:
        messages.info(request, "Ce dossier est déjà clos.")
        return redirect(case)
    form = forms.OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            journey.close_case(
                case, form.save(commit=False), form.cleaned_data["closed_on"], by=request.user
            )
        except JourneyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Le dossier est clos et ses résultats enregistrés.")
            return redirect(case)
    status = 400 if form.is_bound else 200
    return render(request, "journeys/staff/close.html", {"case": case, "form": form}, status=status)
