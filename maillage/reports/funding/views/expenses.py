"""The staff's page of the year's expenses by plan action (what the report sets beside income)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.reports.funding.forms import ExpensesForm
from maillage.reports.funding.spending import expenses_of_year, plan_actions, set_expenses

# Years whose expenses staff may write: the accounts of the last few years.
YEARS_BACK = 5


def _checked_year(year: int) -> int:
    current = timezone.localdate().year
    if not current - YEARS_BACK <= year <= current:
        raise Http404("Année hors de la période des dépenses.")
    return year


@staff_required
def expenses_now(request: HttpRequest) -> HttpResponse:
    return redirect("funding:expenses", year=timezone.localdate().year)


@staff_required
def expenses(request: HttpRequest, year: int) -> HttpResponse:
    actions = plan_actions()
    form = ExpensesForm(
        request.POST or None, actions=actions, initial_amounts=expenses_of_year(_checked_year(year))
    )
    if request.method == "POST" and form.is_valid():
        set_expenses(year, form.amounts())
        messages.success(request, f"Dépenses {year} des actions enregistrées.")
        return redirect("funding:expenses", year=year)
    for action in actions:
        action.expense_field = form[ExpensesForm.name_of(action.pk)]  # type: ignore[attr-defined]
    current = timezone.localdate().year
    context = {
        "year": year,
        "actions": actions,
        "form": form,
        "years": range(current - YEARS_BACK, current + 1),
    }
    return render(request, "funding/expenses.html", context, status=400 if form.errors else 200)
