"""The partner's space: the cases referred to its services, and its answers.

A partner reaches a referral only through the referrals of the organisations it represents:
another partner's referral by id is a 404. It sees what the referral needs (the project, and
the holders' contact details only when they agreed to share them), never the case's notes.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Case, When
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.enums import Role
from maillage.accounts.permissions import role_required
from maillage.support.journeys import forms, referrals
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.models import Referral

representatives = role_required(Role.MEMBER, Role.PARTNER)


def _mine(user):
    return Referral.objects.for_representative(user).select_related(
        "case", "case__commune", "case__theme", "service", "service__provider"
    )


# Those waiting for the partner's answer first, then those under way, then the finished ones.
WAITING_FIRST = Case(
    When(status=ReferralStatus.SENT, then=0),
    When(status=ReferralStatus.ACCEPTED, then=1),
    default=2,
)


@representatives
def referral_list(request):
    mine = _mine(request.user).order_by(WAITING_FIRST, "-sent_on", "-pk")
    return render(request, "journeys/partner/list.html", {"referrals": mine})


def _page(request, referral: Referral, status: int = 200, **bound):
    case = referral.case
    context = {
        "referral": referral,
        "case": case,
        "holders": case.holders.all() if case.contact_sharing_agreed else None,
        "accept_form": bound.get("accept_form") or forms.AcceptForm(),
        "decline_form": bound.get("decline_form") or forms.DeclineForm(),
        "done_form": bound.get("done_form") or forms.DoneForm(),
    }
    return render(request, "journeys/partner/referral.html", context, status=status)


@representatives
def referral_page(request, pk: int):
    return _page(request, get_object_or_404(_mine(request.user), pk=pk))


def _answered(request, referral: Referral, action, success: str):
    try:
        action()
    except JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("space:journeys:partner_referral", pk=referral.pk)


@require_POST
@representatives
def accept(request, pk: int):
    referral = get_object_or_404(_mine(request.user), pk=pk)
    form = forms.AcceptForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, status=400, accept_form=form)
    return _answered(
        request,
        referral,
        lambda: referrals.accept(referral, request.user, form.cleaned_data["note"]),
        "Orientation acceptée : l’équipe du pôle est prévenue.",
    )


@require_POST
@representatives
def decline(request, pk: int):
    referral = get_object_or_404(_mine(request.user), pk=pk)
    form = forms.DeclineForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, status=400, decline_form=form)
    return _answered(
        request,
        referral,
        lambda: referrals.decline(referral, request.user, form.cleaned_data["reason"]),
        "Orientation déclinée : l’équipe du pôle est prévenue.",
    )


@require_POST
@representatives
def complete(request, pk: int):
    referral = get_object_or_404(_mine(request.user), pk=pk)
    form = forms.DoneForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, status=400, done_form=form)
    return _answered(
        request,
        referral,
        lambda: referrals.complete(referral, request.user, form.cleaned_data["note"]),
        "Orientation marquée réalisée : merci !",
    )
