"""A person's own memberships in their data export; kept, for the counts, on erasure."""

import pytest

from maillage.network.memberships.models import Membership
from maillage.network.people.erasure import erase
from maillage.privacy.subject_rights import export_person_record
from tests.memberships.factories import MembershipFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _memberships(export) -> list[dict]:
    return next(r["enregistrements"] for r in export["traitements"] if r["donnees"] == "adhésions")


def test_a_person_without_email_finds_each_year_of_membership_in_their_export():
    person = PersonFactory(email="")
    MembershipFactory(person=person, legal_unit=None, year=2025, paid=True)
    MembershipFactory(person=person, legal_unit=None, year=2026, waived=True)
    MembershipFactory(of_person=True, year=2026)  # someone else's

    years = [(m["année"], m["statut"]) for m in _memberships(export_person_record(person))]

    assert sorted(years) == [(2025, "Payée"), (2026, "Exonérée")]


def test_an_organisation_s_membership_is_not_in_a_person_s_export():
    person = PersonFactory()
    MembershipFactory()

    purposes = {r["donnees"] for r in export_person_record(person)["traitements"]}

    assert "adhésions" not in purposes


def test_erasure_keeps_the_membership_its_receipt_and_its_payment():
    membership = MembershipFactory(of_person=True, paid=True)

    erase(membership.person)

    kept = Membership.objects.get()
    assert (kept.year, kept.status, kept.receipt_label) == (
        membership.year,
        "paid",
        membership.receipt_label,
    )
    assert kept.person.is_erased
