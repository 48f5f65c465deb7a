"""The public directory: search and filters, one organisation's page, and the staff's view of
what people search for."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from maillage.accounts.permissions import staff_required
from maillage.core.counting import LazyPaginator, counted, wants_exact_count
from maillage.core.demo import has_demo, is_demo
from maillage.core.filter_forms import FilterRefused
from maillage.core.map_tiles import allow_tiles, configured_tiles
from maillage.directory import search_log, search_query
from maillage.directory.exports.public import public_records
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment
from maillage.directory.models.organisations import public_slug
from maillage.directory.related import related_sections
from maillage.directory.schema_org import json_ld_of, json_ld_script_body
from maillage.directory.views.choices import filter_choices
from maillage.territory.queries import current_territory

PAGE_SIZE = 25
RELATED_ITEMS = 5  # upcoming activities, services… shown per section on an organisation's page
# What a result shows: the database sorts these columns only, never outlines or descriptions.
LIST_FIELDS = (
    "sign",
    "name",
    "naf_code",
    "city_name",
    "legal_unit__name",
    "legal_unit__ess_family",
    "legal_unit__is_hub_member",
    "commune__name",
)
REPORT_PERIODS = search_log.REPORT_PERIODS


def invalid(request, messages: list[str]):
    return render(request, "directory/invalid_filters.html", {"messages": messages}, status=400)


@login_not_required
@require_safe
def directory_list(request):
    try:
        filters = parse_filters(request.GET)
    except FilterRefused as refused:
        return invalid(request, refused.messages)
    # Counted up to a thousand unless asked (`core/counting.py`); a search lists its TOP best.
    total = counted(
        filters.narrow(Establishment.objects.published()), wants_exact_count(request.GET)
    )
    # The page's ids first, sorted from the indexes alone; then only those rows are read.
    top = search_query.TOP if filters.by_relevance else None
    found = total.value if total.exact else None
    ids = filters.results(top=top, found=found).values_list("pk", flat=True)
    page = LazyPaginator(ids, PAGE_SIZE, filters.page, total, top).get_page(filters.page)
    rows = (
        Establishment.objects.filter(pk__in=list(page.object_list))
        .select_related("legal_unit", "commune")
        .only(*LIST_FIELDS)
        .in_bulk()
    )
    page.object_list = [rows[pk] for pk in page.object_list]
    # Typing in the search box updates the list without being logged: only a submitted search,
    # a changed filter or a followed link counts as one.
    if request.headers.get("HX-Trigger-Name") != "q":
        search_log.record_search(filters, total.value)
    context = {
        "filters": filters,
        "page": page,
        "total": total,
        "top": top,
        "demo": has_demo(Establishment),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    if partial:
        response = render(request, "directory/partials/results.html", context)
    else:
        territory = current_territory()
        context |= filter_choices(filters, territory)
        context["territory"] = territory
        response = render(request, "directory/list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _published_or_404(pk: int) -> Establishment:
    return get_object_or_404(
        Establishment.objects.published().select_related(
            "legal_unit", "commune", "commune__departement", "commune__epci"
        ),
        pk=pk,
    )


@login_not_required
@require_safe
def detail_without_slug(request, pk: int):
    return redirect(_published_or_404(pk), permanent=True)


@login_not_required
@require_safe
@allow_tiles
def detail(request, pk: int, slug: str):
    site = _published_or_404(pk)
    if slug != public_slug(site.display_name):  # renamed since the link was made
        return redirect(site, permanent=True)
    siblings = (
        Establishment.objects.published()
        .filter(legal_unit=site.legal_unit_id)
        .exclude(pk=site.pk)
        .select_related("legal_unit", "commune")
    )
    # Contacts are read through the public representation: shown only when published.
    [record] = public_records(Establishment.objects.filter(pk=site.pk))
    context = {
        "site": site,
        "record": record,
        "related": related_sections(site.legal_unit, RELATED_ITEMS),
        "unit": site.legal_unit,
        "themes": list(site.themes.all()),
        "siblings": siblings,
        "json_ld": json_ld_script_body(json_ld_of(site, request.build_absolute_uri())),
        "demo": is_demo(site),
        "tiles": configured_tiles(),
        "territory": current_territory(),
    }
    return render(request, "directory/detail.html", context)


@require_safe
@staff_required
def search_report(request):
    period = request.GET.get("jours", "30")
    if period not in REPORT_PERIODS:
        return invalid(request, ["La période doit être de 7, 30, 90 ou 365 jours."])
    days = REPORT_PERIODS[period]
    context = {
        "days": days,
        "periods": REPORT_PERIODS,
        "frequent": search_log.most_frequent(days),
        "unmet": search_log.without_results(days),
    }
    return render(request, "directory/search_report.html", context)
