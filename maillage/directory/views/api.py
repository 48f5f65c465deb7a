"""Open data: the JSON API, its OpenAPI description, its French documentation and the exports.

They only read (`require_safe`), so they are `csrf_exempt`: another method is a 405 saying which
ones are allowed, not the CSRF refusal a form gets (an HTML page, for a client expecting JSON).
"""

import math

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from maillage.core.counting import count_up_to
from maillage.core.filter_forms import FilterRefused
from maillage.core.french import number as fr
from maillage.directory.enums import ExportFormat
from maillage.directory.exports import csv as csv_export
from maillage.directory.exports import published
from maillage.directory.exports.openapi import PAGE_SIZE, describe, filter_parameters
from maillage.directory.exports.public import public_records
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment
from maillage.directory.views.exports import in_request
from maillage.directory.views.map import JSON_PARAMS, bad_request
from maillage.hub import current_hub

# A filtered download is written during the request: about a second at the measured rate (make
# bench), far from an app server's timeout. The whole directory is a file written ahead.
FILTERED_MAX_ROWS = 20_000


def _json(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params=JSON_PARAMS, safe=False)


def _page_url(request, filters, page: int) -> str:
    return request.build_absolute_uri(f"{request.path}?{filters.as_query_string(page=page)}")


@login_not_required
@csrf_exempt
@require_safe
def organisation_list(request):
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as error:
        return bad_request(error.messages)
    results = filters.results()
    count = results.count()
    last_page = max(1, math.ceil(count / PAGE_SIZE))
    if filters.page > last_page:
        return bad_request([f"La page {filters.page} n’existe pas (dernière page : {last_page})."])
    start = (filters.page - 1) * PAGE_SIZE
    return _json(
        {
            "count": count,
            "next": _page_url(request, filters, filters.page + 1)
            if filters.page < last_page
            else None,
            "previous": _page_url(request, filters, filters.page - 1) if filters.page > 1 else None,
            "results": _page_records(results, start),
        }
    )


def _page_records(results, start: int) -> list[dict]:
    """The page's ids first, sorted from the indexes alone; then only those rows are read."""
    ids = list(results.values_list("pk", flat=True)[start : start + PAGE_SIZE])
    records = {record["id"]: record for record in public_records(results.filter(pk__in=ids))}
    return [records[pk] for pk in ids]


@login_not_required
@csrf_exempt
@require_safe
def organisation_detail(request, pk: int):
    records = public_records(Establishment.objects.published().filter(pk=pk))
    if not records:
        return _not_found("Aucune structure publiée n’a cet identifiant.")
    return _json(records[0])


@login_not_required
@csrf_exempt
@require_safe
def not_found(request):
    return _not_found("Cette adresse n’existe pas dans l’API.")


def _not_found(message: str) -> JsonResponse:
    return _json({"erreur": message, "messages": []}, 404)


@login_not_required
@csrf_exempt
@require_safe
def openapi(request):
    return _json(describe(current_hub().identity.full_name, request.build_absolute_uri("/")))


@login_not_required
@require_safe
def documentation(request):
    base = request.build_absolute_uri("/").rstrip("/")
    sample = Establishment.objects.published().order_by("pk").values_list("pk", flat=True).first()
    return render(
        request,
        "directory/api.html",
        {
            "base_url": base,
            "parameters": filter_parameters(),
            "page_size": PAGE_SIZE,
            "sample_id": sample,
            "csv_columns": [header for _, header in csv_export.COLUMNS],
            "filtered_max": fr(FILTERED_MAX_ROWS),
            "files": {
                "csv": published.published_file(ExportFormat.CSV),
                "ods": published.published_file(ExportFormat.ODS),
                "geojson": published.published_file(ExportFormat.GEOJSON),
                "data_inclusion": published.published_file(ExportFormat.DATA_INCLUSION),
            },
        },
    )


def _export(request, file_format: ExportFormat) -> HttpResponseBase:
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as error:
        return bad_request(error.messages)
    if filters.is_empty:
        return _published(request, file_format)
    queryset = filters.narrow(Establishment.objects.published())
    if file_format is ExportFormat.GEOJSON:
        queryset = queryset.located()
    if not count_up_to(queryset, FILTERED_MAX_ROWS).exact:
        return bad_request(
            [
                f"Cette sélection compte plus de {fr(FILTERED_MAX_ROWS)} structures : précisez "
                "les filtres, ou téléchargez le fichier complet de l’annuaire (sans filtre)."
            ]
        )
    return in_request(queryset, file_format, published.download_name(file_format))


def _published(request, file_format: ExportFormat) -> HttpResponseBase:
    """The file the worker wrote, with its date; before the first one, a French answer."""
    file = published.published_file(file_format)
    if file is None:
        published.request_build()
        response = HttpResponse(
            "Le fichier de l’annuaire est en préparation : revenez dans une minute.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(published.SETTLE_SECONDS * 2)
        return response
    modified = int(file.modified.timestamp())
    unchanged = get_conditional_response(request, last_modified=modified)
    if unchanged is not None:
        return unchanged
    response = FileResponse(
        file.path.open("rb"),
        as_attachment=True,
        filename=file.name,
        content_type=file_format.content_type,
    )
    response["Last-Modified"] = http_date(modified)
    return response


@login_not_required
@csrf_exempt
@require_safe
def export_geojson(request):
    return _export(request, ExportFormat.GEOJSON)


@login_not_required
@csrf_exempt
@require_safe
def export_csv(request):
    return _export(request, ExportFormat.CSV)


@login_not_required
@csrf_exempt
@require_safe
def export_ods(request):
    return _export(request, ExportFormat.ODS)


@login_not_required
@csrf_exempt
@require_safe
def export_data_inclusion(request):
    return _export(request, ExportFormat.DATA_INCLUSION)
