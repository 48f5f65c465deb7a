"""The address book's pages in real Chromium: no console error, no CSP violation, axe-clean;
a staff member searches, notes an exchange and erases a person with the keyboard and mouse."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from maillage.directory.demo import create_demo_directory
from maillage.network.people.demo import create_demo_people
from maillage.network.people.enums import ImportStatus
from maillage.network.people.importing.queueing import receive_upload
from maillage.network.people.models import ContactImport, Person
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=40)
    create_demo_people()
    return Person.objects.filter(email__endswith="@exemple.invalid").order_by("pk").first()


@pytest.mark.parametrize(
    "path",
    [
        "/contacts/",
        "/contacts/?q=camille&tri=recent",
        "/contacts/nouveau/",
        "/contacts/import/",
        "/contacts/{pk}/",
        "/contacts/{pk}/modifier/",
        "/contacts/{pk}/effacer/",
        "/espace-membre/mes-donnees/",
    ],
)
def test_address_book_page_loads_and_passes_axe(audit_page, live_server, demo, path):
    page = signed_in(audit_page, live_server, UserFactory(staff=True))

    response = page.goto(live_server.url + path.format(pk=demo.pk))

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize("state", ["mapping", "interrupted"])
def test_import_pages_pass_axe(audit_page, live_server, hub_data, state):
    staff = UserFactory(staff=True)
    sheet = "Nom;Prénom;Courriel\nDurand;Léa;lea@exemple.org\nMorel;Inès;ines@exemple.org\n"
    contact_import = receive_upload("contacts.csv", sheet.encode(), staff)  # read inline
    if state == "interrupted":
        ContactImport.objects.filter(pk=contact_import.pk).update(
            status=ImportStatus.RUNNING,
            rows_done=1,
            progressed_at=timezone.now() - timedelta(minutes=12),
        )
    page = signed_in(audit_page, live_server, staff)

    response = page.goto(f"{live_server.url}/contacts/import/{contact_import.pk}/")

    assert response.status == 200
    assert page.locator("h1").count() == 1
    if state == "interrupted":
        assert page.get_by_role("button", name="Reprendre l’import").is_visible()
    assert_no_serious_axe_violations(page)


def test_staff_search_note_an_exchange_and_erase(page, live_server, demo):
    signed_in(page, live_server, UserFactory(staff=True))
    page.goto(live_server.url + "/contacts/")

    page.get_by_label("Chercher un nom, une adresse e-mail ou une structure").fill(demo.email)
    page.get_by_role("button", name="Afficher").click()
    page.get_by_role("link", name=f"{demo.last_name} {demo.first_name}").click()
    page.get_by_label("Objet").fill("Appel de suivi")
    page.get_by_label("Moyen").select_option("phone")
    page.get_by_label("Date").fill("2026-01-10")
    page.get_by_role("button", name="Noter l’échange").click()

    expect(page.get_by_text("L’échange est noté.")).to_be_visible()
    page.get_by_role("link", name="Effacer cette personne").click()
    page.get_by_label(f"Je confirme l’effacement définitif de {demo}").check()
    page.get_by_role("button", name="Effacer cette personne").click()
    expect(page.get_by_text("La personne est effacée")).to_be_visible()
    demo.refresh_from_db()
    assert demo.is_erased
