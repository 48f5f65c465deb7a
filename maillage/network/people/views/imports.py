"""Import of contacts for staff: upload → the task worker reads the sheet → preview and column
mapping → the task worker imports the rows, the page follows its progress → report."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_htmx.http import HttpResponseClientRefresh

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.network.people.enums import ImportStatus
from maillage.network.people.forms import UploadForm
from maillage.network.people.importing.forms import MappingForm
from maillage.network.people.importing.mapping import guess_mapping
from maillage.network.people.importing.queueing import (
    queue_import,
    receive_upload,
    resume_import,
)
from maillage.network.people.importing.rejects import rejects_csv
from maillage.network.people.importing.running import (
    STALE_AFTER,
    ImportAlreadyRun,
    is_interrupted,
    is_waiting_too_long,
    load_report,
    waiting_rows,
)
from maillage.network.people.models import ContactImport

PREVIEW_ROWS = 10
# The value of the button that resumes an interrupted import.
RESUME = "reprendre"


@staff_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sheet, token = form.cleaned_data["sheet"], form.cleaned_data["submission"]
        contact_import, created = form_tokens.once(
            ContactImport,
            token,
            lambda: receive_upload(sheet.name, sheet.read(), request.user, token),
        )
        if not created:
            messages.info(request, form_tokens.ALREADY_SAVED)
        return redirect("people:import", pk=contact_import.pk)
    status = 400 if request.method == "POST" else 200
    recent = [
        (item, is_interrupted(item))
        for item in ContactImport.objects.exclude(status=ImportStatus.PENDING).defer("sheet")[:10]
    ]
    return render(
        request, "people/import_upload.html", {"form": form, "recent": recent}, status=status
    )


@staff_required
def import_page(request, pk: int):
    contact_import = get_object_or_404(ContactImport.objects.defer("sheet"), pk=pk)
    if contact_import.status == ImportStatus.DONE:
        if request.htmx:  # the progress box saw the end: load the whole report
            return HttpResponseClientRefresh()
        context = {"import": contact_import, "report": load_report(contact_import)}
        return render(request, "people/import_report.html", context)
    if contact_import.status == ImportStatus.REFUSED:
        if request.htmx:  # the progress box saw the refusal: load the page that says why
            return HttpResponseClientRefresh()
        return render(request, "people/import_refused.html", {"import": contact_import})
    if contact_import.status != ImportStatus.PENDING:
        return _progress(request, contact_import)
    if request.htmx:  # the progress box saw the sheet read: load the mapping
        return HttpResponseClientRefresh()
    header, rows = waiting_rows(contact_import)
    form = MappingForm(header, request.POST or None, initial_mapping=guess_mapping(header))
    if request.method == "POST" and form.is_valid():
        try:
            queue_import(contact_import, form.mapping())
        except ImportAlreadyRun as error:
            messages.info(request, str(error))
        return redirect("people:import", pk=pk)
    context = {
        "import": contact_import,
        "form": form,
        "header": header,
        "preview": rows[:PREVIEW_ROWS],
        "count": len(rows),
    }
    return render(
        request, "people/import_mapping.html", context, status=400 if form.errors else 200
    )


def _progress(request, contact_import: ContactImport):
    if request.method == "POST" and request.POST.get("action") == RESUME:
        try:
            resume_import(contact_import)
        except ImportAlreadyRun as error:
            messages.info(request, str(error))
        return redirect("people:import", pk=contact_import.pk)
    template = "people/import_progress.html"
    if request.htmx:
        template += "#progress"
    context = {
        "import": contact_import,
        "interrupted": is_interrupted(contact_import),
        "waiting_too_long": is_waiting_too_long(contact_import),
        "stale_minutes": int(STALE_AFTER.total_seconds() // 60),
        "resume": RESUME,
    }
    return render(request, template, context)


@staff_required
def rejects(request, pk: int):
    contact_import = get_object_or_404(ContactImport, pk=pk, status=ImportStatus.DONE)
    response = HttpResponse(
        rejects_csv(load_report(contact_import)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="lignes-rejetees-{pk}.csv"'
    return response
