from django.contrib import admin
from django.urls import include, path

from maillage.core.health import health

admin.site.site_header = "Administration de maillage"
admin.site.site_title = "maillage"

# Each app names its own French paths, under prefixes that do not overlap; the web app comes
# last.
urlpatterns = [
    path("", include("maillage.plan.urls")),
    path("", include("maillage.directory.urls")),
    path("", include("maillage.observatory.urls")),
    path("", include("maillage.activities.urls")),
    path("", include("maillage.network.people.urls")),
    path("", include("maillage.network.memberships.urls")),
    path("", include("maillage.network.working_groups.urls")),
    path("", include("maillage.network.decisions.urls")),
    path("", include("maillage.support.services.urls")),
    path("", include("maillage.support.journeys.urls")),
    path("territoire/", include("maillage.territory.urls")),
    path("compte/", include("maillage.accounts.urls")),
    path("admin/", admin.site.urls),
    # For the host's monitoring (deploy/, docs/deployment.md).
    path("sante/", health, name="health"),
    path("", include("maillage.web.urls")),
]
