from itertools import groupby

from django.contrib.auth.decorators import login_not_required
from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from maillage.core.collation import by_name
from maillage.core.map_tiles import allow_tiles, configured_tiles
from maillage.territory.geojson import feature_collection
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory


@login_not_required
@require_safe
@allow_tiles
def overview(request):
    territory = current_territory()
    communes = Commune.objects.none()
    if territory is not None:
        communes = (
            Commune.objects.in_territory(territory)
            .select_related("departement")
            .order_by("departement__code", by_name(), "code")
        )
    return render(
        request,
        "territory/overview.html",
        {
            "territory": territory,
            "communes": communes,
            "by_departement": _by_departement(communes),
            "total_population": communes.aggregate(total=Sum("population"))["total"] or 0,
            "tiles": configured_tiles(),
        },
    )


@login_not_required
@require_safe
def communes_geojson(request):
    territory = current_territory()
    communes = Commune.objects.none()
    if territory is not None:
        communes = Commune.objects.in_territory(territory).order_by("code")
    return JsonResponse(
        feature_collection(communes),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


def _by_departement(communes):
    groups = []
    for departement, members in groupby(communes, key=lambda c: c.departement):
        members = list(members)
        population = sum(c.population or 0 for c in members)
        groups.append({"departement": departement, "communes": members, "population": population})
    return groups
