"""Create and edit a year's membership of an organisation or a person."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from maillage.core.form_tokens import first_save
from maillage.directory.models import LegalUnit
from maillage.network.memberships.enums import MemberKind, MembershipStatus
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.hub_members import sync_hub_member_flags
from maillage.network.memberships.models import DuesRate, Membership
from maillage.network.people.models import Person


@dataclass(frozen=True)
class Terms:
    """What staff choose for a membership: year, college and category, dues."""

    year: int
    rate: DuesRate
    dues_amount: Decimal | None = None  # None: the category's default dues

    @property
    def amount(self) -> Decimal:
        return self.rate.amount if self.dues_amount is None else self.dues_amount


def enrol(
    terms: Terms, *, legal_unit: LegalUnit | None = None, person: Person | None = None
) -> Membership:
    """Create the membership; refused when the member already has one that year."""
    _check_kind(terms, person is not None)
    membership = Membership(legal_unit=legal_unit, person=person)
    _apply(membership, terms)
    if not first_save(membership):  # the year's unique constraint: a double submit or another hand
        raise MembershipError(_already(membership.member_name, terms.year))
    sync_hub_member_flags([membership.legal_unit_id])
    return membership


def amend(membership: Membership, terms: Terms) -> Membership:
    """Change year, college, category or dues; a paid membership keeps what its receipt says."""
    _check_kind(terms, membership.person_id is not None)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status == MembershipStatus.PAID and terms.year != membership.year:
            raise MembershipError(
                "L’année d’une adhésion payée ne change plus : son reçu est émis."
            )
        _apply(membership, terms)
        if not first_save(membership):
            raise MembershipError(_already(membership.member_name, terms.year))
    sync_hub_member_flags([membership.legal_unit_id])
    return membership


def _apply(membership: Membership, terms: Terms) -> None:
    membership.year = terms.year
    membership.college = terms.rate.college
    membership.category = terms.rate.name
    membership.dues_amount = terms.amount


def _check_kind(terms: Terms, is_person: bool) -> None:
    college = terms.rate.college
    if is_person and college.member_kind != MemberKind.PERSON:
        raise MembershipError(f"« {college.name} » n’accueille que des structures.")
    if not is_person and college.member_kind == MemberKind.PERSON:
        raise MembershipError(f"« {college.name} » n’accueille que des personnes.")


def _already(name: str, year: int) -> str:
    return (
        f"« {name} » a déjà une adhésion pour {year} : modifiez-la plutôt que d’en créer une autre."
    )
