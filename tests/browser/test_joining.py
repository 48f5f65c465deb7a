"""Joining the hub in real Chromium at 390 px: the public page and its form, then the staff's
queue and a request's page; axe finds nothing serious or critical."""

import pytest

from maillage.hub import current_hub
from maillage.network.memberships.colleges import load_colleges
from maillage.network.memberships.models import JoinRequest
from tests.browser.conftest import OVERFLOW
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def colleges(transactional_db):
    load_colleges(current_hub().directory)


def test_a_visitor_reads_the_dues_and_sends_a_request_from_a_phone(phone, live_server, colleges):
    phone.goto(live_server.url + "/devenir-adherent/")
    assert phone.get_by_role("heading", name="Devenir adhérent", level=1).is_visible()
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)

    phone.get_by_label("à titre personnel").check()
    phone.get_by_label("Collège et cotisation annuelle").select_option(
        label="Collège des adhérents individuels – Adhésion individuelle (15,00\u00a0€)"
    )
    phone.get_by_label("Prénom").fill("Maëlle")
    phone.get_by_label("Nom", exact=True).fill("Le Goff")
    phone.get_by_label("Adresse e-mail").fill("maelle@exemple.org")
    phone.get_by_label("J’accepte que le pôle conserve").check()
    phone.get_by_role("button", name="Envoyer ma demande").click()

    phone.get_by_role("heading", name="Demande d’adhésion envoyée").wait_for()
    assert JoinRequest.objects.get().email == "maelle@exemple.org"
    assert_no_serious_axe_violations(phone)


def test_a_request_without_consent_shows_the_error_summary(
    phone, live_server, colleges, browser_problems
):
    phone.goto(live_server.url + "/devenir-adherent/")
    phone.get_by_role("button", name="Envoyer ma demande").click()
    phone.get_by_role("alert").wait_for()
    assert "La demande n’a pas été envoyée" in phone.get_by_role("alert").inner_text()
    assert not JoinRequest.objects.exists()
    assert_no_serious_axe_violations(phone)
    # The refused form is a 400 on purpose, which the browser logs: nothing else.
    assert all(
        problem.startswith(
            (
                "HTTP 400: ",
                "console: Failed to load resource: the server responded with a status of 400",
            )
        )
        for problem in browser_problems
    )
    browser_problems.clear()


def test_staff_answer_requests_in_pages_from_a_phone(phone, live_server, colleges):
    phone.goto(live_server.url + "/devenir-adherent/")
    phone.get_by_label("à titre personnel").check()
    phone.get_by_label("Collège et cotisation annuelle").select_option(
        label="Collège des adhérents individuels – Adhésion individuelle (15,00\u00a0€)"
    )
    phone.get_by_label("Prénom").fill("Yann")
    phone.get_by_label("Nom", exact=True).fill("Morvan")
    phone.get_by_label("Adresse e-mail").fill("yann@exemple.org")
    phone.get_by_label("J’accepte que le pôle conserve").check()
    phone.get_by_role("button", name="Envoyer ma demande").click()
    phone.get_by_role("heading", name="Demande d’adhésion envoyée").wait_for()

    signed_in(phone, live_server, UserFactory(staff=True))
    phone.goto(live_server.url + "/adhesions/demandes/")
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)
    phone.get_by_role("link", name="Yann Morvan").click()
    phone.get_by_role("heading", name="Demande de Yann Morvan").wait_for()
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)

    phone.get_by_label("Motif du refus").fill("Le pôle accueille les habitants du territoire.")
    phone.get_by_role("button", name="Refuser et envoyer la réponse").click()
    phone.get_by_role("heading", name="Demandes d’adhésion", level=1).wait_for()
    assert JoinRequest.objects.get().is_refused
