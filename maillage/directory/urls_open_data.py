from django.urls import path

from maillage.directory.views import api, map

# The map and open data: what anyone may read or download, published entries only.
urlpatterns = [
    path("carte/", map.map_page, name="map"),
    path("carte/points.geojson", map.map_points, name="map_points"),
    path("api/", api.documentation, name="api"),
    path("api/openapi.json", api.openapi, name="openapi"),
    path("api/organisations/", api.organisation_list, name="api_organisations"),
    path("api/organisations/<id:pk>/", api.organisation_detail, name="api_organisation"),
    path("annuaire/export.geojson", api.export_geojson, name="export_geojson"),
    path("annuaire/export.csv", api.export_csv, name="export_csv"),
    path(
        "annuaire/export-data-inclusion.json",
        api.export_data_inclusion,
        name="export_data_inclusion",
    ),
]
