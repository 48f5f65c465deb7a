"""The retention purge: people with no exchange for the retention period are anonymised,
except current members, account holders and people with activity in the period."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from maillage.network.people.models import ContactImport, Person
from maillage.network.people.retention import purge_inactive
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory
from tests.people.factories import (
    AffiliationFactory,
    ConsentFactory,
    InteractionFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def erased(person) -> bool:
    person.refresh_from_db()
    return person.is_erased


def test_people_inactive_past_the_period_are_erased_others_kept(settings):
    settings.CONTACT_RETENTION_DAYS = 365
    now = timezone.now()
    stale = PersonFactory(last_active_at=now - timedelta(days=366))
    recent = PersonFactory(last_active_at=now - timedelta(days=364))

    report = purge_inactive(now)

    assert report.erased == 1
    assert erased(stale)
    assert not erased(recent)


def test_current_members_account_holders_and_recent_activity_are_kept():
    this_year = timezone.localdate().year
    member = PersonFactory(stale=True)
    MembershipFactory(person=member, legal_unit=None, year=this_year)
    representative = AffiliationFactory(person=PersonFactory(stale=True)).person
    MembershipFactory(legal_unit=representative.affiliations.get().legal_unit, year=this_year)
    PersonFactory(stale=True, user=UserFactory())
    consented = PersonFactory(stale=True)
    ConsentFactory(person=consented)
    met = PersonFactory(stale=True)
    # Recorded straight in the table: the business action would have moved last_active_at.
    InteractionFactory(person=met, occurred_on=date.today())
    former_member = PersonFactory(stale=True)
    MembershipFactory(person=former_member, legal_unit=None, year=this_year - 3)

    report = purge_inactive()

    assert (report.kept_member, report.kept_account, report.kept_recent) == (2, 1, 2)
    assert report.erased == 1
    assert [p for p in Person.objects.all() if p.is_erased] == [former_member]
    assert member.memberships.count() == 1


def test_the_purge_is_idempotent():
    PersonFactory.create_batch(3, stale=True)

    assert purge_inactive().erased == 3
    assert purge_inactive().erased == 0
    assert Person.objects.filter(is_erased=True).count() == 3


def test_old_imports_are_deleted_with_the_rows_they_held():
    old = ContactImport.objects.create(filename="vieux.csv", rows='{"header": [], "rows": []}')
    ContactImport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    ContactImport.objects.create(filename="recent.csv")

    assert purge_inactive().imports_deleted == 1
    assert list(ContactImport.objects.values_list("filename", flat=True)) == ["recent.csv"]


def test_the_command_runs_the_task_and_reports_counts(capsys, settings):
    settings.CONTACT_RETENTION_DAYS = 30
    PersonFactory(last_active_at=timezone.now() - timedelta(days=31))

    call_command("purge_inactive_contacts")

    out = capsys.readouterr().out
    assert "Durée de conservation : 30 jours." in out
    assert "personnes effacées : 1" in out
