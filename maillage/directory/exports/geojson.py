"""The full GeoJSON export (RFC 7946): one Point feature per located public organisation, its page
link absolute and its phone number in E.164 (« +33299… »), as programs read them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from maillage.core.phones import e164
from maillage.core.site import absolute_url
from maillage.directory.exports.public import iter_public_records
from maillage.directory.models import Establishment

_DUMPS = {"ensure_ascii": False, "separators": (",", ":")}


def feature(record: dict[str, Any]) -> dict[str, Any]:
    properties = {k: v for k, v in record.items() if k not in ("longitude", "latitude")}
    properties |= {"url": absolute_url(record["url"]), "telephone": e164(record["telephone"])}
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
        "properties": properties,
    }


def stream_feature_collection(queryset: QuerySet[Establishment]) -> Iterator[str]:
    """The FeatureCollection as text chunks, read by keyset chunks: flat memory."""
    return feature_collection_text(iter_public_records(queryset.located()))


def feature_collection_text(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The FeatureCollection of located public records, as text chunks."""
    yield '{"type":"FeatureCollection","features":['
    separator = ""
    for record in records:
        yield separator + json.dumps(feature(record), **_DUMPS)
        separator = ","
    yield "]}"
