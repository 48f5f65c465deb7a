"""The data·inclusion référentiels the offer is described with (extract in `data/`)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "data-inclusion-referentiels.json"

THEMATIQUES = "thematiques"
PUBLICS = "publics"
TYPES = "types-de-services"
FRAIS = "frais"
MODES_ACCUEIL = "modes-accueil"
MODES_MOBILISATION = "modes-mobilisation"
MOBILISABLE_PAR = "personnes-mobilisatrices"


@cache
def _referentiels() -> dict[str, list[dict[str, str]]]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def choices(name: str) -> list[tuple[str, str]]:
    return [(row["value"], row["label"]) for row in _referentiels()[name]]


def label(name: str, value: str) -> str:
    return dict(choices(name)).get(value, value)


def labels(name: str, chosen: list[str]) -> list[str]:
    """Labels of `chosen`, in the référentiel's order."""
    return [text for value, text in choices(name) if value in chosen]
