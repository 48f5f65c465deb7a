"""The report's content as plain values: what the page shows, what a frozen version stores (as
JSON, `to_json` / `from_json`) and what `document.build_document` turns into every format."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Any

from maillage.core.french import number

Cell = str | int | float | None


def figure_text(value: Cell) -> str:
    """« 3 042 », « 7,5 », « moins de 5 »; « – » for nothing."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return number(value, 0 if float(value).is_integer() else 1)


@dataclass
class Figure:
    """An indicator on one row of the report: its value, its target, its breakdown."""

    label: str
    unit: str
    value: Cell
    target: float | None = None
    # [label, value] of each breakdown key with something counted.
    breakdown: list[list[Cell]] = field(default_factory=list)

    @property
    def value_text(self) -> str:
        return figure_text(self.value)

    @property
    def target_text(self) -> str:
        return figure_text(self.target) if self.target is not None else ""

    @property
    def state(self) -> str:
        """« atteinte » or « non atteinte » beside a target; empty without one."""
        if self.target is None:
            return ""
        if isinstance(self.value, int | float) and self.value >= self.target:
            return "atteinte"
        return "non atteinte"


@dataclass
class TableData:
    caption: str
    header: list[str]
    rows: list[list[Cell]]
    source: str = ""
    # Drawn as a bar chart of its second column too (the table always stays beside it).
    chart: bool = False
    unit: str = ""


@dataclass
class ActionPart:
    code: str
    title: str
    figures: list[Figure]


@dataclass
class OperationalPart:
    code: str
    title: str
    figures: list[Figure]
    actions: list[ActionPart]


@dataclass
class StrategicPart:
    code: str
    title: str
    figures: list[Figure]
    operationals: list[OperationalPart]
    highlights: str = ""
    difficulties: str = ""


@dataclass
class FunderNotice:
    """A funder's required mention and logo, as the annexes show them; the logo's bytes are
    kept (base64) so that a frozen version shows the logo it was frozen with."""

    name: str
    mention: str
    logo_type: str = ""  # « image/png », « image/jpeg »; empty without a logo
    logo: str = ""  # base64

    @property
    def logo_data_url(self) -> str:
        return f"data:{self.logo_type};base64,{self.logo}" if self.logo else ""


@dataclass
class ReportContent:
    year: int
    hub_name: str
    moral_report: str
    values: list[str]
    vision: str
    purpose: str
    objectives: list[str]
    governance: list[TableData]
    governance_text: str
    team_text: str
    overall: list[Figure]
    activity: list[StrategicPart]
    publics: list[TableData]
    places: list[TableData]
    support: list[TableData]
    disclosure_rule: str
    observatory: list[TableData]
    partnerships: str
    mandates: list[TableData]
    # Empty: no funding recorded for the year (the page says so).
    means: list[TableData]
    outlook: str
    annex_actions: TableData
    method: list[list[str]]
    # ISO date and time of freezing; empty for the live draft.
    frozen_at: str = ""
    # Volunteer hours and their valuation, in the means; the sentence says how (or whether)
    # they are valued. Defaults: versions frozen before these parts existed still load.
    volunteering: list[TableData] = field(default_factory=list)
    volunteering_note: str = ""
    funder_notices: list[FunderNotice] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportContent:
        revived = _revive(cls, data)
        assert isinstance(revived, ReportContent)
        return revived


def _revive(kind: Any, data: Any) -> Any:
    """Rebuild dataclasses (and lists of them) from what `asdict` gave."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        return kind(**{name: _revive(hints[name], value) for name, value in data.items()})
    if typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        return [_revive(item, value) for value in data]
    return data
