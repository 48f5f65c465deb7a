import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_password_change_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_signed_in_person_changes_their_password(client_for, member):
    client = client_for(member)
    page = client.get(reverse("accounts:password_change")).content.decode()
    assert "Ancien mot de passe" in page
    assert "INVALID_TEMPLATE_VARIABLE" not in page
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "encore-un-secret-2026",
            "new_password2": "encore-un-secret-2026",
        },
    )
    assert response.url == reverse("accounts:password_change_done")
    assert "Mot de passe changé" in client.get(response.url).content.decode()
    member.refresh_from_db()
    assert member.check_password("encore-un-secret-2026")


def test_wrong_old_password_changes_nothing(client_for, member):
    response = client_for(member).post(
        reverse("accounts:password_change"),
        {
            "old_password": "pas-le-bon",
            "new_password1": "encore-un-secret-2026",
            "new_password2": "encore-un-secret-2026",
        },
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
