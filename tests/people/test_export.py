"""Export of a person's data: a JSON file behind a link that opens once, for its creator only,
in the session it was made in, before it expires."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.network.people.consents import record_consent
from maillage.network.people.enums import ConsentMethod, ConsentPurpose
from maillage.network.people.models import ExportLink
from tests.factories import PASSWORD, UserFactory
from tests.people.factories import AffiliationFactory, InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r'href="(/donnees/export/[^/"]+/)"')


@pytest.fixture
def person():
    person = PersonFactory(first_name="Nour", last_name="Benali", email="nour@exemple.org")
    AffiliationFactory(person=person, legal_unit__name="Jardin fictif")
    InteractionFactory(person=person, subject="Visite du jardin", notes="Très motivée")
    record_consent(person, ConsentPurpose.NEWSLETTER, True, ConsentMethod.PAPER)
    return person


def ask_link(client, person) -> str:
    response = client.post(f"/contacts/{person.pk}/export/")
    assert response.status_code == 200
    return LINK.search(response.content.decode()).group(1)


def test_the_link_gives_a_utf8_json_file_of_everything_held(client_for, staff, person):
    client = client_for(staff)

    response = client.get(ask_link(client, person))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content.decode("utf-8"))
    assert data["personne"] == "Nour Benali"
    book = data["carnet_d_adresses"]
    assert book["structures"][0]["structure"] == "Jardin fictif"
    assert book["echanges"][0]["compte_rendu"] == "Très motivée"
    assert book["consentements"][0]["texte"].startswith("J’accepte")
    purposes = [record["finalite"] for record in data["traitements"]]
    assert "Carnet d’adresses du pôle : contacts des structures et du réseau" in purposes


def test_the_export_reaches_rows_found_by_email_elsewhere(client_for, staff, person):
    from tests.activities.factories import RegistrationFactory

    RegistrationFactory(email="NOUR@exemple.org", name="Nour B.")
    client = client_for(staff)

    data = json.loads(client.get(ask_link(client, person)).content)

    assert "Nour B." in json.dumps(data, ensure_ascii=False)


def test_the_link_works_once(client_for, staff, person):
    client = client_for(staff)
    link = ask_link(client, person)

    assert client.get(link).status_code == 200
    replay = client.get(link)

    assert replay.status_code == 410
    assert "déjà servi" in replay.content.decode()


def test_another_staff_member_cannot_use_the_link(client_for, staff, person, client):
    link = ask_link(client_for(staff), person)
    client.logout()
    client.force_login(UserFactory(staff=True))

    assert client.get(link).status_code == 404
    assert ExportLink.objects.get().used_at is None


def test_the_link_is_refused_after_logout_even_to_its_creator(client, staff, person):
    client.login(email=staff.email, password=PASSWORD)
    link = ask_link(client, person)
    client.post("/compte/deconnexion/")
    client.login(email=staff.email, password=PASSWORD)

    response = client.get(link)

    assert response.status_code == 403
    assert "autre session" in response.content.decode()


def test_the_link_is_refused_once_expired(client_for, staff, person):
    client = client_for(staff)
    link = ask_link(client, person)
    ExportLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.get(link)

    assert response.status_code == 410
    assert "expiré" in response.content.decode()


def test_the_link_expires_after_a_day_and_only_its_hash_is_stored(client_for, staff, person):
    link = ask_link(client_for(staff), person)
    token = link.rstrip("/").rsplit("/", 1)[1]

    stored = ExportLink.objects.get()
    assert token not in (stored.token_hash, stored.session_hash)
    lifetime = stored.expires_at - stored.created_at
    assert timedelta(hours=23) < lifetime <= timedelta(hours=24)


def test_anonymous_visitors_are_sent_to_the_login(client_for, staff, person, client):
    link = ask_link(client_for(staff), person)
    client.logout()

    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/")


def test_a_made_up_token_is_refused(client_for, staff):
    assert client_for(staff).get("/donnees/export/inventé/").status_code == 404
