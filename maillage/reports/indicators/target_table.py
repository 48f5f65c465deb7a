"""The targets page's rows: each action of the plan with its targetable indicators, the
target staff set beside what was achieved."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.plan.indicators import Indicator, Period, Scope, targetable
from maillage.plan.models import Action, StrategicObjective
from maillage.reports.indicators.achievements import Line, YearFigures, compute
from maillage.reports.indicators.outline import plan_outline
from maillage.reports.indicators.targets import targets_of_year


@dataclass(frozen=True)
class ActionRow:
    action: Action
    lines: list[Line]


def action_lines(
    figures: YearFigures, targets: dict[tuple[int, str], float], action: Action
) -> list[Line]:
    """The action's targetable indicators that have a target or something achieved."""
    lines = []
    for indicator in figures.indicators:
        target = targets.get((action.pk, indicator.slug))
        line = figures.line(indicator, figures.values(indicator.slug, "action", action.pk), target)
        if line.has_target or line.achieved:
            lines.append(line)
    return lines


def year_of_targets(year: int) -> list[StrategicObjective]:
    """The plan outline with `.rows` (ActionRow) on each operational objective."""
    figures = compute(Scope(Period.year(year)), targetable())
    targets = targets_of_year(year)
    outline = plan_outline()
    for strategic in outline:
        for operational in strategic.operational:  # type: ignore[attr-defined]
            operational.rows = [
                ActionRow(action, action_lines(figures, targets, action))
                for action in operational.plan_actions
            ]
    return outline


def achieved_for(action: Action, year: int) -> dict[str, Line]:
    """Each targetable indicator's line for one action (for its form)."""
    indicators: list[Indicator] = targetable()
    figures = compute(Scope(Period.year(year)), indicators)
    targets = targets_of_year(year)
    return {
        indicator.slug: figures.line(
            indicator,
            figures.values(indicator.slug, "action", action.pk),
            targets.get((action.pk, indicator.slug)),
        )
        for indicator in indicators
    }
