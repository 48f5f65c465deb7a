"""One URL map: the root configuration owns every prefix, and Python code names pages through
`reverse()` or `get_absolute_url()`, never by writing their paths (docs/app-wiring.md)."""

import ast
import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "maillage"


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
