"""Figures published by others about the hub's territory, read from its folder's `published.yaml`:
each publication with its producer, source, vintage, definitions, and areas (the hub's perimeter
as a list of communes, a commune, a département or a région) with their figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ImproperlyConfigured

from maillage.hub import current_hub
from maillage.observatory.enums import Indicator

FILE_NAME = "published.yaml"
LEVELS = ("commune", "departement", "region")


@dataclass(frozen=True)
class Perimeter:
    name: str
    communes: dict[str, str]  # INSEE code → name, as the publication counted them
    note: str = ""


@dataclass(frozen=True)
class PublishedArea:
    name: str
    level: str  # "territory" (with a perimeter), "commune", "departement" or "region"
    code: str
    figures: dict[str, Decimal]
    units: dict[str, str] = field(default_factory=dict)
    perimeter: Perimeter | None = None
    now: str = ""  # the current name of a commune merged since
    remark: str = ""

    @property
    def label(self) -> str:
        """« Saint-Aubin (aujourd’hui Val-d’Oust) »: a commune merged since."""
        return f"{self.name} (aujourd’hui {self.now})" if self.now else self.name


@dataclass(frozen=True)
class Publication:
    title: str
    producer: str
    source: str
    vintage: str
    areas: tuple[PublishedArea, ...]
    published: str = ""
    url: str = ""
    definitions: dict[str, str] = field(default_factory=dict)


def _figures(data: dict[str, Any], where: str) -> dict[str, Decimal]:
    figures = {}
    for indicator, value in (data.get("figures") or {}).items():
        if indicator not in Indicator.values:
            raise ImproperlyConfigured(f"{where}: unknown indicator {indicator!r}.")
        try:
            figures[indicator] = Decimal(str(value))
        except InvalidOperation:
            raise ImproperlyConfigured(f"{where}: {indicator} is not a number.") from None
    return figures


def _area(data: dict[str, Any], where: str) -> PublishedArea:
    where = f"{where}, {data.get('name', '?')}"
    common = {
        "name": data["name"],
        "figures": _figures(data, where),
        "units": dict(data.get("units") or {}),
        "now": data.get("now", ""),
        "remark": data.get("remark", ""),
    }
    if "perimeter" in data:
        perimeter = data["perimeter"]
        communes = {str(code): name for code, name in (perimeter.get("communes") or {}).items()}
        return PublishedArea(
            level="territory",
            code="",
            perimeter=Perimeter(perimeter["name"], communes, perimeter.get("note", "")),
            **common,
        )
    for level in LEVELS:
        if level in data:
            return PublishedArea(level=level, code=str(data[level]), **common)
    raise ImproperlyConfigured(
        f"{where}: an area needs a perimeter, commune, departement or region."
    )


def read_publications(path: Path) -> list[Publication]:
    """The publications of `path`; none when the hub has no such file."""
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return [
            Publication(
                title=item["title"],
                producer=item["producer"],
                source=item["source"],
                vintage=str(item["vintage"]),
                published=str(item.get("published", "")),
                url=item.get("url", ""),
                definitions=dict(item.get("definitions") or {}),
                areas=tuple(_area(area, f"{path}: {item['title']}") for area in item["areas"]),
            )
            for item in data.get("publications", [])
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise ImproperlyConfigured(f"Cannot read the published figures {path}: {error}") from error


def hub_publications() -> list[Publication]:
    return read_publications(current_hub().directory / FILE_NAME)
