"""Every process of the platform starts Django with all its apps: the task worker (once per
batch, and the suite starts it dozens of times), each gunicorn worker, each management command.
The libraries that take long to load (WeasyPrint about a second with its libraries, matplotlib as
much, the spreadsheet, document and geometry libraries a few tenths each) are loaded only to do
their work: draw a chart, write a PDF or an ODT, read a workbook, place a point in a commune."""

import subprocess  # nosec B404: runs this interpreter on a fixed snippet
import sys

from tests.live_server import ROOT

LOADED_WHEN_USED = ("weasyprint", "matplotlib", "odfdo", "docx", "openpyxl", "shapely", "duckdb")

STARTUP = f"""
import sys
import django

def loaded():
    return sorted(name for name in {LOADED_WHEN_USED!r} if name in sys.modules)

django.setup()  # what the task worker and every command do, periodic jobs' tasks included
import maillage.reports.report_files.tasks  # what the worker registers, PDF reports included
from maillage.core.documents import pdf
print(loaded())
import maillage.urls  # what a server process loads for its first request
print(loaded())
"""


def test_starting_django_its_tasks_and_its_urls_loads_no_slow_library():
    run = subprocess.run(  # nosec B603: fixed arguments
        [sys.executable, "-c", STARTUP],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "maillage.settings.test", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    at_start, with_urls = run.stdout.splitlines()
    assert at_start == "[]"
    # The observatory's tables are read through DuckDB by modules its views import.
    assert with_urls == "['duckdb']"
