"""The report of a year built from the records: every indicator of the registry counted once,
read per strategic objective → operational objective → action, with the staff's texts."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from maillage.accounts.enums import Role
from maillage.accounts.models import User
from maillage.core.french import euros
from maillage.core.plain_text import from_markdown
from maillage.hub import current_hub
from maillage.network.memberships.queries import board_during
from maillage.observatory.queries import key_figures
from maillage.plan.indicators import TOTAL, Indicator, Number, Period, Scope, Section
from maillage.plan.models import Action, StrategicObjective, ValueFamily
from maillage.plan.queries import plan_texts
from maillage.reports.annual.contents import (
    ActionPart,
    Figure,
    FunderNotice,
    OperationalPart,
    ReportContent,
    StrategicPart,
    TableData,
)
from maillage.reports.annual.disclosure import RULE, shown, shown_breakdown
from maillage.reports.annual.models import AnnualReport
from maillage.reports.annual.volunteering import volunteer_time
from maillage.reports.funding.queries import (
    expenses_by_action,
    funder_notices,
    income_by_funder,
    mandates_during,
)
from maillage.reports.indicators.achievements import YearFigures, compute
from maillage.reports.indicators.outline import plan_outline
from maillage.reports.indicators.targets import targets_of_year

Targets = dict[tuple[int, str], float]


def to_the_euro(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class Builder:
    def __init__(self, report: AnnualReport) -> None:
        self.report = report
        self.figures: YearFigures = compute(Scope(Period.year(report.year)))
        self.targets: Targets = targets_of_year(report.year)
        self.by_slug = {indicator.slug: indicator for indicator in self.figures.indicators}

    def figure(
        self, indicator: Indicator, level: str | None, pk: int | None, target: float | None
    ) -> Figure | None:
        line = self.figures.line(indicator, self.figures.values(indicator.slug, level, pk))
        if not line.achieved and target is None:
            return None
        labels = [label for label, _ in line.breakdown]
        values: list[Number] = [value for _, value in line.breakdown]
        value: Number | str = line.achieved
        breakdown: list[Number | str] = list(values)
        if indicator.section == Section.SUPPORT:
            value, breakdown = shown(line.achieved), shown_breakdown(values)
        return Figure(
            indicator.label,
            indicator.unit,
            value,
            target,
            [[label, shown_value] for label, shown_value in zip(labels, breakdown, strict=True)],
        )

    def figures_at(self, level: str, pk: int, actions: Iterable[Action]) -> list[Figure]:
        codes = [action.pk for action in actions]
        found = []
        for indicator in self.figures.indicators:
            if not indicator.per_action:
                continue
            aimed = [
                self.targets[(a, indicator.slug)]
                for a in codes
                if (a, indicator.slug) in self.targets
            ]
            figure = self.figure(indicator, level, pk, sum(aimed) if aimed else None)
            if figure is not None:
                found.append(figure)
        return found

    def activity(self, outline: list[StrategicObjective]) -> list[StrategicPart]:
        texts = {text.objective_id: text for text in self.report.objective_texts.all()}
        parts = []
        for strategic in outline:
            operationals = []
            every_action: list[Action] = []
            for operational in strategic.operational:  # type: ignore[attr-defined]
                actions = list(operational.plan_actions)
                every_action += actions
                operationals.append(
                    OperationalPart(
                        operational.code,
                        operational.title,
                        self.figures_at("operational", operational.pk, actions),
                        [
                            ActionPart(
                                action.code,
                                action.title,
                                self.figures_at("action", action.pk, [action]),
                            )
                            for action in actions
                        ],
                    )
                )
            text = texts.get(strategic.pk)
            parts.append(
                StrategicPart(
                    strategic.code,
                    strategic.title,
                    self.figures_at("strategic", strategic.pk, every_action),
                    operationals,
                    text.highlights if text else "",
                    text.difficulties if text else "",
                )
            )
        return parts

    def overall(self) -> list[Figure]:
        found = []
        for indicator in self.figures.indicators:
            figure = self.figure(indicator, None, None, None)
            if figure is not None and indicator.section != Section.MEANS:
                found.append(figure)
        return found

    def breakdown_table(self, slug: str, first_column: str, chart: bool = True) -> TableData:
        indicator = self.by_slug[slug]
        figure = self.figure(indicator, None, None, None)
        rows = [list(pair) for pair in figure.breakdown] if figure else []
        return TableData(
            f"{indicator.label} en {self.report.year}",
            [first_column, indicator.unit.capitalize()],
            rows,
            indicator.source,
            chart=chart and bool(rows),
            unit=indicator.unit,
        )

    def section_tables(self, section: Section) -> list[TableData]:
        return [
            self.breakdown_table(indicator.slug, "Répartition")
            for indicator in self.figures.indicators
            if indicator.section == section and indicator.breakdown is not None
        ]

    def places(self) -> list[TableData]:
        activities = self.figures.figures.get("activities")
        attendance = self.figures.figures.get("attendance")
        if activities is None or attendance is None:
            return []
        names = {**activities.commune_names, **attendance.commune_names}
        rows: list[list[Number | str | None]] = [
            [
                names[code],
                sum(activities.by_commune.get(code, {}).values()),
                sum(attendance.by_commune.get(code, {}).values()),
            ]
            for code in names
        ]
        rows.sort(key=lambda row: (-float(row[1] or 0), str(row[0])))
        return [
            TableData(
                f"Activités et présences par commune en {self.report.year}",
                ["Commune", "Activités", "Présences"],
                rows,
                "Commune du lieu de l’activité ; les activités en ligne n’y figurent pas.",
                chart=bool(rows),
                unit="activités",
            )
        ]

    def support(self) -> list[TableData]:
        tables = self.section_tables(Section.SUPPORT)
        single = [
            self.figure(indicator, None, None, None)
            for indicator in self.figures.indicators
            if indicator.section == Section.SUPPORT and indicator.breakdown is None
        ]
        rows = [[f.label, f.value] for f in single if f is not None]
        if rows:
            tables.insert(
                0,
                TableData(
                    f"Accompagnement des porteurs de projet en {self.report.year}",
                    ["Indicateur", "Nombre"],
                    rows,
                    "Dossiers d’accompagnement de l’équipe, en effectifs agrégés.",
                ),
            )
        return tables

    def governance(self) -> list[TableData]:
        tables = self.section_tables(Section.NETWORK)
        network = [
            self.figure(indicator, None, None, None)
            for indicator in self.figures.indicators
            if indicator.section == Section.NETWORK and indicator.breakdown is None
        ]
        rows = [[f.label, f.value] for f in network if f is not None]
        staff = User.objects.filter(role=Role.STAFF, is_active=True).count()
        rows.append(["Membres de l’équipe (comptes actifs)", staff])
        tables.insert(0, TableData("Vie du réseau", ["Indicateur", "Nombre"], rows))
        board = self.board()
        return [board, *tables] if board else tables

    def board(self) -> TableData | None:
        """Who sat on the board during the year: names are public in an association's report."""
        period = Period.year(self.report.year)
        last = period.end - timedelta(days=1)
        rows: list[list[Number | str | None]] = [
            [
                str(seat.person),
                seat.get_role_display(),
                seat.college.name if seat.college else "–",
                f"{seat.starts_on:%d/%m/%Y}",
                f"{seat.ends_on:%d/%m/%Y}"
                if seat.ends_on and seat.ends_on < last
                else "en fonction",
            ]
            for seat in board_during(period.start, last)
        ]
        if not rows:
            return None
        return TableData(
            f"Conseil d’administration en {self.report.year}",
            ["Membre", "Fonction", "Collège", "Depuis le", "Jusqu’au"],
            rows,
            "Sièges enregistrés par l’équipe ; le bureau est formé des fonctions autres que "
            f"« membre ». « En fonction » : toujours au conseil le {last:%d/%m/%Y}.",
        )

    def means(self) -> list[TableData]:
        """Income by funder and expenses by action (the funding app's records), then any
        indicator of the means."""
        year = self.report.year
        incomes: list[list[Number | str | None]] = [
            [income.funder.name, float(income.granted), float(income.received)]
            for income in income_by_funder(year)
        ]
        tables = self.section_tables(Section.MEANS)
        spent = self.expenses()
        if spent:
            tables.insert(0, spent)
        if incomes:
            tables.insert(
                0,
                TableData(
                    f"Financements par financeur en {year} (€)",
                    ["Financeur", "Accordé (€)", "Reçu dans l’année (€)"],
                    incomes,
                    "Subventions enregistrées par l’équipe : montant des conventions dont la "
                    "période touche l’année, versements reçus pendant l’année.",
                    chart=True,
                    unit="€",
                ),
            )
        return tables

    def expenses(self) -> TableData | None:
        """Expenses by plan action, as staff entered them for the year."""
        year = self.report.year
        found = expenses_by_action(year)
        if not found:
            return None
        total = sum(spending.amount for spending in found)
        return TableData(
            f"Dépenses par action en {year} (€)",
            ["Action", "Dépenses (€)"],
            [[f"{s.code}. {s.title}", to_the_euro(s.amount)] for s in found],
            "Dépenses de l’année saisies par l’équipe pour chaque action du projet, d’après le "
            f"suivi comptable par action de l’association, arrondies à l’euro. Total : "
            f"{euros(total)}.",
            chart=True,
            unit="€",
        )

    def volunteering(self) -> tuple[list[TableData], str]:
        hours = self.figures.values("volunteer_hours", None, None).get(TOTAL, 0)
        year = self.report.year
        return volunteer_time(year, hours, current_hub().volunteer_rates.get(year))

    def mandates(self) -> list[TableData]:
        """Where the hub is represented: the bodies and the dates, never the person's name."""
        period = Period.year(self.report.year)
        rows: list[list[Number | str | None]] = [
            [
                mandate.body.name,
                mandate.role or "–",
                f"{mandate.starts_on:%d/%m/%Y}",
                f"{mandate.ends_on:%d/%m/%Y}" if mandate.ends_on else "en cours",
            ]
            for mandate in mandates_during(period.start, period.end)
        ]
        if not rows:
            return []
        return [
            TableData(
                f"Mandats de représentation du pôle en {self.report.year}",
                ["Instance", "Qualité", "Depuis le", "Jusqu’au"],
                rows,
                "Mandats enregistrés par l’équipe.",
            )
        ]

    def observatory(self) -> list[TableData]:
        found = key_figures()
        if found is None:
            return []
        rows: list[list[Number | str | None]] = [
            ["Établissements de l’ESS", found.establishments],
            ["dont employeurs", found.employers],
            ["Emplois salariés (estimation)", round(float(found.jobs))],
        ]
        if found.job_share is not None:
            rows.append(["Part de l’emploi salarié (%)", round(float(found.job_share), 1)])
        families: list[list[Number | str | None]] = [
            [label, count, round(float(jobs))] for label, count, jobs in found.families
        ]
        return [
            TableData(
                f"L’ESS du territoire : {found.territory}",
                ["Chiffre clé", "Valeur"],
                rows,
                found.source,
            ),
            TableData(
                "Établissements et emplois par famille de l’ESS",
                ["Famille", "Établissements", "Emplois"],
                families,
                found.source,
                chart=bool(families),
                unit="établissements",
            ),
        ]


def notices(year: int) -> list[FunderNotice]:
    return [
        FunderNotice(
            notice.name,
            notice.mention,
            notice.logo.media_type if notice.logo else "",
            base64.b64encode(notice.logo.data).decode("ascii") if notice.logo else "",
        )
        for notice in funder_notices(year)
    ]


def build_content(report: AnnualReport) -> ReportContent:
    """The report as the records say it today (a live draft: `frozen_at` is empty)."""
    builder = Builder(report)
    outline = plan_outline()
    texts = plan_texts()
    volunteering, volunteering_note = builder.volunteering()
    return ReportContent(
        year=report.year,
        hub_name=current_hub().identity.name,
        moral_report=report.moral_report,
        values=[
            f"{family.title} : " + " ; ".join(item.text for item in family.items.all())
            for family in ValueFamily.objects.prefetch_related("items")
        ],
        vision=from_markdown(texts["vision"]),
        purpose=from_markdown(texts["purpose"]),
        objectives=[f"{o.code}. {o.title}" for o in outline],
        governance=builder.governance(),
        governance_text=report.governance,
        team_text=report.team,
        overall=builder.overall(),
        activity=builder.activity(outline),
        publics=builder.section_tables(Section.PUBLICS),
        places=builder.places(),
        support=builder.support(),
        disclosure_rule=RULE,
        observatory=builder.observatory(),
        partnerships=report.partnerships,
        means=builder.means(),
        volunteering=volunteering,
        volunteering_note=volunteering_note,
        funder_notices=notices(report.year),
        mandates=builder.mandates(),
        outlook=report.outlook,
        annex_actions=TableData(
            "Actions du projet",
            ["Code", "Action", "Objectif opérationnel"],
            [
                [action.code, action.title, operational.code]
                for strategic in outline
                for operational in strategic.operational  # type: ignore[attr-defined]
                for action in operational.plan_actions
            ],
        ),
        method=[[i.label, i.source] for i in builder.figures.indicators if i.source]
        + [["Cibles", "Saisies par l’équipe pour chaque action et chaque année."]],
    )
