"""Address completion for staff and representatives: our server asks the Base Adresse
Nationale, so the browser talks to this site only (CSP) and the service's address can change."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from maillage.directory.geocoding.client import BanClient, GeocoderUnavailable

MIN_LENGTH = 3
TIMEOUT_SECONDS = 3  # a suggestion later than this is no help to someone typing


@require_GET
def address_suggestions(request):
    query = request.GET.get("q", "").strip()[:200]
    if len(query) < MIN_LENGTH:
        return JsonResponse({"suggestions": []})
    try:
        found = BanClient(timeout=TIMEOUT_SECONDS).search(query, limit=5)
    except GeocoderUnavailable:
        message = "Les suggestions d’adresses sont indisponibles pour le moment."
        return JsonResponse({"suggestions": [], "message": message}, status=503)
    fields = ("label", "name", "postcode", "city")
    return JsonResponse({"suggestions": [{key: s[key] for key in fields} for s in found]})
