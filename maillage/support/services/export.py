"""The offer in the data·inclusion « service » format (schema v1), as JSON rows or CSV.

Only services on offer (published, of an organisation shown publicly); the contact person,
e-mail and phone only where the provider chose to publish them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from django.utils.text import slugify

from maillage.core.csv_safety import escape_row
from maillage.hub import current_hub
from maillage.support.services.models import Service

COLUMNS = (
    "source",
    "structure_id",
    "id",
    "nom",
    "description",
    "type",
    "thematiques",
    "publics",
    "publics_precisions",
    "conditions_acces",
    "frais",
    "frais_precisions",
    "modes_accueil",
    "modes_mobilisation",
    "mobilisable_par",
    "mobilisation_precisions",
    "lien_mobilisation",
    "contact_nom_prenom",
    "courriel",
    "telephone",
    "zone_eligibilite",
    "lien_source",
    "date_maj",
)


def source_name() -> str:
    return slugify(current_hub().identity.name) or "maillage"


def structure_id(service: Service) -> str:
    return service.provider.siren or f"structure-{service.provider_id}"


def _list(values: list[str]) -> list[str] | None:
    return list(values) or None


def zone(service: Service) -> list[str] | None:
    """Codes of the Code officiel géographique: communes, EPCI (SIREN), départements."""
    codes = [
        *(d.code for d in service.departements.all()),
        *(e.code for e in service.epcis.all()),
        *(c.code for c in service.communes.all()),
    ]
    return codes or None


def row(service: Service, url_of: Callable[[Service], str]) -> dict:
    public = service.contacts_public
    source = source_name()
    return {
        "source": source,
        "structure_id": structure_id(service),
        "id": f"{source}--{service.pk}",
        "nom": service.name,
        "description": service.description,
        "type": service.kind or None,
        "thematiques": _list(service.themes),
        "publics": _list(service.publics),
        "publics_precisions": service.publics_details or None,
        "conditions_acces": service.access_conditions or None,
        "frais": service.fee or None,
        "frais_precisions": service.fee_details or None,
        "modes_accueil": _list(service.reception_modes),
        "modes_mobilisation": _list(service.contact_modes),
        "mobilisable_par": _list(service.contact_by),
        "mobilisation_precisions": service.contact_details or None,
        "lien_mobilisation": service.contact_link or None,
        "contact_nom_prenom": (service.contact_name or None) if public else None,
        "courriel": (service.email or None) if public else None,
        "telephone": (service.phone or None) if public else None,
        "zone_eligibilite": zone(service),
        "lien_source": url_of(service),
        "date_maj": service.updated_at.date().isoformat(),
    }


def rows(url_of: Callable[[Service], str]) -> list[dict]:
    return [row(service, url_of) for service in Service.objects.on_offer().with_area()]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(value)
    return str(value)


def as_csv(data: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for item in data:
        writer.writerow(escape_row(_cell(item[name]) for name in COLUMNS))
    return out.getvalue()
