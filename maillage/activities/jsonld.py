"""schema.org Event data for an activity page, as JSON safe to embed in a <script> element."""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

from maillage.activities.models import Activity
from maillage.activities.site import absolute_url
from maillage.hub import current_hub

ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _location(activity: Activity) -> list[dict]:
    places = []
    if activity.address or activity.commune:
        address = {"@type": "PostalAddress", "streetAddress": activity.address}
        if activity.commune:
            address["addressLocality"] = activity.commune.name
        places.append(
            {
                "@type": "Place",
                "name": activity.address or activity.commune.name,
                "address": address,
            }
        )
    if activity.online_url:
        places.append({"@type": "VirtualLocation", "url": activity.online_url})
    return places


def event_data(activity: Activity) -> dict:
    hub = current_hub().identity
    organisers = (
        [{"@type": "Organization", "name": hub.full_name}] if activity.organised_by_hub else []
    )
    organisers += [
        {"@type": "Organization", "name": unit.name} for unit in activity.organisers.all()
    ]
    places = _location(activity)
    if activity.online_url and len(places) == 1:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    elif len(places) > 1:
        mode = "https://schema.org/MixedEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    status = "EventCancelled" if activity.is_cancelled else "EventScheduled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.description,
        "startDate": activity.starts_at.isoformat(),
        "endDate": activity.ends_at.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": mode,
        "location": places[0] if len(places) == 1 else places,
        "organizer": organisers,
        "url": absolute_url(activity.get_absolute_url()),
        "inLanguage": "fr",
        "isAccessibleForFree": activity.is_free,
        "offers": {
            "@type": "Offer",
            "price": str(activity.price),
            "priceCurrency": "EUR",
            "url": absolute_url(activity.get_absolute_url()),
        },
    }
    if activity.capacity is not None:
        data["maximumAttendeeCapacity"] = activity.capacity
    return data


def event_json(activity: Activity) -> SafeString:
    text = json.dumps(event_data(activity), ensure_ascii=False).translate(ESCAPES)
    return mark_safe(text)  # <, > and & are escaped: the text cannot close the script element
