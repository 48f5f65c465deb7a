"""The demonstration address book: fictitious, linked to the demo directory, idempotent."""

import pytest

from maillage.accounts.demo import create_demo_accounts
from maillage.core import demo
from maillage.network.people.demo import create_demo_people
from maillage.network.people.models import Consent, Interaction, Person
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_directory():
    units = [EstablishmentFactory().legal_unit for _ in range(5)]
    demo.mark(*units)
    return units


def test_demo_contacts_belong_to_demo_organisations_and_say_they_are_fictitious(
    demo_directory,
):
    created = create_demo_people()

    assert created == 60
    contacts = Person.objects.filter(email__endswith="@exemple.invalid")
    assert contacts.count() == 60
    assert all(person.affiliations.get().legal_unit in demo_directory for person in contacts)
    assert all("fictif" in person.notes for person in contacts)
    assert all(person.tags.filter(slug="fictif-demonstration").exists() for person in contacts)
    assert Interaction.objects.count() >= 60
    assert Consent.objects.filter(given=False).exists()


def test_each_demo_account_gets_its_person(demo_directory):
    accounts = create_demo_accounts()

    assert create_demo_people() == 60 + len(accounts)
    assert Person.objects.filter(user__isnull=False).count() == len(accounts)


def test_a_second_run_creates_nothing_and_the_data_is_the_same(demo_directory):
    create_demo_people()
    first = list(Person.objects.values_list("email", "phone", "last_active_at"))

    assert create_demo_people() == 0
    assert list(Person.objects.values_list("email", "phone", "last_active_at")) == first
