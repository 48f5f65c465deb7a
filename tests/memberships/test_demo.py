from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from maillage.core import demo
from maillage.network.memberships.demo import create_demo_memberships
from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import Membership
from maillage.network.memberships.renewal import not_renewed
from tests.directory.factories import LegalUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_members():
    """Ten member organisations of the demo directory, and one that is not a member."""
    demo.mark(LegalUnitFactory(siren="990000011", name="Association fictive non adhérente"))
    members = [
        LegalUnitFactory(siren=f"9900001{n:02d}", name=f"Association fictive {n}", member=True)
        for n in range(10)
    ]
    demo.mark(*members)
    LegalUnitFactory(siren="123456782", name="Association réelle", member=True)
    return members


@time_machine.travel(datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
def test_the_demo_gives_two_years_of_memberships_to_the_directory_s_members(demo_members):
    created = create_demo_memberships()
    assert created == 10 + 8
    assert Membership.objects.filter(legal_unit__name__contains="non adhérente").count() == 0
    assert not_renewed(2026).count() == 2
    assert Membership.objects.of_year(2026).filter(status=MembershipStatus.PENDING).count() == 2
    # Waived when the SIREN is 5 modulo 6: 990000101 and 990000107.
    assert Membership.objects.of_year(2025).filter(status=MembershipStatus.WAIVED).count() == 2
    assert list(
        Membership.objects.of_year(2025)
        .paid()
        .order_by("receipt_number")
        .values_list("receipt_number", flat=True)
    ) == list(range(1, 9))  # ten members, two waived: receipts 1 to 8, none skipped


def test_a_second_run_creates_nothing_and_changes_nothing(demo_members):
    create_demo_memberships()
    before = list(Membership.objects.order_by("pk").values())
    assert create_demo_memberships() == 0
    assert list(Membership.objects.order_by("pk").values()) == before


def test_the_demo_member_account_s_organisation_joins(demo_members, represent):
    from tests.factories import UserFactory

    account = UserFactory(email="adherent@demo.maillage.test")
    unit = LegalUnitFactory(siren="990000200", name="Association fictive des Jardins partagés")
    represent(account, unit)
    create_demo_memberships()
    assert Membership.objects.filter(legal_unit=unit).exists()


def test_the_demo_member_represents_a_member_organisation_that_renewed_and_paid(demo_members):
    from tests.factories import UserFactory

    account = UserFactory(email="adherent@demo.maillage.test")
    create_demo_memberships()

    year = timezone.localdate().year
    represented = Membership.objects.filter(legal_unit__claims__user=account)
    assert represented.of_year(year).get().status == MembershipStatus.PAID
    assert all(m.paid_on <= timezone.localdate() for m in Membership.objects.paid())
