"""The offer in the data·inclusion « service » format (schema v1), as JSON rows or CSV.

Only services on offer (published, of an organisation shown publicly); the contact person,
e-mail and phone only where the provider chose to publish them. `source` and `structure_id` are
those of the directory's structures export, so that the two files join; phone numbers are E.164
in JSON, national (« 02 99 … ») in the CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from django.db.models import OuterRef, QuerySet, Subquery

from maillage.core.csv_safety import escape_row
from maillage.core.phones import e164, national
from maillage.directory.enums import Visibility
from maillage.directory.exports.data_inclusion import source_id
from maillage.directory.exports.data_inclusion import structure_id as directory_structure_id
from maillage.directory.models import Establishment
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


def with_structure(services: QuerySet[Service]) -> QuerySet[Service]:
    """Each service with the provider's entry in the structures export: its head office if
    listed, else its first listed establishment, else its first public one."""
    sites = Establishment.objects.filter(legal_unit=OuterRef("provider"), is_open=True)
    sites = sites.order_by("-is_head_office", "pk")
    listed = sites.published().values("pk")[:1]
    public = sites.filter(visibility=Visibility.PUBLIC).values("pk")[:1]
    return services.annotate(listed_pk=Subquery(listed), public_pk=Subquery(public))


def structure_id(service: Service) -> str:
    pk = getattr(service, "listed_pk", None) or getattr(service, "public_pk", None)
    return directory_structure_id(pk) if pk else f"{source_id()}--unite-{service.provider_id}"


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
    source = source_id()
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
        "telephone": (e164(service.phone) or None) if public else None,
        "zone_eligibilite": zone(service),
        "lien_source": url_of(service),
        "date_maj": service.updated_at.date().isoformat(),
    }


def rows(url_of: Callable[[Service], str]) -> list[dict]:
    services = with_structure(Service.objects.on_offer().with_area())
    return [row(service, url_of) for service in services]


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
        item = item | {"telephone": national(item["telephone"]) if item["telephone"] else None}
        writer.writerow(escape_row(_cell(item[name]) for name in COLUMNS))
    return out.getvalue()
