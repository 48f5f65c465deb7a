"""Writing the files of a frozen version, in the task worker: the document is built once, then
each format is written and the progress saved after each step (the staff page shows it)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.utils import timezone

from maillage.core.documents import Document
from maillage.core.documents.annexes import annexes
from maillage.core.documents.pdf import pdf
from maillage.reports.annual.document import build_document
from maillage.reports.report_files.enums import FileFormat, GenerationStatus
from maillage.reports.report_files.models import ReportFiles

logger = logging.getLogger(__name__)


# odfdo and python-docx are loaded only to write their format, not by every worker at start-up.
def _odt(document: Document) -> bytes:
    from maillage.core.documents.odt import hub_template, odt

    return odt(document, hub_template())


def _docx(document: Document) -> bytes:
    from maillage.core.documents.docx import docx_bytes

    return docx_bytes(document)


RENDERERS: dict[FileFormat, Callable[[Document], bytes]] = {
    FileFormat.PDF: pdf,
    FileFormat.ODT: _odt,
    FileFormat.DOCX: _docx,
    FileFormat.ANNEXES: annexes,
}


def _step(files: ReportFiles, **changes: object) -> None:
    files.steps_done += 1
    ReportFiles.objects.filter(pk=files.pk).update(steps_done=files.steps_done, **changes)


def write_files(files_id: int) -> None:
    """Build the document once, then write each format, saving progress after each step."""
    files = ReportFiles.objects.select_related("version__report").get(pk=files_id)
    files.steps_done = 0
    ReportFiles.objects.filter(pk=files.pk).update(status=GenerationStatus.RUNNING, steps_done=0)
    try:
        document = build_document(files.version)
        _step(files)
        for file_format, render in RENDERERS.items():
            field = files.file_of(file_format)
            field.delete(save=False)  # a retry replaces the file, never adds « _x8Yz » names
            field.save(files.download_name(file_format), ContentFile(render(document)), save=False)
            _step(files, **{file_format.value: field.name})
    except Exception:
        logger.exception("Report files %s could not be written", files_id)
        message = "La préparation des fichiers a échoué ; vous pouvez la relancer."
        ReportFiles.objects.filter(pk=files.pk).update(
            status=GenerationStatus.FAILED, message=message, finished_at=timezone.now()
        )
        raise
    ReportFiles.objects.filter(pk=files.pk).update(
        status=GenerationStatus.DONE, finished_at=timezone.now()
    )
