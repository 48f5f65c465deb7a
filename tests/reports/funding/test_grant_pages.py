"""Staff record funders, applications and grants in pages, with the schedule and reports due."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from maillage.plan.links import actions_of
from maillage.plan.models import Action
from maillage.reports.funding.models import Application, Funder, Grant
from tests.reports.funding.factories import (
    FunderFactory,
    GrantFactory,
    InstalmentFactory,
    ReportDueFactory,
)
from tests.tokens import with_token

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's text with its non-breaking spaces as plain ones."""
    return response.content.decode().replace("\u00a0", " ").replace("\u202f", " ")


def grant_fields(funder, **changes):
    return {
        "funder": funder.pk,
        "purpose": "Animation du Mois de l’ESS",
        "amount": "12 500,50",
        "nature": "aide en numéraire",
        "agreement_on": "2026-02-10",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        **changes,
    }


@pytest.mark.parametrize("role", ["member", "partner"])
def test_members_and_partners_are_refused_the_funding_pages(request, client_for, role):
    grant = GrantFactory()
    client = client_for(request.getfixturevalue(role))

    for url in [reverse("funding:funders"), grant.get_absolute_url()]:
        assert client.get(url).status_code == 403


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("funding:funders"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_staff_create_a_funder_with_a_checked_siret(client_for, staff):
    client = client_for(staff)
    fields = {"name": "Région Bretagne", "kind": "region", "siret": "23350001600041"}

    refused = client.post(reverse("funding:funder_create"), fields)
    created = client.post(reverse("funding:funder_create"), fields | {"siret": "23350001600040"})

    assert refused.status_code == 400
    assert "sa clé de contrôle est fausse" in refused.content.decode()
    funder = Funder.objects.get()
    assert created.url == funder.get_absolute_url()
    assert funder.siret == "23350001600040"


def test_a_grant_form_sent_twice_records_one_grant_linked_to_its_actions(
    client_for, staff, loaded_plan
):
    funder = FunderFactory()
    action = Action.objects.order_by("code").first()
    fields = with_token(grant_fields(funder, actions=[action.pk]))
    client = client_for(staff)

    first = client.post(reverse("funding:grant_create"), fields)
    second = client.post(reverse("funding:grant_create"), fields)

    grant = Grant.objects.get()
    assert first.url == second.url == grant.get_absolute_url()
    assert grant.amount == Decimal("12500.50")
    assert list(actions_of(grant)) == [action]


def test_a_grant_ending_before_it_starts_is_refused_in_french(client_for, staff):
    fields = with_token(grant_fields(FunderFactory(), ends_on="2025-12-31"))

    response = client_for(staff).post(reverse("funding:grant_create"), fields)

    assert response.status_code == 400
    assert "La fin de la période suit son début." in response.content.decode()
    assert not Grant.objects.exists()


def test_the_grant_page_shows_received_expected_and_late_instalments(client_for, staff):
    grant = GrantFactory(amount=Decimal("20000"))
    InstalmentFactory(grant=grant, amount=Decimal("8000"), received_on=date(2026, 3, 5))
    InstalmentFactory(grant=grant, amount=Decimal("7000"), expected_on=date(2026, 6, 1))
    ReportDueFactory(grant=grant, title="Compte rendu financier", due_on=date(2027, 6, 30))

    page = text(client_for(staff).get(grant.get_absolute_url()))

    assert "Reçu : 8 000,00 € ; attendu : 7 000,00 €" in page
    assert "reste à échelonner : 5 000,00 €" in page
    assert "reçu le 5 mars 2026" in page
    assert "Compte rendu financier" in page


def test_the_grant_page_is_titled_by_the_grant_and_offers_one_redistribution_form(
    client_for, staff
):
    grant = GrantFactory(purpose="Animation du réseau")

    html = client_for(staff).get(grant.get_absolute_url()).content.decode()

    title = html.split("<title>")[1].split("</title>")[0]
    assert title.startswith("Animation du réseau – Financements")
    assert "<" not in title
    assert html.count(reverse("funding:add_redistribution", args=[grant.pk])) == 1


def test_an_instalment_beyond_the_grant_is_refused_on_the_page(client_for, staff):
    grant = GrantFactory(amount=Decimal("1000"))
    client = client_for(staff)
    url = reverse("funding:add_instalment", args=[grant.pk])

    refused = client.post(url, with_token({"amount": "1 000,01", "expected_on": "2026-05-01"}))
    fields = with_token({"amount": "1 000", "expected_on": "2026-05-01"})
    client.post(url, fields)
    client.post(url, fields)

    assert refused.status_code == 400
    assert "dépasseraient le montant accordé" in refused.content.decode()
    assert [i.amount for i in grant.instalments.all()] == [Decimal("1000")]


def test_a_report_due_is_noted_then_marked_sent(client_for, staff):
    grant = GrantFactory()
    client = client_for(staff)
    fields = {"title": "Bilan intermédiaire", "due_on": "2026-07-15"}

    client.post(reverse("funding:add_report_due", args=[grant.pk]), fields)
    client.post(reverse("funding:add_report_due", args=[grant.pk]), fields)
    report = grant.reports_due.get()
    client.post(
        reverse("funding:report_sent", args=[grant.pk, report.pk]), {"sent_on": "2026-07-10"}
    )

    report.refresh_from_db()
    assert report.sent_on == date(2026, 7, 10)


def test_an_application_becomes_the_grant_it_led_to(client_for, staff):
    funder = FunderFactory()
    client = client_for(staff)
    client.post(
        reverse("funding:application_create"),
        with_token(
            {
                "funder": funder.pk,
                "title": "Animation du Mois de l’ESS",
                "requested_amount": "15 000",
                "submitted_on": "2025-11-02",
                "status": "submitted",
            }
        ),
    )
    application = Application.objects.get()

    form = client.get(reverse("funding:grant_create") + f"?demande={application.pk}")
    client.post(
        reverse("funding:grant_create"),
        with_token(grant_fields(funder, application=application.pk)),
    )

    assert f'<option value="{application.pk}" selected>' in form.content.decode()
    assert Grant.objects.get().application == application


def test_staff_move_an_instalment_and_note_it_received(client_for, staff):
    grant = GrantFactory(amount=Decimal("20000"))
    instalment = InstalmentFactory(grant=grant, amount=Decimal("8000"))
    client = client_for(staff)
    url = reverse("funding:instalment_edit", args=[grant.pk, instalment.pk])

    shown = client.get(url)
    response = client.post(
        url, {"amount": "9 500", "expected_on": "2026-04-15", "received_on": "2026-04-20"}
    )

    assert shown.status_code == 200
    assert 'value="2026-03-01"' in shown.content.decode()
    assert response.url == grant.get_absolute_url()
    instalment.refresh_from_db()
    assert (instalment.amount, instalment.expected_on, instalment.received_on) == (
        Decimal("9500"),
        date(2026, 4, 15),
        date(2026, 4, 20),
    )
    assert "Reçu : 9 500,00 €" in text(client.get(grant.get_absolute_url()))


def test_an_instalment_raised_beyond_the_grant_is_refused_and_left_unchanged(client_for, staff):
    grant = GrantFactory(amount=Decimal("10000"))
    InstalmentFactory(grant=grant, amount=Decimal("6000"))
    instalment = InstalmentFactory(grant=grant, amount=Decimal("4000"))
    url = reverse("funding:instalment_edit", args=[grant.pk, instalment.pk])

    refused = client_for(staff).post(url, {"amount": "4 000,01", "expected_on": "2026-06-01"})
    kept = client_for(staff).post(url, {"amount": "4 000", "expected_on": "2026-06-01"})

    assert refused.status_code == 400
    assert "dépasseraient le montant accordé (10 000,00 €)" in text(refused)
    assert kept.status_code == 302  # the instalment's own amount is not counted twice
    instalment.refresh_from_db()
    assert instalment.amount == Decimal("4000")


def test_an_instalment_cannot_be_received_in_the_future(client_for, staff):
    instalment = InstalmentFactory()
    url = reverse("funding:instalment_edit", args=[instalment.grant.pk, instalment.pk])
    tomorrow = date.today().toordinal() + 2

    response = client_for(staff).post(
        url,
        {
            "amount": "10 000",
            "expected_on": "2026-03-01",
            "received_on": date.fromordinal(tomorrow).isoformat(),
        },
    )

    assert response.status_code == 400
    assert "Un versement ne peut pas être reçu à une date future." in text(response)
    instalment.refresh_from_db()
    assert instalment.received_on is None


@pytest.mark.parametrize("role", ["member", "partner"])
def test_members_and_partners_cannot_edit_an_instalment(request, client_for, role):
    instalment = InstalmentFactory()
    url = reverse("funding:instalment_edit", args=[instalment.grant.pk, instalment.pk])
    client = client_for(request.getfixturevalue(role))

    assert client.post(url, {"amount": "1", "expected_on": "2026-03-01"}).status_code == 403
    instalment.refresh_from_db()
    assert instalment.amount == Decimal("10000")
