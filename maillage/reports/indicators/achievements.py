"""Achieved beside target: every indicator of the registry computed once for a scope, read per
action, objective or overall, with the staff's targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from maillage.core.french import number
from maillage.plan.indicators import TOTAL, Figures, Indicator, Number, Scope, Values
from maillage.plan.indicators import all_indicators as registered

LEVEL_ATTRIBUTES = {
    "action": "by_action",
    "operational": "by_operational",
    "strategic": "by_strategic",
}


def figure(value: Number) -> str:
    """« 3 042 », « 7,5 »: a decimal only where the value has one."""
    return number(value, 0 if float(value).is_integer() else 1)


@dataclass(frozen=True)
class Line:
    """One indicator on one row of the plan (or overall): achieved, target, breakdown."""

    slug: str
    label: str
    unit: str
    achieved: Number
    target: float | None = None
    # (French label, value) of each breakdown key with something counted.
    breakdown: list[tuple[str, Number]] = field(default_factory=list)

    @property
    def is_reached(self) -> bool:
        return self.target is not None and self.achieved >= self.target

    @property
    def has_target(self) -> bool:
        return self.target is not None

    @property
    def achieved_text(self) -> str:
        return figure(self.achieved)

    @property
    def target_text(self) -> str:
        return "" if self.target is None else figure(self.target)


@dataclass
class YearFigures:
    """Every indicator's figures for one scope, and their breakdown labels."""

    scope: Scope
    figures: dict[str, Figures]
    labels: dict[str, dict[str, str]]
    indicators: list[Indicator]

    def lines(self, level: str | None = None, pk: int | None = None) -> list[Line]:
        """Lines of the indicators counted at that level (None: overall), zero lines left out."""
        found = []
        for indicator in self.indicators:
            if level is not None and not indicator.per_action:
                continue
            values = self.values(indicator.slug, level, pk)
            line = self.line(indicator, values)
            if line.achieved:
                found.append(line)
        return found

    def values(self, slug: str, level: str | None, pk: int | None) -> Values:
        figures = self.figures[slug]
        if level is None:
            return figures.total
        groups: dict[int, Values] = getattr(figures, LEVEL_ATTRIBUTES[level])
        return groups.get(pk, {}) if pk is not None else {}

    def line(self, indicator: Indicator, values: Values, target: float | None = None) -> Line:
        labels = self.labels[indicator.slug]
        if not labels:
            return Line(
                indicator.slug, indicator.label, indicator.unit, values.get(TOTAL, 0), target
            )
        breakdown = [(labels[key], values[key]) for key in labels if values.get(key)]
        achieved = values[TOTAL] if TOTAL in values else sum(value for _, value in breakdown)
        return Line(indicator.slug, indicator.label, indicator.unit, achieved, target, breakdown)


def compute(scope: Scope, indicators: list[Indicator] | None = None) -> YearFigures:
    chosen = list(registered()) if indicators is None else indicators
    return YearFigures(
        scope=scope,
        figures={indicator.slug: indicator.compute(scope) for indicator in chosen},
        labels={
            indicator.slug: indicator.breakdown() if indicator.breakdown else {}
            for indicator in chosen
        },
        indicators=chosen,
    )
