"""Staff record who represents the hub in which body, and what they report back."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.privacy.subject_rights import erase_person_record, export_person_record
from maillage.reports.funding.models import Mandate, MandateReport
from tests.people.factories import PersonFactory
from tests.reports.funding.factories import BodyFactory, MandateFactory
from tests.tokens import with_token

pytestmark = pytest.mark.django_db


def test_a_mandate_form_sent_twice_records_one_mandate(client_for, staff):
    body, person = BodyFactory(name="CRESS Bretagne"), PersonFactory()
    fields = with_token(
        {"body": body.pk, "person": person.pk, "role": "Titulaire", "starts_on": "2025-06-01"}
    )
    client = client_for(staff)

    client.post(reverse("funding:mandate_create"), fields)
    client.post(reverse("funding:mandate_create"), fields)

    mandate = Mandate.objects.get()
    assert (mandate.body, mandate.person, mandate.role) == (body, person, "Titulaire")


def test_a_mandate_ending_before_it_starts_is_refused_in_french(client_for, staff):
    fields = with_token(
        {
            "body": BodyFactory().pk,
            "person": PersonFactory().pk,
            "starts_on": "2025-06-01",
            "ends_on": "2025-05-31",
        }
    )

    response = client_for(staff).post(reverse("funding:mandate_create"), fields)

    assert response.status_code == 400
    assert "La fin du mandat suit son début." in response.content.decode()


def test_the_list_separates_current_and_ended_mandates(client_for, staff):
    today = timezone.localdate()
    MandateFactory(body=BodyFactory(name="Conseil de développement"))
    MandateFactory(
        body=BodyFactory(name="Réseau des pôles"),
        starts_on=date(2020, 1, 1),
        ends_on=today - timedelta(days=1),
    )

    page = client_for(staff).get(reverse("funding:mandates")).content.decode()

    current, past = page.split("Mandats terminés")
    assert "Conseil de développement" in current
    assert "Réseau des pôles" not in current
    assert "Réseau des pôles" in past


def test_a_report_back_is_recorded_once_on_the_mandate(client_for, staff):
    mandate = MandateFactory()
    fields = with_token({"held_on": "2026-03-12", "text": "Le conseil a voté le budget."})
    client = client_for(staff)
    url = reverse("funding:add_mandate_report", args=[mandate.pk])

    client.post(url, fields)
    client.post(url, fields)

    assert [r.text for r in mandate.reports.all()] == ["Le conseil a voté le budget."]
    assert "Le conseil a voté le budget." in client.get(mandate.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["member", "partner"])
def test_members_and_partners_are_refused_the_mandates(request, client_for, role):
    mandate = MandateFactory()
    client = client_for(request.getfixturevalue(role))

    for url in [reverse("funding:mandates"), mandate.get_absolute_url()]:
        assert client.get(url).status_code == 403


def test_the_person_s_export_holds_their_mandates_and_erasure_keeps_the_history():
    person = PersonFactory(first_name="Annaïg", last_name="Le Goff", email="annaig@exemple.org")
    mandate = MandateFactory(person=person, body=BodyFactory(name="CRESS Bretagne"))
    MandateReport.objects.create(mandate=mandate, held_on=date(2026, 3, 1), text="Budget voté.")

    export = str(export_person_record(person))
    erase_person_record(person, journal=False)

    assert "CRESS Bretagne" in export
    assert "Budget voté." in export
    mandate.refresh_from_db()
    assert "Le Goff" not in str(mandate.person)
    assert mandate.reports.count() == 1
