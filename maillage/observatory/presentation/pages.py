"""What the pages show, read from a snapshot's tables only: rows, cells, links, notes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from maillage.core.french import DASH, count
from maillage.observatory.enums import AreaLevel, Denominator, Dimension, SourceKind
from maillage.observatory.models import Figure, Snapshot
from maillage.observatory.presentation.wording import (
    key_figures_paragraph,
    number,
    percent,
    plural,
    share,
)
from maillage.territory.queries import current_territory

# Table slug in URLs → (dimension, caption, heading of the first column, directory filter)
TABLES: dict[str, tuple[Dimension, str, str, str]] = {
    "zones": (Dimension.AREA, "L’ESS du territoire et des zones de comparaison", "Zone", ""),
    "familles": (
        Dimension.FAMILY,
        "Établissements et emplois de l’ESS par famille",
        "Famille",
        "famille",
    ),
    "secteurs": (
        Dimension.SECTION,
        "Établissements et emplois de l’ESS par secteur (sections NAF)",
        "Secteur",
        "section",
    ),
    "divisions": (
        Dimension.DIVISION,
        "Principales divisions NAF de l’ESS (par emplois)",
        "Division",
        "division",
    ),
    "communes": (Dimension.COMMUNE, "L’ESS par commune", "Commune", "commune"),
    "epci": (Dimension.EPCI, "L’ESS par intercommunalité (EPCI)", "EPCI", "epci"),
    "tailles": (
        Dimension.SIZE,
        "Établissements de l’ESS par tranche d’effectif salarié",
        "Tranche d’effectif",
        "tranche",
    ),
}
HEADERS = (
    "Établissements de l’ESS",
    "dont employeurs",
    "Emplois salariés (estimation)",
    "Borne basse",
    "Borne haute",
    "Part de l’emploi salarié",
    "Emplois de l’ESS pour 1 000 habitants",
)


def latest_snapshot() -> Snapshot | None:
    territory = current_territory()
    snapshots = Snapshot.objects.latest_first()
    if territory is not None:
        snapshots = snapshots.for_territory(territory.name)
    return snapshots.first()


def series() -> list[Snapshot]:
    latest = latest_snapshot()
    if latest is None:
        return []
    return list(Snapshot.objects.for_territory(latest.territory_name).by_data_date())


def drill_url(snapshot: Snapshot, parameter: str, key: str, employers: bool = False) -> str:
    """The directory list behind a figure, when the figure was counted from the directory;
    `employers` narrows it to the employer establishments."""
    if not snapshot.drills_down:
        return ""
    if not parameter or not key:
        return ""
    query = {parameter: key} | ({"employeurs": "1"} if employers else {})
    return directory_list(query)


def directory_list(query: dict[str, str] | None = None) -> str:
    """The public directory's list, filtered by `query`."""
    path = reverse("directory:list")
    return f"{path}?{urlencode(query)}" if query else path


def employers_url(url: str) -> str:
    """The same directory list, employers only."""
    if not url:
        return ""
    return url + ("&" if "?" in url else "?") + "employeurs=1"


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""
    empty: bool = False  # no value: a column empty in every row is not shown


@dataclass(frozen=True)
class Row:
    figure: Figure
    url: str

    @property
    def hidden_note(self) -> str:
        """Said beside a drill-down link whose list shows fewer entries than the figure."""
        return hidden_note(self.figure) if self.url else ""

    @property
    def cells(self) -> list[Cell]:
        f = self.figure
        share = f.job_share
        density = f.jobs_per_thousand
        return [
            Cell(count(f.establishments), self.url),
            Cell(count(f.employers), employers_url(self.url)),
            Cell(count(f.jobs)),
            Cell(count(f.jobs_low)),
            Cell(count(f.jobs_high)),
            Cell(percent(share, 1)) if share is not None else Cell(DASH, empty=True),
            Cell(number(density, 1)) if density is not None else Cell(DASH, empty=True),
        ]

    @property
    def values(self) -> list[str | int | Decimal]:
        """Raw values for CSV: plain numbers, empty when unknown."""
        f = self.figure
        share = f.job_share
        density = f.jobs_per_thousand
        return [
            f.key,
            f.label,
            f.establishments,
            f.employers,
            f.jobs_mid,
            f.jobs_low,
            f.jobs_high,
            round(share, 2) if share is not None else "",
            round(density, 2) if density is not None else "",
        ]


def table_rows(snapshot: Snapshot, slug: str) -> list[Row]:
    dimension, _, _, parameter = TABLES[slug]
    figures = snapshot.figures.of(dimension).order_by("position", "key")
    rows = []
    for figure in figures:
        if dimension == Dimension.AREA:
            own = snapshot.drills_down and figure.level == AreaLevel.TERRITORY
            rows.append(Row(figure, directory_list() if own else ""))
        else:
            rows.append(Row(figure, drill_url(snapshot, parameter, figure.key)))
    return rows


def shown_columns(rows: list[Row]) -> list[int]:
    """The columns with a value in at least one row (a share with no denominator is not a
    column of dashes)."""
    if not rows:
        return list(range(len(HEADERS)))
    cells = [row.cells for row in rows]
    return [i for i in range(len(HEADERS)) if any(not line[i].empty for line in cells)]


MAIN_DIVISIONS = 10


def main_rows(slug: str, rows: list[Row]) -> tuple[list[Row], str]:
    """The rows a page shows and what it says of the others: the divisions table keeps the main
    ones (the largest employers first, as stored); the CSV file keeps them all."""
    if slug != "divisions" or len(rows) <= MAIN_DIVISIONS:
        return rows, ""
    rest = [row.figure for row in rows[MAIN_DIVISIONS:]]
    sites = sum(f.establishments for f in rest)
    jobs = sum((f.jobs_mid for f in rest), Decimal(0))
    head = (
        "L’autre division compte"
        if len(rest) == 1
        else f"Les {number(len(rest))} autres divisions comptent"
    )
    whole = int(jobs.quantize(Decimal("1"), rounding="ROUND_HALF_UP"))
    text = (
        f"{head} {_sites(sites)} et {plural(whole, 'emploi', 'emplois')} ; toutes figurent "
        "dans le fichier CSV."
    )
    return rows[:MAIN_DIVISIONS], text


def territory_figure(snapshot: Snapshot) -> Figure | None:
    return snapshot.figures.filter(dimension=Dimension.AREA, level=AreaLevel.TERRITORY).first()


def paragraph(snapshot: Snapshot) -> str:
    area = territory_figure(snapshot)
    if area is None:
        return ""
    families = [(f.key, f.employers) for f in snapshot.figures.of(Dimension.FAMILY)]
    return key_figures_paragraph(
        snapshot.territory_name, area.employers, area.jobs_mid, area.job_share, families
    )


def method_note(snapshot: Snapshot) -> str:
    """Which denominator, the estimate's bounds, the data date and the method version."""
    parts = [
        f"Source : {snapshot.get_source_kind_display().lower()} ({snapshot.source_name}), "
        f"données au {snapshot.data_date:%d/%m/%Y}, méthode {snapshot.method_version}.",
        jobs_method(snapshot),
    ]
    if snapshot.denominator == Denominator.SAME_FILE:
        parts.append(
            "Part de l’emploi salarié : rapportée aux emplois estimés de tous les établissements "
            "du même fichier, tous secteurs."
        )
    elif snapshot.denominator == Denominator.REFERENCE:
        parts.append(
            f"Part de l’emploi salarié : rapportée au chiffre de référence « "
            f"{snapshot.denominator_note} »."
        )
    else:
        parts.append("Part de l’emploi salarié non calculée : aucun dénominateur disponible.")
    if snapshot.family_overrides:
        count = snapshot.family_overrides
        parts.append(
            "Familles de l’ESS : "
            f"{plural(count, 'organisation classée', 'organisations classées')} par l’équipe "
            "contre la règle de l’INSEE (motif consigné), "
            f"{'comptée' if count < 2 else 'comptées'} dans la famille décidée."
        )
    return " ".join(parts)


def jobs_method(snapshot: Snapshot) -> str:
    """Which method produced the jobs figure, and for how many establishments each."""
    area = territory_figure(snapshot)
    if snapshot.source_kind == SourceKind.SIRENE:
        text = (
            "Emplois estimés au milieu des tranches d’effectif salarié de SIRENE, avec leurs "
            "bornes basse et haute (SIRENE ne publie pas l’effectif exact)"
        )
        if area is not None and area.unknown_brackets:
            text += f" ; {_sites(area.unknown_brackets)} sans tranche : zéro emploi"
        return text + "."
    if area is None:
        return ""
    estimated = area.establishments - area.known_headcounts - area.unknown_brackets
    known = (
        f"effectif salarié réel connu pour {_sites(area.known_headcounts)}"
        if area.known_headcounts
        else "aucun effectif salarié réel connu"
    )
    parts = [
        known,
        f"estimé au milieu de la tranche d’effectif SIRENE pour {_sites(estimated)} "
        "(bornes basse et haute de la tranche)",
    ]
    if area.unknown_brackets:
        parts.append(f"{_sites(area.unknown_brackets)} sans effectif ni tranche : zéro emploi")
    return "Emplois salariés : " + " ; ".join(parts) + "."


def _sites(count: int) -> str:
    return plural(count, "établissement", "établissements")


def hidden_note(figure: Figure | None) -> str:
    """What the directory list behind a figure does not show, said beside the link."""
    if figure is None or not figure.hidden:
        return ""
    shown = figure.establishments - figure.hidden
    masked = plural(figure.hidden, "masqué", "masqués")
    return (
        f"l’annuaire en montre {number(shown)} : {masked} à la demande de "
        f"{'son organisation' if figure.hidden == 1 else 'leurs organisations'}"
    )


@dataclass(frozen=True)
class CommuneWeight:
    establishment_share: Decimal | None  # of the territory's ESS establishments
    job_share_of_territory: Decimal | None  # of the territory's ESS jobs


def commune_weight(figure: Figure, area: Figure | None) -> CommuneWeight:
    if area is None:
        return CommuneWeight(None, None)
    return CommuneWeight(
        share(figure.establishments, area.establishments), share(figure.jobs_mid, area.jobs_mid)
    )
