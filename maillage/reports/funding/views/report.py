"""The per-grant report (Cerfa 15059 sections): its page, its CSV, and the staff's inputs."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core.csv_safety import escape_cell
from maillage.core.documents.pdf import pdf
from maillage.core.form_tokens import first_save, tell_saved
from maillage.plan.links import actions_of
from maillage.reports.funding.forms import BudgetLineForm, QualitativeReportForm
from maillage.reports.funding.grant_document import grant_document
from maillage.reports.funding.grant_report import budget_of, indicators_of
from maillage.reports.funding.models import BudgetLine, Grant
from maillage.reports.funding.views.grants import trail

ODT = "application/vnd.oasis.opendocument.text"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _context(grant: Grant, **bound: Any) -> dict[str, Any]:
    return {
        "grant": grant,
        "actions": actions_of(grant),
        "budget": budget_of(grant),
        "indicators": indicators_of(grant),
        "text_form": bound.get("text_form") or QualitativeReportForm(instance=grant),
        "line_form": bound.get("line_form") or BudgetLineForm(),
    }


def _grant(pk: int) -> Grant:
    return get_object_or_404(Grant.objects.select_related("funder"), pk=pk)


@staff_required
def grant_report(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "funding/grant_report.html", _context(_grant(pk)))


@staff_required
@require_POST
def save_qualitative_report(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = QualitativeReportForm(request.POST, instance=grant)
    if form.is_valid():
        form.save()
        messages.success(request, "Le bilan qualitatif est enregistré.")
        return redirect(reverse("funding:grant_report", args=[pk]))
    return render(request, "funding/grant_report.html", _context(grant, text_form=form), status=400)


@staff_required
@require_POST
def add_budget_line(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    form = BudgetLineForm(request.POST, instance=BudgetLine(grant=grant))
    if form.is_valid():
        saved = first_save(form.instance)
        tell_saved(request, saved, "La ligne du budget est ajoutée.")
        return redirect(reverse("funding:grant_report", args=[pk]))
    return render(request, "funding/grant_report.html", _context(grant, line_form=form), status=400)


@staff_required
def budget_line_edit(request: HttpRequest, pk: int, line_pk: int) -> HttpResponse:
    grant = _grant(pk)
    line = get_object_or_404(BudgetLine, pk=line_pk, grant=grant)
    label = line.label
    form = BudgetLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        if first_save(form.instance):
            messages.success(request, "La ligne du budget est modifiée.")
            return redirect(reverse("funding:grant_report", args=[pk]))
        form.add_error("label", "Le budget a déjà une ligne de ce nom dans cette partie.")
    line.label = label  # the title names the line as saved, not as typed
    report = (reverse("funding:grant_report", args=[pk]), "Compte rendu")
    context = {"form": form, "grant": grant, "line": line, "trail": [*trail(grant), report]}
    status = 400 if form.is_bound else 200
    return render(request, "funding/budget_line_form.html", context, status=status)


@staff_required
def grant_report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant(pk)
    rows: list[list[Any]] = [["Partie", "Poste", "Prévu", "Réalisé", "Écart", "Explication"]]
    for side in budget_of(grant):
        for line in side.lines:
            rows.append(
                [side.side, line.label, line.planned, line.actual, line.gap, line.explanation]
            )
        rows.append([side.side, "Total", side.planned, side.actual, side.gap, ""])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="compte-rendu-{grant.pk}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerows([_cell(value) for value in row] for row in rows)
    return response


def _cell(value: Any) -> str:
    """Amounts with a decimal comma, as a French spreadsheet reads them; text defused."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return escape_cell(value)


def _download(content: bytes, media_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Small enough to write on the request: a few tables, no chart (the yearly report's files, with
# their charts, are written by the worker).


@staff_required
def grant_report_odt(request: HttpRequest, pk: int) -> HttpResponse:
    # Loaded only to write the file, not by every process that loads the URLs.
    from maillage.core.documents.odt import hub_template, odt

    content = odt(grant_document(_grant(pk)), hub_template())
    return _download(content, ODT, f"compte-rendu-{pk}.odt")


@staff_required
def grant_report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    from maillage.core.documents.docx import docx_bytes

    return _download(docx_bytes(grant_document(_grant(pk))), DOCX, f"compte-rendu-{pk}.docx")


@staff_required
def grant_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(pdf(grant_document(_grant(pk))), "application/pdf", f"compte-rendu-{pk}.pdf")
