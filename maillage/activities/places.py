"""Where an activity takes place, as staff pick it: one of the hub's places, or an establishment
of the directory that hosts it (found by its name or its SIRET), or an address and a commune."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from maillage.activities.models import Place
from maillage.directory.models import Establishment
from maillage.directory.models.organisations import EstablishmentQuerySet

SUGGESTIONS = 8
SIRET = re.compile(r"(?<!\d)\d{14}(?!\d)")


def place_choices(kept_id: int | None = None) -> QuerySet[Place]:
    """The hub's places offered in the activity form, with the one an activity already has."""
    return Place.objects.filter(Q(offered=True) | Q(pk=kept_id or 0)).select_related("commune")


def _hosts() -> EstablishmentQuerySet:
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
