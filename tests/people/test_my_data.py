"""« Mes données »: a signed-in person sees what the hub holds on them and manages consents."""

import json
import re

import pytest

from maillage.accounts.space import cards_for
from maillage.network.people.models import Consent, Person
from tests.factories import UserFactory
from tests.people.factories import AffiliationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    """A member's account with no address-book entry yet (the conftest's member has one, for
    its membership): these tests make the entry themselves, or test without one."""
    return UserFactory(email="adherent@exemple.org")


URL = "/espace-membre/mes-donnees/"


def test_a_member_sees_their_own_record_and_no_one_else_s(client_for, member):
    mine = PersonFactory(user=member, phone="02 99 00 00 09", notes="Rencontrée au forum")
    AffiliationFactory(person=mine, legal_unit__name="Jardin fictif")
    PersonFactory(last_name="Voisine", phone="02 99 00 00 10")

    page = client_for(member).get(URL).content.decode()

    assert "02 99 00 00 09" in page
    assert "Rencontrée au forum" in page
    assert "Jardin fictif" in page
    assert "02 99 00 00 10" not in page


def test_a_record_with_the_account_s_email_is_found_without_a_link(client_for, member):
    PersonFactory(email=member.email, phone="02 99 00 00 11")

    assert "02 99 00 00 11" in client_for(member).get(URL).content.decode()


def test_a_person_without_record_is_told_so(client_for, partner):
    page = client_for(partner).get(URL).content.decode()

    assert "aucune fiche à votre nom" in page


def test_giving_then_withdrawing_a_consent_keeps_both_records(client_for, member):
    client = client_for(member)

    client.post(f"{URL}consentement/", {"purpose": "photos", "given": "oui"})
    client.post(f"{URL}consentement/", {"purpose": "photos", "given": "non"})

    person = Person.objects.get(user=member)
    assert person.email == member.email
    assert list(
        Consent.objects.filter(person=person).order_by("pk").values_list("given", flat=True)
    ) == [True, False]
    assert "retiré le" in client.get(URL).content.decode()


def test_an_unknown_consent_purpose_is_a_400(client_for, member):
    response = client_for(member).post(f"{URL}consentement/", {"purpose": "tout", "given": "oui"})

    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_a_member_downloads_their_own_export_once(client_for, member):
    PersonFactory(user=member, last_name="Mienne")
    client = client_for(member)

    page = client.post(f"{URL}export/").content.decode()
    link = re.search(r'href="(/donnees/export/[^"]+)"', page)[1]
    data = json.loads(client.get(link).content)

    assert data["personne"].endswith("Mienne")
    assert client.get(link).status_code == 410


def test_without_a_record_the_export_holds_the_account(client_for, member):
    client = client_for(member)

    link = re.search(
        r'href="(/donnees/export/[^"]+)"', client.post(f"{URL}export/").content.decode()
    )[1]
    data = json.loads(client.get(link).content)

    assert data["personne"] == member.email
    assert data["traitements"][0]["finalite"] == "Compte de connexion à la plateforme"


def test_cards_follow_the_role(member, staff):
    member_titles = [card.title for cards in cards_for(member).values() for card in cards]
    staff_sections = cards_for(staff)

    assert "Mes données" in member_titles
    assert "Carnet d’adresses" not in member_titles
    staff_titles = [card.title for card in staff_sections["Gestion du pôle"]]
    assert {"Carnet d’adresses", "Importer des contacts"} <= set(staff_titles)
