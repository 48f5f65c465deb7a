"""The yearly activity report: the staff's live draft, its texts, its frozen versions; the
public reads only published versions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from maillage.accounts.enums import Role
from maillage.accounts.permissions import has_role, staff_required
from maillage.plan.models import StrategicObjective
from maillage.reports.annual.building import build_content
from maillage.reports.annual.contents import ReportContent
from maillage.reports.annual.forms import ObjectiveTextForm, ReportTextsForm
from maillage.reports.annual.freezing import freeze, publish, published_version, report_of
from maillage.reports.annual.models import AnnualReport, FrozenVersion, ObjectiveText
from maillage.reports.indicators.outline import plan_outline

# Years a report may be written for, around the current one.
YEARS_BACK = 5


def _checked_year(year: int) -> int:
    current = timezone.localdate().year
    if not current - YEARS_BACK <= year <= current:
        raise Http404("Pas de rapport d’activité pour cette année.")
    return year


def _is_staff(request: HttpRequest) -> bool:
    return has_role(request.user, Role.STAFF)


@login_not_required
def report_list(request: HttpRequest) -> HttpResponse:
    published = FrozenVersion.objects.published().values_list("report__year", flat=True)
    years = sorted(set(published), reverse=True)
    if _is_staff(request):
        current = timezone.localdate().year
        years = list(range(current, current - YEARS_BACK - 1, -1))
    return render(request, "annual/list.html", {"years": years, "published": set(published)})


@login_not_required
def report(request: HttpRequest, year: int) -> HttpResponse:
    """Staff read the live draft; everyone else the latest published version."""
    if not _is_staff(request):
        version = published_version(year)
        if version is None:
            raise Http404("Ce rapport n’est pas publié.")
        return _version_page(request, version)
    draft = report_of(_checked_year(year))
    context = {
        "content": build_content(draft),
        "report": draft,
        "versions": draft.versions.all(),
        "is_draft": True,
    }
    return render(request, "annual/report.html", context)


@login_not_required
def version(request: HttpRequest, year: int, number: int) -> HttpResponse:
    frozen = get_object_or_404(
        FrozenVersion.objects.select_related("report"), report__year=year, number=number
    )
    if not (frozen.is_published or _is_staff(request)):
        raise Http404("Cette version n’est pas publiée.")
    return _version_page(request, frozen)


def _version_page(request: HttpRequest, frozen: FrozenVersion) -> HttpResponse:
    context = {
        "content": ReportContent.from_json(frozen.content),
        "report": frozen.report,
        "version": frozen,
        "is_draft": False,
    }
    return render(request, "annual/report.html", context)


@staff_required
def texts(request: HttpRequest, year: int) -> HttpResponse:
    draft = report_of(_checked_year(year))
    form = ReportTextsForm(request.POST or None, instance=draft)
    objective_forms = [
        (
            objective,
            ObjectiveTextForm(
                request.POST or None,
                prefix=f"objectif-{objective.code}",
                instance=_objective_text(draft, objective),
            ),
        )
        for objective in plan_outline()
    ]
    every_form: list[forms.ModelForm[Any]] = [form, *(f for _, f in objective_forms)]
    if request.method == "POST" and all(f.is_valid() for f in every_form):
        with transaction.atomic():
            for each in every_form:
                each.save()
        messages.success(request, f"Textes du rapport {year} enregistrés.")
        return redirect("annual:report", year=year)
    context = {"report": draft, "form": form, "objective_forms": objective_forms}
    return render(request, "annual/texts.html", context)


def _objective_text(report: AnnualReport, objective: StrategicObjective) -> ObjectiveText:
    found = report.objective_texts.filter(objective=objective).first()
    return found or ObjectiveText(report=report, objective=objective)


@staff_required
@require_POST
def freeze_report(request: HttpRequest, year: int) -> HttpResponse:
    frozen = freeze(report_of(_checked_year(year)))
    messages.success(request, f"Version {frozen.number} figée : ses chiffres ne changeront plus.")
    return redirect(frozen)


@staff_required
@require_POST
def publish_version(request: HttpRequest, year: int, number: int) -> HttpResponse:
    frozen = get_object_or_404(FrozenVersion, report__year=year, number=number)
    publish(frozen)
    messages.success(request, f"Version {frozen.number} publiée : elle est lisible de tous.")
    return redirect(frozen)
