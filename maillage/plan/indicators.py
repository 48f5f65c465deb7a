"""The registry of indicators: what each app of the hub's work can count, through the plan links.

An app declares its indicators in its `indicators.py` (`INDICATORS`, found by
`discover_indicators` when the plan is ready), so that the activity report and the grants'
reports read figures without knowing any app's models. An indicator computes its `Figures` for a
`Scope` (a period, optionally the actions of a grant) with a bounded number of queries: the
counting is done by the database (`plan.tallies`), never row by row in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from importlib import import_module

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

Number = int | float
# A breakdown key (a kind of activity, a stage, a public) -> value; TOTAL when not broken down.
Values = dict[str, Number]
TOTAL = ""


class Section(StrEnum):
    """Where an indicator appears in the activity report, in this order."""

    ACTIVITIES = "activities"
    PUBLICS = "publics"
    SUPPORT = "support"
    NETWORK = "network"
    MEANS = "means"


@dataclass(frozen=True)
class Period:
    """From `start` included to `end` excluded."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @property
    def moments(self) -> tuple[datetime, datetime]:
        """The period as aware datetimes, in the hub's time zone, for timestamp columns."""
        zone = timezone.get_default_timezone()
        return (
            datetime.combine(self.start, time(), zone),
            datetime.combine(self.end, time(), zone),
        )

    @property
    def years(self) -> range:
        """The calendar years the period touches (for yearly records such as memberships)."""
        return range(self.start.year, (self.end - timedelta(days=1)).year + 1)


@dataclass(frozen=True)
class Scope:
    """What to count: the records of a period, all of them or those linked to some actions."""

    period: Period
    # Primary keys of plan actions (a grant's); None: every record of the period.
    actions: frozenset[int] | None = None


@dataclass
class Figures:
    """One indicator's values for a scope: overall, per action and objective, per commune.

    Each mapping goes from a key (an action's or objective's primary key, a commune's INSEE
    code) to the values by breakdown key. A record linked to two actions of one objective counts
    once for that objective.
    """

    total: Values = field(default_factory=dict)
    by_action: dict[int, Values] = field(default_factory=dict)
    by_operational: dict[int, Values] = field(default_factory=dict)
    by_strategic: dict[int, Values] = field(default_factory=dict)
    by_commune: dict[str, Values] = field(default_factory=dict)
    commune_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    slug: str  # stable: targets and frozen reports keep it
    label: str  # in French: « Activités menées »
    unit: str  # in French, plural: « activités », « heures »
    section: Section
    compute: Callable[[Scope], Figures]
    # Breakdown key -> French label, in the order shown; None: a single value (under TOTAL).
    breakdown: Callable[[], dict[str, str]] | None = None
    # Counted through the plan links: shown per action and objective, and given targets.
    per_action: bool = True
    # Where the figures come from, for the report's « méthode et sources ».
    source: str = ""
    position: int = 0


_INDICATORS: dict[str, Indicator] = {}


def register(indicator: Indicator) -> None:
    if indicator.slug in _INDICATORS and _INDICATORS[indicator.slug] != indicator:
        raise ValueError(f"Indicator {indicator.slug!r} is declared twice.")
    _INDICATORS[indicator.slug] = indicator


def discover_indicators() -> None:
    """Register the `INDICATORS` of every installed app that has an `indicators` module."""
    for config in apps.get_app_configs():
        if config.name != __package__ and module_has_submodule(config.module, "indicators"):
            for indicator in import_module(f"{config.name}.indicators").INDICATORS:
                register(indicator)


def all_indicators() -> Iterator[Indicator]:
    order = list(Section)
    return iter(
        sorted(_INDICATORS.values(), key=lambda i: (order.index(i.section), i.position, i.slug))
    )


def indicator_named(slug: str) -> Indicator | None:
    return _INDICATORS.get(slug)


def targetable() -> list[Indicator]:
    """Indicators counted per action, with a single value: those staff set targets for."""
    return [i for i in all_indicators() if i.per_action and i.breakdown is None]
