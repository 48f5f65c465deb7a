"""The RNA `waldec` file of declared associations (`;`-separated, UTF-8 or Latin-1).

An association is matched by its RNA number, then by the SIREN of its SIRET; one SIRENE does not
know gets a legal unit without SIREN and one establishment without SIRET (its registered seat).
SIRENE outranks the RNA (see `provenance.py`): the RNA fills what SIRENE lacks (purpose, web
site) and never overwrites SIRENE's fields. Telephone and e-mail are not imported: in the RNA
they are often a volunteer's own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from maillage.directory import families, provenance
from maillage.directory.enums import ImportKind, ImportStatus, Source
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources.base import (
    CommuneIndex,
    Record,
    Report,
    fit,
    parse_date,
    stream,
    text,
)
from maillage.directory.sources.errors import ImportRefused, RowError
from maillage.directory.sources.files import (
    FileSpec,
    Row,
    check_file,
    scan_csv,
    validate_csv,
)
from maillage.territory.models import Territory

WALDEC = FileSpec(
    label="fichier RNA waldec",
    required=[
        "id",
        "siret",
        "rup_mi",
        "date_creat",
        "date_disso",
        "titre",
        "objet",
        "adrs_complement",
        "adrs_numvoie",
        "adrs_repetition",
        "adrs_typevoie",
        "adrs_libvoie",
        "adrs_codeinsee",
        "adrs_codepostal",
        "adrs_libcommune",
        "siteweb",
        "position",
    ],
    delimiter=";",
    encodings=("utf-8", "cp1252"),
    impostors={"id_ex": "il ressemble au fichier RNA « import » (associations d’avant 2009)."},
)
ACTIVE = "A"  # `position`: A active, D dissoute, S supprimée
DECLARED_ASSOCIATION, PUBLIC_UTILITY_ASSOCIATION = "9220", "9230"
is_url = URLValidator(schemes=["http", "https"])


def website(value: str) -> str:
    value = text(value)
    if value and "://" not in value:
        value = f"https://{value}"
    try:
        is_url(value)
    except ValidationError:
        return ""  # a web site is a bonus: a wrong one is dropped, not a reason to reject
    return value


def parse_association(row: Row, index: CommuneIndex) -> Record:
    v = row.values
    rna_id = v["id"].strip().upper()
    if not (len(rna_id) == 10 and rna_id.startswith("W") and rna_id.isalnum()):
        raise RowError(f"numéro RNA invalide : « {v['id']} »")
    siret = text(v["siret"])
    if siret and not (len(siret) == 14 and siret.isdigit()):
        raise RowError(f"SIRET invalide : « {siret} »")
    if not text(v["titre"]):
        raise RowError("titre de l’association manquant")
    street = [
        text(v["adrs_numvoie"]) + text(v["adrs_repetition"]),
        text(v["adrs_typevoie"]),
        text(v["adrs_libvoie"]),
    ]
    code = v["adrs_codeinsee"].upper()
    unit = {
        "rna_id": rna_id,
        "name": text(v["titre"]),
        "legal_category": PUBLIC_UTILITY_ASSOCIATION if text(v["rup_mi"]) else DECLARED_ASSOCIATION,
        "created_on": parse_date(v["date_creat"], "date de création"),
        "is_active": v["position"] == ACTIVE,
    }
    seat = {
        "address_complement": text(v["adrs_complement"]).strip("_"),
        "street": " ".join(part for part in street if part and part != "_"),
        "postcode": text(v["adrs_codepostal"]),
        "city_name": text(v["adrs_libcommune"]),
        "commune_code": code,
        "commune_id": index.commune_id(code),
        "is_open": v["position"] == ACTIVE,
        "description": text(v["objet"]),
        "website": website(v["siteweb"]),
    }
    parse_date(v["date_disso"], "date de dissolution")
    values = {"unit": fit(LegalUnit, unit), "seat": fit(Establishment, seat), "siret": siret}
    return Record(row, rna_id, siret[:9], v["position"] == ACTIVE, values)


class RnaImporter:
    def __init__(self, territory: Territory, today: date | None = None) -> None:
        self.territory = territory
        self.index = CommuneIndex.of(territory)
        self.today = today or timezone.localdate()

    def run(self, path: Path) -> ImportRun:
        """Import the file; raise ImportRefused (after recording the refusal) if it lies.
        The file is checked whole first, then read again and written batch by batch."""
        report = Report(ImportKind.RNA, path, self.territory)
        codes = set(self.index.ids)
        try:
            check_file(path, WALDEC)
            validate_csv(path, WALDEC)
            rows = scan_csv(
                path, WALDEC, "adrs_codeinsee", lambda c: c.upper() in codes, report.scan
            )
            records = stream(
                rows,
                lambda row: parse_association(row, self.index),
                report,
                key=lambda row: row.values["id"].strip().upper(),
            )
            for batch in report.batches(records):
                self.write(batch, report)
        except ImportRefused as refusal:
            report.save(ImportStatus.REFUSED, str(refusal))
            raise
        report.aside += report.scan.rows_filtered_out
        return report.save(ImportStatus.SUCCEEDED)

    def write(self, batch: list[Record], report: Report) -> None:
        """One batch in one transaction, each row in its own savepoint."""
        by_rna = LegalUnit.objects.in_bulk([r.key for r in batch], field_name="rna_id")
        sirens = {r.siren for r in batch if r.siren} - {u.siren for u in by_rna.values()}
        by_siren = LegalUnit.objects.in_bulk(sirens, field_name="siren")
        with transaction.atomic():
            for record in batch:
                unit = by_rna.get(record.key) or by_siren.get(record.siren)
                if unit is None and not record.is_live:
                    continue
                with report.guarded(record.row):
                    self.write_association(unit, record, report)
            report.checkpoint(batch)

    def write_association(self, unit: LegalUnit | None, record: Record, report: Report) -> None:
        values: dict[str, Any] = record.values
        created = unit is None
        if unit is None:
            unit = LegalUnit(siren=record.siren or None)
        changed = provenance.apply(unit, values["unit"], Source.RNA, self.today)
        if unit.rna_id is None:
            unit.rna_id = values["unit"]["rna_id"]
            changed.append("rna_id")
        changed += provenance.apply(unit, families.settle(unit), Source.RNA, self.today)
        if created or changed:
            unit.save()
        seat = self.seat_of(unit, values["siret"])
        seat_created = seat is None
        if seat is None:
            siret = values["siret"] or None
            seat = Establishment(siret=siret, legal_unit=unit, is_head_office=True)
        seat_changed = provenance.apply(seat, values["seat"], Source.RNA, self.today)
        if seat_created or seat_changed:
            seat.save()
        report.count(created, bool(changed or seat_changed or seat_created))
        report.place(seat.longitude, unit.ess_needs_review)

    @staticmethod
    def seat_of(unit: LegalUnit, siret: str) -> Establishment | None:
        if unit.pk is None:
            return None
        if siret:
            return Establishment.objects.filter(siret=siret).first()
        sites = unit.establishments.all()
        return sites.filter(is_head_office=True).first() or sites.first()
