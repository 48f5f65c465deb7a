"""The files of a frozen version: staff ask for them and follow their writing; anyone downloads
them once the version is published."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from maillage.accounts.enums import Role
from maillage.accounts.permissions import has_role, staff_required
from maillage.reports.annual.models import FrozenVersion
from maillage.reports.report_files.enums import FileFormat
from maillage.reports.report_files.generation import request_files
from maillage.reports.report_files.models import ReportFiles


def _version(request: HttpRequest, year: int, number: int) -> FrozenVersion:
    """The version, if the asker may read it: staff, or anyone once it is published."""
    version = get_object_or_404(
        FrozenVersion.objects.select_related("report"), report__year=year, number=number
    )
    if not (version.is_published or has_role(request.user, Role.STAFF)):
        raise Http404("Cette version n’est pas publiée.")
    return version


def panel_context(request: HttpRequest, version: FrozenVersion) -> dict[str, object]:
    return {
        "version": version,
        "files": ReportFiles.objects.filter(version=version).first(),
        "formats": list(FileFormat),
        "is_staff": has_role(request.user, Role.STAFF),
    }


@login_not_required
def panel(request: HttpRequest, year: int, number: int) -> HttpResponse:
    """The files box alone: what the version page polls while the files are being written."""
    version = _version(request, year, number)
    return render(request, "report_files/partials/panel.html", panel_context(request, version))


@staff_required
@require_POST
def generate(request: HttpRequest, year: int, number: int) -> HttpResponse:
    version = _version(request, year, number)
    request_files(version)
    if request.headers.get("HX-Request"):
        return panel(request, year, number)
    return redirect(f"{version.get_absolute_url()}#fichiers")


@login_not_required
def download(request: HttpRequest, year: int, number: int, file_format: str) -> FileResponse:
    version = _version(request, year, number)
    if file_format not in FileFormat.values:
        raise Http404("Format inconnu.")
    chosen = FileFormat(file_format)
    files = ReportFiles.objects.filter(version=version).first()
    if files is None or not files.is_done:
        raise Http404("Ces fichiers ne sont pas encore prêts.")
    return FileResponse(
        files.file_of(chosen).open("rb"),
        as_attachment=True,
        filename=files.download_name(chosen),
        content_type=chosen.content_type,
    )
