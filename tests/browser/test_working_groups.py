"""Working groups in real Chromium: pages load cleanly for each visitor, axe passes, joining and
scheduling work through the forms."""

import pytest
from django.conf import settings
from django.test import Client

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.models import User
from maillage.network.working_groups.demo import create_demo_working_groups
from maillage.network.working_groups.models import Meeting, WorkingGroup
from tests.browser.conftest import AXE_SCRIPT
from tests.browser.test_site import SERIOUS, format_violations
from tests.factories import make_current_member

pytestmark = pytest.mark.browser
GROUP = "/groupes/atelier-eco-construction/"


@pytest.fixture
def groups(hub_data, settings, tmp_path):
    settings.WORKING_GROUP_DOCUMENTS_ROOT = tmp_path / "documents"
    create_demo_accounts()
    make_current_member(User.objects.get(email="adherent@demo.maillage.test"))
    create_demo_working_groups()


def _sign_in(page, live_server, email):
    client = Client()
    client.force_login(User.objects.get(email=email))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


PAGES = [
    (None, "/groupes/"),
    (None, GROUP),
    ("adherent@demo.maillage.test", GROUP),
    ("adherent@demo.maillage.test", "/espace-membre/groupes/"),
    ("equipe@demo.maillage.test", GROUP),
    ("equipe@demo.maillage.test", "/groupes/nouveau/"),
    ("equipe@demo.maillage.test", f"{GROUP}modifier/"),
]


@pytest.mark.parametrize(("email", "path"), PAGES)
def test_group_pages_load_cleanly_and_pass_axe(audit_page, live_server, groups, email, path):
    if email:
        _sign_in(audit_page, live_server, email)

    response = audit_page.goto(live_server.url + path)

    assert response.status == 200
    assert audit_page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in audit_page.content()
    audit_page.add_script_tag(path=str(AXE_SCRIPT))
    results = audit_page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, f"axe-core on {path}:\n{format_violations(serious)}"


def test_a_member_joins_a_group_with_the_button(page, live_server, groups):
    _sign_in(page, live_server, "adherent@demo.maillage.test")
    page.goto(live_server.url + "/groupes/commission-communication/")

    page.get_by_role("button", name="Rejoindre le groupe").click()

    page.wait_for_load_state()
    assert "Bienvenue dans le groupe." in page.locator("main").inner_text()
    group = WorkingGroup.objects.get(slug="commission-communication")
    assert group.has_member(User.objects.get(email="adherent@demo.maillage.test").person)


def test_the_staff_schedule_a_meeting_with_the_form(page, live_server, groups):
    _sign_in(page, live_server, "equipe@demo.maillage.test")
    page.goto(live_server.url + GROUP)
    before = Meeting.objects.count()

    page.get_by_label("Début").fill("2027-02-09T14:00")
    page.get_by_label("Fin :", exact=True).fill("2027-02-09T16:00")
    page.get_by_label("Ou une adresse (facultatif)").fill("Salle fictive")
    page.get_by_role("button", name="Prévoir la réunion").click()

    page.wait_for_load_state()
    assert "La réunion est inscrite à l’agenda des adhérents." in page.locator("main").inner_text()
    assert Meeting.objects.count() == before + 1
