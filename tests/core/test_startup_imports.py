"""Every process of the platform starts Django with all its apps: the task worker (once per
batch, and the suite starts it dozens of times), each gunicorn worker, each management command.
WeasyPrint takes about a second to load with its libraries, so it is loaded only to draw a PDF."""

import subprocess  # nosec B404: runs this interpreter on a fixed snippet
import sys

from tests.live_server import ROOT

STARTUP = """
import sys
import django
django.setup()
import maillage.reports.report_files.tasks  # what the worker registers, PDF reports included
from maillage.core.documents import pdf
print("weasyprint" in sys.modules)
"""


def test_starting_django_and_its_tasks_does_not_load_weasyprint():
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
    assert run.stdout.strip() == "False"
