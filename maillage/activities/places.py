"""Where an activity takes place, as staff pick it: a place the hub already used, or an
establishment of the directory that hosts it (found by its name or its SIRET)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from maillage.activities.models import Activity
from maillage.directory.models import Establishment

KNOWN_PLACES = 30
SUGGESTIONS = 8
SIRET = re.compile(r"(?<!\d)\d{14}(?!\d)")


def known_places() -> list[tuple[str, str]]:
    """The places of the hub's recent activities, as « commune id|address » choices."""
    rows = (
        Activity.objects.exclude(address="")
        .filter(organised_by_hub=True)
        .order_by("-starts_at")
        .values_list("address", "commune_id", "commune__name")
    )
    places: dict[str, str] = {}
    for address, commune_id, commune_name in rows[: KNOWN_PLACES * 5]:
        key = f"{commune_id or ''}|{address}"
        places.setdefault(key, ", ".join(part for part in (address, commune_name) if part))
    return list(places.items())[:KNOWN_PLACES]


def _hosts():
    return Establishment.objects.open().filter(siret__isnull=False).exclude(siret="")


def host_suggestions(query: str) -> list[Establishment]:
    hosts = _hosts().matching(query).select_related("commune", "legal_unit")
    return list(hosts.order_by("sort_name", "pk")[:SUGGESTIONS])


def host_address(host: Establishment) -> str:
    return ", ".join(part for part in (host.display_name, host.street) if part)


def host_choice(host: Establishment) -> str:
    """What the host field holds once chosen: « Ressourcerie du Pays – SIRET 123… »."""
    return f"{host.display_name} – SIRET {host.siret}"


def host_label(host: Establishment) -> str:
    """« Ressourcerie du Pays – 3 rue de la Gare, Sainte-Commune (SIRET 123…) »."""
    commune = host.commune.name if host.commune else host.city_name
    place = ", ".join(part for part in (host.street, commune) if part)
    return f"{host.display_name} – {place} (SIRET {host.siret})"


def find_host(text: str) -> Establishment:
    """The open establishment whose SIRET `text` holds, or the only one matching its words."""
    siret = SIRET.search(text.replace(" ", ""))
    if siret:
        host = _hosts().filter(siret=siret.group()).select_related("commune", "legal_unit").first()
        if host is None:
            raise ValidationError("Aucun établissement ouvert de l’annuaire n’a ce SIRET.")
        return host
    found = host_suggestions(text)
    if not found:
        raise ValidationError("Aucune structure de l’annuaire ne correspond à ce nom.")
    if len(found) > 1:
        raise ValidationError(
            "Plusieurs structures correspondent : choisissez-en une dans la liste "
            "ou indiquez son SIRET."
        )
    return found[0]
