"""The one public representation of a need: what the JSON export, the map and any other public
output say of it. Only public, confirmed, unmerged needs ever reach it; no person is named, no
support case shown."""

from __future__ import annotations

from collections import Counter
from typing import Any

from maillage.core.french import plural
from maillage.core.site import absolute_url
from maillage.needs.models import Need, NeedQuerySet
from maillage.territory.geojson import feature


def public_needs() -> NeedQuerySet:
    return (
        Need.objects.public()
        .with_counts()
        .prefetch_related("themes", "communes", "response_services", "response_activities")
        .order_by("-created_at", "-pk")
    )


def as_public(need: Need) -> dict[str, Any]:
    return {
        "numero": need.pk,
        "titre": need.title,
        "description": need.description,
        "etape": need.get_status_display(),
        "origine": need.get_expressed_by_display(),
        "themes": [theme.name for theme in need.themes.all()],
        "communes": [{"code": c.code, "nom": c.name} for c in need.communes.all()],
        "soutiens": getattr(need, "support_count", None),
        "reponse": need.response_summary,
        "exprime_le": need.created_at.date().isoformat(),
        "etape_depuis": need.status_changed_on.isoformat(),
        "adresse": absolute_url(need.get_absolute_url()),
    }


def map_features(needs: NeedQuerySet) -> dict[str, Any]:
    """The communes of these needs as GeoJSON, each saying how many needs it has."""
    counts: Counter[int] = Counter()
    communes = {}
    for need in needs:
        for commune in need.communes.all():
            counts[commune.pk] += 1
            communes[commune.pk] = commune
    features = []
    for pk, count in counts.items():
        item = feature(communes[pk])
        name = item["properties"]["nom"]
        item["properties"]["commune"] = name
        item["properties"]["besoins"] = count
        item["properties"]["nom"] = f"{name} : {plural(count, 'besoin', 'besoins')}"
        features.append(item)
    return {"type": "FeatureCollection", "features": features}
