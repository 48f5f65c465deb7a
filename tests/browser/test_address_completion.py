"""Address completion in real Chromium: type, pick a suggestion with the keyboard, and the
street, postcode and city fields are filled."""

import pytest

from tests.ban_stand_in import StandIn
from tests.browser.sessions import signed_in
from tests.directory.factories import EstablishmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_staff_pick_an_address_with_the_keyboard(page, live_server, settings, transactional_db):
    site = EstablishmentFactory()
    staff = UserFactory(staff=True)
    with StandIn() as ban:
        settings.BAN_API_URL = ban.url
        signed_in(page, live_server, staff)
        page.goto(f"{live_server.url}/annuaire/equipe/fiches/{site.pk}/modifier/")
        street = page.get_by_role("combobox", name="Adresse")
        street.fill("quai duguay trouin")
        page.get_by_role("option", name="10 Quai Duguay-Trouin 35600 Redon").wait_for()
        street.press("ArrowDown")
        street.press("Enter")

        assert street.input_value() == "10 Quai Duguay-Trouin"
        assert page.get_by_label("Code postal").input_value() == "35600"
        assert page.get_by_label("Commune").input_value() == "Redon"
