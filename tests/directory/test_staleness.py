from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim, Establishment
from maillage.directory.stewardship import staleness
from tests.directory.factories import EstablishmentFactory

TODAY = date(2026, 4, 14)  # not the real day, so that a forgotten `today` shows


@pytest.fixture
def old_entry(member):
    site = EstablishmentFactory(sign="Vieille fiche", last_confirmed_on=TODAY - timedelta(400))
    Claim.objects.create(legal_unit=site.legal_unit, user=member, status=ClaimStatus.APPROVED)
    return site


def test_an_entry_older_than_the_setting_is_stale(old_entry, settings):
    fresh = EstablishmentFactory(last_confirmed_on=TODAY - timedelta(10))

    assert list(staleness.stale_entries(TODAY)) == [old_entry]
    settings.DIRECTORY_CONFIRMATION_MAX_AGE_DAYS = 5
    assert set(staleness.stale_entries(TODAY)) == {old_entry, fresh}


def test_representatives_are_reminded_once_per_period(old_entry, member):
    assert staleness.remind_representatives(TODAY) == 1
    assert mail.outbox[-1].to == [member.email]
    assert "Vieille fiche" in mail.outbox[-1].body

    assert staleness.remind_representatives(TODAY + timedelta(30)) == 0
    assert len(mail.outbox) == 1
    old_entry.refresh_from_db()
    assert old_entry.last_reminded_on == TODAY


def test_a_reminder_comes_again_after_a_full_period(old_entry):
    staleness.remind_representatives(TODAY)
    assert staleness.remind_representatives(TODAY + timedelta(366)) == 1


def test_an_entry_without_representative_is_flagged_but_nobody_is_mailed(db):
    EstablishmentFactory(last_confirmed_on=TODAY - timedelta(400))

    assert staleness.remind_representatives(TODAY) == 0
    assert mail.outbox == []


def test_the_command_enqueues_the_reminder_task(old_entry):
    Establishment.objects.filter(pk=old_entry.pk).update(last_confirmed_on=date(2000, 1, 1))

    call_command("remind_stale_entries")

    assert len(mail.outbox) == 1


def test_staff_see_the_stale_list(client_for, staff, old_entry):
    content = client_for(staff).get(reverse("directory:staff_stale")).content.decode()
    assert "Vieille fiche" in content
    assert "365 jours" in content
    assert "INVALID_TEMPLATE_VARIABLE" not in content
