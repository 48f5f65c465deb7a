"""A directory import uploaded by staff, run by a task worker that is killed in the middle.

Staff upload the hub's spreadsheet (ROWS organisations) at the start of the storm. Once the
worker running it has committed some batches, that worker is killed; the scheduler gives the
task to the other worker, which carries on after the last committed batch
(maillage/directory/sources/runs.py). After the storm: one run, finished, every row landed
exactly once, the report's counts exact."""

from __future__ import annotations

from collections import Counter

from tests.scale.client import Outcome, Visitor

ROWS = 300
PAGE = "/annuaire/imports/"
NAME = "Structure importée {:04d}"


def spreadsheet() -> bytes:
    lines = ["nom;famille;adresse;code_postal;commune;longitude;latitude"]
    lines += [
        f"{NAME.format(n)};association;{n} rue du Port;35600;Bains-sur-Oust;-2.07;47.70"
        for n in range(1, ROWS + 1)
    ]
    return ("\n".join(lines) + "\n").encode()


def upload(visitor: Visitor, fixtures: dict) -> Outcome:
    visitor.cookies[fixtures["session_cookie"]] = fixtures["staff"]
    files = {"file": ("structures.csv", spreadsheet())}
    return visitor.submit(PAGE, PAGE, {"kind": "spreadsheet"}, files)


def finished() -> bool:
    from maillage.directory.enums import ImportStatus
    from maillage.directory.models import ImportRun

    return ImportRun.objects.exclude(status=ImportStatus.RUNNING).exists()


def worker_midway() -> str | None:
    """The worker running the import once it has committed a batch and before its end."""
    from django_tasks_db.models import DBTaskResult

    from maillage.directory.enums import ImportStatus
    from maillage.directory.models import ImportRun

    run = ImportRun.objects.filter(status=ImportStatus.RUNNING, resume_after_line__gt=0).first()
    if run is None or run.resume_after_line >= ROWS:
        return None
    task = DBTaskResult.objects.filter(id=run.task_id, status="RUNNING").first()
    return task.worker_ids[-1] if task and task.worker_ids else None


def check(outcome: Outcome) -> list[str]:
    from django_tasks_db.models import DBTaskResult

    from maillage.directory.enums import ImportStatus
    from maillage.directory.models import ImportRun, LegalUnit

    failures = []
    if outcome.status != 302:
        failures.append(f"import, réponse finale : {outcome.status}")
    runs = list(ImportRun.objects.all())
    if len(runs) != 1:
        return [*failures, f"{len(runs)} imports au lieu d’un"]
    run = runs[0]
    names = Counter(
        LegalUnit.objects.filter(name__startswith="Structure importée").values_list(
            "name", flat=True
        )
    )
    expected = Counter(NAME.format(n) for n in range(1, ROWS + 1))
    if names != expected:
        lost = sorted(expected.keys() - names.keys())
        doubled = sorted(name for name, n in names.items() if n > 1)
        failures.append(f"import : {len(lost)} lignes perdues {lost[:5]}, en double {doubled[:5]}")
    report = (run.status, run.rows_read, run.rows_created, run.rows_rejected, run.finished_at)
    if report[:4] != (ImportStatus.SUCCEEDED, ROWS, ROWS, 0) or run.finished_at is None:
        failures.append(f"rapport d’import : {report} ({run.message})")
    workers = DBTaskResult.objects.get(id=run.task_id).worker_ids
    if len(workers) < 2:
        failures.append(
            "l’import a fini avant la panne : le test n’a pas vérifié sa reprise (plus de lignes ?)"
        )
    print(f"import : {run.rows_created} fiches créées sur {ROWS}, par {' puis '.join(workers)}")
    return failures
