"""A worker killed in the middle of a task (`kill -9`, out of memory, a host lost): the scheduler
puts its task back in the queue once the worker has stopped beating, and another worker runs it.
A worker that is alive keeps its task, however long it runs."""

import signal
import subprocess
import sys
import time

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from maillage.core.models import Heartbeat
from maillage.core.worker_leases import PREFIX, requeue_orphans
from tests.core.test_worker_stop import ROOT, SERVICE_WORKER, held_until_released, wait_for
from tests.workers import DATABASE_TASKS, _environment, run_db_worker

LEASE = 4  # seconds without a beat before the task is given to another worker


def worker_beats() -> bool:
    return Heartbeat.objects.filter(process__startswith=PREFIX).exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS, WORKER_LEASE_SECONDS=LEASE)
def test_the_task_of_a_killed_worker_is_run_by_the_next_and_a_live_one_keeps_its_own(tmp_path):
    held = held_until_released.enqueue(str(tmp_path))
    worker = subprocess.Popen(
        [sys.executable, *SERVICE_WORKER],
        cwd=ROOT,
        env=_environment({"WORKER_BEAT_SECONDS": "1"}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(tmp_path / "started", worker)
        for _ in range(600):
            if worker_beats():
                break
            time.sleep(0.05)
        time.sleep(LEASE + 1)  # longer than the lease: only the beats keep the task
        assert requeue_orphans() == 0
        assert DBTaskResult.objects.get(id=held.id).status == "RUNNING"

        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        time.sleep(LEASE + 1)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert DBTaskResult.objects.get(id=held.id).status == "RUNNING"  # what the dead left
    assert requeue_orphans() == 1
    assert requeue_orphans() == 0  # a second scheduler's pass finds nothing more

    (tmp_path / "released").touch()
    assert run_db_worker().returncode == 0
    finished = DBTaskResult.objects.get(id=held.id)
    assert (finished.status, finished.return_value) == ("SUCCESSFUL", "finished")
    assert len(finished.worker_ids) == 2
