"""The attacker's path, in real Chromium: a visitor who knows a registrant's e-mail submits it
on the registration form, and must not reach the registrant's personal link or name; the
registrant receives the link again, by e-mail, through the real task worker."""

import re
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from maillage.activities.models import Registration
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.browser

PERSONAL_LINK = re.compile(r"https?://\S+/agenda/inscription/([\w-]+)/")


@pytest.fixture
def victim(transactional_db):
    activity = ActivityFactory(title="Atelier de test", slug="atelier-de-test", capacity=3)
    return RegistrationFactory(
        activity=activity, name="Victoire Dupré", email="victoire@exemple.org"
    )


@override_settings(TASKS=DATABASE_TASKS)
def test_typing_a_registrant_s_email_never_leads_to_their_registration(
    page, live_server, victim, tmp_path: Path
):
    visited = []
    page.on("request", lambda request: visited.append(request.url))
    page.goto(live_server.url + "/agenda/atelier-de-test/")
    page.get_by_label("Nom et prénom").fill("Intrus")
    page.get_by_role("textbox", name="Adresse e-mail").fill("Victoire@Exemple.org")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="M’inscrire").click()

    page.wait_for_url("**/agenda/atelier-de-test/inscription/envoyee/")
    assert "Vérifiez votre messagerie" in page.locator("main").inner_text()
    html = page.content()
    for secret in (victim.token, victim.name, victim.email, "Victoire"):
        assert secret not in html
    assert not any(victim.token in url for url in visited)
    assert Registration.objects.get().pk == victim.pk

    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )

    assert worker.returncode == 0, worker.stderr
    [delivered] = [path.read_text() for path in tmp_path.iterdir()]
    assert "To: victoire@exemple.org" in delivered
    assert PERSONAL_LINK.search(delivered).group(1) == victim.token
    assert DBTaskResult.objects.get().args_kwargs["args"] == [victim.pk]
    page.goto(f"{live_server.url}/agenda/inscription/{victim.token}/")
    assert "Victoire Dupré" in page.locator("main").inner_text()
