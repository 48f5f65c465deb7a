"""The observatory's four charts, drawn from a snapshot's tables (and the series of snapshots)."""

from __future__ import annotations

from maillage.observatory.enums import Dimension
from maillage.observatory.models import Snapshot
from maillage.observatory.presentation import svg_charts
from maillage.observatory.presentation.pages import series, territory_figure
from maillage.observatory.presentation.wording import number, plural
from maillage.territory.models import Commune

# Chart slug in URLs → (title, the table that holds its data)
CHARTS = {
    "familles": ("Établissements de l’ESS par famille", "familles"),
    "secteurs": ("Emplois de l’ESS par secteur d’activité", "secteurs"),
    "carte": ("Emplois de l’ESS par commune", "communes"),
    "evolution": ("Évolution des emplois de l’ESS", ""),
}


def families(snapshot: Snapshot) -> str:
    bars = [
        svg_charts.Bar(
            f.label,
            f.establishments,
            f"{plural(f.establishments, 'établissement', 'établissements')}, "
            f"{plural(f.jobs, 'emploi', 'emplois')}",
        )
        for f in snapshot.figures.of(Dimension.FAMILY)
    ]
    desc = "Barres horizontales : nombre d’établissements de l’ESS de chaque famille."
    return svg_charts.bar_chart(CHARTS["familles"][0], desc, bars, "graphique-familles")


def sectors(snapshot: Snapshot) -> str:
    figures = sorted(snapshot.figures.of(Dimension.SECTION), key=lambda f: -f.jobs_mid)
    bars = [svg_charts.Bar(f.label, f.jobs_mid, number(f.jobs)) for f in figures]
    desc = "Barres horizontales : emplois salariés estimés de l’ESS dans chaque section NAF."
    return svg_charts.bar_chart(CHARTS["secteurs"][0], desc, bars, "graphique-secteurs")


def commune_map(snapshot: Snapshot) -> str:
    figures = list(snapshot.figures.of(Dimension.COMMUNE))
    outlines = dict(
        Commune.objects.filter(code__in=[f.key for f in figures]).values_list("code", "outline")
    )
    areas = [
        (f.label, outlines.get(f.key), float(f.jobs_mid), plural(f.jobs, "emploi", "emplois"))
        for f in figures
    ]
    desc = "Carte des communes du territoire, d’autant plus foncées qu’elles comptent d’emplois "
    desc += "de l’ESS."
    return svg_charts.choropleth(CHARTS["carte"][0], desc, areas, "graphique-carte")


def trend(snapshot: Snapshot) -> str:
    points = []
    for item in series():
        area = territory_figure(item)
        if area is not None:
            points.append((f"{item.data_date:%d/%m/%Y}", area.jobs))
    desc = "Courbe : emplois salariés estimés de l’ESS du territoire à chaque date de données."
    return svg_charts.line_chart(CHARTS["evolution"][0], desc, points, "graphique-evolution")


BUILDERS = {"familles": families, "secteurs": sectors, "carte": commune_map, "evolution": trend}


def chart(snapshot: Snapshot, slug: str) -> str:
    return BUILDERS[slug](snapshot)
