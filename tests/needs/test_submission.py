"""A need submitted without an account: a honeypot, a rate limit, and an e-mail link that only
its owner receives, before anything is published."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from maillage.needs.confirmation import digest
from maillage.needs.models import Need
from maillage.needs.submission import SUBMISSIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """Each request's after-commit work runs as in production: the confirmation e-mail is
    queued once the submission is committed."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


LINK = re.compile(r"https?://\S+/besoins/confirmer/(\S+)/")


def _form(client, **extra):
    page = client.get(reverse("needs:submit")).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    data = {
        "submission": token,
        "title": "Une laverie solidaire",
        "description": "Rien à moins de 20 km pour laver son linge.",
        "email": "habitante@exemple.org",
        "consent": "on",
        **extra,
    }
    return client.post(reverse("needs:submit"), data)


def _link(message) -> str:
    return LINK.search(message.body).group(1)


def test_a_submitted_need_is_published_only_once_its_link_is_followed(client):
    _form(client)
    need = Need.objects.get()
    assert client.get(need.get_absolute_url()).status_code == 404
    assert "Une laverie solidaire" not in client.get(reverse("needs:list")).content.decode()
    (message,) = mail.outbox
    assert message.to == ["habitante@exemple.org"]
    token = _link(message)

    # Opening the link (a mail scanner does) shows a button and confirms nothing.
    assert client.get(reverse("needs:confirm", args=[token])).status_code == 200
    assert client.get(need.get_absolute_url()).status_code == 404
    response = client.post(reverse("needs:confirm", args=[token]))

    assert response.status_code == 302
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Une laverie solidaire" in page
    assert "habitante@exemple.org" not in page


def test_the_database_keeps_only_the_hash_of_the_link(client):
    _form(client)
    token = _link(mail.outbox[0])
    need = Need.objects.get()
    assert need.confirmation_hash == digest(token)
    assert token not in str(Need.objects.values().get())


def test_a_link_works_once(client):
    _form(client)
    token = _link(mail.outbox[0])
    client.post(reverse("needs:confirm", args=[token]))
    assert client.post(reverse("needs:confirm", args=[token])).status_code == 404


def test_a_guessed_link_confirms_nothing(client):
    _form(client)
    assert client.post(reverse("needs:confirm", args=["devine"])).status_code == 404
    assert Need.objects.get().confirmed_at is None


def test_a_robot_filling_the_hidden_field_sees_success_and_creates_nothing(client):
    response = _form(client, website="http://spam.example")
    assert response.status_code == 200
    assert "confirmez votre besoin" in response.content.decode().lower()
    assert not Need.objects.exists()
    assert not mail.outbox


def test_the_same_form_sent_twice_creates_one_need(client):
    page = client.get(reverse("needs:submit")).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    data = {
        "submission": token,
        "title": "Une laverie",
        "description": "Rien.",
        "email": "a@exemple.org",
        "consent": "on",
    }
    client.post(reverse("needs:submit"), data)
    client.post(reverse("needs:submit"), data)
    assert Need.objects.count() == 1
    assert len(mail.outbox) == 1


def test_too_many_submissions_from_one_address_are_refused(client):
    for _ in range(SUBMISSIONS.hits):
        _form(client)
    response = _form(client)
    assert response.status_code == 429
    assert Need.objects.count() == SUBMISSIONS.hits


def test_a_signed_in_person_submits_without_confirmation_and_finds_it_in_my_needs(
    client_for, member
):
    client = client_for(member)
    page = client.get(reverse("needs:submit")).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    client.post(
        reverse("needs:submit"),
        {"submission": token, "title": "Un jardin partagé", "description": "Pour le quartier."},
    )
    assert not mail.outbox
    mine = client.get(reverse("space:needs:mine")).content.decode()
    assert "Un jardin partagé" in mine
