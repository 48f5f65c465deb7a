"""Who may edit which services: the representatives of the provider, and the hub's staff."""

from __future__ import annotations

from django.db.models import QuerySet

from maillage.accounts.models import AnyUser, User
from maillage.directory.enums import ClaimStatus
from maillage.directory.models import LegalUnit
from maillage.directory.models.organisations import LegalUnitQuerySet
from maillage.support.services.models import Service, ServiceQuerySet


def represented_units(user: AnyUser) -> LegalUnitQuerySet:
    """The organisations whose claim by `user` staff approved (members and partners only)."""
    if not (isinstance(user, User) and (user.has_member_account or user.is_partner)):
        return LegalUnit.objects.none()
    return LegalUnit.objects.represented_by(user)


def represents_a_provider(user: AnyUser) -> bool:
    return represented_units(user).exists()


def editable_by_representative(user: AnyUser) -> ServiceQuerySet:
    """Services (not revisions) of the organisations `user` represents."""
    return Service.objects.originals().of_providers(represented_units(user))


def representatives_of(provider: LegalUnit) -> QuerySet[User]:
    """Active accounts that represent `provider`, to tell them about a decision."""
    accounts: QuerySet[User] = User.objects.active().filter(
        directory_claims__legal_unit=provider, directory_claims__status=ClaimStatus.APPROVED
    )
    return accounts
