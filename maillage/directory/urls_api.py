from django.urls import path, re_path

from maillage.directory.views import api

# The open data API and its description: published entries only.
urlpatterns = [
    path("", api.documentation, name="api"),
    path("openapi.json", api.openapi, name="openapi"),
    path("organisations/", api.organisation_list, name="api_organisations"),
    path("organisations/<id:pk>/", api.organisation_detail, name="api_organisation"),
    # Any other address under the API is a 404 in JSON, as documented, not the site's HTML page
    # (ending in "/", so that a missing slash is still redirected first).
    re_path(r"^.*/$", api.not_found),
]
