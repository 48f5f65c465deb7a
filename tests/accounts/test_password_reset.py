import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import is_signed_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-nouveau-secret-2026"


def request_reset(client, email):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def reset_link(message) -> str:
    match = re.search(
        rf"{settings.SITE_URL}(/compte/mot-de-passe/reinitialisation/\S+/)", message.body
    )
    assert match, message.body
    return match.group(1)


def choose_new_password(client, link, password=NEW_PASSWORD):
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_reset_form_is_public_and_in_french(client):
    response = client.get(reverse("accounts:password_reset"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mot de passe oublié" in html
    assert "Adresse e-mail" in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_reset_sends_a_french_email_with_a_link(client, member):
    response = request_reset(client, "Adherent@Exemple.org")
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject.startswith("Réinitialisation de votre mot de passe")
    assert "Bonjour" in message.body
    assert "Pour choisir un nouveau mot de passe" in message.body
    assert "24 heures" in message.body
    assert "INVALID_TEMPLATE_VARIABLE" not in message.subject + message.body


def test_link_in_the_email_sets_a_new_password(client, sign_in, member):
    request_reset(client, member.email)
    response = choose_new_password(client, reset_link(mail.outbox[0]))
    assert response.url == reverse("accounts:password_reset_complete")
    assert client.get(response.url).status_code == 200
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert sign_in(member.email, NEW_PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_a_used_link_no_longer_works(client, member):
    request_reset(client, member.email)
    link = reset_link(mail.outbox[0])
    choose_new_password(client, link)
    html = client.get(link, follow=True).content.decode()
    assert "Ce lien n’est plus valable" in html


def test_unknown_email_gets_the_same_page_and_no_email(client, member):
    known = request_reset(client, member.email)
    mail.outbox.clear()
    unknown = request_reset(client, "personne-inconnue@exemple.org")
    assert unknown.status_code == known.status_code == 302
    assert unknown.url == known.url
    assert mail.outbox == []
    done = client.get(unknown.url).content.decode()
    assert "Si un compte existe pour cette adresse" in done
    assert "INVALID_TEMPLATE_VARIABLE" not in done


def test_reset_lifts_the_lockout_on_the_email(client, sign_in, member):
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        sign_in(member.email, "pas-le-bon", ip=f"198.51.100.{attempt + 1}")
    request_reset(client, member.email)
    choose_new_password(client, reset_link(mail.outbox[0]))
    assert sign_in(member.email, NEW_PASSWORD, ip="203.0.113.7").status_code == 302


def test_reset_requests_are_limited_per_client_address_with_a_french_429(client, member):
    responses = [request_reset(client, member.email) for _ in range(6)]

    assert [response.status_code for response in responses] == [302] * 5 + [429]
    assert "Trop de demandes" in responses[-1].content.decode()
    assert len(mail.outbox) == 5
    elsewhere = client.post(
        reverse("accounts:password_reset"), {"email": member.email}, REMOTE_ADDR="192.0.2.9"
    )
    assert elsewhere.status_code == 302
