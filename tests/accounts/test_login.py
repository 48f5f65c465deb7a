import pytest
from django.urls import reverse

from maillage.accounts.forms import INVALID_LOGIN
from tests.accounts.helpers import is_signed_in

pytestmark = pytest.mark.django_db


def test_login_page_is_public_and_in_french(client):
    response = client.get(reverse("accounts:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Adresse e-mail" in html
    assert "Mot de passe" in html
    assert 'type="email"' in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


@pytest.mark.parametrize(
    "typed", ["adherent@exemple.org", "Adherent@Exemple.ORG", " ADHERENT@exemple.org "]
)
def test_member_signs_in_by_email_in_any_case(client, sign_in, member, typed):
    response = sign_in(typed)
    assert response.status_code == 302
    assert response.url == reverse("space:home")
    assert is_signed_in(client)


def test_wrong_password_is_refused_with_a_french_message(client, sign_in, member):
    response = sign_in(member.email, "pas-le-bon-mot-de-passe")
    assert response.status_code == 200
    assert INVALID_LOGIN in response.content.decode()
    assert not is_signed_in(client)


def test_unknown_email_gets_the_same_message_as_a_wrong_password(sign_in, member):
    wrong_password = sign_in(member.email, "pas-le-bon-mot-de-passe").content.decode()
    unknown_email = sign_in("inconnu@exemple.org", "pas-le-bon-mot-de-passe").content.decode()
    assert INVALID_LOGIN in wrong_password
    assert INVALID_LOGIN in unknown_email


def test_inactive_account_cannot_sign_in_and_gets_the_usual_message(client, sign_in, member):
    member.is_active = False
    member.save()
    response = sign_in(member.email)
    assert INVALID_LOGIN in response.content.decode()
    assert not is_signed_in(client)


def test_logout_is_a_post_that_ends_the_session(client, sign_in, member):
    sign_in(member.email)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert is_signed_in(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert not is_signed_in(client)


def test_logout_of_an_expired_session_just_goes_home(client):
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("web:home")


@pytest.mark.parametrize("cast", ["staff", "administrator"])
def test_staff_land_on_what_waits_for_them_today(request, client, sign_in, cast):
    user = request.getfixturevalue(cast)

    response = sign_in(user.email)

    assert response.url == reverse("web:staff_home")


def test_staff_following_a_link_still_go_where_they_asked(client, sign_in, staff):
    response = sign_in(staff.email, next_url=reverse("activities:staff_list"))

    assert response.url == reverse("activities:staff_list")
