"""The hub's staff: the join requests to answer, and one request with its two answers."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.network.memberships import joining
from maillage.network.memberships.enums import JoinRequestStatus
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.join_forms import AcceptForm, RefuseForm
from maillage.network.memberships.models import JoinRequest
from maillage.network.memberships.views.staff import matching_units

ANSWERED_SHOWN = 50


@staff_required
def request_list(request):
    requests = JoinRequest.objects.select_related("rate__college")
    context = {
        "pending": requests.pending().order_by("created_at", "pk"),
        "answered": requests.exclude(status=JoinRequestStatus.PENDING).order_by(
            "-decided_at", "-pk"
        )[:ANSWERED_SHOWN],
    }
    return render(request, "memberships/staff/requests.html", context)


def _units_for(request, join_request: JoinRequest):
    query = request.GET.get("q", "").strip()[:100]
    query = query or join_request.siren or join_request.organisation_name
    return query, matching_units(query)


def _detail(request, join_request, accept_form=None, refuse_form=None, status=200):
    query, units = _units_for(request, join_request)
    context = {
        "join_request": join_request,
        "query": query,
        "accept_form": accept_form or AcceptForm(units=units),
        "refuse_form": refuse_form or RefuseForm(),
    }
    return render(request, "memberships/staff/request_detail.html", context, status=status)


@staff_required
def request_detail(request, pk: int):
    join_request = get_object_or_404(JoinRequest.objects.select_related("rate__college"), pk=pk)
    return _detail(request, join_request)


def _answered(request, join_request: JoinRequest, answer: Callable[[], object], told: str):
    """Give the answer; the list of requests says so, the request's page says why it could not."""
    try:
        answer()
    except MembershipError as error:
        messages.error(request, str(error))
        return redirect(join_request)
    messages.success(request, f"Demande de « {join_request.applicant_name} » {told}")
    return redirect("memberships:join_requests")


@require_POST
@staff_required
def accept(request, pk: int):
    join_request = get_object_or_404(JoinRequest.objects.select_related("rate__college"), pk=pk)
    form = AcceptForm(request.POST, units=_units_for(request, join_request)[1])
    if not form.is_valid():
        return _detail(request, join_request, accept_form=form, status=400)
    unit = form.cleaned_data["legal_unit"]
    return _answered(
        request,
        join_request,
        lambda: joining.accept(join_request, request.user, legal_unit=unit),
        "acceptée : le compte et l’adhésion sont créés, le message de bienvenue part dans "
        "quelques instants.",
    )


@require_POST
@staff_required
def refuse(request, pk: int):
    join_request = get_object_or_404(JoinRequest.objects.select_related("rate__college"), pk=pk)
    form = RefuseForm(request.POST)
    if not form.is_valid():
        return _detail(request, join_request, refuse_form=form, status=400)
    reason = form.cleaned_data["reason"]
    return _answered(
        request,
        join_request,
        lambda: joining.refuse(join_request, request.user, reason),
        "refusée : la réponse part dans quelques instants.",
    )
