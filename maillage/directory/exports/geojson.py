"""The full GeoJSON export (RFC 7946): one Point feature per located public organisation, its page
link absolute and its phone number in E.164 (« +33299… »), as programs read them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from maillage.core.phones import e164
from maillage.core.site import site_url

_DUMPS = {"ensure_ascii": False, "separators": (",", ":")}


def feature(record: dict[str, Any], site: str) -> dict[str, Any]:
    """`site`: the site's address (`site_url()`, read once per file)."""
    properties = {k: v for k, v in record.items() if k not in ("longitude", "latitude")}
    properties["url"] = site + record["url"]
    if record["telephone"]:
        properties["telephone"] = e164(record["telephone"])
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
        "properties": properties,
    }


def feature_collection_text(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The FeatureCollection of located public records, as text chunks."""
    yield '{"type":"FeatureCollection","features":['
    separator, site = "", site_url()
    for record in records:
        yield separator + json.dumps(feature(record, site), **_DUMPS)
        separator = ","
    yield "]}"
