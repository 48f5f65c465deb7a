"""The address book list: search, filters, sort, pages, CSV export of the selection."""

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maillage.core.csv_safety import DANGEROUS_FIRST
from maillage.network.people.csv_export import people_csv
from maillage.network.people.enums import AffiliationRole, ConsentPurpose
from maillage.network.people.models import Person
from tests.directory.factories import LegalUnitFactory
from tests.people.factories import AffiliationFactory, ConsentFactory, PersonFactory, TagFactory
from tests.typeset import french

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


def names_in(response) -> list[str]:
    return [str(person) for person in response.context["page"]]


def test_search_ignores_accents_and_case_on_names(staff_client):
    PersonFactory(first_name="Hélène", last_name="Lefèvre")
    PersonFactory(first_name="Paul", last_name="Martin")

    response = staff_client.get("/contacts/", {"q": "HELENE lefevre"})

    assert names_in(response) == ["Hélène Lefèvre"]


def test_search_finds_people_by_email_and_by_organisation_name(staff_client):
    unit = LegalUnitFactory(name="Coopérative Éolienne du Don")
    AffiliationFactory(person=PersonFactory(first_name="Ana", last_name="Roux"), legal_unit=unit)
    PersonFactory(first_name="Luc", last_name="Blanc", email="luc.blanc@atelier.org")
    PersonFactory(first_name="Zoé", last_name="Noir")

    assert names_in(staff_client.get("/contacts/", {"q": "eolienne"})) == ["Ana Roux"]
    assert names_in(staff_client.get("/contacts/", {"q": "atelier.org"})) == ["Luc Blanc"]


def test_filters_by_organisation_role_tag_and_current_consent(staff_client):
    unit = LegalUnitFactory()
    president = AffiliationFactory(legal_unit=unit, role=AffiliationRole.PRESIDENT).person
    AffiliationFactory(legal_unit=unit, role=AffiliationRole.VOLUNTEER)
    elu = TagFactory(name="Élus", slug="elus")
    president.tags.add(elu)
    subscribed, withdrawn = PersonFactory(), PersonFactory()
    ConsentFactory(person=subscribed)
    ConsentFactory(person=withdrawn)
    ConsentFactory(person=withdrawn, given=False)

    assert len(names_in(staff_client.get("/contacts/", {"structure": unit.pk}))) == 2
    assert names_in(staff_client.get("/contacts/", {"role": "president"})) == [str(president)]
    assert names_in(staff_client.get("/contacts/", {"etiquette": "elus"})) == [str(president)]
    response = staff_client.get("/contacts/", {"consentement": ConsentPurpose.NEWSLETTER})
    assert names_in(response) == [str(subscribed)]


def test_erased_people_are_not_listed(staff_client):
    from maillage.network.people.erasure import erase

    erase(PersonFactory(last_name="Disparu"))

    assert names_in(staff_client.get("/contacts/")) == []


def test_sort_by_name_descending_and_pages_of_fifty(staff_client):
    for index in range(55):
        PersonFactory(last_name=f"Nom{index:02d}", first_name="A")

    first = staff_client.get("/contacts/", {"tri": "-nom"})
    second = staff_client.get("/contacts/", {"tri": "-nom", "page": 2})

    assert names_in(first)[0] == "A Nom54"
    assert len(names_in(first)) == 50
    assert names_in(second)[-1] == "A Nom00"
    assert "Page suivante" in first.content.decode()


def test_names_sort_in_french_order(staff_client):
    for last_name in ["Bruneau", "Béguin", "éluard", "Abadie"]:
        PersonFactory(last_name=last_name, first_name="Anne")

    listed = names_in(staff_client.get("/contacts/", {"tri": "nom"}))

    assert listed == ["Anne Abadie", "Anne Béguin", "Anne Bruneau", "Anne éluard"]


@pytest.mark.parametrize(
    "query",
    [
        {"tri": "age"},
        {"role": "roi"},
        {"structure": "abc"},
        {"structure": "999999"},
        {"etiquette": "inconnue"},
        {"consentement": "tout"},
        {"page": "0"},
        {"page": "x"},
        {"page": "40"},
        {"q": "x" * 101},
        {"role": [AffiliationRole.PRESIDENT, AffiliationRole.VOLUNTEER]},
        {"structure": "1" * 13},
    ],
)
def test_a_bad_query_parameter_is_a_400_with_a_french_message(staff_client, query):
    for url in ("/contacts/", "/contacts/export.csv"):
        if url.endswith("csv") and "page" in query:
            continue
        response = staff_client.get(url, query)
        assert response.status_code == 400, (url, query)
        assert "Demande incorrecte" in response.content.decode()


def test_a_filter_given_twice_is_refused_not_reduced_to_one(staff_client):
    response = staff_client.get("/contacts/?tri=nom&tri=-nom")

    assert response.status_code == 400
    assert french("Le filtre « Tri » ne prend qu’une valeur.") in response.content.decode()


def test_an_empty_select_option_and_surrounding_spaces_are_no_filter(staff_client):
    PersonFactory(first_name="Anne", last_name="Abadie")

    response = staff_client.get("/contacts/", {"role": "", "q": "  abadie  ", "etiquette": ""})

    assert names_in(response) == ["Anne Abadie"]


def test_csv_export_holds_the_current_selection_only(staff_client):
    unit = LegalUnitFactory(name="Recyclerie fictive")
    AffiliationFactory(
        person=PersonFactory(last_name="Dupont", first_name="Léa", phone="02 99 00 00 01"),
        legal_unit=unit,
        role=AffiliationRole.PRESIDENT,
    )
    PersonFactory(last_name="Autre")

    response = staff_client.get("/contacts/export.csv", {"q": "dupont"})

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Nom", "Prénom", "Adresse e-mail"]
    assert len(rows) == 2
    assert rows[1][0] == "Dupont"
    assert rows[1][4] == "Recyclerie fictive (Président ou présidente)"


@settings(max_examples=25)
@given(name=st.text(alphabet=st.sampled_from("=+-@\t\rabc ,;\"'é"), min_size=1, max_size=12))
def test_no_exported_cell_can_start_a_spreadsheet_formula(name):
    person = PersonFactory(last_name=name, first_name=name, phone=name)

    text = people_csv(Person.objects.filter(pk=person.pk)).lstrip("\ufeff")

    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert row[0] in (name, f"'{name}")
    for cell in row:
        assert not cell.startswith(DANGEROUS_FIRST), cell


def test_the_list_reads_a_fixed_number_of_queries_whatever_the_page_holds(
    staff_client, django_assert_max_num_queries
):
    for _ in range(30):
        person = AffiliationFactory().person
        person.tags.add(TagFactory())

    with django_assert_max_num_queries(12):
        response = staff_client.get("/contacts/")

    assert len(response.context["page"]) == 30
