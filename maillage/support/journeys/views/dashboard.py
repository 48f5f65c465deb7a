"""The staff dashboard of the support journeys, and its tables as CSV."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from maillage.accounts.permissions import staff_required
from maillage.support.journeys.csv_export import table_csv
from maillage.support.journeys.dashboard import TABLES, all_tables


@staff_required
def dashboard(request):
    return render(request, "journeys/staff/dashboard.html", {"tables": all_tables()})


@staff_required
def dashboard_csv(request, slug: str):
    build = TABLES.get(slug)
    if build is None:
        raise Http404("Tableau inconnu.")
    response = HttpResponse(table_csv(build()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="accompagnement-{slug}.csv"'
    return response
