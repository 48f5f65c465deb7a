import pytest
from django.urls import reverse

from maillage.network.memberships.enums import PaymentMethod
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    """A member's account with no address-book entry yet (the conftest's member has one, for
    its membership): these tests make the entry themselves, or test without one."""
    return UserFactory(email="adherent@exemple.org")


NBSP = "\u00a0"


def receipt_url(membership):
    return reverse("memberships:receipt", args=[membership.pk])


def test_the_receipt_says_who_paid_what_when_and_how(client_for, staff):
    membership = MembershipFactory(
        paid=True,
        receipt_number=3,
        legal_unit__name="Association fictive des Jardins partagés",
        payment_method=PaymentMethod.CHEQUE,
    )
    page = client_for(staff).get(receipt_url(membership))
    assert "Reçu de cotisation n° 2026-0003" in page.text
    assert "CADES du Pays de Redon reconnaît avoir reçu de" in page.text
    assert "Association fictive des Jardins partagés" in page.text
    assert f"50,00{NBSP}€" in page.text
    assert "l’année 2026" in page.text
    assert "2 mars 2026" in page.text
    assert "Chèque" in page.text
    assert "pas d’un reçu fiscal" in page.text


def test_an_unpaid_membership_has_no_receipt(client_for, staff):
    membership = MembershipFactory()
    assert client_for(staff).get(receipt_url(membership)).status_code == 404


def test_the_member_representing_the_organisation_sees_its_receipt(client_for, member, represent):
    membership = MembershipFactory(paid=True)
    represent(member, membership.legal_unit)
    assert client_for(member).get(receipt_url(membership)).status_code == 200


def test_another_organisation_s_receipt_by_id_is_refused(client_for, member, represent):
    mine, theirs = MembershipFactory(paid=True), MembershipFactory(paid=True)
    represent(member, mine.legal_unit)
    assert client_for(member).get(receipt_url(theirs)).status_code == 404


def test_a_pending_claim_gives_no_access(client_for, member):
    from maillage.directory.models import Claim

    membership = MembershipFactory(paid=True)
    Claim.objects.create(user=member, legal_unit=membership.legal_unit)
    assert client_for(member).get(receipt_url(membership)).status_code == 404


def test_a_person_sees_their_own_receipt_and_nobody_else_s(client_for, member):
    own = MembershipFactory(paid=True, of_person=True, person=PersonFactory(user=member))
    other = MembershipFactory(paid=True, of_person=True)
    assert client_for(member).get(receipt_url(own)).status_code == 200
    assert client_for(member).get(receipt_url(other)).status_code == 404


def test_a_partner_representing_the_organisation_sees_no_receipt(client_for, partner, represent):
    membership = MembershipFactory(paid=True)
    represent(partner, membership.legal_unit)
    assert client_for(partner).get(receipt_url(membership)).status_code == 404


def test_the_member_space_shows_the_organisation_s_status_and_receipt(
    client_for, member, represent
):
    paid = MembershipFactory(year=2025, paid=True, receipt_number=9)
    represent(member, paid.legal_unit)
    MembershipFactory(year=2026, legal_unit=paid.legal_unit)
    MembershipFactory(year=2026, legal_unit__name="Structure fictive d’autrui")
    page = client_for(member).get(reverse("space:memberships:mine"))
    assert "En attente de paiement" in page.text
    assert "Reçu n° 2025-0009" in page.text
    assert "Structure fictive d’autrui" not in page.text


def test_a_deactivated_member_sees_nothing(client_for, represent):
    user = UserFactory(is_active=False)
    membership = MembershipFactory(paid=True)
    represent(user, membership.legal_unit)
    client = client_for(user)
    assert client.get(receipt_url(membership)).status_code in (302, 403, 404)
