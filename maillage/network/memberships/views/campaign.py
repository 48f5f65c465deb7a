"""The renewal campaign: who has not renewed yet, and a button that reminds them once."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core.french import plural
from maillage.network.memberships.filters import YEAR_MAX, YEAR_MIN
from maillage.network.memberships.renewal import not_renewed, queue_reminders
from maillage.network.memberships.views.common import bad_request


class BadYear(ValueError):
    pass


def _year(value: str | None) -> int:
    if not value:
        return timezone.localdate().year
    if not value.isdigit() or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise BadYear("L’année doit être un nombre comme 2026.")
    return int(value)


@staff_required
def renewal_page(request):
    try:
        year = _year(request.GET.get("annee"))
    except BadYear as error:
        return bad_request(request, str(error))
    members = (
        not_renewed(year)
        .with_member()
        .prefetch_related("renewal_reminders")
        .order_by("college__order", "legal_unit__name", "person__last_name")
    )
    rows = [(membership, _reminder_of(membership, year)) for membership in members]
    context = {"year": year, "rows": rows, "reminded": sum(1 for _, r in rows if r)}
    return render(request, "memberships/staff/renewal.html", context)


def _reminder_of(membership, year: int):
    return next((r for r in membership.renewal_reminders.all() if r.year == year), None)


@staff_required
@require_POST
def send_reminders(request):
    try:
        year = _year(request.POST.get("annee"))
    except BadYear as error:
        return bad_request(request, str(error))
    result = queue_reminders(year)
    if result.queued:
        messages.success(
            request, f"{plural(result.queued, 'relance mise', 'relances mises')} en file d’envoi."
        )
    else:
        messages.success(
            request, "Aucune nouvelle relance : chaque adhérent à relancer l’a déjà été."
        )
    if result.without_address:
        names = ", ".join(f"« {name} »" for name in result.without_address)
        messages.warning(request, f"Sans adresse e-mail connue, à contacter autrement : {names}.")
    return redirect(f"{reverse('memberships:renewal')}?annee={year}")
