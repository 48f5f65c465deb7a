"""The observatory's four charts, described from a snapshot's tables (and the series of
snapshots) and drawn by the shared drawing code (`core.charts`, ADR 0013)."""

from __future__ import annotations

from collections.abc import Callable

from maillage.core.charts import Drawing
from maillage.core.charts.maps import Area, Choropleth
from maillage.core.documents import Chart, ChartKind, Table
from maillage.observatory.enums import Dimension
from maillage.observatory.models import Snapshot
from maillage.observatory.presentation.pages import series, territory_figure
from maillage.observatory.presentation.wording import plural
from maillage.territory.models import Commune

# Chart slug in URLs → (title, the table that holds its data)
CHARTS = {
    "familles": ("Établissements de l’ESS par famille", "familles"),
    "secteurs": ("Emplois de l’ESS par secteur d’activité", "secteurs"),
    "carte": ("Emplois de l’ESS par commune", "communes"),
    "evolution": ("Évolution des emplois de l’ESS", ""),
}


def families(snapshot: Snapshot) -> Chart:
    rows = tuple((f.label, f.establishments, f.jobs) for f in snapshot.figures.of(Dimension.FAMILY))
    table = Table(CHARTS["familles"][0], ("Famille", "Établissements", "Emplois"), rows)
    desc = "Barres horizontales : nombre d’établissements de l’ESS de chaque famille."
    return Chart(table.caption, ChartKind.HORIZONTAL_BARS, table, desc, value_columns=(1,))


def sectors(snapshot: Snapshot) -> Chart:
    figures = sorted(snapshot.figures.of(Dimension.SECTION), key=lambda f: -f.jobs_mid)
    rows = tuple((f.label, f.jobs) for f in figures)
    table = Table(CHARTS["secteurs"][0], ("Secteur (section NAF)", "Emplois estimés"), rows)
    desc = "Barres horizontales : emplois salariés estimés de l’ESS dans chaque section NAF."
    return Chart(table.caption, ChartKind.HORIZONTAL_BARS, table, desc)


def commune_map(snapshot: Snapshot) -> Choropleth:
    figures = list(snapshot.figures.of(Dimension.COMMUNE))
    outlines = dict(
        Commune.objects.filter(code__in=[f.key for f in figures]).values_list("code", "outline")
    )
    areas = tuple(
        Area(f.label, outlines.get(f.key), float(f.jobs_mid), plural(f.jobs, "emploi", "emplois"))
        for f in figures
    )
    desc = "Carte des communes du territoire, d’autant plus foncées qu’elles comptent d’emplois "
    desc += "de l’ESS."
    return Choropleth(CHARTS["carte"][0], desc, areas)


def trend(snapshot: Snapshot) -> Chart:
    rows = []
    for item in series():
        area = territory_figure(item)
        if area is not None:
            rows.append((f"{item.data_date:%d/%m/%Y}", area.jobs))
    table = Table(CHARTS["evolution"][0], ("Date des données", "Emplois estimés"), tuple(rows))
    desc = "Courbe : emplois salariés estimés de l’ESS du territoire à chaque date de données."
    return Chart(table.caption, ChartKind.LINE, table, desc)


BUILDERS: dict[str, Callable[[Snapshot], Drawing]] = {
    "familles": families,
    "secteurs": sectors,
    "carte": commune_map,
    "evolution": trend,
}


def chart(snapshot: Snapshot, slug: str) -> Drawing:
    return BUILDERS[slug](snapshot)
