"""Staff page: communes and addresses an import or the geocoder could only guess."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.directory.models import LocationCheck
from maillage.directory.stewardship import locations
from maillage.directory.stewardship.errors import StewardshipError

PAGE_SIZE = 50


@staff_required
def location_checks(request):
    pending = LocationCheck.objects.pending().select_related(
        "establishment__legal_unit", "establishment__commune", "commune"
    )
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "directory/staff/location_checks.html", {"page": page})


@require_POST
@staff_required
def decide_location_check(request, pk: int):
    check = get_object_or_404(LocationCheck, pk=pk)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            locations.accept(check, request.user)
            messages.success(request, f"Lieu confirmé pour « {check.establishment.display_name} ».")
        elif decision == "refuse":
            locations.refuse(check, request.user)
            messages.success(request, "Proposition refusée : la fiche reste telle quelle.")
        else:
            raise Http404
    except StewardshipError as error:
        messages.error(request, str(error))
    return redirect("directory:staff_location_checks")
