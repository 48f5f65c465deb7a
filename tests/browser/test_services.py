"""The service offer's pages in real Chromium: no console error, axe-clean, printable."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from maillage.directory.demo import create_demo_directory
from maillage.support.services.demo import create_demo_services
from maillage.support.services.models import Service
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=20)
    UserFactory(partner=True, email="partenaire@demo.maillage.test")
    create_demo_services()


def _first_published():
    return Service.objects.on_offer().order_by("pk").first().pk


PUBLIC = [
    "/accompagnement/",
    "/accompagnement/resultats/?etape=idee&portage=collectif",
    "/accompagnement/services/",
    "/accompagnement/services/{published}/",
]
STAFF = ["/accompagnement/validation/", "/accompagnement/validation/nouveau/"]
PARTNER = ["/espace-membre/services/", "/espace-membre/services/nouveau/"]


@pytest.mark.parametrize("path", PUBLIC + STAFF + PARTNER)
def test_service_pages_load_and_pass_axe(audit_page, live_server, demo, path):
    if path in STAFF:
        signed_in(audit_page, live_server, UserFactory(staff=True))
    elif path in PARTNER:
        partner = get_user_model().objects.get(email="partenaire@demo.maillage.test")
        signed_in(audit_page, live_server, partner)
    response = audit_page.goto(live_server.url + path.format(published=_first_published()))
    assert response.status == 200
    assert audit_page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in audit_page.content()
    assert_no_serious_axe_violations(audit_page)


def test_a_project_holder_answers_and_gets_a_printable_summary(page, live_server, demo):
    page.goto(live_server.url + "/accompagnement/")
    page.get_by_label("Où en est votre projet ?").select_option("idee")
    page.get_by_label("Vous portez ce projet seul ou à plusieurs ?").select_option("collectif")
    page.get_by_role("button", name="Voir les services qui me correspondent").click()
    # The click returns once the navigation commits; the answer page is awaited, not assumed.
    page.wait_for_url("**/accompagnement/resultats/*etape=idee*")
    expect(page.get_by_role("heading", name="Par où commencer")).to_be_visible()
    expect(page.get_by_text("Accompagne les projets collectifs").first).to_be_visible()
    expect(page.get_by_role("button", name="Imprimer ce récapitulatif")).to_be_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("heading", name="Recevoir ce récapitulatif par e-mail").is_visible()
    assert page.get_by_role("heading", name="Par où commencer").is_visible()


def test_only_the_summary_prints_without_the_sites_frame(page, live_server, demo):
    # The offer printed is a page of the site, headed by the hub's name like any other.
    page.goto(live_server.url + "/accompagnement/services/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
