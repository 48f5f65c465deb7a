"""The production settings pass Django's deployment checks with the environment that
deploy/maillage.env documents."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_environment() -> dict[str, str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "SECURE_", "TASKS_", "EMAIL_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="maillage.settings.prod",
        SECRET_KEY=secrets.token_urlsafe(60),
        SITE_URL="https://maillage.example.org",
        ALLOWED_HOSTS="maillage.example.org",
        CSRF_TRUSTED_ORIGINS="https://maillage.example.org",
        DATABASE_URL="postgres://maillage:secret@127.0.0.1:5432/maillage",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        TRUSTED_PROXY_HEADER="X-Forwarded-For",
        TRUSTED_PROXY_COUNT="1",
        STATIC_ROOT="/srv/maillage/static",
    )
    return environment


def test_check_deploy_reports_nothing_with_the_production_settings():
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_the_production_settings_refuse_a_weak_secret_key():
    environment = {**production_environment(), "SECRET_KEY": "short"}
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr
