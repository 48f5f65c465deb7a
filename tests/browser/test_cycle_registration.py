"""Registering to a whole cycle, in real Chromium on a 390 px phone: the session page offers the
cycle, the personal page lists each date, the cancel page offers the whole cycle or one date;
axe finds nothing serious or critical and no page scrolls sideways."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from maillage.activities.models import Registration, Series
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.browser.conftest import OVERFLOW
from tests.browser.sessions import assert_no_serious_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def cycle(transactional_db):
    series = Series.objects.create(title="Créer son association", slug="creer-son-association")
    start = timezone.now() + timedelta(days=7)
    sessions = [
        ActivityFactory(
            series=series,
            title=f"Créer son association, séance {n + 1}",
            capacity=capacity,
            starts_at=start + timedelta(weeks=n),
            ends_at=start + timedelta(weeks=n, hours=3),
        )
        for n, capacity in enumerate([10, 1, 10])
    ]
    RegistrationFactory(activity=sessions[1])  # the second date is full: a waiting list
    return sessions


def _audited(page):
    assert_no_serious_axe_violations(page)
    assert not page.evaluate(OVERFLOW)


def test_a_visitor_registers_to_the_whole_cycle_then_cancels_it_from_a_phone(
    phone, live_server, cycle
):
    phone.goto(live_server.url + cycle[0].get_absolute_url())
    whole = phone.get_by_role("checkbox", name="séances à venir du cycle")
    _audited(phone)
    whole.check()
    phone.get_by_label("Nom et prénom").fill("Claire Martin")
    phone.get_by_role("textbox", name="Adresse e-mail").fill("claire@exemple.org")
    phone.get_by_role("checkbox", name="J’accepte").check()
    phone.get_by_role("button", name="M’inscrire").click()
    phone.wait_for_url("**/inscription/envoyee/")
    _audited(phone)

    registration = Registration.objects.filter(email="claire@exemple.org").first()
    assert registration is not None
    assert registration.cycle_key
    phone.goto(live_server.url + reverse("activities:registration", args=[registration.token]))
    expect(phone.get_by_role("heading", name="Votre inscription au cycle")).to_be_visible()
    expect(phone.locator("[data-maillage-cycle-session]")).to_have_count(3)
    _audited(phone)

    phone.goto(live_server.url + reverse("activities:cancel", args=[registration.token]))
    expect(phone.get_by_role("button", name="Annuler tout le cycle")).to_be_visible()
    _audited(phone)
    phone.get_by_role("button", name="Annuler tout le cycle").click()
    expect(
        phone.get_by_text("Vos inscriptions aux séances à venir du cycle sont annulées.")
    ).to_be_visible()
    _audited(phone)
    assert not Registration.objects.filter(email="claire@exemple.org").active().exists()
