"""One URL map: the root configuration owns every prefix, and Python code names pages through
`reverse()` or `get_absolute_url()`, never by writing their paths (docs/app-wiring.md)."""

import ast
import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver, reverse

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "maillage"


# Paths people keep: in e-mails, calendars, bookmarks, other sites' links and open-data users'
# scripts. Moving a route between modules or prefixes must leave each one as it is.
PUBLISHED = {
    ("web:home", ()): "/",
    ("activities:agenda", ()): "/agenda/",
    ("activities:feed", ()): "/agenda/agenda.ics",
    ("activities:detail", ("atelier",)): "/agenda/atelier/",
    ("activities:activity_feed", ("atelier",)): "/agenda/atelier.ics",
    ("activities:registration", ("jeton",)): "/agenda/inscription/jeton/",
    ("activities:invitation", ("jeton",)): "/agenda/inscription/jeton/invitation.ics",
    ("activities:cycle_calendar", ("jeton",)): "/agenda/inscription/jeton/cycle.ics",
    ("activities:survey", ("jeton",)): "/agenda/inscription/jeton/avis/",
    ("activities:certificate", ("jeton",)): "/agenda/inscription/jeton/attestation/",
    ("activities:cancel", ("jeton",)): "/agenda/inscription/jeton/annuler/",
    ("directory:list", ()): "/annuaire/",
    ("directory:detail", (12, "la-recyclerie")): "/annuaire/12-la-recyclerie/",
    ("directory:export_csv", ()): "/annuaire/export.csv",
    ("directory:export_ods", ()): "/annuaire/export.ods",
    ("directory:export_geojson", ()): "/annuaire/export.geojson",
    ("directory:export_data_inclusion", ()): "/annuaire/export-data-inclusion.json",
    ("directory:map", ()): "/carte/",
    ("directory:api_organisations", ()): "/api/organisations/",
    ("directory:openapi", ()): "/api/openapi.json",
    ("observatory:commune", ("35236",)): "/observatoire/communes/35236/",
    ("services:detail", (3,)): "/accompagnement/services/3/",
    ("services:results", ()): "/accompagnement/resultats/",
    ("people:download_export", ("jeton",)): "/donnees/export/jeton/",
    ("memberships:receipt", (4,)): "/adhesions/4/recu/",
    ("working_groups:detail", ("mobilite",)): "/groupes/mobilite/",
    ("decisions:detail", (5,)): "/decisions/5/",
    ("space:home", ()): "/espace-membre/",
    ("space:memberships:mine", ()): "/espace-membre/adhesion/",
    ("space:journeys:partner_referral", (6,)): "/espace-membre/orientations/6/",
    ("space:directory:my_organisations", ()): "/espace-membre/structures/",
    ("space:activities:mine", ()): "/espace-membre/inscriptions/",
    ("space:activities:feed", (7, "cle")): "/espace-membre/inscriptions/7-cle.ics",
    ("accounts:password_reset", ()): "/compte/mot-de-passe/oubli/",
    ("plan:values", ()): "/valeurs/",
    ("territory:overview", ()): "/territoire/",
    ("needs:list", ()): "/besoins/",
    ("needs:detail", (8,)): "/besoins/8/",
    ("needs:confirm", ("jeton",)): "/besoins/confirmer/jeton/",
    ("needs:export_json", ()): "/besoins/besoins.json",
    ("needs:map_geojson", ()): "/besoins/carte.geojson",
    ("space:needs:mine", ()): "/espace-membre/besoins/",
}


def test_published_paths_never_change():
    assert {key: reverse(key[0], args=key[1]) for key in PUBLISHED} == PUBLISHED


def full_routes(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from full_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def site_prefixes() -> set[str]:
    """The first segment of every page's path: `annuaire`, `agenda`, `espace-membre`…"""
    firsts = {route.split("/", 1)[0] for route in full_routes(get_resolver().url_patterns)}
    return {first for first in firsts if first and not first.startswith(("<", "^"))}


def hard_coded_paths(source: str, prefixes: set[str]) -> list[str]:
    """String literals (f-string parts included) that start with a site path."""
    alternatives = "|".join(map(re.escape, sorted(prefixes)))
    starts = re.compile(rf"^/({alternatives})(/|\?|$)")
    return [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and starts.match(node.value)
    ]


def test_no_python_module_writes_a_site_path():
    prefixes = site_prefixes()
    found = []
    for module in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in module.parts:
            continue
        for literal in hard_coded_paths(module.read_text(encoding="utf-8"), prefixes):
            found.append(f"{module.relative_to(ROOT)}: {literal}")
    assert not found, "Use reverse() or get_absolute_url():\n" + "\n".join(found)


def test_no_template_writes_a_site_path():
    alternatives = "|".join(map(re.escape, sorted(site_prefixes())))
    written = re.compile(rf"""(?:href|action|src|hx-get|hx-post)="/({alternatives})(/|\?|")""")
    found = [
        f"{template.relative_to(ROOT)}: {match.group(0)}"
        for template in sorted(PACKAGE.rglob("templates/**/*.html"))
        for match in written.finditer(template.read_text(encoding="utf-8"))
    ]
    assert not found, "Use {% url %} or get_absolute_url:\n" + "\n".join(found)


def test_the_scan_finds_a_written_path_and_leaves_other_strings():
    prefixes = site_prefixes()
    source = (
        'redirect("/annuaire/")\n'
        'url = f"/agenda/inscription/{token}/avis/"\n'
        'link = "/espace-membre/adhesion/"\n'
        'fine = ["/", "/static/", "annuaire/", "/annuaires-du-web/"]\n'
    )

    assert sorted(hard_coded_paths(source, prefixes)) == [
        "/agenda/inscription/",
        "/annuaire/",
        "/espace-membre/adhesion/",
    ]


def test_app_url_modules_leave_prefixes_and_namespaces_to_the_root():
    modules = [m for m in PACKAGE.rglob("urls*.py") if m != PACKAGE / "urls.py"]
    assert len(modules) > 10
    for module in modules:
        source = module.read_text(encoding="utf-8")
        assert "app_name" not in source, module
        assert "espace-membre/" not in source, module
