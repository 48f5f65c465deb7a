"""Upgrading without losing tasks (docs/deployment.md): the worker stopped by systemd (SIGTERM)
ends the task it is running, takes no other, and the tasks still queued wait in the database for
the next worker."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tests.workers import DATABASE_TASKS, _environment, run_db_worker

ROOT = Path(__file__).resolve().parents[2]
# As in deploy/maillage-worker.service: no --batch, the worker waits for tasks until stopped.
SERVICE_WORKER = ["manage.py", "db_worker", "--no-startup-delay", "--no-reload"]


@task()
def held_until_released(folder: str) -> str:
    """Runs until the test creates `released` in `folder`: the test stops the worker meanwhile."""
    (Path(folder) / "started").touch()
    for _ in range(1200):
        if (Path(folder) / "released").exists():
            return "finished"
        time.sleep(0.05)
    return "never released"


@task()
def quick() -> str:
    return "done"


def wait_for(path: Path, worker: subprocess.Popen) -> None:
    for _ in range(2400):
        if path.exists():
            return
        assert worker.poll() is None, "the worker stopped before running the task"
        time.sleep(0.05)
    raise AssertionError(f"{path} never appeared")


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_stopped_worker_ends_its_task_and_leaves_the_queued_ones_for_the_next(tmp_path):
    running = held_until_released.enqueue(str(tmp_path))
    worker = subprocess.Popen(
        [sys.executable, *SERVICE_WORKER],
        cwd=ROOT,
        env=_environment({}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(tmp_path / "started", worker)
        queued = [quick.enqueue() for _ in range(3)]  # arrive while the worker is busy
        worker.send_signal(signal.SIGTERM)  # what `systemctl stop maillage-worker` sends
        (tmp_path / "released").touch()
        _, errors = worker.communicate(timeout=120)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, errors[-2000:]
    finished = DBTaskResult.objects.get(id=running.id)
    assert finished.status == "SUCCESSFUL"
    assert finished.return_value == "finished"
    waiting = DBTaskResult.objects.filter(id__in=[result.id for result in queued])
    assert set(waiting.values_list("status", flat=True)) == {"READY"}

    assert run_db_worker().returncode == 0  # the next worker, after the upgrade
    assert set(waiting.values_list("status", flat=True)) == {"SUCCESSFUL"}
