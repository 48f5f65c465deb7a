"""Staff pages of the ESS family: the « à vérifier » queue and the decision on one unit."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from maillage.accounts.permissions import staff_required
from maillage.directory import families
from maillage.directory.models import LegalUnit
from maillage.directory.stewardship import family_decisions
from maillage.directory.stewardship.errors import StewardshipError
from maillage.directory.stewardship.forms import FamilyDecisionForm

PAGE_SIZE = 50


@staff_required
def review_list(request):
    """Units the rule cannot settle, with its reason; then the families staff decided."""
    pending = LegalUnit.objects.needing_review().order_by("name", "pk")
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    decided = LegalUnit.objects.family_decided().select_related("family_decided_by")
    decided = decided.order_by("-family_decided_at", "pk")[:PAGE_SIZE]
    return render(
        request,
        "directory/staff/review.html",
        {"page": page, "decided": [(unit, unit.has_override) for unit in decided]},
    )


@staff_required
def family_decision(request, pk: int):
    unit = get_object_or_404(LegalUnit.objects.select_related("family_decided_by"), pk=pk)
    initial = {"family": unit.decided_family, "reason": unit.family_decision_reason}
    form = FamilyDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        try:
            if "withdraw" in request.POST:
                family_decisions.withdraw(unit, request.user)
                messages.success(request, "Décision retirée : la règle s’applique de nouveau.")
                return redirect("directory:staff_review")
            if form.is_valid():
                data = form.cleaned_data
                family_decisions.decide(unit, data["family"], data["reason"], request.user)
                messages.success(request, f"Famille de « {unit.name} » enregistrée.")
                return redirect("directory:staff_review")
        except StewardshipError as error:
            messages.error(request, str(error))
    context = {
        "unit": unit,
        "form": form,
        "rule": families.rule(unit, family_decisions.signs_of(unit)),
        "sites": unit.establishments.select_related("commune")[:20],
    }
    return render(request, "directory/staff/family.html", context)
