"""The PDF of a yearly report ten times the demo's: the demo's frozen report, its blocks written
ten times over (ten times the headings, tables, table rows and charts), drawn by WeasyPrint.

Target: ≤ 30 s. Prints the time, the processor time of the rendering process (on a shared,
loaded machine the wall time mostly measures the queue for a core: the load average is printed
with it), the pages, the size and the peak resident memory.

Asserted in the same run, so that the load cannot hide it: ten times the content costs at most
about ten times the processor time of the demo's report (a layout that grows faster than the
document, a table laid out again per page, would fail it). The demo's report is drawn once before
it is timed: the libraries load lazily, and their loading would pad the reference.
"""

import os
import subprocess
import time
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from benchmarks.french import met
from benchmarks.process_memory import PeakMemory, status_kb
from maillage.core.documents import Chart, Table
from maillage.core.documents.pdf import pdf
from maillage.core.french import count, number
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, report_of

TARGET_SECONDS = 30
TIMES = 10
# Linear, with room for the fixed costs paid once (fonts, stylesheet) and for noise.
MOST_GROWTH = TIMES * 1.3


def _pages(data: bytes, folder: Path) -> str:
    path = folder / "rapport.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))


@pytest.mark.django_db
def test_the_pdf_of_a_report_ten_times_the_demo(tmp_path):
    call_command("load_demo", stdout=StringIO())
    demo = build_document(freeze(report_of(timezone.localdate().year)))
    large = replace(demo, blocks=demo.blocks * TIMES)
    rows = sum(len(table.rows) for table in large.tables())
    charts = sum(isinstance(block, Chart) for block in large.blocks)
    tables = sum(isinstance(block, Table) for block in large.blocks) + charts

    pdf(demo)  # loads WeasyPrint, matplotlib and the fonts, paid once per process
    start = time.process_time()
    pdf(demo)
    demo_cpu = time.process_time() - start
    with PeakMemory() as memory:
        start, start_cpu = time.perf_counter(), time.process_time()
        data = pdf(large)
        seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    load = os.getloadavg()[0]

    pages = _pages(data, tmp_path)
    print(
        f"\nPDF d’un rapport {TIMES} fois la démo ({count(len(large.blocks))} blocs, "
        f"{count(tables)} tableaux, {count(rows)} lignes, {count(charts)} graphiques) : "
        f"{number(seconds, 1)} s pour {pages} pages, {count(len(data) // 1024)} Kio "
        f"— cible {TARGET_SECONDS} s : {met(seconds <= TARGET_SECONDS)} "
        f"(charge {number(load, 1)}) ; "
        f"temps processeur {number(cpu, 1)} s, {number(cpu / demo_cpu, 1)} fois celui du rapport "
        f"de la démo ({number(demo_cpu, 1)} s) ; "
        f"mémoire résidente : +{number(memory.growth_mb, 0)} Mo pendant le rendu, "
        f"pic du processus {number(status_kb('VmHWM') / 1024, 0)} Mo"
    )
    assert data.startswith(b"%PDF-1.7")
    assert cpu <= demo_cpu * MOST_GROWTH
