"""Joining the hub: the public page and its request, then the staff's answer."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.form_tokens import new_token
from maillage.network.memberships.enums import JoinRequestStatus, MembershipStatus
from maillage.network.memberships.joining import CONSENT
from maillage.network.memberships.joining_retention import purge_old_join_requests
from maillage.network.memberships.models import JoinRequest, Membership
from maillage.network.people.models import Affiliation, Person
from tests.directory.factories import LegalUnitFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mon-premier-secret-2026"


def person_request(person_rate, **changes):
    data = {
        "submission": new_token(),
        "kind": "person",
        "rate": person_rate.pk,
        "first_name": "Maëlle",
        "last_name": "Le Goff",
        "email": "Maelle.LeGoff@exemple.org",
        "consent": "on",
    }
    return {**data, **changes}


def organisation_request(rate, **changes):
    data = {
        "submission": new_token(),
        "kind": "organisation",
        "rate": rate.pk,
        "organisation_name": "Les Jardins du Don",
        "siren": "",
        "first_name": "Yann",
        "last_name": "Morvan",
        "email": "yann@jardins.example",
        "consent": "on",
    }
    return {**data, **changes}


def send(client, data, ip="192.0.2.10"):
    return client.post(reverse("memberships:join"), data, REMOTE_ADDR=ip)


def test_join_page_shows_the_hub_colleges_and_their_dues_to_anyone(client, colleges):
    html = client.get(reverse("memberships:join")).content.decode()
    assert "Collège des associations" in html
    assert "Association employeuse de 10 salariés et plus" in html
    assert "120,00\u00a0€" in html
    assert "Collège des adhérents individuels" in html
    assert CONSENT.text in html


def test_home_footer_and_login_lead_to_the_join_page(client, colleges):
    join_url = reverse("memberships:join")
    assert f'href="{join_url}"' in client.get(reverse("web:home")).content.decode()
    assert f'href="{join_url}"' in client.get(reverse("accounts:login")).content.decode()


def test_a_request_is_recorded_with_the_consent_text_it_was_shown(client, person_rate):
    response = send(client, person_request(person_rate))
    assert response.url == reverse("memberships:join_sent")
    request = JoinRequest.objects.get()
    assert request.email == "maelle.legoff@exemple.org"
    assert request.is_pending
    assert (request.consent_text, request.consent_version) == (CONSENT.text, CONSENT.version)
    assert request.consented_at is not None


def test_a_request_sent_twice_is_recorded_once(client, person_rate):
    data = person_request(person_rate)
    send(client, data)
    assert send(client, data).url == reverse("memberships:join_sent")
    assert JoinRequest.objects.count() == 1


def test_a_request_without_consent_is_refused_in_french(client, person_rate):
    response = send(client, person_request(person_rate, consent=""))
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_an_organisation_college_is_refused_to_a_person(client, rate):
    response = send(client, person_request(rate))
    assert response.status_code == 400
    assert "accueille des structures" in response.content.decode()


def test_an_organisation_request_needs_the_organisation_name(client, rate):
    response = send(client, organisation_request(rate, organisation_name=" "))
    assert response.status_code == 400
    assert "Donnez le nom de la structure" in response.content.decode()


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_recorded(client, person_rate):
    response = send(client, person_request(person_rate, site_internet="http://spam.example"))
    assert response.url == reverse("memberships:join_sent")
    assert not JoinRequest.objects.exists()


def test_requests_from_one_address_are_limited_with_a_french_429(client, person_rate):
    for _ in range(5):
        send(client, person_request(person_rate), ip="198.51.100.7")
    response = send(client, person_request(person_rate), ip="198.51.100.7")
    assert response.status_code == 429
    assert "trop de fois" in response.content.decode()
    assert JoinRequest.objects.count() == 5


@pytest.fixture
def pending_person(client, person_rate):
    send(client, person_request(person_rate))
    return JoinRequest.objects.get()


def test_only_staff_see_the_requests(client_for, member, pending_person):
    url = reverse("memberships:join_requests")
    assert client_for(member).get(url).status_code == 403
    client_for(None).logout()
    assert client_for(None).get(url).status_code == 302


def test_staff_see_the_pending_request_and_the_staff_home_counts_it(
    client_for, staff, pending_person
):
    client = client_for(staff)
    html = client.get(reverse("memberships:join_requests")).content.decode()
    assert "Maëlle Le Goff" in html
    assert "1 demande à examiner" in html
    desk = client.get(reverse("web:staff_home")).content.decode()
    assert "<strong>1 demande d’adhésion à examiner</strong>" in desk


def welcome_link(message) -> str:
    match = re.search(
        rf"{settings.SITE_URL}(/compte/mot-de-passe/reinitialisation/\S+/)", message.body
    )
    assert match, message.body
    return match.group(1)


def test_accepting_creates_the_account_the_membership_and_a_single_use_password_link(
    client_for, staff, pending_person
):
    client = client_for(staff)
    response = client.post(reverse("memberships:join_accept", args=[pending_person.pk]))
    assert response.url == reverse("memberships:join_requests")
    account = User.objects.get(email="maelle.legoff@exemple.org")
    assert not account.has_usable_password()
    person = Person.objects.get(user=account)
    membership = Membership.objects.get(person=person)
    assert (membership.year, membership.status) == (timezone.localdate().year, "pending")
    assert membership.college.slug == "individuels"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maelle.legoff@exemple.org"]
    assert "bienvenue" in message.subject
    assert "Bonjour Maëlle" in message.body
    assert "15,00\u00a0€" in message.body
    link = welcome_link(message)
    client.logout()
    form_page = client.get(link, follow=True)
    form_url = form_page.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)
    assert "Ce lien n’est plus valable" in client.get(link, follow=True).content.decode()


def test_accepting_twice_creates_one_membership_and_one_email(client_for, staff, pending_person):
    client = client_for(staff)
    url = reverse("memberships:join_accept", args=[pending_person.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "Cette demande a déjà reçu une réponse" in response.content.decode()
    assert Membership.objects.count() == 1
    assert len(mail.outbox) == 1


def test_accepting_an_organisation_asks_for_its_directory_entry(client_for, staff, rate, client):
    unit = LegalUnitFactory(name="Les Jardins du Don")
    send(client, organisation_request(rate))
    join_request = JoinRequest.objects.get()
    staff_client = client_for(staff)
    page = staff_client.get(join_request.get_absolute_url()).content.decode()
    assert "Les Jardins du Don" in page
    url = reverse("memberships:join_accept", args=[join_request.pk])
    refused = staff_client.post(url, {"legal_unit": ""}, follow=True)
    assert "Choisissez la structure de l’annuaire" in refused.content.decode()
    accepted = staff_client.post(url, {"legal_unit": unit.pk}, follow=True)
    assert "le compte et l’adhésion sont créés" in accepted.content.decode()
    membership = Membership.objects.get()
    assert membership.legal_unit == unit
    assert Affiliation.objects.filter(legal_unit=unit, person__email="yann@jardins.example")


def test_refusing_sends_the_reason_politely_and_needs_one(client_for, staff, pending_person):
    client = client_for(staff)
    url = reverse("memberships:join_refuse", args=[pending_person.pk])
    assert client.post(url, {"reason": " "}).status_code == 400
    client.post(url, {"reason": "Le pôle n’accueille que des habitants du Pays de Redon."})
    pending_person.refresh_from_db()
    assert pending_person.status == JoinRequestStatus.REFUSED
    assert not User.objects.filter(email=pending_person.email).exists()
    message = mail.outbox[0]
    assert "que des habitants du Pays de Redon" in message.body
    assert "Bonjour Maëlle" in message.body
    assert "INVALID_TEMPLATE_VARIABLE" not in message.body


def test_the_purge_deletes_requests_past_their_retention(pending_person):
    assert purge_old_join_requests() == 0
    later = timezone.now() + timedelta(days=366)
    assert purge_old_join_requests(later) == 1
    assert not JoinRequest.objects.exists()


def test_accepting_reuses_an_existing_account_without_a_password_link(
    client_for, staff, pending_person
):
    UserFactory(email=pending_person.email)
    client_for(staff).post(reverse("memberships:join_accept", args=[pending_person.pk]))
    assert User.objects.filter(email=pending_person.email).count() == 1
    assert "reinitialisation" not in mail.outbox[0].body
    assert "connectez-vous" in mail.outbox[0].body
    assert Membership.objects.get().status == MembershipStatus.PENDING
