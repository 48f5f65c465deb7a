"""The territory's support offer as fictitious services of fictitious partner organisations.

Modelled on the partners the hub's plan names (objective 2b: BGE, CCI, CMA, Elan Créateur, the
attractiveness agency, the hub itself), but every organisation is fictitious: names say
« fictif/fictive », SIREN in the directory demo's 99… range (9999000x, far above its entries),
`source_ref = "demo:services:<key>"`, `@exemple.invalid` addresses and ARCEP's fiction phone
numbers. Idempotent: a second call creates nothing. Call it after the directory's demo and the
demo accounts: the demo partner (partenaire@demo.maillage.test) then represents the
« Coopérative fictive d’accompagnement » through an approved claim and edits its services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from maillage.core import demo
from maillage.core.demo import today as demo_day
from maillage.directory.demo import DemoUnavailable, luhn_complete, of_place
from maillage.directory.enums import ClaimStatus, EssFamily, Visibility
from maillage.directory.models import Claim, Establishment, LegalUnit
from maillage.directory.nomenclatures import naf_section
from maillage.support.services.enums import ServiceStatus
from maillage.support.services.models import Service
from maillage.territory.queries import current_territory

DEMO_PARTNER_EMAIL = "partenaire@demo.maillage.test"
PARTNER_PROVIDER = "cae"


@dataclass(frozen=True)
class Provider:
    key: str
    name: str  # "{place}" is replaced by « du Pays de Redon »-like words
    family: str
    legal_category: str
    naf_code: str
    member: bool = False


PROVIDERS = (
    Provider("bge", "Boutique de gestion fictive {place}", EssFamily.ASSOCIATION, "9220", "70.22Z"),
    Provider("cci", "Chambre de commerce fictive {place}", "", "7381", "94.11Z"),
    Provider("cma", "Chambre de métiers fictive {place}", "", "7382", "94.11Z"),
    Provider(
        "cae", "Coopérative fictive d’accompagnement", EssFamily.COOPERATIVE, "5460", "70.22Z"
    ),
    Provider(
        "agence", "Agence d’attractivité fictive {place}", EssFamily.ASSOCIATION, "9220", "84.13Z"
    ),
    Provider("pole", "Pôle ESS fictif {place}", EssFamily.ASSOCIATION, "9220", "94.99Z", True),
)

DEMO_FILE = Path(__file__).parent / "data" / "demo-services.yaml"
# What a demo service has unless its entry in the file says otherwise.
DEFAULTS = {
    "publics": ["tous-publics"],
    "fee": "gratuit",
    "contact_modes": ["telephoner", "envoyer-un-courriel"],
    "reception_modes": ["en-presentiel"],
    "contact_by": ["usagers", "professionnels"],
    "status": ServiceStatus.PUBLISHED,
    "area": "territory",  # its EPCI; "centre": the three largest communes
}


def demo_services() -> list[dict]:
    entries = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    return [{**DEFAULTS, **entry} for entry in entries]


# Territory names that take « du » (« Pôle ESS fictif du Pays de Redon »).
MASCULINE_FIRST_WORDS = {"Pays", "Val", "Bassin", "Grand", "Territoire", "Centre"}


def of_territory(name: str) -> str:
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.split(" ", 1)[0] in MASCULINE_FIRST_WORDS:
        return f"du {name}"
    return of_place(name)


def _territory():
    territory = current_territory()
    if territory is None or not territory.communes.exists():
        raise DemoUnavailable("Chargez d’abord le territoire (manage.py load_hub).")
    return territory


def _provider(index: int, provider: Provider, territory, seat) -> LegalUnit:
    siren = luhn_complete(f"9999000{index}")
    unit = LegalUnit.objects.filter(siren=siren).first()
    if unit is not None:
        return unit
    unit = LegalUnit.objects.create(
        siren=siren,
        name=provider.name.format(place=of_territory(territory.name)),
        legal_category=provider.legal_category,
        naf_code=provider.naf_code,
        naf_nomenclature="NAFRev2",
        ess_family=provider.family,
        is_hub_member=provider.member,
        created_on=demo_day() - timedelta(days=3650 + 365 * index),
    )
    site = Establishment.objects.create(
        legal_unit=unit,
        siret=luhn_complete(f"{siren}0001"),
        naf_code=provider.naf_code,
        naf_section=naf_section(provider.naf_code),
        description="Structure fictive de démonstration : elle accompagne les porteurs de projet.",
        is_head_office=True,
        commune=seat,
        city_name=seat.name,
        commune_code=seat.code,
        postcode=(seat.postcodes or [""])[0],
        email=f"contact-{provider.key}@exemple.invalid",
        phone=f"01 99 00 10 {index:02d}",
        contacts_public=True,
        visibility=Visibility.PUBLIC,
        source_ref=f"demo:services:{provider.key}",
        last_confirmed_on=demo_day(),
    )
    demo.mark(unit, site)
    return unit


def _area(service: Service, area: str, territory) -> None:
    communes = territory.communes.all()
    if area == "centre":
        service.communes.set(communes.order_by("-population", "code")[:3])
    else:
        service.epcis.set({c.epci_id for c in communes if c.epci_id})
        if not service.epcis.exists():
            service.departements.set({c.departement_id for c in communes})


def _service(spec: dict, unit: LegalUnit, index: int, territory) -> Service | None:
    spec = dict(spec)
    if Service.objects.filter(provider=unit, name=spec["name"]).exists():
        return None
    del spec["provider"]
    area = spec.pop("area")
    service = Service.objects.create(
        provider=unit,
        contact_name="Accueil (fictif)",
        email=f"services-{index}@exemple.invalid",
        phone=f"02 99 00 20 {index:02d}",
        contacts_public=True,
        **spec,
    )
    _area(service, area, territory)
    demo.mark(service)
    # A stable « mis à jour le », spread over the months before the demonstration's day.
    day = demo_day() - timedelta(days=12 * index)
    moment = timezone.make_aware(datetime.combine(day, time(10)))
    Service.objects.filter(pk=service.pk).update(updated_at=moment, created_at=moment)
    return service


def _link_demo_partner(unit: LegalUnit) -> None:
    partner = get_user_model().objects.filter(email=DEMO_PARTNER_EMAIL).first()
    if partner is None or Claim.objects.filter(user=partner, legal_unit=unit).exists():
        return
    claim = Claim.objects.create(
        user=partner,
        legal_unit=unit,
        role="Chargée d’accompagnement (fictive)",
        status=ClaimStatus.APPROVED,
        decided_at=timezone.make_aware(datetime.combine(demo_day(), time(9))),
    )
    demo.mark(claim)


@transaction.atomic
def create_demo_services() -> int:
    """Create the missing demonstration providers and services; return the services created."""
    territory = _territory()
    seat = territory.communes.order_by("-population", "code").first()
    units = {
        provider.key: _provider(index, provider, territory, seat)
        for index, provider in enumerate(PROVIDERS, start=1)
    }
    created = sum(
        _service(spec, units[spec["provider"]], index, territory) is not None
        for index, spec in enumerate(demo_services(), start=1)
    )
    _link_demo_partner(units[PARTNER_PROVIDER])
    return created
