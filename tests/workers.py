"""The real task worker for the tests that need it: tasks wait in the database, as in
production, and `manage.py db_worker` runs them in its own process against the test database."""

import os
import subprocess
import sys

from django.db import connection

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{settings['USER']}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def run_db_worker(**environment: str) -> subprocess.CompletedProcess:
    """Run the worker until the queue is empty; `environment` adds settings (a mail backend)."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
