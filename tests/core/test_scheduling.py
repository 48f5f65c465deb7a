"""Periodic jobs: declared once, enqueued once per period whatever the number of schedulers,
their outcome kept for staff."""

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import get_commands
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from maillage.core import scheduling
from maillage.core.models import JobRun, JobStatus
from maillage.core.scheduling import Every, PeriodicJob, all_jobs, enqueue_due
from tests.workers import DATABASE_TASKS, database_url, run_db_worker

PARIS = ZoneInfo("Europe/Paris")


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=PARIS)


@task()
def succeeding(day: str) -> str:
    return day


@task()
def failing() -> None:
    raise RuntimeError("boom")


@pytest.fixture
def only_jobs(monkeypatch):
    """Replace the registered jobs with the given ones for one test."""

    def install(*jobs: PeriodicJob) -> None:
        monkeypatch.setattr(scheduling, "_JOBS", {job.name: job for job in jobs})

    return install


def test_a_daily_period_starts_at_its_hour_the_day_before_when_that_hour_is_not_reached():
    job = PeriodicJob("x", "x", succeeding, Every.DAY, hour=4)
    assert job.period_start(at(2026, 12, 7, 3, 59)) == at(2026, 12, 6, 4)
    assert job.period_start(at(2026, 12, 7, 4, 0)) == at(2026, 12, 7, 4)


def test_a_weekly_period_starts_on_monday_and_an_hourly_one_on_the_hour():
    weekly = PeriodicJob("x", "x", succeeding, Every.WEEK, hour=4)
    assert weekly.period_start(at(2026, 12, 13, 23, 0)) == at(2026, 12, 7, 4)  # a Sunday
    assert weekly.period_start(at(2026, 12, 7, 3, 0)) == at(2026, 11, 30, 4)
    hourly = PeriodicJob("x", "x", succeeding, Every.HOUR)
    assert hourly.period_start(at(2026, 12, 7, 10, 42)) == at(2026, 12, 7, 10)


@pytest.mark.django_db
def test_a_job_runs_once_per_period_and_again_in_the_next(only_jobs):
    only_jobs(
        PeriodicJob(
            "daily", "x", succeeding, Every.DAY, arguments=lambda s: (s.date().isoformat(),)
        )
    )
    assert enqueue_due(at(2026, 12, 7, 9)) == ["daily"]
    assert enqueue_due(at(2026, 12, 7, 23)) == []
    assert enqueue_due(at(2026, 12, 8, 5)) == ["daily"]
    runs = list(JobRun.objects.order_by("period_start"))
    assert [run.period_start for run in runs] == [at(2026, 12, 7, 4), at(2026, 12, 8, 4)]
    assert {run.status for run in runs} == {JobStatus.SUCCEEDED}


@pytest.mark.django_db
def test_a_failing_job_is_recorded_with_its_error_class_only(only_jobs):
    only_jobs(PeriodicJob("fragile", "x", failing, Every.HOUR))
    enqueue_due(at(2026, 12, 7, 9))
    run = JobRun.objects.get()
    assert run.status == JobStatus.FAILED
    assert run.error == "builtins.RuntimeError"


def test_every_command_of_the_readme_s_scheduled_table_has_its_job():
    """The README's table of scheduled tasks lists commands the scheduler really runs."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme[readme.index("Tâches planifiées") :]
    section = section[: section.index("\n\n", section.index("| commande"))]
    listed = set(re.findall(r"^\| `manage\.py (\w+)` \|", section, re.M))
    assert len(listed) > 10
    jobs = {job.name for job in all_jobs()}
    # Django's own prune command runs as the ground's prune_finished_tasks job.
    assert listed - {"prune_db_task_results"} <= jobs
    assert "prune_finished_tasks" in jobs
    commands = get_commands()
    assert listed <= set(commands)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_two_schedulers_started_together_enqueue_each_job_once(tmp_path: Path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
    }
    command = [sys.executable, "manage.py", "run_scheduler", "--once"]
    schedulers = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [scheduler.communicate(timeout=120) for scheduler in schedulers]
    assert [scheduler.returncode for scheduler in schedulers] == [0, 0], outputs
    jobs = {job.name for job in all_jobs()}
    assert sorted(JobRun.objects.values_list("job", flat=True)) == sorted(jobs)
    assert DBTaskResult.objects.count() == len(jobs)

    worker = run_db_worker()
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert set(JobRun.objects.values_list("status", flat=True)) == {JobStatus.SUCCEEDED}


@pytest.mark.django_db
def test_staff_see_each_job_with_its_last_run_and_last_failure(client_for, staff, only_jobs):
    only_jobs(
        PeriodicJob("fragile", "Une tâche qui échoue.", failing, Every.HOUR),
        PeriodicJob(
            "solid", "Une tâche qui réussit.", succeeding, Every.DAY, arguments=lambda s: ("x",)
        ),
    )
    enqueue_due(at(2026, 12, 7, 9))
    page = client_for(staff).get("/taches-planifiees/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Une tâche qui échoue." in text
    assert "builtins.RuntimeError" in text
    assert "réussie" in text
    assert "chaque jour, à 4 h" in text


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "partner"])
def test_only_staff_see_the_periodic_jobs(client_for, role, request):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    assert client_for(user).get("/taches-planifiees/").status_code in (302, 403)
