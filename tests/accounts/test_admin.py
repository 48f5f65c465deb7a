import pytest
from django.urls import reverse

from maillage.accounts.enums import Role
from maillage.accounts.models import User

pytestmark = pytest.mark.django_db


def test_administrator_creates_a_user_with_a_password(client_for, administrator, sign_in):
    client = client_for(administrator)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nouvelle.Personne@Exemple.org",
            "full_name": "Nouvelle Personne",
            "role": Role.PARTNER,
            "organisation_name": "Coopérative d’essai",
            "usable_password": "true",
            "password1": "un-secret-solide-2026",
            "password2": "un-secret-solide-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()
    user = User.objects.get(email="nouvelle.personne@exemple.org")
    assert user.role == Role.PARTNER
    assert user.organisation_name == "Coopérative d’essai"
    client.logout()
    assert sign_in("nouvelle.personne@exemple.org", "un-secret-solide-2026").status_code == 302


def test_admin_refuses_a_duplicate_email_in_another_case(client_for, administrator, member):
    response = client_for(administrator).post(
        reverse("admin:accounts_user_add"),
        {
            "email": member.email.upper(),
            "role": Role.MEMBER,
            "usable_password": "true",
            "password1": "un-secret-solide-2026",
            "password2": "un-secret-solide-2026",
        },
    )
    assert response.status_code == 200
    assert User.objects.filter(email=member.email).count() == 1


def test_user_pages_in_the_admin_are_in_french(client_for, administrator, member):
    client = client_for(administrator)
    listing = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Structure représentée" in listing
    change = client.get(reverse("admin:accounts_user_change", args=[member.pk])).content.decode()
    assert "Rôle" in change
    assert "Mot de passe" in change
    add = client.get(reverse("admin:accounts_user_add")).content.decode()
    assert "Adresse e-mail" in add


def test_administrator_changes_a_role(client_for, administrator, member):
    client = client_for(administrator)
    url = reverse("admin:accounts_user_change", args=[member.pk])
    response = client.post(
        url,
        {
            "email": member.email,
            "full_name": member.full_name,
            "organisation_name": "",
            "role": Role.STAFF,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    member.refresh_from_db()
    assert member.role == Role.STAFF
    assert member.is_staff


@pytest.mark.parametrize(
    "url",
    [
        "admin:accounts_user_changelist",
        "admin:accounts_user_add",
        "admin:accounts_failedlogin_changelist",
    ],
)
def test_staff_cannot_manage_accounts(client_for, staff, url):
    assert client_for(staff).get(reverse(url)).status_code == 403
