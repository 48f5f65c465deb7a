"""Observatory pages: public figures, charts and tables; staff runs and comparison."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import staff_required
from maillage.core import charts
from maillage.core.csv_safety import escape_cell
from maillage.core.form_tokens import first_write
from maillage.observatory import commune_agenda
from maillage.observatory.computation_requests import request_snapshot, request_vintage
from maillage.observatory.enums import Dimension, SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.forms import TWIN_FIGURE, ReferenceFigureForm
from maillage.observatory.models import PreparedVintage, ReferenceFigure, Snapshot, SnapshotRun
from maillage.observatory.presentation import pages
from maillage.observatory.presentation.comparison import comparisons
from maillage.observatory.presentation.snapshot_charts import CHARTS, chart
from maillage.observatory.sources.stock_files import available_files, resolve
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


class BadParameter(Exception):
    pass


def _snapshot(request: HttpRequest) -> Snapshot | None:
    """The snapshot asked for by ?instantane=<n>, or the latest of the territory."""
    raw = request.GET.get("instantane", "")
    if not raw:
        return pages.latest_snapshot()
    if not raw.isdigit():
        raise BadParameter(f"Instantané invalide : « {raw[:40]} ».")
    return get_object_or_404(Snapshot, pk=int(raw))


def _downloaded(request: HttpRequest) -> Snapshot:
    """The snapshot a file is downloaded from (the latest unless one is named); 404 if none."""
    snapshot = _snapshot(request)
    if snapshot is None:
        raise Http404("Aucun instantané.")
    return snapshot


def _bad(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _with_cells(rows: list[pages.Row]) -> list[tuple[pages.Row, list]]:
    return [(row, row.cells) for row in rows]


def _tables(snapshot: Snapshot) -> list[dict]:
    tables = []
    for slug, (_, caption, first, _) in pages.TABLES.items():
        rows, more = pages.main_rows(slug, pages.table_rows(snapshot, slug))
        columns = pages.shown_columns(rows)
        tables.append(
            {
                "slug": slug,
                "caption": caption,
                "first": first,
                "headers": [pages.HEADERS[i] for i in columns],
                "rows": [(row, [cells[i] for i in columns]) for row, cells in _with_cells(rows)],
                "more": more,
            }
        )
    return tables


@login_not_required
def overview(request: HttpRequest) -> HttpResponse:
    try:
        snapshot = _snapshot(request)
    except BadParameter as error:
        return _bad(str(error))
    context: dict = {"snapshot": snapshot}
    if snapshot is not None:
        tables = {t["slug"]: t for t in _tables(snapshot)}
        context |= {
            "area": pages.territory_figure(snapshot),
            "area_hidden": pages.hidden_note(pages.territory_figure(snapshot)),
            "paragraph": pages.paragraph(snapshot),
            "note": pages.method_note(snapshot),
            "tables": tables,
            "charts": {slug: mark_safe(_svg(snapshot, slug)) for slug in CHARTS},
            "series": [(s, pages.territory_figure(s)) for s in pages.series()],
        }
    return render(request, "observatory/overview.html", context)


def _cell(value) -> str | int | float:
    # Numbers stay numbers for the spreadsheet; text goes through the one escaping rule.
    return value if isinstance(value, int | float) else escape_cell(value)


@login_not_required
def table_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in pages.TABLES:
        raise Http404("Tableau inconnu.")
    try:
        snapshot = _downloaded(request)
    except BadParameter as error:
        return _bad(str(error))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="observatoire-{slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "code",
            "libelle",
            "etablissements_ess",
            "etablissements_employeurs",
            "emplois_estimation",
            "emplois_borne_basse",
            "emplois_borne_haute",
            "part_emploi_salarie_pct",
            "emplois_pour_1000_habitants",
        ]
    )
    for row in pages.table_rows(snapshot, slug):
        writer.writerow([_cell(v) for v in row.values])
    writer.writerow([])
    writer.writerow([_cell(pages.method_note(snapshot))])
    return response


def _svg(snapshot: Snapshot, slug: str) -> str:
    # Drawn by our code from numbers; every label is escaped by the XML writer.
    return charts.svg(chart(snapshot, slug), f"graphique-{slug}")


def _chart_file(
    request: HttpRequest,
    slug: str,
    suffix: str,
    content_type: str,
    render: Callable[[Snapshot, str], str | bytes],
) -> HttpResponse:
    """A chart of the chosen snapshot as a file to download, drawn by `render`."""
    if slug not in CHARTS:
        raise Http404("Graphique inconnu.")
    try:
        snapshot = _downloaded(request)
    except BadParameter as error:
        return _bad(str(error))
    response = HttpResponse(render(snapshot, slug), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="observatoire-{slug}.{suffix}"'
    return response


@login_not_required
def chart_svg(request: HttpRequest, slug: str) -> HttpResponse:
    return _chart_file(
        request,
        slug,
        "svg",
        "image/svg+xml; charset=utf-8",
        lambda snapshot, slug: XML_DECLARATION + _svg(snapshot, slug),
    )


@login_not_required
def chart_png(request: HttpRequest, slug: str) -> HttpResponse:
    """The same chart as the SVG, drawn as a PNG image for a report or a slide."""
    return _chart_file(
        request, slug, "png", "image/png", lambda snapshot, slug: charts.png(chart(snapshot, slug))
    )


@login_not_required
def commune(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Commune.objects.select_related("epci"), code=code)
    snapshot = pages.latest_snapshot()
    figure = area = None
    if snapshot is not None:
        figure = snapshot.figures.filter(dimension=Dimension.COMMUNE, key=code).first()
        area = pages.territory_figure(snapshot)
    if figure is None:
        raise Http404("Cette commune n’est pas dans le territoire de l’observatoire.")
    activities = commune_agenda.upcoming(place, 5)
    context = {
        "commune": place,
        "snapshot": snapshot,
        "figure": figure,
        "area": area,
        "weight": pages.commune_weight(figure, area),
        "hidden_note": pages.hidden_note(figure) if snapshot.drills_down else "",
        "directory_url": pages.drill_url(snapshot, "commune", code)
        or pages.directory_list({"commune": code}),
        "activities": activities,
        "note": pages.method_note(snapshot),
    }
    return render(request, "observatory/commune.html", context)


def _data_date(raw: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise SnapshotRefused(f"Date des données invalide : « {raw[:20]} ».") from None


@staff_required
def snapshots(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        kind = request.POST.get("source", "")
        try:
            if kind == VINTAGE_SOURCE:
                _request_from_vintage(request)
            elif kind not in SourceKind.values:
                raise SnapshotRefused("Source inconnue.")
            else:
                _request_from_files(request, SourceKind(kind))
        except SnapshotRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Calcul demandé : il s’exécute en arrière-plan.")
        return redirect("observatory:snapshots")
    context = {
        "snapshots": Snapshot.objects.latest_first(),
        "runs": SnapshotRun.objects.latest_first().select_related("snapshot")[:20],
        "files": available_files(),
        "vintages": PreparedVintage.objects.ready().latest_first(),
        "files_dir": getattr(settings, "OBSERVATORY_FILES_DIR", ""),
        "running": SnapshotRun.objects.unfinished().exists(),
    }
    template = "observatory/partials/runs.html" if request.htmx else "observatory/snapshots.html"
    return render(request, template, context)


VINTAGE_SOURCE = "millesime"


def _request_from_vintage(request: HttpRequest) -> None:
    raw = request.POST.get("millesime", "")
    vintage = PreparedVintage.objects.ready().filter(pk=int(raw) if raw.isdigit() else None)
    if not vintage.exists():
        raise SnapshotRefused("Choisissez un millésime préparé.")
    request_snapshot(SourceKind.SIRENE, request.user, vintage=vintage.get())


def _request_from_files(request: HttpRequest, kind: SourceKind) -> None:
    sirene = kind == SourceKind.SIRENE
    establishments = resolve(request.POST.get("etablissements", "")) if sirene else ""
    units = resolve(request.POST.get("unites", "")) if sirene else ""
    request_snapshot(
        kind,
        request.user,
        str(establishments or ""),
        str(units or ""),
        _data_date(request.POST.get("date", "")),
    )


@staff_required
def vintages(request: HttpRequest) -> HttpResponse:
    """Prepared SIRENE vintages: ask for one (queued in the worker), follow its steps."""
    if request.method == "POST":
        try:
            data_date = _data_date(request.POST.get("date", ""))
            if data_date is None:
                raise SnapshotRefused("Indiquez la date du millésime (celle du stock de l’INSEE).")
            request_vintage(
                resolve(request.POST.get("etablissements", "")),
                resolve(request.POST.get("unites", "")),
                data_date,
                request.user,
            )
        except SnapshotRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, "Préparation demandée : elle s’exécute en arrière-plan.")
        return redirect("observatory:vintages")
    context = {
        "vintages": PreparedVintage.objects.latest_first()[:20],
        "files": available_files(),
        "running": PreparedVintage.objects.unfinished().exists(),
    }
    template = "observatory/partials/vintages.html" if request.htmx else "observatory/vintages.html"
    return render(request, template, context)


@staff_required
def comparison(request: HttpRequest) -> HttpResponse:
    snapshot = pages.latest_snapshot()
    return render(
        request,
        "observatory/comparison.html",
        {"snapshot": snapshot, "comparisons": comparisons(snapshot)},
    )


@staff_required
def references(request: HttpRequest) -> HttpResponse:
    figures = ReferenceFigure.objects.order_by("area_name", "indicator", "-data_year")
    # Each value with the decimals it was published with: 3 042, 12,7.
    rows = [
        (figure, max(0, -int(figure.value.normalize().as_tuple().exponent))) for figure in figures
    ]
    context = {"rows": rows, "territory": current_territory()}
    return render(request, "observatory/references.html", context)


@staff_required
def reference_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    figure = get_object_or_404(ReferenceFigure, pk=pk) if pk else None
    territory = current_territory()
    initial = {"area_name": territory.name, "area_code": territory.slug} if territory else {}
    form = ReferenceFigureForm(request.POST or None, instance=figure, initial=initial)
    # The figure's natural key refuses a replay as a duplicate (a form error); `first_write`
    # does the same for two submits at the same instant instead of a server error.
    if request.method == "POST" and form.is_valid():
        if first_write(form.save) is not None:
            messages.success(request, "Le chiffre de référence est enregistré.")
            return redirect("observatory:references")
        form.add_error(None, TWIN_FIGURE)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "figure": figure}
    return render(request, "observatory/reference_form.html", context, status=status)


@staff_required
@require_POST
def reference_delete(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_object_or_404(ReferenceFigure, pk=pk)
    figure.delete()
    messages.success(request, f"« {figure} » est supprimé.")
    return redirect("observatory:references")
