"""The hub's staff and instance: the qualification queue, recording a need, moving it along its
lifecycle, its response, merging duplicates, moderating comments, the signals."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.needs import comments, lifecycle, merging, recording, response, signals
from maillage.needs.enums import NeedStatus
from maillage.needs.errors import NeedError
from maillage.needs.forms import (
    CandidateForm,
    MergeForm,
    MoveForm,
    ResponseForm,
    StaffNeedForm,
    edit_form_for,
)
from maillage.needs.models import Comment, Need
from maillage.needs.views.common import bad_request

QUEUE_MAX = 200


@staff_required
def queue(request):
    context = {
        "needs": Need.objects.awaiting_qualification()
        .with_counts()
        .prefetch_related("themes", "communes")
        .order_by("created_at", "pk")[:QUEUE_MAX],
        "waiting_confirmation": Need.objects.filter(
            confirmed_at__isnull=True, merged_into__isnull=True
        ).count(),
        "comments": Comment.objects.pending().select_related("need", "author")[:QUEUE_MAX],
        "candidate_count": len(signals.candidates()),
    }
    return render(request, "needs/staff/queue.html", context)


def _described(data) -> recording.Description:
    return recording.Description(
        title=data["title"],
        description=data["description"],
        expressed_by=data["expressed_by"],
        visibility=data["visibility"],
        source_detail=data["source_detail"],
        organisation=data["organisation"],
        working_group=data["working_group"],
        communes=data["communes"],
        themes=data["themes"],
        actions=data["actions"],
        publics=data["publics"],
    )


@staff_required
def create(request):
    form = StaffNeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        need, _ = recording.record(
            _described(form.cleaned_data), form.cleaned_data["submission"], request.user
        )
        messages.success(request, f"Le besoin « {need.title} » est enregistré.")
        return redirect("needs:manage", pk=need.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "needs/staff/create.html", {"form": form}, status=status)


def _need(pk: int) -> Need:
    return get_object_or_404(Need.objects.select_related("merged_into"), pk=pk)


def _manage_context(need: Need, **forms) -> dict:
    allowed = lifecycle.next_statuses(need)
    return {
        "need": need,
        "steps": need.steps.select_related("decided_by"),
        "move_form": forms.get("move_form") or MoveForm(need, allowed),
        "response_form": forms.get("response_form") or ResponseForm(need),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "edit_form": forms.get("edit_form") or edit_form_for(need),
        "can_move": bool(allowed) and need.is_confirmed and not need.is_merged,
        "help_offers": need.help_offers.select_related("legal_unit"),
        "support_count": need.supports.count(),
    }


@staff_required
def manage(request, pk: int):
    return render(request, "needs/staff/manage.html", _manage_context(_need(pk)))


def _invalid(request, need: Need, **forms):
    return render(request, "needs/staff/manage.html", _manage_context(need, **forms), status=400)


@staff_required
@require_POST
def move(request, pk: int):
    need = _need(pk)
    form = MoveForm(need, lifecycle.next_statuses(need), request.POST)
    if not form.is_valid():
        return _invalid(request, need, move_form=form)
    data = form.cleaned_data
    decision = lifecycle.Decision(
        reason=data["reason"],
        by=request.user,
        label=data["decided_by_label"],
        on=data["decided_on"],
        criteria=form.answers(),
    )
    try:
        step = lifecycle.move(need, NeedStatus(data["target"]), decision)
    except NeedError as error:
        form.add_error(None, str(error))
        return _invalid(request, need, move_form=form)
    messages.success(
        request, f"Le besoin est désormais « {step.get_to_status_display().lower()} »."
    )
    return redirect("needs:manage", pk=pk)


@staff_required
@require_POST
def set_response(request, pk: int):
    need = _need(pk)
    form = ResponseForm(need, request.POST)
    if not form.is_valid():
        return _invalid(request, need, response_form=form)
    data = form.cleaned_data
    response.set_response(
        need,
        response.Response(
            data["summary"], data["groups"], data["cases"], data["services"], data["activities"]
        ),
    )
    messages.success(request, "La réponse est enregistrée.")
    return redirect("needs:manage", pk=pk)


@staff_required
@require_POST
def edit(request, pk: int):
    need = _need(pk)
    form = edit_form_for(need, request.POST)
    if not form.is_valid():
        return _invalid(request, need, edit_form=form)
    recording.edit(need, _described(form.cleaned_data))
    messages.success(request, "Le besoin est modifié.")
    return redirect("needs:manage", pk=pk)


@staff_required
@require_POST
def merge(request, pk: int):
    need = _need(pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _invalid(request, need, merge_form=form)
    kept = form.cleaned_data["kept"]
    try:
        merging.merge(need, kept, request.user, form.cleaned_data["reason"])
    except NeedError as error:
        form.add_error(None, str(error))
        return _invalid(request, need, merge_form=form)
    messages.success(request, f"Le besoin est fusionné dans « {kept.title} ».")
    return redirect("needs:manage", pk=kept.pk)


@staff_required
@require_POST
def moderate(request, pk: int):
    comment = get_object_or_404(Comment, pk=pk)
    publish = request.POST.get("decision") == "publier"
    try:
        comments.moderate(comment, publish)
    except NeedError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Commentaire publié." if publish else "Commentaire refusé.")
    return redirect("needs:queue")


@staff_required
def signal_list(request):
    return render(request, "needs/staff/signals.html", {"candidates": signals.candidates()})


def _candidate(request):
    form = CandidateForm(request.POST)
    if not form.is_valid():
        raise NeedError("Ce signal n’existe pas.")
    return signals.find(form.cleaned_data["source"], form.cleaned_data["key"])


@staff_required
@require_POST
def accept_signal(request):
    try:
        need = signals.accept(_candidate(request), request.user)
    except NeedError as error:
        return bad_request(request, str(error), status=409)
    messages.success(request, "Le signal devient un besoin privé : qualifiez-le, ou écartez-le.")
    return redirect("needs:manage", pk=need.pk)


@staff_required
@require_POST
def dismiss_signal(request):
    try:
        signals.dismiss(_candidate(request))
    except NeedError as error:
        return bad_request(request, str(error), status=409)
    messages.success(request, "Le signal est écarté : il ne sera plus proposé.")
    return redirect("needs:signals")
