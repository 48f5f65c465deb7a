"""Links and senders are right wherever the site runs: the address really served, the hub's own
e-mail address, the hub's name with its article."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from maillage.activities.registration import register
from maillage.core.site import absolute_url
from maillage.hub import load_hub
from tests.activities.factories import ActivityFactory

ROOT = Path(__file__).resolve().parent.parent.parent


def _clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT"}}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return {**env, **extra}


def _make_dry_run(*args) -> str:
    result = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, env=_clean_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _command_line(output: str, command: str) -> str:
    (line,) = [line for line in output.splitlines() if f"manage.py {command}" in line]
    return line


def test_make_run_on_another_port_gives_that_address_to_the_server_and_the_worker():
    output = _make_dry_run("run", "HOST=127.0.0.2", "PORT=8101")

    assert "SITE_URL=http://127.0.0.2:8101 " in _command_line(output, "db_worker")
    assert "SITE_URL=http://127.0.0.2:8101 " in _command_line(output, "runserver")
    assert "runserver 127.0.0.2:8101" in _command_line(output, "runserver")


def test_a_server_on_all_interfaces_links_to_the_local_address():
    output = _make_dry_run("run", "HOST=0.0.0.0", "PORT=8101")

    assert "SITE_URL=http://127.0.0.1:8101 " in _command_line(output, "db_worker")


def test_make_worker_alone_uses_the_same_address_as_the_server():
    assert "SITE_URL=http://127.0.0.1:8102 " in _make_dry_run("worker", "PORT=8102")


def test_absolute_links_follow_the_site_url(settings):
    settings.SITE_URL = "https://pole.example.org/"

    assert absolute_url("/agenda/atelier/") == "https://pole.example.org/agenda/atelier/"


@pytest.mark.django_db
def test_a_registration_email_links_to_the_address_served_and_comes_from_the_hub(
    settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://127.0.0.1:8101"
    activity = ActivityFactory(capacity=5)

    with django_capture_on_commit_callbacks(execute=True):
        register(activity, name="Claire Martin", email="claire@exemple.org", consent=True)

    (message,) = mail.outbox
    links = re.findall(r"https?://[^\s>]+", message.body)
    assert links
    assert all(link.startswith("http://127.0.0.1:8101/") for link in links), links
    assert message.from_email == "CADES du Pays de Redon <contact@cades.example>"


@pytest.fixture
def other_hub(settings, tmp_path):
    directory = tmp_path / "hub"
    shutil.copytree(settings.HUB_DIR, directory)
    toml = directory / "hub.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        .replace('name = "CADES"', 'name = "Pôle ESS"')
        .replace('full_name = "CADES du Pays de Redon"', 'full_name = "Pôle ESS du Pays de Vitré"')
        .replace('article = "la"', 'article = "le"')
        .replace("contact@cades.example", "bonjour@pole-vitre.example"),
        encoding="utf-8",
    )
    return directory


def test_another_hubs_sender_comes_from_its_folder(other_hub):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DEFAULT_FROM_EMAIL)",
        ],
        cwd=ROOT,
        env=_clean_env(HUB_DIR=str(other_hub), DJANGO_SETTINGS_MODULE="maillage.settings.base"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("Pôle ESS du Pays de Vitré <bonjour@pole-vitre.example>")


def test_the_hubs_name_takes_its_article(settings, other_hub):
    cades = load_hub(settings.HUB_DIR).identity
    other = load_hub(other_hub).identity

    assert f"L’équipe {cades.of_name}" == "L’équipe de la CADES"
    assert f"L’équipe {other.of_name}" == "L’équipe du Pôle ESS"
    assert cades.the_full_name == "la CADES du Pays de Redon"


@pytest.mark.django_db
def test_the_password_reset_email_signs_with_the_hubs_name_and_article(client, member):
    client.post(reverse("accounts:password_reset"), {"email": member.email})

    (message,) = mail.outbox
    assert "L’équipe de la CADES du Pays de Redon" in message.body
