"""The health page (/sante/) the host's monitoring reads: 200 when the database, the scheduler and
the worker are fine, 503 naming the failing part otherwise; no login, no personal data."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.core.health import SCHEDULER, beat
from maillage.core.models import Heartbeat
from maillage.core.worker_leases import heartbeat_name

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def get_health(client):
    response = client.get("/sante/")
    return response.status_code, json.loads(response.content)


def queued_task(enqueued_ago: timedelta, **fields) -> DBTaskResult:
    result = DBTaskResult.objects.create(
        task_path="maillage.core.tasks.purge_rate_limits",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=fields.pop("run_after", timezone.now() - enqueued_ago),
        **fields,
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - enqueued_ago)
    return result


def test_healthy_when_the_scheduler_passed_and_no_task_waits(client):
    beat(SCHEDULER)
    queued_task(timedelta(minutes=5), status="SUCCESSFUL", started_at=timezone.now())
    status, body = get_health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert body["database"]["ok"]
    assert body["scheduler"]["ok"]
    assert body["worker"]["ok"]
    assert body["scheduler"]["last_beat"] is not None
    assert body["worker"]["last_task_started"] is not None


def test_reports_the_last_heartbeat_of_the_workers(client):
    beat(SCHEDULER)
    assert get_health(client)[1]["worker"]["last_beat"] is None  # no worker has started a task
    beat(heartbeat_name("worker-a"))
    Heartbeat.objects.create(
        process=heartbeat_name("worker-b"), beat_at=timezone.now() - timedelta(hours=1)
    )
    status, body = get_health(client)
    last = Heartbeat.objects.get(process=heartbeat_name("worker-a")).beat_at
    assert status == 200
    assert body["worker"]["last_beat"] == last.isoformat()


def test_open_to_anonymous_visitors_and_never_cached(client):
    beat(SCHEDULER)
    response = client.get("/sante/")
    assert response.status_code == 200  # not a redirection to the login page
    assert "no-cache" in response["Cache-Control"]


def test_the_scheduler_pass_records_its_heartbeat():
    call_command("run_scheduler", "--once")
    assert Heartbeat.objects.get(process=SCHEDULER).beat_at > timezone.now() - timedelta(minutes=1)


def test_failing_when_the_scheduler_never_passed(client):
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["scheduler"]
    assert body["scheduler"]["last_beat"] is None


@override_settings(HEALTH_SCHEDULER_MAX_SILENCE_SECONDS=300)
def test_failing_when_the_scheduler_has_been_silent_too_long(client):
    Heartbeat.objects.create(process=SCHEDULER, beat_at=timezone.now() - timedelta(minutes=6))
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["scheduler"]
    assert "300 s" in body["scheduler"]["detail"]


@override_settings(HEALTH_QUEUE_MAX_WAIT_SECONDS=1800)
def test_failing_when_a_ready_task_has_waited_too_long_for_the_worker(client):
    beat(SCHEDULER)
    queued_task(timedelta(minutes=31))
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["worker"]
    assert body["worker"]["oldest_waiting_task"] is not None


@override_settings(HEALTH_QUEUE_MAX_WAIT_SECONDS=1800)
def test_a_task_waiting_less_long_or_scheduled_later_is_no_fault(client):
    beat(SCHEDULER)
    queued_task(timedelta(minutes=10))
    # Enqueued long ago but asked to run only five minutes ago.
    queued_task(timedelta(hours=3), run_after=timezone.now() - timedelta(minutes=5))
    status, body = get_health(client)
    assert status == 200, body


def test_failing_when_the_database_is_unreachable():
    """A real application process whose PostgreSQL does not answer (a closed port)."""
    script = (
        "import django, json; django.setup();"
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "from django.test import Client; r = Client().get('/sante/');"
        "print(r.status_code); print(r.content.decode())"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
        "DATABASE_URL": "postgres://maillage:secret@127.0.0.1:9/maillage",
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    status, content = done.stdout.strip().split("\n", 1)
    body = json.loads(content)
    assert status == "503", done.stderr
    assert body["failing"] == ["database", "scheduler", "worker"]
    # The class of the error only: neither the server's address nor the user.
    assert "127.0.0.1" not in content
    assert "maillage" not in content
