"""Erasing a person: anonymised everywhere, counts kept, nothing left in a database dump."""

import pytest
from django.core.management import call_command

from maillage.network.people.consents import record_consent
from maillage.network.people.enums import ConsentMethod, ConsentPurpose
from maillage.network.people.erasure import erase
from maillage.network.people.models import Interaction, Person
from tests.people.factories import AffiliationFactory, InteractionFactory, PersonFactory

TRACES = (
    "Maëlys Quintin",
    "Quintin",
    "maelys quintin",
    "maelys.quintin@exemple.org",
    "06 12 34 56 78",
)


def dump(tmp_path) -> str:
    path = tmp_path / "dump.json"
    call_command("dumpdata", output=str(path), verbosity=0)
    return path.read_text(encoding="utf-8")


def full_record(**fields) -> Person:
    person = PersonFactory(
        first_name="Maëlys", last_name="Quintin", phone="06 12 34 56 78", **fields
    )
    AffiliationFactory(person=person)
    InteractionFactory(person=person, subject="Rencontre avec Maëlys Quintin", notes="Quintin")
    record_consent(person, ConsentPurpose.PHOTOS, True, ConsentMethod.ORAL, note="Dit Quintin")
    return person


@pytest.mark.django_db
def test_staff_must_confirm_before_erasing(client_for, staff):
    person = PersonFactory(last_name="Gardé")

    page = client_for(staff).get(f"/contacts/{person.pk}/effacer/")
    refused = client_for(staff).post(f"/contacts/{person.pk}/effacer/")

    assert "C’est définitif" in page.content.decode()
    assert refused.status_code == 400
    person.refresh_from_db()
    assert (person.last_name, person.is_erased) == ("Gardé", False)


@pytest.mark.django_db(transaction=True)
def test_after_erasure_from_the_page_name_email_and_phone_are_nowhere_in_the_dump(
    client_for, staff, tmp_path
):
    from tests.activities.factories import RegistrationFactory

    person = full_record(email="maelys.quintin@exemple.org")
    registration = RegistrationFactory(name="Maëlys Quintin", email="maelys.quintin@exemple.org")
    assert all(trace in dump(tmp_path) for trace in TRACES)

    response = client_for(staff).post(f"/contacts/{person.pk}/effacer/", {"confirmation": "oui"})

    assert response["Location"] == "/contacts/"
    text = dump(tmp_path)
    for trace in TRACES:
        assert trace not in text, trace
    person.refresh_from_db()
    assert person.is_erased
    assert person.last_name == "Personne effacée"
    # Counts stay: the rows are still there, anonymised.
    assert registration.activity.registrations.count() == 1
    assert person.affiliations.count() == 1
    assert Interaction.objects.filter(person=person).count() == 1
    assert person.consents.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_person_without_email_is_erased_through_their_record(tmp_path):
    person = full_record(email="")

    erase(person)

    text = dump(tmp_path)
    for trace in TRACES:
        assert trace not in text, trace


@pytest.mark.django_db(transaction=True)
def test_erasure_reaches_the_linked_account_and_keeps_memberships(tmp_path):
    from tests.factories import UserFactory
    from tests.memberships.factories import MembershipFactory

    user = UserFactory(email="compte.quintin@exemple.org", full_name="Maëlys Quintin")
    person = full_record(email="", user=user)
    membership = MembershipFactory(person=person, legal_unit=None)

    erase(person)

    text = dump(tmp_path)
    for trace in (*TRACES, "compte.quintin@exemple.org"):
        assert trace not in text, trace
    user.refresh_from_db()
    assert not user.is_active
    membership.refresh_from_db()
    assert membership.person_id == person.pk


@pytest.mark.django_db
def test_erasing_twice_changes_nothing_more():
    person = full_record(email="maelys.quintin@exemple.org")

    assert erase(person) > 0
    assert erase(person) == 0
