"""Background work of the report files: the task carries the id of the files row only."""

from __future__ import annotations

from django_tasks import task

from maillage.reports.report_files.writing import write_files


@task()
def generate_report_files(files_id: int) -> None:
    write_files(files_id)
