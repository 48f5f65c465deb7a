"""Staff settle where an entry lies when an import or the geocoder could only guess."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.directory.enums import (
    GeocodingStatus,
    LocationCheckKind,
    LocationCheckStatus,
    Source,
)
from maillage.directory.models import Establishment, Geocoding, LocationCheck
from maillage.directory.stewardship import editing
from maillage.directory.stewardship.errors import StewardshipError


def accept(check: LocationCheck, by: User) -> LocationCheck:
    """Write the proposed commune or coordinates as the staff's own: no import undoes them."""
    with transaction.atomic():
        check = _locked_pending(check)
        site = Establishment.objects.select_for_update().get(pk=check.establishment_id)
        editing.apply_changes(site, _changes(check), Source.STAFF, by)
        if check.kind == LocationCheckKind.ADDRESS:
            Geocoding.objects.filter(establishment=site).update(status=GeocodingStatus.PLACED)
        _decide(check, LocationCheckStatus.ACCEPTED, by)
    return check


def refuse(check: LocationCheck, by: User) -> LocationCheck:
    with transaction.atomic():
        check = _locked_pending(check)
        _decide(check, LocationCheckStatus.REFUSED, by)
    return check


def _changes(check: LocationCheck) -> dict[str, Any]:
    if check.kind == LocationCheckKind.COMMUNE:
        assert check.commune is not None
        return {"commune_id": check.commune.pk, "commune_code": check.commune.code}
    return {"longitude": check.longitude, "latitude": check.latitude}


def _decide(check: LocationCheck, status: LocationCheckStatus, by: User) -> None:
    check.status = status
    check.decided_by = by
    check.decided_at = timezone.now()
    check.save()


def _locked_pending(check: LocationCheck) -> LocationCheck:
    locked = (
        LocationCheck.objects.select_for_update(of=("self",))
        .select_related("commune")
        .get(pk=check.pk)
    )
    if locked.status != LocationCheckStatus.PENDING:
        raise StewardshipError("Cette question a déjà été tranchée.")
    return locked
