from django.urls import path

from maillage.directory.views import api

# The open data API and its description: published entries only.
urlpatterns = [
    path("", api.documentation, name="api"),
    path("openapi.json", api.openapi, name="openapi"),
    path("organisations/", api.organisation_list, name="api_organisations"),
    path("organisations/<id:pk>/", api.organisation_detail, name="api_organisation"),
]
