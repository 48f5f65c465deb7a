"""The production access log (gunicorn with `gunicorn.conf.py`) names pages, never people: no
query string, no secret of a personal link."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from maillage.core.access_log import private_path, private_url
from tests.workers import database_url

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, **headers: str) -> int:
    deadline = time.monotonic() + 60
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            return response.status
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
        finally:
            connection.close()


def _wait_for(log: Path, *paths: str) -> str:
    """The log once it names each of `paths` (gunicorn writes a line after its response)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        written = log.read_text() if log.exists() else ""
        if all(f" {path} " in written for path in paths):
            return written
        time.sleep(0.2)
    return log.read_text() if log.exists() else ""


@pytest.fixture
def gunicorn_log(django_db_setup, tmp_path):
    port = _free_port()
    log = tmp_path / "access.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": str(log),
        "GUNICORN_ERROR_LOG": str(tmp_path / "error.log"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env
    )
    try:
        yield port, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_request_with_an_email_in_its_query_string_is_logged_without_it(gunicorn_log):
    port, log = gunicorn_log
    _get(port, "/annuaire/?q=Claire+Dupont&email=claire.dupont%40exemple.org")
    _get(
        port,
        "/agenda/inscription/jeton-secret-123/?email=claire.dupont@exemple.org",
        Referer="http://127.0.0.1/contacts/?q=Dupont",
    )
    _get(port, "/compte/mot-de-passe/reinitialisation/MQ/jeton-de-reinitialisation/")

    paths = ("/annuaire/", "/agenda/inscription/…/", "/compte/mot-de-passe/reinitialisation/…/")
    written = _wait_for(log, *paths)
    for path in paths:
        assert f" {path} " in written
    for secret in ("claire", "dupont", "exemple.org", "jeton", "?"):
        assert secret not in written.lower()


def test_the_secret_segment_of_personal_links_is_masked():
    assert private_path("/agenda/inscription/abc/annuler/?x=1") == "/agenda/inscription/…/annuler/"
    assert private_path("/donnees/export/abc/") == "/donnees/export/…/"
    calendar = "/espace-membre/inscriptions/7-0123abcd.ics"
    assert private_path(calendar) == "/espace-membre/inscriptions/…"
    assert private_path("/espace-membre/inscriptions/") == "/espace-membre/inscriptions/"
    assert private_path("/annuaire/structures/12/") == "/annuaire/structures/12/"
    assert private_url("https://hub.example/contacts/?q=Dupont") == "https://hub.example/contacts/"
