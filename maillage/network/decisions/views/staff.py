"""The hub's staff: write a proposal, open it to votes, close it early."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.network.decisions import closing, drafting
from maillage.network.decisions.forms import ProposalForm
from maillage.network.decisions.models import Proposal


def _save(request, form: ProposalForm) -> tuple[Proposal, bool]:
    """The saved draft, and whether this submit wrote it: a replayed creation finds the
    proposal its first submit created."""
    draft, options = form.save(commit=False), form.cleaned_data["options"]
    if draft.pk:
        return drafting.save_draft(draft, options), True
    draft.submission_token = token = form.cleaned_data["submission"]
    return form_tokens.once(
        Proposal, token, lambda: drafting.save_draft(draft, options, by=request.user)
    )


def _edit(request, proposal: Proposal):
    form = ProposalForm(request.POST or None, instance=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            saved, created = _save(request, form)
        except closing.ProposalRefused as error:
            messages.error(request, str(error))
            return redirect(proposal)
        form_tokens.tell_saved(request, created, "La proposition est enregistrée (brouillon).")
        return redirect(saved)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "proposal": proposal if proposal.pk else None}
    return render(request, "decisions/staff/form.html", context, status=status)


@staff_required
def create(request):
    return _edit(request, Proposal())


@staff_required
def edit(request, pk: int):
    proposal = get_object_or_404(Proposal, pk=pk)
    if not proposal.is_draft:
        messages.error(request, "Une proposition ouverte ou close ne se modifie plus.")
        return redirect(proposal)
    return _edit(request, proposal)


@staff_required
@require_POST
def open_votes(request, pk: int):
    proposal = get_object_or_404(Proposal, pk=pk)
    try:
        closing.open_proposal(proposal)
    except closing.ProposalRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "La proposition est ouverte au vote.")
    return redirect(proposal)


@staff_required
@require_POST
def close_votes(request, pk: int):
    proposal = get_object_or_404(Proposal, pk=pk)
    if closing.close_proposal(proposal):
        messages.success(request, "Le vote est clos ; son résultat est enregistré.")
    else:
        messages.error(request, "Seule une proposition ouverte peut être close.")
    return redirect(proposal)
