"""SIRENE stock files (StockEtablissement, geolocated or not, and StockUniteLegale), CSV or Parquet.

The establishments file is read first, keeping the rows of the territory's communes (old codes
included); the legal units file is then read for those SIRENs only. Nothing is written until both
files have been read to the end, so a refused file leaves the directory as it was. Only the
organisations of the ESS field (or to review) are kept; a closed establishment or a ceased unit
that the directory does not know is not created, one that it knows is marked closed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.directory import provenance
from maillage.directory.classification import classify
from maillage.directory.enums import (
    EssFlag,
    ImportKind,
    ImportStatus,
    Source,
    Visibility,
)
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.nomenclatures import naf_section, normalise_naf
from maillage.directory.sources.base import (
    CommuneIndex,
    Record,
    Report,
    chunks,
    collect,
    digits,
    fit,
    parse_date,
    text,
)
from maillage.directory.sources.errors import ImportRefused, RowError
from maillage.directory.sources.files import (
    FileSpec,
    Row,
    check_file,
    is_parquet,
    scan_csv,
    scan_parquet,
)
from maillage.territory.models import Territory

OLD_FORMAT = (
    "c’est l’ancien format SIRENE (v2, antérieur à 2019), qui n’est plus publié ; "
    "téléchargez le stock actuel sur data.gouv.fr."
)
ESTABLISHMENTS = FileSpec(
    label="fichier d’établissements SIRENE (StockEtablissement)",
    required=[
        "siren",
        "siret",
        "statutDiffusionEtablissement",
        "dateCreationEtablissement",
        "trancheEffectifsEtablissement",
        "etablissementSiege",
        "complementAdresseEtablissement",
        "numeroVoieEtablissement",
        "indiceRepetitionEtablissement",
        "typeVoieEtablissement",
        "libelleVoieEtablissement",
        "codePostalEtablissement",
        "libelleCommuneEtablissement",
        "codeCommuneEtablissement",
        "etatAdministratifEtablissement",
        "enseigne1Etablissement",
        "denominationUsuelleEtablissement",
        "activitePrincipaleEtablissement",
        "nomenclatureActivitePrincipaleEtablissement",
    ],
    optional=["longitude", "latitude"],
    impostors={
        "categorieJuridiqueUniteLegale": "il ressemble à un fichier d’unités légales "
        "(StockUniteLegale) ; vérifiez l’ordre des options --unites et --etablissements.",
        "DEPET": OLD_FORMAT,
    },
)
UNITS = FileSpec(
    label="fichier d’unités légales SIRENE (StockUniteLegale)",
    required=[
        "siren",
        "statutDiffusionUniteLegale",
        "dateCreationUniteLegale",
        "sigleUniteLegale",
        "prenom1UniteLegale",
        "prenomUsuelUniteLegale",
        "identifiantAssociationUniteLegale",
        "trancheEffectifsUniteLegale",
        "etatAdministratifUniteLegale",
        "nomUniteLegale",
        "nomUsageUniteLegale",
        "denominationUniteLegale",
        "denominationUsuelle1UniteLegale",
        "categorieJuridiqueUniteLegale",
        "activitePrincipaleUniteLegale",
        "nomenclatureActivitePrincipaleUniteLegale",
        "economieSocialeSolidaireUniteLegale",
        "caractereEmployeurUniteLegale",
    ],
    impostors={
        "siret": "il ressemble à un fichier d’établissements (StockEtablissement) ; vérifiez "
        "l’ordre des options --unites et --etablissements.",
        "DEPET": OLD_FORMAT,
    },
)
NAF_REV2 = "NAFRev2"


@dataclass(frozen=True)
class SireneResult:
    establishments: ImportRun
    units: ImportRun | None


def coordinates(longitude: str, latitude: str) -> tuple[float | None, float | None]:
    if not longitude and not latitude:
        return None, None
    try:
        x, y = float(longitude), float(latitude)
    except ValueError:
        raise RowError(f"coordonnées illisibles : « {longitude} », « {latitude} »") from None
    if not (math.isfinite(x) and math.isfinite(y) and -180 <= x <= 180 and -90 <= y <= 90):
        raise RowError(f"coordonnées impossibles : longitude {longitude}, latitude {latitude}")
    return x, y


def activity(code: str, nomenclature: str) -> tuple[str, str]:
    """(NAF code, NAF rév. 2 section); older nomenclatures keep their code and get no section."""
    if nomenclature in {NAF_REV2, ""}:
        naf = normalise_naf(code)
        return naf, naf_section(naf)
    return text(code), ""


def parse_establishment(row: Row, index: CommuneIndex) -> Record:
    v = row.values
    siret = digits(v["siret"], 14, "SIRET")
    siren = digits(v["siren"], 9, "SIREN") if v["siren"] else siret[:9]
    if siret[:9] != siren:
        raise RowError(f"le SIRET {siret} ne commence pas par le SIREN {siren}")
    state = v["etatAdministratifEtablissement"]
    if state not in {"A", "F"}:
        raise RowError(f"état administratif inconnu : « {state} »")
    longitude, latitude = coordinates(v.get("longitude", ""), v.get("latitude", ""))
    naf, section = activity(
        v["activitePrincipaleEtablissement"], v["nomenclatureActivitePrincipaleEtablissement"]
    )
    number = text(v["numeroVoieEtablissement"]) + text(v["indiceRepetitionEtablissement"])
    street = [number, text(v["typeVoieEtablissement"]), text(v["libelleVoieEtablissement"])]
    code = v["codeCommuneEtablissement"].upper()
    hidden = v["statutDiffusionEtablissement"] == "P"
    values = {
        "name": text(v["denominationUsuelleEtablissement"]),
        "sign": text(v["enseigne1Etablissement"]),
        "address_complement": text(v["complementAdresseEtablissement"]),
        "street": " ".join(part for part in street if part),
        "postcode": text(v["codePostalEtablissement"]),
        "city_name": text(v["libelleCommuneEtablissement"]),
        "commune_code": code,
        "commune_id": index.commune_id(code),
        "naf_code": naf,
        "naf_section": section,
        "employee_bracket": text(v["trancheEffectifsEtablissement"]),
        "created_on": parse_date(v["dateCreationEtablissement"], "date de création"),
        "is_open": state == "A",
        "is_head_office": v["etablissementSiege"].lower() == "true",
        "longitude": longitude,
        "latitude": latitude,
        "visibility": Visibility.HIDDEN if hidden else Visibility.PUBLIC,
    }
    return Record(row, siret, siren, state == "A", fit(Establishment, values))


def unit_name(v: dict[str, str], siren: str) -> str:
    for column in ("denominationUniteLegale", "denominationUsuelle1UniteLegale"):
        if text(v[column]):
            return text(v[column])
    first_name = text(v["prenomUsuelUniteLegale"]) or text(v["prenom1UniteLegale"])
    last_name = text(v["nomUsageUniteLegale"]) or text(v["nomUniteLegale"])
    return f"{first_name} {last_name}".strip() or f"Unité légale {siren}"


def rna_id(value: str) -> str | None:
    value = text(value).upper()
    return value if len(value) == 10 and value.startswith("W") and value.isalnum() else None


def parse_unit(row: Row) -> Record:
    v = row.values
    siren = digits(v["siren"], 9, "SIREN")
    state = v["etatAdministratifUniteLegale"]
    if state not in {"A", "C"}:
        raise RowError(f"état administratif inconnu : « {state} »")
    category = text(v["categorieJuridiqueUniteLegale"])
    if category and not (len(category) == 4 and category.isdigit()):
        raise RowError(f"catégorie juridique invalide : « {category} »")
    naf, _ = activity(
        v["activitePrincipaleUniteLegale"], v["nomenclatureActivitePrincipaleUniteLegale"]
    )
    flag = v["economieSocialeSolidaireUniteLegale"].upper()
    employer = v["caractereEmployeurUniteLegale"].upper()
    values = {
        "name": unit_name(v, siren),
        "acronym": text(v["sigleUniteLegale"]),
        "legal_category": category,
        "naf_code": naf,
        "naf_nomenclature": text(v["nomenclatureActivitePrincipaleUniteLegale"]),
        "ess_flag": flag if flag in EssFlag.values else EssFlag.UNKNOWN,
        "is_employer": {"O": True, "N": False}.get(employer),
        "employee_bracket": text(v["trancheEffectifsUniteLegale"]),
        "created_on": parse_date(v["dateCreationUniteLegale"], "date de création"),
        "is_active": state == "A",
        "rna_id": rna_id(v["identifiantAssociationUniteLegale"]),
    }
    return Record(row, siren, siren, state == "A", fit(LegalUnit, values))


def classify_unit(unit: LegalUnit) -> dict[str, Any]:
    naf = unit.naf_code if unit.naf_nomenclature in {NAF_REV2, ""} else None
    result = classify(unit.legal_category, naf, unit.ess_flag)
    return {"ess_family": result.family or "", "ess_needs_review": result.needs_review}


class SireneImporter:
    def __init__(self, territory: Territory, today: date | None = None) -> None:
        self.territory = territory
        self.index = CommuneIndex.of(territory)
        self.today = today or timezone.localdate()

    def run(self, establishments: Path, units: Path | None = None) -> SireneResult:
        """Import both files; raise ImportRefused (after recording the refusal) if one lies."""
        sites = Report(ImportKind.SIRENE_ESTABLISHMENTS, establishments, self.territory)
        legal = Report(ImportKind.SIRENE_UNITS, units, self.territory) if units else None
        try:
            check_file(establishments, ESTABLISHMENTS)
            if units:
                check_file(units, UNITS)
            site_records = self.read_establishments(establishments, sites)
            wanted = {record.siren for record in site_records.values()}
            unit_records = self.read_units(units, wanted, legal) if units and legal else None
        except ImportRefused as refusal:
            for report in (sites, legal):
                if report is not None:
                    report.save(ImportStatus.REFUSED, str(refusal))
            raise
        with transaction.atomic():
            kept = self.write_units(unit_records or {}, legal) if legal else {}
            self.write_establishments(site_records, kept, unit_records, sites)
        return SireneResult(
            sites.save(ImportStatus.SUCCEEDED),
            legal.save(ImportStatus.SUCCEEDED) if legal else None,
        )

    def _scan(
        self, path: Path, spec: FileSpec, column: str, values: set[str], pad: int, report: Report
    ) -> Iterator[Row]:
        if is_parquet(path):
            return scan_parquet(path, spec, column, values, pad, report.scan)
        return scan_csv(path, spec, column, lambda value: value.upper() in values, report.scan)

    def read_establishments(self, path: Path, report: Report) -> dict[str, Record]:
        codes = set(self.index.ids)
        return collect(
            self._scan(path, ESTABLISHMENTS, "codeCommuneEtablissement", codes, 5, report),
            parse_establishment_in(self.index),
            report,
        )

    def read_units(self, path: Path, sirens: set[str], report: Report) -> dict[str, Record]:
        return collect(self._scan(path, UNITS, "siren", sirens, 9, report), parse_unit, report)

    def write_units(self, records: dict[str, Record], report: Report) -> dict[str, LegalUnit]:
        existing: dict[str, LegalUnit] = {}
        for keys in chunks(records):
            existing |= LegalUnit.objects.in_bulk(keys, field_name="siren")
        rna_ids = {r.values["rna_id"]: r.key for r in records.values() if r.values["rna_id"]}
        by_rna = {
            unit.rna_id: unit
            for keys in chunks(rna_ids)
            for unit in LegalUnit.objects.filter(rna_id__in=keys)
        }
        kept: dict[str, LegalUnit] = {}
        for siren, record in records.items():
            unit = existing.get(siren)
            rna_match = by_rna.get(record.values["rna_id"])
            if unit is None and rna_match is not None and rna_match.siren is None:
                unit = rna_match  # an association first known from the RNA gets its SIREN
            values = dict(record.values)
            if values["rna_id"] is None or (rna_match is not None and rna_match is not unit):
                # SIRENE often lacks the RNA number; and it may already belong to another unit.
                values.pop("rna_id")
            created = unit is None
            if unit is None:
                if not record.is_live:
                    continue
                unit = LegalUnit(siren=siren)
                changed = provenance.apply(unit, values, Source.SIRENE, self.today)
                family = classify_unit(unit)
                if not family["ess_family"] and not family["ess_needs_review"]:
                    continue  # outside the ESS field: not a directory entry
            else:
                unit.siren = siren
                changed = provenance.apply(unit, values, Source.SIRENE, self.today)
            changed += provenance.apply(unit, classify_unit(unit), Source.SIRENE, self.today)
            if created or changed:
                unit.save()
            report.count(created, bool(changed))
            kept[siren] = unit
        return kept

    def write_establishments(
        self,
        records: dict[str, Record],
        kept: dict[str, LegalUnit],
        unit_records: dict[str, Record] | None,
        report: Report,
    ) -> None:
        units = dict(kept)
        missing = {r.siren for r in records.values()} - units.keys()
        for keys in chunks(missing):
            units |= LegalUnit.objects.in_bulk(keys, field_name="siren")
        existing: dict[str, Establishment] = {}
        for keys in chunks(records):
            existing |= Establishment.objects.in_bulk(keys, field_name="siret")
        for siret, record in records.items():
            unit = units.get(record.siren)
            site = existing.get(siret)
            if unit is None:
                if unit_records is None or record.siren not in unit_records:
                    report.reject(
                        record.row,
                        f"unité légale {record.siren} inconnue : absente du fichier des unités "
                        "légales et de l’annuaire",
                    )
                continue  # otherwise its unit is outside the ESS field
            if site is None and not record.is_live:
                continue
            created = site is None
            if site is None:
                site = Establishment(siret=siret, legal_unit=unit)
            changed = provenance.apply(site, record.values, Source.SIRENE, self.today)
            if created or changed:
                site.save()
            report.count(created, bool(changed))


def parse_establishment_in(index: CommuneIndex) -> Any:
    return lambda row: parse_establishment(row, index)
