"""The staff's activity pages in real Chromium, along the whole path: staff create an activity,
a visitor registers, staff move it and choose to tell the registrants, and the real task worker
sends the change whose attached invitation has the raised SEQUENCE."""

import email
import re
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.activities.models import Activity
from tests.browser.conftest import open_page
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.directory.factories import EstablishmentFactory
from tests.factories import UserFactory
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SEPARATOR = b"-" * 79


def assert_fits_the_width(page):
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} overflows by {overflow} px"


@pytest.fixture
def staff_page(browser, browser_problems, live_server, hub_data):
    context, page = open_page(browser, PHONE, browser_problems, bypass_csp=True)
    yield signed_in(page, live_server, UserFactory(staff=True))
    context.close()


@pytest.fixture
def visitor_page(browser, browser_problems, live_server):
    context, page = open_page(browser, PHONE, browser_problems)
    yield page
    context.close()


def delivered_messages(folder: Path) -> list[email.message.EmailMessage]:
    texts = [
        part
        for path in sorted(folder.iterdir())
        for part in path.read_bytes().split(SEPARATOR)
        if part.strip()
    ]
    return [email.message_from_bytes(text.strip(), policy=policy.default) for text in texts]


def subject(message) -> str:
    """« Changement » of « Changement : Atelier… », whatever the header's folding."""
    return str(message["Subject"]).split(":")[0].strip()


def invitation_lines(message) -> list[str]:
    [calendar] = list(message.iter_attachments())
    return calendar.get_content().splitlines()


def sent_by_the_worker(folder: Path) -> list[email.message.EmailMessage]:
    """Run the real task worker until the queue is empty; the messages it delivered."""
    folder.mkdir()
    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(folder),
    )
    assert worker.returncode == 0, worker.stderr
    return delivered_messages(folder)


@override_settings(TASKS=DATABASE_TASKS)
def test_staff_create_then_move_an_activity_and_registrants_get_the_new_invitation(
    staff_page, visitor_page, live_server, tmp_path, browser_problems
):
    page = staff_page
    venue = EstablishmentFactory(name="Ressourcerie du Canal", street="4 quai Surcouf")
    day = (timezone.localtime() + timedelta(days=15)).date()
    page.goto(live_server.url + "/equipe/")
    page.get_by_role("link", name="Créer une activité").click()
    page.wait_for_url("**/agenda/equipe/nouvelle/")
    assert_no_serious_axe_violations(page)
    assert_fits_the_width(page)

    page.get_by_label("Intitulé").fill("Atelier gouvernance partagée")
    page.get_by_label("Type").select_option(label="Atelier")
    page.get_by_label("Présentation").fill("Deux heures d’échanges.\n\nVoir https://exemple.org")
    page.locator("#id_start_date").fill(day.isoformat())
    page.get_by_label("Heure de début").fill("14:00")
    page.get_by_label("Heure de fin").fill("16:00")
    host = page.get_by_role("combobox", name=re.compile("structure de l’annuaire"))
    host.fill("ressourcerie canal")
    page.get_by_role("option", name=re.compile("Ressourcerie du Canal")).wait_for()
    host.press("ArrowDown")
    host.press("Enter")
    assert host.input_value() == f"Ressourcerie du Canal – SIRET {venue.siret}"
    page.get_by_label("Nombre de places").fill("10")
    page.get_by_label("Publiée").check()
    publics_shown = page.locator("#id_publics input:visible")
    every_public = publics_shown.count()
    page.get_by_label("Filtrer les publics").fill("associations")
    assert 0 < publics_shown.count() < every_public
    page.get_by_role("checkbox", name="Associations", exact=False).first.check()
    page.get_by_role("button", name="Aperçu").click()
    assert "Deux heures d’échanges." in page.locator(".activity-preview").inner_text()
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/agenda/equipe/atelier-gouvernance-partagee-*/")
    activity = Activity.objects.get()
    assert activity.address == "Ressourcerie du Canal, 4 quai Surcouf"
    assert activity.starts_at.astimezone(timezone.get_default_timezone()).hour == 14

    visitor_page.goto(live_server.url + activity.get_absolute_url())
    assert_fits_the_width(visitor_page)
    assert "Modifier" not in visitor_page.locator("main").inner_text()
    visitor_page.get_by_label("Nom et prénom").fill("Claire Martin")
    visitor_page.get_by_role("textbox", name="Adresse e-mail").fill("claire@exemple.org")
    visitor_page.locator("#id_consent").check()
    visitor_page.get_by_role("button", name="M’inscrire").click()
    visitor_page.wait_for_url("**/inscription/envoyee/")
    [confirmation] = sent_by_the_worker(tmp_path / "inscription")
    assert subject(confirmation) == "Inscription confirmée"
    assert "SEQUENCE:0" in invitation_lines(confirmation)

    page.goto(live_server.url + activity.get_absolute_url())
    page.get_by_role("link", name="Modifier").click()
    page.wait_for_url("**/modifier/")
    assert_fits_the_width(page)
    page.get_by_label("Heure de début").fill("15:00")
    page.get_by_label("Heure de fin").fill("17:00")
    page.get_by_role("button", name="Enregistrer").click()
    assert "dites s’il faut prévenir les inscrits" in page.get_by_role("alert").inner_text()
    assert_no_serious_axe_violations(page)
    # The question is a 400 on purpose (nothing saved), which the browser logs: nothing else.
    expected = (
        "HTTP 400: ",
        "console: Failed to load resource: the server responded with a status of 400",
    )
    assert all(problem.startswith(expected) for problem in browser_problems)
    browser_problems.clear()
    page.get_by_label("Oui, leur écrire avec l’invitation à jour").check()
    page.get_by_label("Message aux inscrits (facultatif)").fill(
        "Nous commençons une heure plus tard."
    )
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(f"**/agenda/equipe/{activity.slug}/")
    assert "1 personne inscrite prévenue" in page.locator("main").inner_text()
    assert_fits_the_width(page)
    assert_no_serious_axe_violations(page)

    [change] = sent_by_the_worker(tmp_path / "changement")
    assert subject(change) == "Changement"
    assert change["To"] == "claire@exemple.org"
    body = change.get_body().get_content()
    assert "Nous commençons une heure plus tard." in body
    assert "de 15\u00a0h à 17\u00a0h" in body
    assert "**" not in body
    assert "SEQUENCE:1" in invitation_lines(change)
    # What waited in the task table: ids, never an address or a text.
    for task in DBTaskResult.objects.all():
        assert all(isinstance(value, int) for value in task.args_kwargs["args"])


def test_staff_add_a_place_then_hold_an_activity_there(staff_page, live_server):
    page = staff_page
    page.goto(live_server.url + "/agenda/equipe/")
    page.get_by_role("link", name="Lieux du pôle").click()
    page.get_by_role("link", name="Ajouter un lieu").click()
    assert_no_serious_axe_violations(page)
    assert_fits_the_width(page)
    page.get_by_label("Nom").fill("Maison des associations")
    page.get_by_label("Adresse").fill("4 rue des Halles")
    page.get_by_label("Accessibilité").fill("Rampe d’accès.")
    page.get_by_label("Capacité d’accueil").fill("40")
    page.get_by_role("button", name="Ajouter le lieu").click()
    page.wait_for_url("**/agenda/equipe/lieux/")
    assert "Maison des associations" in page.locator("table").inner_text()
    assert_no_serious_axe_violations(page)
    assert_fits_the_width(page)

    page.goto(live_server.url + "/agenda/equipe/nouvelle/")
    page.get_by_label("Intitulé").fill("Atelier bénévolat")
    page.get_by_label("Type").select_option(label="Atelier")
    day = (timezone.localtime() + timedelta(days=15)).date()
    page.locator("#id_start_date").fill(day.isoformat())
    page.get_by_label("Heure de début").fill("14:00")
    page.get_by_label("Heure de fin").fill("16:00")
    page.get_by_label("Un lieu du pôle").select_option(label="Maison des associations")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/agenda/equipe/atelier-benevolat-*/")
    activity = Activity.objects.get()
    assert activity.address == "Maison des associations, 4 rue des Halles"
    assert activity.accessibility == "Rampe d’accès."
