"""Staff's exports of the directory: a small selection is streamed at once, a large one written
by the task worker (`exports/queueing.py`) and followed on its page until the file is ready."""

import tempfile

from django.contrib import messages
from django.http import FileResponse, Http404, QueryDict, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.core.counting import count_up_to
from maillage.core.filter_forms import FilterRefused
from maillage.directory.enums import DirectoryOrder, ExportFormat
from maillage.directory.exports.public import iter_public_records
from maillage.directory.exports.queueing import (
    IN_REQUEST_MAX_ROWS,
    fits_in_request,
    request_export,
)
from maillage.directory.exports.writing import WRITERS, selected, write_file
from maillage.directory.filters import parse_filters
from maillage.directory.models import DirectoryExport
from maillage.directory.stewardship.forms import ExportForm
from maillage.directory.views.map import list_url

RECENT = 20


def _normalised(params) -> str:
    """The list's filters as its own query string (no page, no order): raises FilterRefused."""
    return parse_filters(params).as_query_string(page=1, order=DirectoryOrder.NAME)


@staff_required
def export_page(request):
    """The form (the list's filters carried in the address), and the latest exports."""
    if request.method == "POST":
        return _export(request)
    try:
        filters = _normalised(request.GET)
    except FilterRefused as error:
        return _refused(request, error)
    form = ExportForm(initial={"filters": filters, "file_format": ExportFormat.CSV})
    return render(request, "directory/staff/exports.html", _context(form, filters))


def _refused(request, error: FilterRefused):
    context = {"errors": error.messages, "list_url": list_url("")}
    return render(request, "directory/staff/exports.html", context, status=400)


def _context(form: ExportForm, filters: str) -> dict:
    selection = selected(ExportFormat.CSV, filters)
    return {
        "form": form,
        "filters": filters,
        "list_url": list_url(filters),
        "count": count_up_to(selection, IN_REQUEST_MAX_ROWS),
        "in_request_max": IN_REQUEST_MAX_ROWS,
        "exports": DirectoryExport.objects.latest_first()[:RECENT],
        "errors": [],
    }


def _export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        filters = request.POST.get("filters", "")
        try:
            filters = _normalised(QueryDict(filters))
        except FilterRefused:
            filters = ""
        return render(request, "directory/staff/exports.html", _context(form, filters), status=400)
    try:
        filters = _normalised(QueryDict(form.cleaned_data["filters"]))
    except FilterRefused as error:
        return _refused(request, error)
    file_format = ExportFormat(form.cleaned_data["file_format"])
    queryset = selected(file_format, filters)
    if fits_in_request(queryset):
        return _streamed(queryset, file_format)
    token = form.cleaned_data["submission"]
    export, created = form_tokens.once(
        DirectoryExport, token, lambda: request_export(file_format, filters, request.user, token)
    )
    if created:
        messages.success(request, "L’export est lancé : le fichier s’écrit en arrière-plan.")
    else:
        messages.info(request, form_tokens.ALREADY_SAVED)
    return redirect("directory:staff_export", pk=export.pk)


def _streamed(queryset, file_format: ExportFormat) -> HttpResponseBase:
    return in_request(queryset, file_format, f"annuaire-ess.{file_format}")


def in_request(queryset, file_format: ExportFormat, filename: str) -> HttpResponseBase:
    """A small selection at once: streamed as text, or an ODS written first to a temporary
    file (a zip is not written front to back)."""
    records = iter_public_records(queryset)
    if file_format is ExportFormat.ODS:
        file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
        write_file(file_format, records, file)
        file.seek(0)
        return FileResponse(
            file, as_attachment=True, filename=filename, content_type=file_format.content_type
        )
    response = StreamingHttpResponse(
        WRITERS[file_format](records), content_type=file_format.content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_required
def export_status(request, pk: int):
    """One export: its progress while written (the page polls itself), then its file."""
    export = get_object_or_404(DirectoryExport, pk=pk)
    context = {"export": export, "list_url": list_url(export.filters)}
    if request.htmx:
        return render(request, "directory/staff/export.html#progress", context)
    return render(request, "directory/staff/export.html", context)


@staff_required
def export_download(request, pk: int):
    export = get_object_or_404(DirectoryExport, pk=pk)
    if not export.is_done or not export.file:
        raise Http404("Ce fichier n’est pas encore prêt.")
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.download_name(),
        content_type=export.format.content_type,
    )
