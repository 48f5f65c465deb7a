"""The real task worker for the tests that need it: tasks wait in the database, as in
production, and `manage.py db_worker` runs them in its own process against the test database."""

import os
import subprocess
import sys

from django.db import connection

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{settings['USER']}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


WORKER = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"]


def _environment(environment: dict[str, str]) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        **environment,
    }


def start_db_worker(**environment: str) -> subprocess.Popen:
    """Start the worker and return at once: the test may kill it in the middle of a task."""
    return subprocess.Popen(
        WORKER, env=_environment(environment), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def run_db_worker(**environment: str) -> subprocess.CompletedProcess:
    """Run the worker until the queue is empty; `environment` adds settings (a mail backend)."""
    return subprocess.run(
        WORKER,
        env=_environment(environment),
        capture_output=True,
        text=True,
        # Generous: a resumed import of thousands of rows on a loaded CI machine took over 120 s;
        # the limit only stops a worker that hangs.
        timeout=600,
        check=False,
    )
