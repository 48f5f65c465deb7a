"""Project-wide guarantees: migrations in sync, production settings pass Django's deploy check."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_are_in_sync():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def _manage(*args, **env):
    # The browser tests allow sync ORM calls under Playwright's loop in this process; a
    # production check must not inherit that.
    base_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        env={**base_env, **env},
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="maillage.settings.prod",
        SECRET_KEY="a-long-random-value-for-the-test-only-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="maillage.example.org",
        SITE_URL="https://maillage.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_the_local_secret_key():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="maillage.settings.prod",
        SECRET_KEY="insecure-local-only-key-do-not-use-in-production",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
