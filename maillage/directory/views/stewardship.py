"""What a representative does: claim an organisation, edit its entries, confirm they are right."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.enums import Role
from maillage.accounts.permissions import role_required
from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim, Establishment
from maillage.directory.stewardship import claims, editing
from maillage.directory.stewardship.errors import StewardshipError
from maillage.directory.stewardship.forms import ClaimForm, EntryForm

representatives = role_required(Role.MEMBER, Role.PARTNER)


@representatives
def claim(request, pk: int):
    site = get_object_or_404(Establishment.objects.published().select_related("legal_unit"), pk=pk)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claims.submit_claim(request.user, site, **form.cleaned_data)
        except StewardshipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, "Demande envoyée : l’équipe du pôle vous répondra par courriel."
            )
        return redirect("space:directory:my_organisations")
    return render(request, "directory/space/claim.html", {"site": site, "form": form})


@representatives
def my_organisations(request):
    user_claims = Claim.objects.filter(user=request.user).select_related("legal_unit")
    sites = (
        Establishment.objects.represented_by(request.user)
        .select_related("legal_unit", "commune")
        .order_by("legal_unit__name", "pk")
    )
    return render(
        request,
        "directory/space/my_organisations.html",
        {"claims": user_claims, "sites": sites, "approved": ClaimStatus.APPROVED},
    )


@representatives
def edit_entry(request, pk: int):
    site = get_object_or_404(Establishment.objects.represented_by(request.user), pk=pk)
    form = EntryForm(request.POST or None, request.FILES or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            editing.propose_edit(request.user, site, form.wanted())
        except StewardshipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Modifications envoyées : l’équipe les validera bientôt.")
        return redirect("space:directory:my_organisations")
    return render(request, "directory/space/edit_entry.html", {"site": site, "form": form})


@require_POST
@representatives
def confirm_entry(request, pk: int):
    site = get_object_or_404(Establishment.objects.represented_by(request.user), pk=pk)
    editing.confirm_entry(site)
    messages.success(request, f"Merci : la fiche « {site.display_name} » est confirmée.")
    return redirect("space:directory:my_organisations")
