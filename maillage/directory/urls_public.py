from django.urls import path

from maillage.directory.views import api, public

# What anyone may read or download, published entries only.
urlpatterns = [
    path("", public.directory_list, name="list"),
    path("recherches/", public.search_report, name="search_report"),
    path("export.geojson", api.export_geojson, name="export_geojson"),
    path("export.csv", api.export_csv, name="export_csv"),
    path("export.ods", api.export_ods, name="export_ods"),
    path(
        "export-data-inclusion.json",
        api.export_data_inclusion,
        name="export_data_inclusion",
    ),
    path("<id:pk>/", public.detail_without_slug, name="detail_without_slug"),
    path("<id:pk>-<slug:slug>/", public.detail, name="detail"),
]
