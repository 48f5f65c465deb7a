"""schema.org description of a published establishment, for search engines (JSON-LD).

Only what the public page shows: the contacts appear only when the organisation published them.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from maillage.directory.enums import EssFamily
from maillage.directory.models import Establishment

# As django.utils.html.json_script: the JSON cannot close the <script> element it sits in.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_of(site: Establishment, url: str) -> dict[str, Any]:
    unit = site.legal_unit
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NGO" if unit.ess_family == EssFamily.ASSOCIATION else "Organization",
        "name": site.display_name,
        "legalName": unit.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": site.street,
            "postalCode": site.postcode,
            "addressLocality": site.commune.name if site.commune_id else site.city_name,
            "addressCountry": "FR",
        },
    }
    if unit.siren:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "SIREN", "value": unit.siren}
    if site.website:
        data["sameAs"] = site.website
    if site.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": site.latitude,
            "longitude": site.longitude,
        }
    if site.contacts_public:
        if site.email:
            data["email"] = site.email
        if site.phone:
            data["telephone"] = site.phone
    return data


def json_ld_script_body(data: dict[str, Any]) -> SafeString:
    """The JSON text, safe to put between <script type="application/ld+json"> tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))
