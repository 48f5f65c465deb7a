"""Export to data·inclusion's « structure » schema (structure.json, shipped by data·inclusion).

Only the schema's own fields are written; contacts only when the organisation published them.
Opening hours stay out: the schema wants the OpenStreetMap opening_hours syntax, and ours are
free text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.text import slugify

from maillage.core.phones import e164
from maillage.hub import current_hub

NAME_LENGTH = (3, 150)
DESCRIPTION_LENGTH = (5, 10_000)
_DIGITS = {"siret": re.compile(r"^\d{14}$"), "code_postal": re.compile(r"^\d{5}$")}
_INSEE = re.compile(r"^\w{5}$")


def source_id() -> str:
    """The producer's identifier, e.g. « maillage-cades »."""
    return "maillage-" + (slugify(current_hub().identity.name) or "pole")


def structure_id(establishment_pk: int) -> str:
    """The structure's `id`, which the services export repeats as `structure_id` to join."""
    return f"{source_id()}--{establishment_pk}"


def structure(record: dict[str, Any], source: str, base_url: str) -> dict[str, Any]:
    return {
        "source": source,
        "id": structure_id(record["id"]),
        "nom": _name(record["nom"]),
        "date_maj": record["date_maj"],
        "siret": _matching(record["siret"], _DIGITS["siret"]),
        "commune": record["commune"] or None,
        "code_postal": _matching(record["code_postal"], _DIGITS["code_postal"]),
        "code_insee": _matching(record["code_commune"], _INSEE),
        "adresse": record["adresse"] or None,
        "complement_adresse": record["complement_adresse"] or None,
        "longitude": record["longitude"],
        "latitude": record["latitude"],
        "telephone": e164(record["telephone"]) or None,
        "courriel": record["courriel"] or None,
        "site_web": record["site_web"] or None,
        "lien_source": base_url.rstrip("/") + record["url"],
        "description": _description(record["presentation"]),
        "horaires_accueil": None,
        "accessibilite_lieu": None,
        "reseaux_porteurs": None,
    }


def _name(name: str) -> str:
    """3 to 150 characters, not ending with a full stop, as the schema asks."""
    name = name.strip()[: NAME_LENGTH[1]].rstrip(". ")
    if len(name) < NAME_LENGTH[0]:
        name = f"Structure {name}".strip()
    return name


def _description(text: str) -> str | None:
    text = text.strip()
    if len(text) < DESCRIPTION_LENGTH[0]:
        return None
    return text[: DESCRIPTION_LENGTH[1]]


def _matching(value: str, pattern: re.Pattern[str]) -> str | None:
    return value if value and pattern.match(value) else None


def structures_text(records: Iterable[dict[str, Any]], base_url: str) -> Iterator[str]:
    """A JSON array of the public records as data·inclusion structures, as text chunks."""
    source = source_id()
    separator = "["
    for record in records:
        yield separator + json.dumps(structure(record, source, base_url), ensure_ascii=False)
        separator = ","
    yield "[]" if separator == "[" else "]"
