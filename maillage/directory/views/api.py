"""Open data: the JSON API, its OpenAPI description, its French documentation and the exports.

They only read (`require_safe`), so they are `csrf_exempt`: another method is a 405 saying which
ones are allowed, not the CSRF refusal a form gets (an HTML page, for a client expecting JSON).
"""

import math

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from maillage.core.filter_forms import FilterRefused
from maillage.directory.exports import csv as csv_export
from maillage.directory.exports.data_inclusion import stream_structures
from maillage.directory.exports.geojson import stream_feature_collection
from maillage.directory.exports.openapi import PAGE_SIZE, describe, filter_parameters
from maillage.directory.exports.public import public_records
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment
from maillage.directory.views.map import JSON_PARAMS, bad_request
from maillage.hub import current_hub


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
        },
    )


def _export_queryset(request):
    filters = parse_filters(request.GET)
    return filters.narrow(Establishment.objects.published())


def _download(stream, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(suffix: str) -> str:
    return f"annuaire-ess-{slugify(current_hub().identity.name) or 'pole'}{suffix}"


@login_not_required
@csrf_exempt
@require_safe
def export_geojson(request):
    try:
        queryset = _export_queryset(request)
    except FilterRefused as error:
        return bad_request(error.messages)
    return _download(
        stream_feature_collection(queryset), "application/geo+json", _filename(".geojson")
    )


@login_not_required
@csrf_exempt
@require_safe
def export_csv(request):
    try:
        queryset = _export_queryset(request)
    except FilterRefused as error:
        return bad_request(error.messages)
    return _download(csv_export.rows(queryset), "text/csv; charset=utf-8", _filename(".csv"))


@login_not_required
@csrf_exempt
@require_safe
def export_data_inclusion(request):
    try:
        queryset = _export_queryset(request)
    except FilterRefused as error:
        return bad_request(error.messages)
    base = request.build_absolute_uri("/")
    return _download(
        stream_structures(queryset, base),
        "application/json",
        _filename("-data-inclusion.json"),
    )
