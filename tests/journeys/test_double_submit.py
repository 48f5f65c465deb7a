"""A create form sent twice (double click, browser resubmit, replayed request) creates one row.

Each create form carries a one-time token; the row stores it under a unique constraint. The
replay finds the first row and lands on the case with a message; submits fired at the same
instant from several threads (each with its own connection) still leave exactly one row.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.core.form_tokens import ALREADY_SAVED, EXPIRED
from maillage.network.people.models import Person
from maillage.support.journeys.models import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    Referral,
    SupportCase,
)
from maillage.support.journeys.referrals import ALREADY_OPEN
from maillage.support.journeys.views.records import ELSEWHERE
from tests.factories import UserFactory
from tests.journeys.factories import SupportCaseFactory
from tests.posting import THREADS, post_at_once
from tests.services.factories import ServiceFactory
from tests.tokens import with_token
from tests.typeset import french

NEW_CASE = {
    "title": "Recyclerie du canal",
    "kind": "collective",
    "opened_on": "2026-01-15",
    "new_first_name": "Lou",
    "new_last_name": "Doublon",
    "new_email": "lou.doublon@exemple.org",
}

# What each form of the case page posts, and the rows it creates.
RECORDS = {
    "add_appointment": (
        Appointment,
        lambda: {"held_on": "2026-03-05", "with_whom": "Mme Exemple", "notes": "Budget"},
    ),
    "add_note": (CaseNote, lambda: {"text": "Rappeler jeudi"}),
    "add_next_step": (NextStep, lambda: {"title": "Appeler la banque", "due_on": "2099-01-01"}),
    "add_document": (
        CaseDocument,
        lambda: {"title": "Budget", "file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 x")},
    ),
}


def last_message(response) -> str:
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def test_a_new_case_sent_twice_opens_one_case_and_one_holder(client_for, staff):
    client = client_for(staff)
    data = with_token(NEW_CASE)

    first = client.post(reverse("journeys:case_create"), data)
    second = client.post(reverse("journeys:case_create"), data)

    case = SupportCase.objects.get()
    assert first.url == second.url == case.get_absolute_url()
    assert last_message(second) == ALREADY_SAVED
    assert Person.objects.filter(last_name="Doublon").count() == 1
    assert case.stage_changes.count() == 1


def test_two_new_case_forms_open_two_cases(client_for, staff):
    client = client_for(staff)

    client.post(reverse("journeys:case_create"), with_token(NEW_CASE))
    client.post(reverse("journeys:case_create"), with_token(NEW_CASE))

    assert SupportCase.objects.count() == 2


@pytest.mark.parametrize("name", RECORDS)
def test_a_case_page_form_sent_twice_records_once(client_for, staff, name):
    model, fields = RECORDS[name]
    case = SupportCaseFactory()
    client = client_for(staff)
    token = with_token({})["submission"]
    url = reverse(f"journeys:{name}", args=[case.pk])

    first = client.post(url, {**fields(), "submission": token})
    second = client.post(url, {**fields(), "submission": token})

    assert first.status_code == second.status_code == 302
    assert second.url == case.get_absolute_url()
    assert last_message(second) == ALREADY_SAVED
    assert model.objects.filter(case=case).count() == 1


def test_a_replayed_document_leaves_one_file(client_for, staff, settings):
    case = SupportCaseFactory()
    client = client_for(staff)
    data = with_token({})
    url = reverse("journeys:add_document", args=[case.pk])

    for _ in range(2):
        client.post(url, {**data, **RECORDS["add_document"][1]()})

    assert len([path for path in settings.SUPPORT_DOCUMENTS_ROOT.rglob("*") if path.is_file()]) == 1


@pytest.mark.parametrize("token", [None, "", "pas-un-jeton"])
def test_a_form_without_its_token_is_refused_and_nothing_is_recorded(client_for, staff, token):
    case = SupportCaseFactory()
    data = {"text": "Rappeler jeudi"} | ({} if token is None else {"submission": token})

    response = client_for(staff).post(reverse("journeys:add_note", args=[case.pk]), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert french(EXPIRED) in page
    assert "Rappeler jeudi" in page  # what was typed stays
    assert not CaseNote.objects.exists()


def test_a_token_used_on_another_case_is_refused(client_for, staff):
    first, second = SupportCaseFactory(), SupportCaseFactory()
    client = client_for(staff)
    data = with_token({"text": "Rappeler jeudi"})
    client.post(reverse("journeys:add_note", args=[first.pk]), data)

    response = client.post(reverse("journeys:add_note", args=[second.pk]), data)

    assert response.status_code == 400
    assert french(ELSEWHERE) in response.content.decode()
    assert list(CaseNote.objects.values_list("case", flat=True)) == [first.pk]


def test_the_case_page_draws_a_new_token_each_time(client_for, staff):
    case = SupportCaseFactory()
    client = client_for(staff)

    tokens = [
        client.get(case.get_absolute_url() + "?action=note")
        .context["open"]["form"]["submission"]
        .value()
        for _ in range(2)
    ]

    assert tokens[0] != tokens[1]


# Concurrency: real threads, real connections (a transaction-per-test database).


@pytest.mark.django_db(transaction=True)
def test_a_new_case_fired_from_several_threads_at_once_opens_one_case():
    staff = UserFactory(staff=True)

    statuses = post_at_once(staff, reverse("journeys:case_create"), with_token(NEW_CASE))

    assert statuses == [302] * THREADS
    assert SupportCase.objects.count() == 1
    assert Person.objects.filter(last_name="Doublon").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", RECORDS)
def test_a_case_page_form_fired_from_several_threads_at_once_records_once(name, settings):
    model, fields = RECORDS[name]
    staff = UserFactory(staff=True)
    case = SupportCaseFactory()
    token = with_token({})["submission"]

    url = reverse(f"journeys:{name}", args=[case.pk])

    statuses = post_at_once(staff, url, lambda: {**fields(), "submission": token})

    assert statuses == [302] * THREADS
    assert model.objects.filter(case=case).count() == 1
    if model is CaseDocument:
        files = [path for path in settings.SUPPORT_DOCUMENTS_ROOT.rglob("*") if path.is_file()]
        assert len(files) == 1


def test_a_referral_sent_twice_stays_one_open_referral(client_for, staff):
    case = SupportCaseFactory()
    service = ServiceFactory(on_offer=True)
    client = client_for(staff)
    url = reverse("journeys:refer", args=[case.pk])

    client.post(url, {"service": service.pk, "message": "Projet de recyclerie"})
    second = client.post(url, {"service": service.pk, "message": "Projet de recyclerie"})

    assert second.status_code == 400
    assert french(ALREADY_OPEN) in second.content.decode()
    assert Referral.objects.filter(case=case, service=service).count() == 1
