"""The agenda in real Chromium: pages load cleanly, the registration form works, axe passes."""

import pytest

from maillage.activities.demo import create_demo_activities
from maillage.activities.enums import ActivityKind
from maillage.activities.models import Registration
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.browser.conftest import AXE_SCRIPT
from tests.browser.test_site import SERIOUS, format_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def agenda_data(hub_data):
    create_demo_activities()
    return ActivityFactory(title="Atelier de test", slug="atelier-de-test", capacity=3)


@pytest.mark.parametrize("path", ["/agenda/", "/agenda/mois/2026-11/", "/agenda/forum-ess/"])
def test_agenda_pages_load_with_no_console_error(page, live_server, agenda_data, path):
    response = page.goto(live_server.url + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()


def test_registering_through_the_form_says_the_link_is_on_its_way(page, live_server, agenda_data):
    page.goto(live_server.url + "/agenda/atelier-de-test/")

    page.get_by_label("Nom et prénom").fill("Claire Martin")
    page.get_by_role("textbox", name="Adresse e-mail").fill("claire@exemple.org")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="M’inscrire").click()

    page.wait_for_url("**/agenda/atelier-de-test/inscription/envoyee/")
    assert "Vérifiez votre messagerie" in page.locator("main").inner_text()
    assert Registration.objects.filter(
        email="claire@exemple.org", activity__slug="atelier-de-test"
    ).exists()


@pytest.mark.parametrize("path", ["/agenda/", "/agenda/atelier-de-test/", "/agenda/mois/2026-11/"])
def test_agenda_pages_pass_axe_core(audit_page, live_server, agenda_data, path):
    page = audit_page
    page.goto(live_server.url + path)
    page.add_script_tag(path=str(AXE_SCRIPT))

    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, f"axe-core on {path}:\n{format_violations(serious)}"


def test_the_printed_certificate_hides_the_site_s_frame(page, live_server, hub_data):
    registration = RegistrationFactory(
        activity=ActivityFactory(kind=ActivityKind.TRAINING), attended=True
    )
    page.goto(live_server.url + f"/agenda/inscription/{registration.token}/attestation/")
    page.emulate_media(media="print")

    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.get_by_role("button", name="Imprimer l’attestation").is_visible()
    assert page.get_by_role("heading", name="Attestation de présence").is_visible()
