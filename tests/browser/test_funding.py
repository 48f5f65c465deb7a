"""The funding and mandate pages in real Chromium: axe-clean, and usable on a 390 px phone."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from maillage.core import demo
from maillage.core.dates import french_date
from maillage.plan.models import Action
from maillage.reports.funding.demo import create_demo_funding
from maillage.reports.funding.models import ActionExpense, Grant, Mandate
from tests.browser.conftest import OVERFLOW, open_page
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def funding(hub_data):
    people = [PersonFactory(), PersonFactory()]
    demo.mark(*people)
    create_demo_funding()
    return Grant.objects.order_by("pk").first()


def pages(grant: Grant) -> list[str]:
    mandate = Mandate.objects.order_by("pk").first()
    instalment = grant.instalments.order_by("pk").first()
    line = grant.budget_lines.order_by("pk").first()
    return [
        reverse("funding:instalment_edit", args=[grant.pk, instalment.pk]),
        reverse("funding:budget_line_edit", args=[grant.pk, line.pk]),
        reverse("funding:published_grants"),
        "/financements/",
        grant.get_absolute_url(),
        f"/financements/subventions/{grant.pk}/compte-rendu/",
        f"/financements/subventions/{grant.pk}/modifier/",
        "/financements/subventions/nouvelle/",
        "/financements/financeurs/nouveau/",
        f"/financements/financeurs/{grant.funder.pk}/",
        "/financements/demandes/nouvelle/",
        "/financements/donnees-ouvertes/",
        "/mandats/",
        "/mandats/nouveau/",
        mandate.get_absolute_url(),
    ]


def test_the_funding_pages_pass_axe(audit_page, live_server, funding):
    page = signed_in(audit_page, live_server, UserFactory(staff=True))

    for path in pages(funding):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1
        assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
        assert_no_serious_axe_violations(page)


def test_the_funding_pages_fit_a_phone_and_an_instalment_is_added_there(
    browser, browser_problems, live_server, funding
):
    context, page = open_page(browser, PHONE, browser_problems)
    signed_in(page, live_server, UserFactory(staff=True))

    for path in pages(funding):
        page.goto(live_server.url + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], path

    funding.instalments.all().delete()
    page.goto(live_server.url + funding.get_absolute_url())
    page.get_by_text("Ajouter un versement à l’échéancier").click()
    page.get_by_label("Montant du versement en euros").fill("1 500,50")
    page.get_by_label("Attendu le").fill("2026-09-01")
    page.get_by_role("button", name="Ajouter le versement").click()

    expect(page.get_by_text("Le versement est ajouté à l’échéancier.")).to_be_visible()
    assert [str(i.amount) for i in funding.instalments.all()] == ["1500.50"]
    context.close()


def test_on_a_phone_staff_change_an_instalment_and_a_budget_line(
    browser, browser_problems, live_server, funding
):
    context, page = open_page(browser, PHONE, browser_problems)
    signed_in(page, live_server, UserFactory(staff=True))
    instalment = funding.instalments.order_by("pk").last()
    line = funding.budget_lines.order_by("pk").first()

    page.goto(live_server.url + funding.get_absolute_url())
    expected = french_date(instalment.expected_on, "j F Y")
    page.get_by_role("link", name=f"Modifier le versement attendu le {expected}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier le versement")
    page.get_by_label("Attendu le").fill("2026-10-15")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Le versement est modifié.")).to_be_visible()

    page.goto(live_server.url + reverse("funding:grant_report", args=[funding.pk]))
    page.get_by_role("link", name=f"Modifier la ligne « {line.label} »").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(line.label)
    page.get_by_label("Explication de l’écart").fill("Un atelier de plus qu’annoncé.")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La ligne du budget est modifiée.")).to_be_visible()
    expect(page.get_by_text("Un atelier de plus qu’annoncé.")).to_be_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    instalment.refresh_from_db()
    assert instalment.expected_on.isoformat() == "2026-10-15"
    context.close()


def test_on_a_phone_staff_write_the_expenses_of_an_action(phone, live_server, funding):
    signed_in(phone, live_server, UserFactory(staff=True))
    year = timezone.localdate().year
    action = Action.objects.get(code="3c.2")

    phone.goto(live_server.url + reverse("funding:funders"))
    phone.get_by_role("link", name="Dépenses par action").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(f"Dépenses par action {year}")
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)

    phone.get_by_label(action.title).fill("21 000,50")
    phone.get_by_role("button", name=f"Enregistrer les dépenses {year}").click()
    expect(phone.get_by_text(f"Dépenses {year} des actions enregistrées.")).to_be_visible()
    expect(phone.get_by_label(action.title)).to_have_value("21\u00a0000,50")
    assert ActionExpense.objects.get(action=action, year=year).amount == Decimal("21000.50")
