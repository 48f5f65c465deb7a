"""A person's page for staff: the record, its roles, exchanges and consents."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.core.form_tokens import ALREADY_SAVED, ELSEWHERE
from maillage.network.people.consents import current_consents, record_consent
from maillage.network.people.enums import AffiliationRole, ConsentMethod, ConsentPurpose
from maillage.network.people.models import Affiliation, Consent, Interaction, Person
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.people.factories import AffiliationFactory, InteractionFactory, PersonFactory
from tests.tokens import with_token
from tests.typeset import french

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


def test_staff_create_a_person_with_new_tags(staff_client):
    response = staff_client.post(
        "/contacts/nouveau/",
        with_token({"first_name": "Inès", "last_name": "Morel", "email": "Ines.Morel@Exemple.org",
         "new_tags": "Élus, finances solidaires"}),
    )  # fmt: skip

    person = Person.objects.get()
    assert response["Location"] == f"/contacts/{person.pk}/"
    assert person.email == "ines.morel@exemple.org"
    assert sorted(person.tags.values_list("name", flat=True)) == ["finances solidaires", "Élus"]


def test_a_new_person_sent_twice_is_one_entry_even_without_an_email(staff_client):
    data = with_token({"first_name": "Jo", "last_name": "Sanscourriel"})

    first = staff_client.post("/contacts/nouveau/", data)
    second = staff_client.post("/contacts/nouveau/", data, follow=True)

    person = Person.objects.get()
    assert first["Location"] == f"/contacts/{person.pk}/"
    assert french(ALREADY_SAVED) in second.content.decode()


def test_a_second_person_with_the_same_email_is_refused_with_a_message(staff_client):
    PersonFactory(email="lea@exemple.org")

    response = staff_client.post(
        "/contacts/nouveau/", with_token({"last_name": "Autre", "email": "LEA@exemple.org"})
    )

    assert response.status_code == 400
    assert "déjà cette adresse e-mail" in response.content.decode()
    assert Person.objects.count() == 1


def test_editing_keeps_the_person_s_own_email(staff_client):
    person = PersonFactory(email="lea@exemple.org", last_name="Avant")

    staff_client.post(
        f"/contacts/{person.pk}/modifier/", {"last_name": "Après", "email": "lea@exemple.org"}
    )

    person.refresh_from_db()
    assert person.last_name == "Après"


def test_an_affiliation_is_added_by_siret_and_found_by_name(staff_client):
    person = PersonFactory()
    site = EstablishmentFactory(siret="12345678900012")
    named = EstablishmentFactory(legal_unit__name="Épicerie solidaire fictive").legal_unit

    staff_client.post(
        f"/contacts/{person.pk}/structures/",
        {"legal_unit": "123 456 789 00012", "role": AffiliationRole.PRESIDENT},
    )
    staff_client.post(
        f"/contacts/{person.pk}/structures/",
        {"legal_unit": "épicerie solidaire fictive", "role": AffiliationRole.VOLUNTEER},
    )

    units = set(person.affiliations.values_list("legal_unit", flat=True))
    assert units == {site.legal_unit_id, named.pk}


def test_an_unknown_organisation_is_refused_with_a_message(staff_client):
    person = PersonFactory()

    response = staff_client.post(
        f"/contacts/{person.pk}/structures/", {"legal_unit": "Inconnue", "role": "employee"}
    )

    assert response.status_code == 400
    assert "Aucune structure de l’annuaire ne correspond" in response.content.decode()
    assert not Affiliation.objects.exists()


def test_the_same_role_twice_is_refused_not_duplicated(staff_client):
    affiliation = AffiliationFactory()
    url = f"/contacts/{affiliation.person_id}/structures/"

    response = staff_client.post(
        url, {"legal_unit": affiliation.legal_unit.siren, "role": affiliation.role}
    )

    assert response.status_code == 400
    assert Affiliation.objects.count() == 1


def test_search_finds_a_person_by_the_organisation_added_afterwards(staff_client):
    person = PersonFactory()
    unit = LegalUnitFactory(name="Ressourcerie Émeraude")
    staff_client.post(
        f"/contacts/{person.pk}/structures/", {"legal_unit": unit.siren, "role": "employee"}
    )

    assert Person.objects.matching("emeraude").get() == person
    Affiliation.objects.get().delete()
    assert not Person.objects.matching("emeraude").exists()


def test_an_interaction_moves_the_last_activity_forward(staff_client, staff):
    person = PersonFactory(stale=True)
    unit = LegalUnitFactory()

    staff_client.post(
        f"/contacts/{person.pk}/echanges/",
        with_token({"occurred_on": timezone.localdate().isoformat(), "channel": "phone",
         "subject": "Projet de tiers-lieu", "legal_unit": unit.siren, "notes": "À rappeler"}),
    )  # fmt: skip

    interaction = Interaction.objects.get()
    assert (interaction.staff_member, interaction.legal_unit) == (staff, unit)
    person.refresh_from_db()
    assert timezone.now() - person.last_active_at < timedelta(minutes=1)


def test_an_old_interaction_never_moves_the_last_activity_back(staff_client):
    person = PersonFactory()
    before = person.last_active_at

    staff_client.post(
        f"/contacts/{person.pk}/echanges/",
        with_token(
            {"occurred_on": "2021-03-01", "channel": "meeting", "subject": "Ancien échange"}
        ),
    )

    person.refresh_from_db()
    assert Interaction.objects.count() == 1
    assert person.last_active_at == before


def test_an_interaction_in_the_future_is_refused(staff_client):
    person = PersonFactory()
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = staff_client.post(
        f"/contacts/{person.pk}/echanges/",
        with_token(
            {"occurred_on": tomorrow.isoformat(), "channel": "meeting", "subject": "Plus tard"}
        ),
    )

    assert response.status_code == 400
    assert "date future" in response.content.decode()
    assert not Interaction.objects.exists()


def test_an_interaction_can_be_edited(staff_client):
    interaction = InteractionFactory(subject="Avant")
    url = f"/contacts/{interaction.person_id}/echanges/{interaction.pk}/"

    assert staff_client.get(url).status_code == 200
    staff_client.post(
        url,
        {"occurred_on": "2026-01-10", "channel": "email", "subject": "Après", "notes": ""},
    )

    interaction.refresh_from_db()
    assert interaction.subject == "Après"


def test_person_page_shows_roles_exchanges_and_current_consents(staff_client):
    affiliation = AffiliationFactory(legal_unit__name="Coopérative fictive du Don")
    person = affiliation.person
    InteractionFactory(person=person, subject="Rencontre au forum")
    record_consent(person, ConsentPurpose.PHOTOS, True, ConsentMethod.PAPER)

    page = staff_client.get(f"/contacts/{person.pk}/").content.decode()

    assert "Coopérative fictive du Don" in page
    assert "Rencontre au forum" in page
    assert "Exporter les données de cette personne" in page


def test_withdrawing_a_consent_keeps_its_history(staff_client):
    person = PersonFactory()
    url = f"/contacts/{person.pk}/consentements/"
    given = {"purpose": "newsletter", "given": "oui", "method": "paper", "note": "Forum"}

    staff_client.post(url, given)
    staff_client.post(url, given | {"given": "non", "method": "email"})

    assert Consent.objects.filter(person=person).count() == 2
    current = current_consents(person)[ConsentPurpose.NEWSLETTER]
    assert current.given is False
    assert current.text.startswith("J’accepte de recevoir la lettre")
    assert current.text_version == "2026-1"


def test_an_erased_person_has_no_page(staff_client):
    from maillage.network.people.erasure import erase

    person = PersonFactory()
    erase(person)

    assert staff_client.get(f"/contacts/{person.pk}/").status_code == 404


def test_an_exchange_noted_twice_is_noted_once(staff_client):
    person = PersonFactory()
    url = f"/contacts/{person.pk}/echanges/"
    data = with_token({"occurred_on": "2026-03-01", "channel": "phone", "subject": "Relance"})

    first = staff_client.post(url, data)
    second = staff_client.post(url, data, follow=True)

    assert first.status_code == 302
    assert french(ALREADY_SAVED) in second.content.decode()
    assert Interaction.objects.filter(person=person).count() == 1


def test_an_exchange_form_copied_to_another_person_is_refused(staff_client):
    data = with_token({"occurred_on": "2026-03-01", "channel": "phone", "subject": "Relance"})
    staff_client.post(f"/contacts/{PersonFactory().pk}/echanges/", data)

    response = staff_client.post(f"/contacts/{PersonFactory().pk}/echanges/", data)

    assert response.status_code == 400
    assert french(ELSEWHERE) in response.content.decode()
    assert Interaction.objects.count() == 1
