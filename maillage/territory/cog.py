"""Reader of the Code officiel géographique in the format of `@etalab/decoupage-administratif`.

Four JSON files (communes, epci, departements, regions), each a list of objects, and, if present,
INSEE's history of communes (`history.py`). Only the fields maillage uses are checked; anything
else is left alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maillage.core.french import agreed
from maillage.territory.enums import OldCodeKind
from maillage.territory.errors import TerritoryDataError
from maillage.territory.history import HISTORY_FILE, Event, read_history

FILES = ("communes", "epci", "departements", "regions")
CURRENT = "commune-actuelle"
OLD_KINDS = {
    "commune-deleguee": OldCodeKind.DELEGATED,
    "commune-associee": OldCodeKind.ASSOCIATED,
    "arrondissement-municipal": OldCodeKind.MUNICIPAL_DISTRICT,
}

Record = dict[str, Any]


@dataclass(frozen=True)
class OldCode:
    code: str
    name: str
    kind: OldCodeKind
    commune_code: str


@dataclass
class Cog:
    communes: dict[str, Record]  # current communes by code
    old_codes: dict[str, OldCode]  # old code → where it went now
    epcis: dict[str, Record]
    departements: dict[str, Record]
    regions: dict[str, Record]
    epci_of_commune: dict[str, str] = field(default_factory=dict)
    history: list[Event] = field(default_factory=list)

    def resolve(self, code: str) -> str | None:
        if code in self.communes:
            return code
        old = self.old_codes.get(code)
        return old.commune_code if old else None


def read_json_list(path: Path, required: Iterable[str]) -> list[Record]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TerritoryDataError(f"Fichier introuvable : {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TerritoryDataError(f"Fichier illisible ou JSON invalide : {path} ({error})") from None
    if not isinstance(data, list):
        raise TerritoryDataError(f"{path} doit contenir une liste JSON d’objets.")
    for index, record in enumerate(data):
        missing = [key for key in required if not isinstance(record, dict) or key not in record]
        if missing:
            raise TerritoryDataError(
                f"{path}, élément n° {index + 1} : "
                f"{agreed(len(missing), 'champ manquant', 'champs manquants')} "
                f"{', '.join(missing)}."
            )
    return data


def read_cog(directory: Path) -> Cog:
    directory = Path(directory)
    if not directory.is_dir():
        raise TerritoryDataError(f"Dossier du COG introuvable : {directory}")
    communes = read_json_list(directory / "communes.json", ("code", "nom", "type", "departement"))
    epcis = read_json_list(directory / "epci.json", ("code", "nom", "membres"))
    departements = read_json_list(directory / "departements.json", ("code", "nom", "region"))
    regions = read_json_list(directory / "regions.json", ("code", "nom"))
    current = {c["code"]: c for c in communes if c["type"] == CURRENT}
    cog = Cog(
        communes=current,
        old_codes=_old_codes(communes, current),
        epcis={e["code"]: e for e in epcis},
        departements={d["code"]: d for d in departements},
        regions={r["code"]: r for r in regions},
    )
    if (directory / HISTORY_FILE).is_file():
        cog.history = read_history(directory / HISTORY_FILE)
    for epci in epcis:
        for member in epci["membres"]:
            cog.epci_of_commune[member["code"]] = epci["code"]
    return cog


def _old_codes(communes: list[Record], current: dict[str, Record]) -> dict[str, OldCode]:
    """Delegated/associated communes and districts first (they carry a name), then bare codes."""
    old: dict[str, OldCode] = {}
    for record in communes:
        kind = OLD_KINDS.get(record["type"])
        parent = record.get("chefLieu") or record.get("commune")
        if kind and parent in current and record["code"] not in current:
            old[record["code"]] = OldCode(record["code"], record["nom"], kind, parent)
    for commune in current.values():
        for code in commune.get("anciensCodes", []):
            if code not in old and code not in current:
                old[code] = OldCode(code, "", OldCodeKind.FORMER, commune["code"])
    return old
