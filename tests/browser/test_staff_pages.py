"""The pages staff and representatives work in, in real Chromium: no console error, axe-clean."""

import pytest

from maillage.activities.demo import create_demo_activities
from maillage.directory.demo import create_demo_directory
from maillage.observatory.demo import create_demo_observatory
from tests.browser.conftest import AXE_SCRIPT
from tests.browser.sessions import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}

STAFF_PAGES = [
    "/annuaire/imports/",
    "/annuaire/equipe/demandes/",
    "/annuaire/equipe/modifications/",
    "/annuaire/equipe/a-confirmer/",
    "/annuaire/equipe/doublons/",
    "/annuaire/equipe/lieux/",
    "/annuaire/recherches/",
    "/agenda/equipe/",
    "/agenda/equipe/bilan/",
    "/observatoire/instantanes/",
    "/observatoire/comparaison/",
    "/observatoire/chiffres-de-reference/",
    "/observatoire/chiffres-de-reference/nouveau/",
    "/agenda/equipe/nouvelle/",
    "/agenda/equipe/nouveau-cycle/",
    "/agenda/equipe/lieux/",
    "/agenda/equipe/lieux/nouveau/",
    "/agenda/equipe/cycles/cycle-associations/",
    "/agenda/equipe/forum-ess/modifier/",
    "/agenda/equipe/forum-ess/dupliquer/",
    "/agenda/equipe/forum-ess/annuler/",
    "/espace-membre/",
]


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=60)
    create_demo_observatory()
    create_demo_activities()


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_page_loads_and_passes_axe(audit_page, live_server, demo, path):
    staff = UserFactory(staff=True)
    page = signed_in(audit_page, live_server, staff)

    response = page.goto(live_server.url + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
