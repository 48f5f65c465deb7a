"""The hub's spreadsheet template (`data/modele-annuaire.csv`), filled in any spreadsheet.

Separated by `;` (French spreadsheets) or `,`, in UTF-8 or Windows-1252 (Excel's "CSV"): both
are detected from the header line. A row is keyed on its SIRET, else on
`tableur:<slug of name and commune>`. Themes are separated by `|` (or by whichever of `,` and `;`
does not separate the columns). Optional `longitude` and `latitude` columns are read if present.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from maillage.core.reading import SPREADSHEET_ENCODINGS, delimiter_of
from maillage.core.text import fold
from maillage.directory.enums import EssFamily, ImportKind, ImportStatus, Source
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources.base import Record, Report, fit, landing, stream
from maillage.directory.sources.entries import (
    CommuneResolver,
    EntryWriter,
    clean_email,
    clean_siret,
    clean_text,
    clean_website,
    clean_yes_no,
    coordinates,
    entry_record,
)
from maillage.directory.sources.errors import ImportRefused, RowError
from maillage.directory.sources.files import (
    SAMPLE_BYTES,
    FileSpec,
    Row,
    check_file,
    scan_csv,
    validate_csv,
)
from maillage.territory.models import Territory

TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "modele-annuaire.csv"
COLUMNS = [
    "nom",
    "siret",
    "famille",
    "adresse",
    "code_postal",
    "commune",
    "site_web",
    "courriel",
    "telephone",
    "contacts_publics",
    "description",
    "themes",
    "adherent",
]
REQUIRED = ["nom", "code_postal", "commune"]
FAMILIES = {fold(label): value for value, label in EssFamily.choices} | {
    fold(value): value for value in EssFamily.values
}
FAMILIES |= {"cooperative": EssFamily.COOPERATIVE, "societe commerciale": EssFamily.COMMERCIAL}

READERS = {
    "site_web": ("website", clean_website),
    "courriel": ("email", clean_email),
    "telephone": ("phone", lambda value: value[:30]),
    "contacts_publics": ("contacts_public", lambda value: clean_yes_no(value, "contacts publics")),
    "description": ("description", lambda value: value),
}


def spec_for(path: Path) -> FileSpec:
    """The template's spec, with the delimiter its header line uses."""
    try:
        with path.open("rb") as handle:
            first_line = handle.read(SAMPLE_BYTES).split(b"\n", 1)[0]
    except OSError as error:
        raise ImportRefused(f"« {path.name} » est illisible ({error}).") from None
    return FileSpec(
        label="tableur au format du modèle de l’annuaire",
        required=REQUIRED,
        optional=[c for c in COLUMNS if c not in REQUIRED] + ["longitude", "latitude"],
        delimiter=delimiter_of(first_line),
        encodings=SPREADSHEET_ENCODINGS,
    )


class SpreadsheetImporter:
    def __init__(self, territory: Territory, today: date | None = None) -> None:
        self.territory = territory
        self.today = today or timezone.localdate()
        self.communes = CommuneResolver(territory)

    def run(self, path: Path) -> ImportRun:
        """Import the sheet; raise ImportRefused (after recording the refusal) if it lies."""
        report = Report(ImportKind.SPREADSHEET, path, self.territory)
        try:
            spec = spec_for(path) if path.is_file() else None
            if spec is None:
                raise ImportRefused(f"« {path} » n’existe pas ou n’est pas un fichier.")
            check_file(path, spec)
            validate_csv(path, spec)
            rows = scan_csv(path, spec, "nom", lambda value: True, report.scan)
            records = stream(rows, lambda row: self.parse(row, spec.delimiter), report)
            EntryWriter(Source.SPREADSHEET, self.today).write(landing(records), report)
        except ImportRefused as refusal:
            report.save(ImportStatus.REFUSED, str(refusal))
            raise
        return report.save(ImportStatus.SUCCEEDED)

    def parse(self, row: Row, delimiter: str) -> Record:
        v = {column: clean_text(value, column) for column, value in row.values.items()}
        name = v["nom"]
        if not name:
            raise RowError("nom manquant")
        siret = clean_siret(v.get("siret", ""))
        longitude, latitude = coordinates(v.get("longitude"), v.get("latitude"))
        located = self.communes.locate(
            v["commune"], postcode=v["code_postal"], longitude=longitude, latitude=latitude
        )
        unit: dict[str, object] = {"name": name}
        family = v.get("famille", "")
        if family:
            if fold(family) not in FAMILIES:
                raise RowError(f"famille inconnue : « {family} »")
            unit["ess_family"] = FAMILIES[fold(family)]
            unit["ess_needs_review"] = False
        if "adherent" in v:
            unit["is_hub_member"] = clean_yes_no(v["adherent"], "adhérent")
        site: dict[str, object] = {
            "street": v.get("adresse", ""),
            "postcode": v["code_postal"][:5],
            **located.site_fields(v["commune"]),
        }
        for column, (field, read) in READERS.items():
            if column in v:
                site[field] = read(v[column])
        if longitude is not None:
            site |= {"longitude": longitude, "latitude": latitude}
        if siret:
            site["sign"] = name
        themes = split_themes(v["themes"], delimiter) if "themes" in v else None
        return entry_record(
            row,
            siret=siret,
            source_ref=f"tableur:{slugify(f'{name} {located.name}')}"[:120],
            unit=fit(LegalUnit, unit),
            site=fit(Establishment, site),
            themes=themes,
            located=located,
        )


def split_themes(value: str, delimiter: str) -> list[str]:
    separators = "|" + ("," if delimiter == ";" else ";")
    parts = re.split(f"[{re.escape(separators)}]", value)
    return list(dict.fromkeys(part.strip()[:100] for part in parts if part.strip()))
