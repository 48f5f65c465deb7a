"""The public orientation: a few questions, the services that fit, a summary to keep."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from maillage.core.ratelimit import limit_posts
from maillage.support.services import summary
from maillage.support.services.forms import OrientationForm, SummaryEmailForm
from maillage.support.services.misses import record_miss
from maillage.support.services.orientation import suggestions_for
from maillage.support.services.views.common import bad_request


@require_safe
@login_not_required
def questions(request):
    """The questions, filled with earlier answers when they come back to change them."""
    form = OrientationForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return bad_request(request, form.problem())
    return render(request, "services/orientation.html", {"form": form})


def _answered(request):
    form = OrientationForm(request.GET)
    return form, form.is_valid()


def _results_context(request, form, email_form=None) -> dict:
    suggestions = suggestions_for(form.answers())
    return {
        "form": form,
        "answers": form.answers(),
        "suggestions": suggestions,
        "start": suggestions[: summary.START_WITH],
        "email_form": email_form or SummaryEmailForm(),
        "query": request.GET.urlencode(),
    }


@require_safe
@login_not_required
def results(request):
    form, valid = _answered(request)
    if not valid:
        return bad_request(request, form.problem())
    context = _results_context(request, form)
    if not context["suggestions"]:
        record_miss(context["answers"])
    return render(request, "services/results.html", context)


@require_POST
@login_not_required
@limit_posts(summary.SUMMARIES)
def send_summary(request):
    form, valid = _answered(request)
    if not valid:
        return bad_request(request, form.problem())
    email_form = SummaryEmailForm(request.POST)
    if not email_form.is_valid():
        context = _results_context(request, form, email_form)
        return render(request, "services/results.html", context, status=400)
    results_url = f"{reverse('services:results')}?{request.GET.urlencode()}"
    summary.send(email_form.cleaned_data["email"], request.GET.urlencode())
    messages.success(
        request,
        "Le récapitulatif part dans quelques instants. Votre adresse n’est pas conservée.",
    )
    return redirect(results_url)
