"""Knowing someone's e-mail never gives their registration: whoever submits an address already
registered sees the same neutral page as for a new one, and the personal link goes, again, to
the address only (a few times an hour at most). A signed-in person sees their own."""

from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from maillage.activities.models import Registration
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim():
    return RegistrationFactory(
        name="Victoire Dupré", email="victoire@exemple.org", activity__slug="atelier"
    )


def submit(client, email, slug="atelier", name="Quelqu’un"):
    data = {"name": name, "email": email, "consent": "on"}
    return client.post(f"/agenda/{slug}/inscription/", data)


def assert_reveals_nothing_of(victim, response, client):
    assert response.status_code == 302
    assert response["Location"] == "/agenda/atelier/inscription/envoyee/"
    page = client.get(response["Location"]).content.decode()
    for secret in (victim.token, victim.name, victim.email):
        assert secret not in page


def test_a_visitor_typing_a_registrant_s_email_gets_the_neutral_page_and_the_owner_the_link(
    client, victim, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, "VICTOIRE@exemple.org")

    assert_reveals_nothing_of(victim, response, client)
    assert Registration.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["victoire@exemple.org"]
    assert message.subject == f"Votre lien personnel : {victim.activity.title}"
    assert f"/agenda/inscription/{victim.token}/" in message.body
    assert "Bonjour Victoire Dupré" in message.body


def test_new_and_already_registered_addresses_get_the_same_answer(client, victim):
    known = submit(client, "victoire@exemple.org")
    new = submit(client, "nouvelle@exemple.org")

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]


def test_the_link_is_sent_again_three_times_an_hour_at_most_and_the_page_stays_neutral(
    client, victim, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        responses = [submit(client, "victoire@exemple.org") for _ in range(5)]

    for response in responses:
        assert_reveals_nothing_of(victim, response, client)
    assert len(mail.outbox) == 3


def test_a_signed_in_person_sees_their_own_registration(
    client_for, member, django_capture_on_commit_callbacks
):
    mine = RegistrationFactory(email=member.email.upper(), activity__slug="atelier")
    client = client_for(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, member.email)

    assert response["Location"] == f"/agenda/inscription/{mine.token}/"
    assert mail.outbox == []


def test_a_signed_in_person_registering_fresh_sees_the_new_registration(client_for, member):
    ActivityFactory(slug="atelier")

    response = submit(client_for(member), member.email)

    assert response["Location"] == f"/agenda/inscription/{Registration.objects.get().token}/"


def test_on_a_members_only_activity_a_member_cannot_reach_another_member_s_registration(
    client_for, member, django_capture_on_commit_callbacks
):
    victim = RegistrationFactory(
        name="Victoire Dupré",
        email="victoire@exemple.org",
        activity=ActivityFactory(slug="atelier", members_only=True),
    )
    client = client_for(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, "victoire@exemple.org")

    assert_reveals_nothing_of(victim, response, client)
    assert [message.to for message in mail.outbox] == [["victoire@exemple.org"]]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_builds_the_e_mail_from_the_registration_id_alone(client, tmp_path: Path):
    victim = RegistrationFactory(email="victoire@exemple.org", activity__slug="atelier")

    submit(client, "victoire@exemple.org")

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs == {"args": [victim.pk], "kwargs": {}}
    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    assert worker.returncode == 0, worker.stderr
    delivered = "".join(path.read_text() for path in tmp_path.iterdir())
    assert f"/agenda/inscription/{victim.token}/" in delivered
    # The task kept only the id: no body, address or link in the database once it ran.
    [done] = DBTaskResult.objects.all()
    assert done.status == "SUCCESSFUL"
    stored = f"{done.args_kwargs} {done.return_value}"
    assert victim.token not in stored
    assert "victoire" not in stored


def test_the_registration_form_is_limited_per_client_address_with_a_french_429(client):
    ActivityFactory(slug="atelier")

    responses = [submit(client, f"personne{n}@exemple.org") for n in range(21)]

    assert [response.status_code for response in responses] == [302] * 20 + [429]
    refused = responses[-1]
    assert "Trop de demandes" in refused.content.decode()
    assert "réessayer dans une heure" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert Registration.objects.count() == 20
    from_elsewhere = client.post(
        "/agenda/atelier/inscription/",
        {"name": "Ailleurs", "email": "ailleurs@exemple.org", "consent": "on"},
        REMOTE_ADDR="192.0.2.99",
    )
    assert from_elsewhere.status_code == 302
