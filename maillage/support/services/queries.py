"""What other apps read of the partners' service offer: what waits for the staff's validation,
what an organisation offers (for its directory page and map card)."""

from __future__ import annotations

from maillage.directory.models import LegalUnit
from maillage.directory.related import RelatedItem, RelatedSection
from maillage.support.services.models import Service


def awaiting_validation_count() -> int:
    """Services (new ones, or partners' revisions of published ones) staff have to validate."""
    return Service.objects.awaiting_validation().count()


def offered_by(unit: LegalUnit, limit: int) -> RelatedSection:
    """The published services of `unit`, as the public sees them (never a pending revision)."""
    services = Service.objects.on_offer().originals().of_providers([unit]).order_by("name")
    items = [
        RelatedItem(service.name, service.get_absolute_url(), _kind(service))
        for service in services[:limit]
    ]
    return RelatedSection("services", "Services proposés", items)


def _kind(service: Service) -> str:
    return service.get_kind_display() if service.kind else ""
