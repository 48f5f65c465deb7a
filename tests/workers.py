"""The real task worker for the tests that need it: tasks wait in the database, as in
production, and `manage.py db_worker` runs them in its own process against the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

from django.db import connection
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{settings['USER']}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


WORKER = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
BATCH = [*WORKER, "--batch"]


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
        BATCH, env=_environment(environment), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def run_db_worker(**environment: str) -> subprocess.CompletedProcess:
    """Run the worker until the queue is empty; `environment` adds settings (a mail backend)."""
    return subprocess.run(
        BATCH,
        env=_environment(environment),
        capture_output=True,
        text=True,
        # Generous: a resumed import of thousands of rows on a loaded CI machine took over 120 s;
        # the limit only stops a worker that hangs.
        timeout=600,
        check=False,
    )


class RunningWorker:
    """One worker kept running for a group of tests: each start costs seconds of processor time
    (Django's start-up), so tests that only need their tasks run share one. It polls the queue
    every tenth of a second; `drain()` returns when a `--batch` run would have ended."""

    def __init__(self, log: Path, **environment: str) -> None:
        self.log, self.environment = log, environment

    def __enter__(self) -> Self:
        command = [*WORKER, "--interval", "0.1"]
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                command, env=_environment(self.environment), stdout=output, stderr=output
            )
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)

    def drain(self, timeout: float = 600) -> None:
        """Wait until no task is ready to run nor running (a retry set for later may wait)."""
        deadline = time.monotonic() + timeout
        pending = DBTaskResult.objects.ready() | DBTaskResult.objects.running()
        while pending.exists():
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, "the worker did not empty the queue in time"
            time.sleep(0.05)
