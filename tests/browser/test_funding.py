"""The funding and mandate pages in real Chromium: axe-clean, and usable on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from maillage.core import demo
from maillage.reports.funding.demo import create_demo_funding
from maillage.reports.funding.models import Grant, Mandate
from tests.browser.conftest import open_page
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
    return [
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
