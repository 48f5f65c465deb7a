"""The support journeys' pages in real Chromium: no console error, axe-clean, errors kept."""

import pytest

from maillage.directory.demo import create_demo_directory
from maillage.support.journeys.demo import create_demo_journeys
from maillage.support.journeys.models import Referral, SupportCase
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory
from tests.journeys.factories import represent
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=20)
    ServiceFactory(name="Diagnostic de projet (fictif)", on_offer=True)
    create_demo_journeys()


def _open_case():
    return SupportCase.objects.open().order_by("pk").first().pk


STAFF = [
    "/accompagnement/dossiers/",
    "/accompagnement/dossiers/?etape=emergence&type=collective",
    "/accompagnement/dossiers/nouveau/",
    "/accompagnement/dossiers/{case}/",
    # Each action of the case page opens its own form.
    "/accompagnement/dossiers/{case}/?action=rendez-vous",
    "/accompagnement/dossiers/{case}/?action=orientation",
    "/accompagnement/dossiers/{case}/?action=document",
    "/accompagnement/dossiers/{case}/modifier/",
    "/accompagnement/dossiers/{case}/clore/",
    "/accompagnement/tableau-de-bord/",
]


@pytest.mark.parametrize("path", STAFF)
def test_staff_journey_pages_load_and_pass_axe(audit_page, live_server, demo, path):
    page = signed_in(audit_page, live_server, UserFactory(staff=True))

    response = page.goto(live_server.url + path.format(case=_open_case()))

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize(
    "path", ["/espace-membre/orientations/", "/espace-membre/orientations/{referral}/"]
)
def test_partner_pages_load_and_pass_axe(audit_page, live_server, demo, path):
    referral = Referral.objects.order_by("pk").first()
    partner = UserFactory(partner=True)
    represent(partner, referral.service.provider)
    page = signed_in(audit_page, live_server, partner)

    response = page.goto(live_server.url + path.format(referral=referral.pk))

    assert response.status == 200
    assert referral.case.title in page.content()
    assert_no_serious_axe_violations(page)


def test_an_appointment_before_the_opening_is_refused_and_the_typed_notes_stay(
    page, live_server, demo, browser_problems
):
    case = SupportCase.objects.get(pk=_open_case())
    signed_in(page, live_server, UserFactory(staff=True))
    page.goto(f"{live_server.url}/accompagnement/dossiers/{case.pk}/")
    page.get_by_role("link", name="Enregistrer un rendez-vous").click()

    page.get_by_label("Date du rendez-vous").fill("2024-01-01")
    page.get_by_label("Avec qui").fill("Mme Fictive")
    page.get_by_label("Compte rendu").fill("Premier contact au forum")
    page.get_by_role("button", name="Enregistrer le rendez-vous").click()

    alert = page.get_by_role("alert").filter(has_text="ne peut pas précéder l’ouverture")
    assert alert.count() == 1
    assert page.get_by_label("Compte rendu").input_value() == "Premier contact au forum"
    # The refusal is a 400 on purpose, which the browser logs: that and nothing else.
    expected = (
        "HTTP 400: ",
        "console: Failed to load resource: the server responded with a status of 400",
    )
    assert all(problem.startswith(expected) for problem in browser_problems)
    browser_problems.clear()
