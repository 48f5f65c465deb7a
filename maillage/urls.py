from django.contrib import admin
from django.urls import URLResolver, include, path

from maillage.core.health import health
from maillage.web.views import member_space

admin.site.site_header = "Administration de maillage"
admin.site.site_title = "maillage"


def mount(namespace: str, prefixes: dict[str, str]) -> URLResolver:
    """An app's URL modules, each at its prefix, under the app's one namespace.

    App modules hold paths relative to the prefix given here and declare no `app_name`: this
    file is the only place where a prefix or a namespace is written (docs/app-wiring.md).
    """
    patterns = [path(prefix, include(module)) for prefix, module in prefixes.items()]
    return path("", include((patterns, namespace)))


# The member space: each app adds its pages under one prefix, named `space:<app>:<name>`.
member_space_patterns = [
    path("", member_space, name="home"),
    mount("directory", {"structures/": "maillage.directory.urls_space"}),
    mount("people", {"mes-donnees/": "maillage.network.people.urls_space"}),
    mount("memberships", {"adhesion/": "maillage.network.memberships.urls_space"}),
    mount("working_groups", {"groupes/": "maillage.network.working_groups.urls_space"}),
    mount("services", {"services/": "maillage.support.services.urls_space"}),
    mount("journeys", {"orientations/": "maillage.support.journeys.urls_space"}),
    mount("activities", {"inscriptions/": "maillage.activities.urls_space"}),
    mount("needs", {"besoins/": "maillage.needs.urls_space"}),
]

# Public paths are in e-mails, calendars and bookmarks: a prefix written here never changes.
urlpatterns = [
    mount(
        "directory",
        {
            "annuaire/": "maillage.directory.urls",
            "carte/": "maillage.directory.urls_map",
            "api/": "maillage.directory.urls_api",
            "adresses/": "maillage.directory.urls_addresses",
        },
    ),
    mount("observatory", {"observatoire/": "maillage.observatory.urls"}),
    mount("territory", {"territoire/": "maillage.territory.urls"}),
    mount("activities", {"agenda/": "maillage.activities.urls"}),
    mount(
        "people",
        {
            "contacts/": "maillage.network.people.urls",
            "donnees/": "maillage.network.people.urls_downloads",
        },
    ),
    mount(
        "memberships",
        {
            "adhesions/": "maillage.network.memberships.urls",
            "devenir-adherent/": "maillage.network.memberships.urls_join",
        },
    ),
    mount("working_groups", {"groupes/": "maillage.network.working_groups.urls"}),
    mount("decisions", {"decisions/": "maillage.network.decisions.urls"}),
    # Support shares one prefix: the offer and orientation, then the cases of the hub's team.
    mount("services", {"accompagnement/": "maillage.support.services.urls"}),
    mount("journeys", {"accompagnement/": "maillage.support.journeys.urls"}),
    mount("needs", {"besoins/": "maillage.needs.urls"}),
    mount(
        "funding",
        {
            "financements/": "maillage.reports.funding.urls",
            "mandats/": "maillage.reports.funding.urls_mandates",
            "subventions/": "maillage.reports.funding.urls_public",
        },
    ),
    mount("indicators", {"rapports/": "maillage.reports.indicators.urls"}),
    mount("annual", {"rapports/activite/": "maillage.reports.annual.urls"}),
    mount("report_files", {"rapports/activite/": "maillage.reports.report_files.urls"}),
    mount("accounts", {"compte/": "maillage.accounts.urls"}),
    path("espace-membre/", include((member_space_patterns, "space"))),
    path("admin/", admin.site.urls),
    # For the host's monitoring (deploy/, docs/deployment.md).
    path("sante/", health, name="health"),
    # The site's top-level pages: home, staff home, legal notice, the plan's pages.
    mount("plan", {"": "maillage.plan.urls"}),
    mount("web", {"": "maillage.web.urls"}),
]
