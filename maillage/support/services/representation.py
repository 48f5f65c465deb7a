"""Who may edit which services: the representatives of the provider, and the hub's staff."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim, LegalUnit
from maillage.support.services.models import Service, ServiceQuerySet


def represented_units(user):
    """The organisations whose claim by `user` staff approved (members and partners only)."""
    if not (user.is_authenticated and (user.is_member or user.is_partner)):
        return LegalUnit.objects.none()
    claimed = Claim.objects.filter(user=user, status=ClaimStatus.APPROVED).values("legal_unit")
    return LegalUnit.objects.filter(pk__in=claimed)


def represents_a_provider(user) -> bool:
    return represented_units(user).exists()


def editable_by_representative(user) -> ServiceQuerySet:
    """Services (not revisions) of the organisations `user` represents."""
    return Service.objects.originals().of_providers(represented_units(user))


def representatives_of(provider: LegalUnit):
    """Active accounts that represent `provider`, to tell them about a decision."""
    return (
        get_user_model()
        .objects.active()
        .filter(
            directory_claims__legal_unit=provider, directory_claims__status=ClaimStatus.APPROVED
        )
    )
