"""What people with an account add to a need: their support, a comment, an offer of help."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from maillage.core.form_tokens import TokenUsedElsewhere
from maillage.needs import comments, help_offers, supports
from maillage.needs.errors import NeedError
from maillage.needs.forms import CommentForm, HelpForm
from maillage.needs.views.common import bad_request, visible_need


@login_required
@require_POST
def support(request, pk: int):
    need = visible_need(request.user, pk)
    try:
        added = supports.support(need, request.user)
    except NeedError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Votre soutien est enregistré." if added else "Vous soutenez déjà ce besoin.",
        )
    return redirect(need)


@login_required
@require_POST
def withdraw(request, pk: int):
    need = visible_need(request.user, pk)
    if supports.withdraw(need, request.user):
        messages.success(request, "Votre soutien est retiré.")
    return redirect(need)


@login_required
@require_POST
def comment(request, pk: int):
    need = visible_need(request.user, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return bad_request(request, " ".join(e for errs in form.errors.values() for e in errs))
    try:
        comments.write(
            need, request.user, form.cleaned_data["body"], form.cleaned_data["submission"]
        )
    except (NeedError, TokenUsedElsewhere) as error:
        messages.error(
            request, str(error) if isinstance(error, NeedError) else "Rechargez la page."
        )
    else:
        messages.success(request, "Merci : votre commentaire sera publié après relecture.")
    return redirect(need)


@login_required
@require_POST
def offer_help(request, pk: int):
    need = visible_need(request.user, pk)
    form = HelpForm(request.user, request.POST)
    if not form.is_valid():
        return bad_request(request, " ".join(e for errs in form.errors.values() for e in errs))
    data = form.cleaned_data
    try:
        help_offers.offer_help(need, data["legal_unit"], request.user, data["what"])
    except NeedError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"« {data['legal_unit'].name} » propose son aide : merci !")
    return redirect(need)
