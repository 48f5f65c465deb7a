from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from maillage.network.memberships.models import RenewalReminder
from maillage.network.memberships.renewal import not_renewed, queue_reminders, recipients_of
from tests.directory.factories import EstablishmentFactory
from tests.memberships.factories import MembershipFactory
from tests.people.factories import AffiliationFactory

pytestmark = pytest.mark.django_db


def last_year_member(name="Association fictive des Jardins partagés", email="jardins@exemple.org"):
    membership = MembershipFactory(year=2025, paid=True, legal_unit__name=name)
    EstablishmentFactory(legal_unit=membership.legal_unit, email=email)
    return membership


def test_the_campaign_lists_last_year_s_members_not_yet_renewed():
    gone = last_year_member()
    renewed = MembershipFactory(year=2025, paid=True)
    MembershipFactory(year=2026, legal_unit=renewed.legal_unit)
    cancelled_now = MembershipFactory(year=2025, waived=True)
    MembershipFactory(year=2026, legal_unit=cancelled_now.legal_unit, cancelled=True)
    MembershipFactory(year=2025, cancelled=True)  # was not a member last year
    person = MembershipFactory(year=2025, paid=True, of_person=True)
    assert set(not_renewed(2026)) == {gone, cancelled_now, person}


def test_recipients_are_the_organisation_s_addresses_and_current_people_once_each():
    membership = last_year_member(email="Contact@Exemple.org")
    unit = membership.legal_unit
    EstablishmentFactory(legal_unit=unit, email="contact@exemple.org")
    EstablishmentFactory(legal_unit=unit, email="ferme@exemple.org", closed=True)
    AffiliationFactory(legal_unit=unit, person__email="presidente@exemple.org")
    AffiliationFactory(legal_unit=unit, person__email="ancien@exemple.org", until=date(2020, 1, 1))
    assert recipients_of(membership) == ["contact@exemple.org", "presidente@exemple.org"]


def test_a_second_click_sends_nothing_more(client_for, staff):
    last_year_member()
    client = client_for(staff)
    url = reverse("memberships:send_reminders")
    first = client.post(url, {"annee": "2026"}, follow=True)
    assert "1 relance mise en file d’envoi." in first.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jardins@exemple.org"]
    assert "renouveler votre adhésion pour 2026" in mail.outbox[0].subject
    assert "« Association fictive des Jardins partagés » était adhérente" in mail.outbox[0].body
    second = client.post(url, {"annee": "2026"}, follow=True)
    assert "Aucune nouvelle relance" in second.text
    assert len(mail.outbox) == 1
    assert RenewalReminder.objects.count() == 1


def test_a_member_without_address_is_named_for_another_way_of_contact():
    MembershipFactory(year=2025, paid=True, legal_unit__name="Association fictive muette")
    result = queue_reminders(2026)
    assert (result.queued, result.without_address) == (0, ["Association fictive muette"])
    assert not RenewalReminder.objects.exists()


def test_the_cron_command_reminds_once_whatever_the_number_of_runs():
    last_year_member()
    call_command("send_renewal_reminders", "--annee", "2026")
    call_command("send_renewal_reminders", "--annee", "2026")
    assert len(mail.outbox) == 1


def test_the_cron_command_unflags_last_year_s_members_not_renewed():
    current = date.today().year
    stale = MembershipFactory(year=current - 1, paid=True, legal_unit__is_hub_member=True)
    call_command("send_renewal_reminders")
    stale.legal_unit.refresh_from_db()
    assert not stale.legal_unit.is_hub_member


def test_the_campaign_page_counts_who_is_left_and_who_was_reminded(client_for, staff):
    last_year_member()
    last_year_member(name="Coopérative fictive du Pain", email="pain@exemple.org")
    queue_reminders(2026)
    MembershipFactory(year=2025, paid=True, legal_unit__name="Association fictive nouvelle")
    page = client_for(staff).get(reverse("memberships:renewal"), {"annee": "2026"})
    assert len(page.context["rows"]) == 3
    assert page.context["reminded"] == 2


def test_a_bad_campaign_year_is_a_400(client_for, staff):
    page = client_for(staff).get(reverse("memberships:renewal"), {"annee": "l’an prochain"})
    assert page.status_code == 400
