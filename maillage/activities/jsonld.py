"""schema.org Event data for an activity page, as JSON safe to embed in a <script> element.

Built from the public view: the page is public, so is everything in its JSON-LD."""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

from maillage.activities.public import ActivityView
from maillage.core.site import absolute_url
from maillage.hub import current_hub

ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _location(activity: ActivityView) -> list[dict]:
    places = []
    if activity.place:
        address = {"@type": "PostalAddress", "streetAddress": activity.address}
        if activity.commune_name:
            address["addressLocality"] = activity.commune_name
        places.append(
            {
                "@type": "Place",
                "name": activity.address or activity.commune_name,
                "address": address,
            }
        )
    if activity.takes_place_online:
        # Without the link, the page itself is where one learns how to join (by registering).
        url = activity.online_url or absolute_url(activity.path)
        places.append({"@type": "VirtualLocation", "url": url})
    return places


def event_data(activity: ActivityView) -> dict:
    hub = current_hub().identity
    organisers = (
        [{"@type": "Organization", "name": hub.full_name}] if activity.organised_by_hub else []
    )
    organisers += [{"@type": "Organization", "name": name} for name in activity.organisers]
    places = _location(activity)
    if activity.takes_place_online and len(places) == 1:
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
        "url": absolute_url(activity.path),
        "inLanguage": "fr",
        "isAccessibleForFree": activity.is_free,
        "offers": {
            "@type": "Offer",
            "price": str(activity.price),
            "priceCurrency": "EUR",
            "url": absolute_url(activity.path),
        },
    }
    if activity.capacity is not None:
        data["maximumAttendeeCapacity"] = activity.capacity
    return data


def event_json(activity: ActivityView) -> SafeString:
    text = json.dumps(event_data(activity), ensure_ascii=False).translate(ESCAPES)
    return mark_safe(text)  # <, > and & are escaped: the text cannot close the script element
