import pytest
from django.urls import reverse

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.enums import Role
from maillage.accounts.models import User
from tests.accounts.helpers import is_signed_in

pytestmark = pytest.mark.django_db


def test_one_demo_account_per_role():
    accounts = create_demo_accounts()
    assert sorted(a.role for a in accounts) == sorted(Role.values)
    for account in accounts:
        user = User.objects.get(email=account.email)
        assert user.role == account.role
        assert user.full_name == account.full_name
        assert account.email.endswith(".test")
        assert len(account.password) >= 12


@pytest.mark.parametrize("role", Role.values)
def test_each_demo_account_signs_in_with_its_published_password(client, role):
    account = next(a for a in create_demo_accounts() if a.role == role)
    response = client.post(
        reverse("accounts:login"), {"username": account.email, "password": account.password}
    )
    assert response.status_code == 302
    assert is_signed_in(client)


def test_demo_administrator_and_staff_reach_the_admin():
    create_demo_accounts()
    assert User.objects.get(role=Role.ADMINISTRATOR).is_superuser
    assert User.objects.get(role=Role.STAFF).is_staff
    assert not User.objects.get(role=Role.STAFF).is_superuser


def test_second_run_creates_nothing_and_keeps_a_changed_password():
    first = create_demo_accounts()
    person = User.objects.get(email=first[0].email)
    person.set_password("choisi-par-la-personne-2026")
    person.save()
    second = create_demo_accounts()
    assert second == first
    assert User.objects.count() == len(first)
    person.refresh_from_db()
    assert person.check_password("choisi-par-la-personne-2026")
