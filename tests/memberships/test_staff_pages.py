from datetime import date

import pytest
from django.urls import reverse

from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import Membership
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.memberships.factories import MembershipFactory
from tests.people.factories import PersonFactory
from tests.typeset import french

pytestmark = pytest.mark.django_db
CREATE = reverse("memberships:create_organisation")


def test_staff_find_an_organisation_by_name_and_pick_it(client_for, staff, colleges):
    EstablishmentFactory(legal_unit__name="Association fictive des Jardins partagés")
    LegalUnitFactory(name="Coopérative fictive du Pain")
    page = client_for(staff).get(CREATE, {"q": "jardins"})
    assert "Association fictive des Jardins partagés" in page.text
    assert "Coopérative fictive du Pain" not in page.text


def test_the_search_answers_htmx_with_the_select_alone(client_for, staff, colleges):
    LegalUnitFactory(name="Association fictive des Jardins partagés")
    page = client_for(staff).get(CREATE, {"q": "Jardins"}, headers={"HX-Request": "true"})
    assert page.text.strip().startswith('<div class="field" id="choix-adherent">')
    assert "Jardins partagés" in page.text


def test_creating_a_membership_takes_the_category_s_dues_by_default(client_for, staff, rate):
    unit = LegalUnitFactory()
    data = {"legal_unit": unit.pk, "year": 2026, "rate": rate.pk, "dues_amount": ""}
    response = client_for(staff).post(CREATE, data)
    membership = Membership.objects.get()
    assert response.status_code == 302
    assert (membership.college, membership.category) == (rate.college, rate.name)
    assert membership.dues_amount == rate.amount
    assert membership.status == MembershipStatus.PENDING


def test_a_double_submit_keeps_one_membership_and_says_why(client_for, staff, rate):
    unit = LegalUnitFactory(name="Association fictive du Marais")
    data = {"legal_unit": unit.pk, "year": 2026, "rate": rate.pk, "dues_amount": "45,50"}
    client = client_for(staff)
    client.post(CREATE, data)
    second = client.post(CREATE, data)
    assert second.status_code == 400
    assert french("« Association fictive du Marais » a déjà une adhésion pour 2026") in second.text
    assert Membership.objects.count() == 1
    assert str(Membership.objects.get().dues_amount) == "45.50"


def test_a_person_joins_only_a_college_of_people(client_for, staff, rate, person_rate):
    person = PersonFactory(last_name="Fictif")
    url = reverse("memberships:create_person")
    refused = client_for(staff).post(url, {"person": person.pk, "year": 2026, "rate": rate.pk})
    assert refused.status_code == 400  # the organisations' categories are not offered
    data = {"person": person.pk, "year": 2026, "rate": person_rate.pk}
    assert client_for(staff).post(url, data).status_code == 302
    assert Membership.objects.get().person == person


def test_bad_input_is_explained_and_nothing_is_saved(client_for, staff, rate):
    data = {"legal_unit": "", "year": "deux-mille", "rate": rate.pk, "dues_amount": "-3"}
    page = client_for(staff).post(CREATE, data)
    assert page.status_code == 400
    assert "Le formulaire" in page.text or "n’a pas été enregistrée" in page.text
    assert not Membership.objects.exists()


def test_staff_record_a_payment_and_get_the_receipt_number(client_for, staff):
    membership = MembershipFactory()
    url = reverse("memberships:payment", args=[membership.pk])
    data = {"amount": "50,00", "paid_on": "2026-03-02", "method": "cheque"}
    response = client_for(staff).post(url, data, follow=True)
    assert french("Paiement enregistré : reçu n° 2026-0001.") in response.text
    again = client_for(staff).post(url, data)
    assert again.status_code == 400
    assert "déjà enregistré (reçu n° 2026-0001)" in again.text


def test_a_payment_dated_in_the_future_is_refused(client_for, staff):
    membership = MembershipFactory()
    url = reverse("memberships:payment", args=[membership.pk])
    data = {
        "amount": "50",
        "paid_on": date(date.today().year + 1, 1, 1).isoformat(),
        "method": "cash",
    }
    assert client_for(staff).post(url, data).status_code == 400
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_an_unknown_status_is_a_bad_request(client_for, staff):
    membership = MembershipFactory()
    url = reverse("memberships:status", args=[membership.pk])
    assert client_for(staff).post(url, {"status": "perdue"}).status_code == 400


def test_the_list_filters_and_counts_by_year_and_category(client_for, staff):
    MembershipFactory.create_batch(2, year=2026, category="Petite", paid=True)
    MembershipFactory(year=2026, category="Petite")
    MembershipFactory(year=2026, category="Grande", cancelled=True)
    MembershipFactory(year=2025, category="Petite")
    page = client_for(staff).get(reverse("memberships:list"), {"annee": "2026"})
    counts = page.context["counts"]
    assert [(r["year"], r["category"], r["total"], r["good_standing"]) for r in counts] == [
        (2026, "Petite", 3, 2)
    ]
    assert page.context["total"] == 4  # the cancelled one is listed, not counted


@pytest.mark.parametrize(
    "query",
    [{"annee": "vingt"}, {"college": "inconnu"}, {"statut": "perdue"}, {"annee": ["2025", "2026"]}],
)
def test_a_bad_filter_is_a_400_with_a_french_message(client_for, staff, query):
    page = client_for(staff).get(reverse("memberships:list"), query)
    assert page.status_code == 400
    assert "Demande incorrecte" in page.text
