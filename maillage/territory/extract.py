"""Cut the files a territory needs out of the full-France COG and outline files.

The result keeps the exact formats of the sources (decoupage-administratif JSON, IGN GeoJSON,
INSEE's CSV of the history of communes, its lines copied unchanged), so the same importer reads
the full files and the extract.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from maillage.territory.cog import read_cog, read_json_list
from maillage.territory.errors import TerritoryDataError
from maillage.territory.history import HISTORY_FILE, current_code_of, read_history
from maillage.territory.outlines import round_coordinates
from maillage.territory.perimeter import select_perimeter


def extract_territory(
    source_dir: Path,
    outline_files: Sequence[Path],
    target_dir: Path,
    epci_codes: Sequence[str] = (),
    commune_codes: Sequence[str] = (),
    history: Path | None = None,
) -> dict[str, int]:
    """Write target_dir/cog/*.json (and the history's lines of the territory if a history file
    is given) and target_dir/contours-communes.geojson; return counts."""
    source_dir, target_dir = Path(source_dir), Path(target_dir)
    cog = read_cog(source_dir)
    perimeter = select_perimeter(cog, epci_codes, commune_codes)
    wanted = perimeter.commune_codes
    kept_codes = wanted | {o.code for o in perimeter.old_codes}
    communes = [
        record
        for record in read_json_list(source_dir / "communes.json", ("code", "type"))
        if record["code"] in kept_codes and _belongs(record, wanted)
    ]
    files = {
        "communes": communes,
        "epci": perimeter.epcis,
        "departements": perimeter.departements,
        "regions": perimeter.regions,
    }
    (target_dir / "cog").mkdir(parents=True, exist_ok=True)
    for name, records in files.items():
        _write_json(target_dir / "cog" / f"{name}.json", records)
    counts = {name: len(records) for name, records in files.items()}
    if history is not None:
        current = current_code_of(read_history(Path(history)), cog.resolve)
        counts["mouvements"] = _copy_history(Path(history), target_dir / "cog", current, wanted)
    features = _features(outline_files, kept_codes)
    _write_json(
        target_dir / "contours-communes.geojson",
        {"type": "FeatureCollection", "features": features},
    )
    return counts | {"contours": len(features)}


def _belongs(record: dict[str, Any], wanted: set[str]) -> bool:
    """A current commune of the perimeter, or an old one attached to it."""
    if record["type"] == "commune-actuelle":
        return record["code"] in wanted
    return (record.get("chefLieu") or record.get("commune")) in wanted


def _copy_history(
    path: Path, target_dir: Path, current: Callable[[str], str | None], wanted: set[str]
) -> int:
    with path.open(encoding="utf-8-sig", newline="") as file:
        lines = file.read().splitlines(keepends=True)
    keys = [key.upper() for key in next(csv.reader(lines[:1]))]
    kept = [line for line in lines[1:] if {current(code) for code in _codes(keys, line)} & wanted]
    (target_dir / HISTORY_FILE).write_text("".join(lines[:1] + kept), encoding="utf-8")
    return len(kept)


def _codes(keys: list[str], line: str) -> tuple[str, str]:
    event = dict(zip(keys, next(csv.reader([line])), strict=False))
    return event.get("COM_AV", ""), event.get("COM_AP", "")


def _features(paths: Sequence[Path], codes: set[str]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise TerritoryDataError(f"Fichier de contours illisible : {path} ({error})") from None
        for feature in data.get("features", []):
            code = feature.get("properties", {}).get("code")
            if code in codes:
                geometry = feature["geometry"]
                found[code] = {
                    "type": "Feature",
                    "properties": {"code": code, "nom": feature["properties"].get("nom", "")},
                    "geometry": {
                        "type": geometry["type"],
                        "coordinates": round_coordinates(geometry["coordinates"]),
                    },
                }
    return [found[code] for code in sorted(found)]


def _write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
