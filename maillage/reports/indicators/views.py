"""Staff pages: the targets of a year beside what was achieved, and an action's targets form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.plan.models import Action
from maillage.reports.indicators.forms import TargetsForm
from maillage.reports.indicators.target_table import achieved_for, year_of_targets
from maillage.reports.indicators.targets import set_targets

# Years staff may set targets for, around the current one.
YEARS_BACK, YEARS_AHEAD = 5, 2


def _checked_year(year: int) -> int:
    current = timezone.localdate().year
    if not current - YEARS_BACK <= year <= current + YEARS_AHEAD:
        raise Http404("Année hors de la période des cibles.")
    return year


@staff_required
def targets_now(request: HttpRequest) -> HttpResponse:
    return redirect("indicators:targets", year=timezone.localdate().year)


@staff_required
def targets(request: HttpRequest, year: int) -> HttpResponse:
    outline = year_of_targets(_checked_year(year))
    current = timezone.localdate().year
    context = {
        "year": year,
        "outline": outline,
        "years": range(current - YEARS_BACK, current + YEARS_AHEAD + 1),
    }
    return render(request, "indicators/targets.html", context)


@staff_required
def edit_targets(request: HttpRequest, year: int, code: str) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("operational_objective"), code=code)
    lines = achieved_for(action, _checked_year(year))
    form = TargetsForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        set_targets(action, year, form.values())
        messages.success(request, f"Cibles {year} de l’action {action.code} enregistrées.")
        return redirect(reverse("indicators:targets", args=[year]) + f"#action-{action.pk}")
    return render(
        request, "indicators/edit_targets.html", {"year": year, "action": action, "form": form}
    )
