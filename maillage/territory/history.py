"""The COG's history of communes: INSEE's « mouvements des communes » file, read as published.

Each line is one event (renaming, merger, commune déléguée created, code change…) with the
commune before (`*_AV`) and after (`*_AP`). Read here for the names a commune carried before:
« Benassay » (86021) lives on in Boivre-la-Vallée (86123), « Sauzé-Vaussais » in
Sauzé-entre-Bois. The file sits beside the other COG files as `mouvements-communes.csv`; INSEE's
editions differ in header case and quoting, which does not matter here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from maillage.core.french import agreed
from maillage.territory.enums import CommuneNameKind
from maillage.territory.errors import TerritoryDataError

HISTORY_FILE = "mouvements-communes.csv"
SIDES = ("AV", "AP")
REQUIRED = {"MOD", "DATE_EFF", "COM_AV", "LIBELLE_AV", "TYPECOM_AP", "COM_AP", "LIBELLE_AP"}
MAX_HOPS = 10  # a code followed through successive mergers; more would mean a loop

Event = dict[str, str]


@dataclass(frozen=True)
class FormerName:
    code: str  # the code the commune carried under that name
    name: str
    kind: CommuneNameKind
    commune_code: str  # the current commune it is part of


def read_history(path: Path) -> list[Event]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            header = {name.upper() for name in reader.fieldnames or []}
            missing = sorted(REQUIRED - header)
            if missing:
                raise TerritoryDataError(
                    f"{path} n’est pas le fichier des mouvements des communes de l’INSEE "
                    f"({agreed(len(missing), 'colonne manquante', 'colonnes manquantes')} : "
                    f"{', '.join(missing)})."
                )
            return [{key.upper(): value or "" for key, value in row.items()} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise TerritoryDataError(f"Fichier des mouvements illisible : {path} ({error})") from None


def successor(events: Iterable[Event]) -> Callable[[str], str | None]:
    """Where a code's land went last: the most recent event that moved it to another commune."""
    latest: dict[str, tuple[str, str]] = {}
    for event in events:
        before, after = event["COM_AV"], event["COM_AP"]
        if before != after and event["TYPECOM_AP"] == "COM":
            date = event["DATE_EFF"]
            if before not in latest or latest[before][0] <= date:
                latest[before] = (date, after)
    return lambda code: latest[code][1] if code in latest else None


def current_code_of(
    events: list[Event], resolve: Callable[[str], str | None]
) -> Callable[[str], str | None]:
    """The current commune of any code the history names, through the COG first."""
    next_of = successor(events)

    def current(code: str) -> str | None:
        for _ in range(MAX_HOPS):
            found = resolve(code)
            if found is not None:
                return found
            following = next_of(code)
            if following is None:
                return None
            code = following
        return None

    return current


def former_names(
    events: list[Event],
    current: Callable[[str], str | None],
    current_names: dict[str, str],
    wanted: set[str],
) -> list[FormerName]:
    """Every name the history gives to a code now part of a wanted commune, but its own."""
    found: dict[tuple[str, str], FormerName] = {}
    for event in events:
        for side in SIDES:
            code, name = event[f"COM_{side}"], event[f"LIBELLE_{side}"].strip()
            commune = current(code)
            if not name or commune not in wanted or current_names.get(code) == name:
                continue
            kind = CommuneNameKind.FORMER_NAME if code == commune else CommuneNameKind.FORMER
            found.setdefault((code, name), FormerName(code, name, kind, commune))
    return [found[key] for key in sorted(found)]
