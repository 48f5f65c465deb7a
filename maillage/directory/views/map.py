"""The map of the directory: a page, and the points of the visible area as GeoJSON."""

import hashlib
import json

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from maillage.core.demo import has_demo
from maillage.core.filter_forms import FilterRefused
from maillage.core.map_tiles import allow_tiles, configured_tiles
from maillage.directory.enums import DirectoryOrder
from maillage.directory.exports.card import card_of
from maillage.directory.exports.map_points import (
    MAX_FEATURES,
    InvalidViewport,
    Viewport,
    cells,
    feature_collection,
    parse_viewport,
)
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment
from maillage.directory.views.choices import filter_choices
from maillage.territory.queries import current_territory

JSON_PARAMS = {"ensure_ascii": False, "separators": (",", ":")}
# Panning back and forth asks for the same areas again: their serialised points are kept a
# short while, so an edit or a hidden entry shows on the map at most this late.
POINTS_CACHE_SECONDS = 60


def bad_request(messages: list[str]) -> JsonResponse:
    """A 400 in JSON with the French messages a visitor or a developer can act on."""
    return JsonResponse(
        {"erreur": " ".join(messages), "messages": messages},
        status=400,
        json_dumps_params=JSON_PARAMS,
    )


def list_url(query_string: str) -> str:
    path = reverse("directory:list")
    return f"{path}?{query_string}" if query_string else path


@login_not_required
@require_safe
@allow_tiles
def map_page(request):
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as error:
        context = {"errors": error.messages, "demo": False, "territory": current_territory()}
        return render(request, "directory/map.html", context, status=400)
    territory = current_territory()
    published = filters.narrow(Establishment.objects.published())
    query_string = filters.as_query_string(page=1)
    return render(
        request,
        "directory/map.html",
        {
            "errors": [],
            "filters": filters,
            "query_string": query_string,
            # The filters' disclosure opens on filters other than the legend's families.
            "refined": filters.as_query_string(page=1, families=()) != "",
            "list_url": list_url(query_string),
            "total": published.count(),
            "located": published.located().count(),
            "territory": territory,
            "tiles": configured_tiles(),
            "max_features": MAX_FEATURES,
            "demo": has_demo(Establishment),
            **filter_choices(filters, territory),
        },
    )


@login_not_required
@csrf_exempt  # read-only, part of the API: see views/api.py
@require_safe
def map_points(request):
    try:
        filters = parse_filters(request.GET)
        viewport = parse_viewport(request.GET.get("bbox"), request.GET.get("zoom"))
    except FilterRefused as error:
        return bad_request(error.messages)
    except InvalidViewport as error:
        return bad_request([str(error)])
    key = _cache_key(filters.as_query_string(page=1, order=DirectoryOrder.NAME), viewport)
    body = cache.get(key)
    if body is None:
        queryset = filters.narrow(Establishment.objects.published().located())
        # The legend's families alone: the counts kept per tile and family can serve.
        only_families = not filters.as_query_string(page=1, families=(), order=DirectoryOrder.NAME)
        families = filters.families if only_families else None
        body = json.dumps(feature_collection(cells(queryset, viewport, families)), **JSON_PARAMS)
        cache.set(key, body, POINTS_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/geo+json")


@login_not_required
@require_safe
def map_card(request, pk: int):
    """One organisation's side card on the map, as JSON (published entries only)."""
    site = Establishment.objects.published().select_related("legal_unit").filter(pk=pk).first()
    if site is None:
        return JsonResponse(
            {"erreur": "Aucune structure publiée n’a cet identifiant.", "messages": []},
            status=404,
            json_dumps_params=JSON_PARAMS,
        )
    return JsonResponse(card_of(site), json_dumps_params=JSON_PARAMS)


def _cache_key(query_string: str, viewport: Viewport) -> str:
    digest = hashlib.sha256(f"{query_string}|{viewport}".encode()).hexdigest()
    return f"directory:map-points:{digest}"
