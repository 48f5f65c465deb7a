"""People's memberships are anonymised ten years after their year; figures and receipts stay."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from maillage.network.memberships.counts import counts_by_year_and_category
from maillage.network.memberships.models import Membership
from maillage.network.memberships.retention import purge_old_memberships
from maillage.privacy.registry import declaration_for
from maillage.privacy.subject_rights import export_person_record
from tests.memberships.factories import MembershipFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)  # not the real day: the purge must date its work by the day it is given


def _figures():
    receipts = Membership.objects.order_by("year", "receipt_number")
    return counts_by_year_and_category(Membership.objects.all()), [
        (m.year, m.receipt_label, m.college_id, m.category, m.paid_amount) for m in receipts
    ]


def _exported(person) -> list[str]:
    return [record["donnees"] for record in export_person_record(person)["traitements"]]


def _old_and_recent():
    old = MembershipFactory(
        of_person=True,
        paid=True,
        year=2015,
        receipt_number=4,
        category="Individuel",
        person__last_name="Ancienne",
    )
    kept = MembershipFactory(of_person=True, paid=True, year=2016, receipt_number=1)
    organisation = MembershipFactory(paid=True, year=2012, receipt_number=1)
    return old, kept, organisation


def test_memberships_older_than_ten_years_no_longer_name_their_person():
    old, kept, organisation = _old_and_recent()
    person = old.person
    assert "adhésions" in _exported(person)

    assert purge_old_memberships(TODAY) == 1

    old.refresh_from_db()
    assert (old.person, old.anonymised_on) == (None, TODAY)
    assert old.member_name == "Personne anonymisée"
    assert "adhésions" not in _exported(person)
    kept.refresh_from_db()
    assert kept.anonymised_on is None  # 2016 is kept until 2027
    assert kept.person is not None
    organisation.refresh_from_db()
    assert organisation.legal_unit is not None  # an organisation is not a person


def test_counts_by_year_and_receipts_are_the_same_after_the_purge():
    _old_and_recent()
    MembershipFactory(of_person=True, cancelled=True, year=2014)
    before = _figures()

    purge_old_memberships(TODAY)

    assert _figures() == before


def test_a_second_run_changes_nothing():
    old, _, _ = _old_and_recent()
    purge_old_memberships(TODAY)

    assert purge_old_memberships(date(2027, 1, 2)) == 1  # 2016 is now past ten years
    assert purge_old_memberships(date(2027, 1, 2)) == 0
    old.refresh_from_db()
    assert old.anonymised_on == TODAY


def test_the_retention_follows_the_setting(settings):
    _old_and_recent()
    settings.MEMBERSHIP_RETENTION_YEARS = 12
    assert purge_old_memberships(TODAY) == 0


def test_staff_still_print_the_receipt_of_an_anonymised_membership(client_for, staff):
    old, _, _ = _old_and_recent()
    purge_old_memberships(TODAY)

    receipt = client_for(staff).get(reverse("memberships:receipt", args=[old.pk]))
    detail = client_for(staff).get(reverse("memberships:detail", args=[old.pk]))

    assert receipt.status_code == 200
    assert "Reçu de cotisation n° 2015-0004" in receipt.text
    assert "Personne anonymisée" in receipt.text
    assert "Ancienne" not in receipt.text
    assert "anonymisée le 2 mars 2026" in detail.text


def test_the_command_runs_the_purge(capsys):
    _old_and_recent()
    call_command("purge_old_memberships")
    out = capsys.readouterr().out
    assert "Durée de conservation : 10 ans après l’année d’adhésion." in out
    assert "adhésions anonymisées : " in out


def test_the_registry_states_the_retention_the_purge_applies():
    assert declaration_for("memberships.Membership").retention == (
        "10 ans après l’année d’adhésion (pièces comptables), puis anonymisation"
    )
