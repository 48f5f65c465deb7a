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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.core import lambert93 as lambert
from maillage.core.french import plural
from maillage.directory import families, provenance
from maillage.directory.enums import (
    EssFlag,
    ImportKind,
    ImportStatus,
    Source,
    Visibility,
)
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.nomenclatures import employee_bracket, naf_section, normalise_naf
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
    Scan,
    check_file,
    is_parquet,
    scan_csv,
    scan_parquet,
)
from maillage.directory.stewardship.duplicates import propose_duplicates
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
    optional=[
        # Etalab's geocoded stock, per département (WGS84).
        "longitude",
        "latitude",
        # INSEE's stock since 2024: Lambert-93 in metropolitan France, UTM overseas.
        "coordonneeLambertAbscisseEtablissement",
        "coordonneeLambertOrdonneeEtablissement",
        # INSEE's "géolocalisation des établissements" columns, when joined on the stock.
        "x",
        "y",
        "epsg",
        "x_longitude",
        "y_latitude",
    ],
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
# INSEE's « Géolocalisation des établissements du répertoire Sirene pour les études
# statistiques »: one row per SIRET, published beside the stock (semicolons; commas accepted).
GEOLOCATION = FileSpec(
    label="fichier de géolocalisation des établissements SIRENE (INSEE)",
    required=["siret", "x", "y"],
    optional=["epsg", "x_longitude", "y_latitude", "qualite_xy"],
    delimiter=";",
    impostors={
        "codeCommuneEtablissement": "c’est un fichier d’établissements : donnez-le avec "
        "--etablissements.",
    },
)
NAF_REV2 = "NAFRev2"
UNKNOWN_DATE = date(1900, 1, 1)  # INSEE's placeholder for a creation date it does not know
NO_ACTIVITY_YET = "00.00Z"  # INSEE's code for a unit whose activity is not yet coded


UNITS_ALONE = (
    "Fichier des unités légales seul : les unités déjà dans l’annuaire ont été classées et "
    "mises à jour, les autres écartées. Pour placer de nouvelles organisations sur le "
    "territoire, importez aussi le fichier des établissements (StockEtablissement) : lui seul "
    "dit où elles se trouvent."
)


@dataclass(frozen=True)
class SireneResult:
    establishments: ImportRun | None
    units: ImportRun | None


@dataclass
class SharedRna:
    """An RNA number that several SIRENs carry: one keeps it, staff look at the pair."""

    rna: str
    holder: str  # the SIREN that keeps the number
    sirens: list[str]
    proposed: bool = False

    @property
    def message(self) -> str:
        others = ", ".join(s for s in self.sirens if s != self.holder)
        outcome = "doublon proposé à l’équipe" if self.proposed else "à examiner par l’équipe"
        return (
            f"Numéro RNA {self.rna} porté par plusieurs SIREN : rattaché à {self.holder}, "
            f"pas à {others} ; les deux unités sont gardées, {outcome}."
        )


def unknown_units_message(count: int) -> str:
    if not count:
        return ""
    return (
        f"{plural(count, 'établissement', 'établissements')} du territoire "
        f"{'relève' if count < 2 else 'relèvent'} d’unités légales que l’annuaire ne "
        f"connaît pas et {'a été écarté' if count < 2 else 'ont été écartés'} : "
        "importez aussi le fichier des unités légales "
        "(StockUniteLegale) pour les classer."
    )


def coordinates(longitude: str, latitude: str) -> tuple[float | None, float | None]:
    longitude, latitude = text(longitude), text(latitude)
    if not longitude and not latitude:
        return None, None
    try:
        x, y = float(longitude), float(latitude)
    except ValueError:
        raise RowError(f"coordonnées illisibles : « {longitude} », « {latitude} »") from None
    if not (math.isfinite(x) and math.isfinite(y) and -180 <= x <= 180 and -90 <= y <= 90):
        raise RowError(f"coordonnées impossibles : longitude {longitude}, latitude {latitude}")
    return x, y


def lambert93(x: str, y: str) -> tuple[float | None, float | None]:
    x, y = text(x), text(y)
    if not x and not y:
        return None, None
    try:
        east, north = float(x), float(y)
    except ValueError:
        raise RowError(f"coordonnées Lambert illisibles : « {x} », « {y} »") from None
    if not (math.isfinite(east) and math.isfinite(north)) or east <= 0 or north <= 0:
        return None, None  # INSEE writes 0 or nothing when it could not place the site
    return coordinates(*map(str, lambert.to_lonlat(east, north)))


def position(v: dict[str, str], commune: str) -> tuple[float | None, float | None]:
    """WGS84 coordinates from whichever columns the file has, the geocoded ones first.

    Lambert-93 is read for metropolitan communes only: overseas, INSEE's x/y are UTM."""
    for lon_column, lat_column in (("longitude", "latitude"), ("x_longitude", "y_latitude")):
        longitude, latitude = coordinates(v.get(lon_column, ""), v.get(lat_column, ""))
        if longitude is not None:
            return longitude, latitude
    overseas = commune.startswith("97") or text(v.get("epsg", "")) not in {"", str(lambert.EPSG)}
    if overseas:
        return None, None
    for x_column, y_column in (
        ("x", "y"),
        ("coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement"),
    ):
        longitude, latitude = lambert93(v.get(x_column, ""), v.get(y_column, ""))
        if longitude is not None:
            return longitude, latitude
    return None, None


def sirene_date(value: str, label: str) -> date | None:
    """A date, or None for INSEE's placeholder of an unknown one."""
    day = parse_date(value, label)
    return None if day == UNKNOWN_DATE else day


def bracket(value: str) -> str:
    """A headcount bracket of the nomenclature, or "" (unknown) for an empty or odd value."""
    value = text(value)
    return value if employee_bracket(value) is not None else ""


def activity(code: str, nomenclature: str) -> tuple[str, str]:
    """(NAF code, NAF rév. 2 section); older nomenclatures keep their code and get no section."""
    if nomenclature in {NAF_REV2, ""}:
        naf = normalise_naf(text(code))
        if naf == NO_ACTIVITY_YET:
            return "", ""
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
    code = v["codeCommuneEtablissement"].upper()
    longitude, latitude = position(v, code)
    naf, section = activity(
        v["activitePrincipaleEtablissement"], v["nomenclatureActivitePrincipaleEtablissement"]
    )
    number = text(v["numeroVoieEtablissement"]) + text(v["indiceRepetitionEtablissement"])
    street = [number, text(v["typeVoieEtablissement"]), text(v["libelleVoieEtablissement"])]
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
        "employee_bracket": bracket(v["trancheEffectifsEtablissement"]),
        "created_on": sirene_date(v["dateCreationEtablissement"], "date de création"),
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
        "employee_bracket": bracket(v["trancheEffectifsUniteLegale"]),
        "created_on": sirene_date(v["dateCreationUniteLegale"], "date de création"),
        "is_active": state == "A",
        "rna_id": rna_id(v["identifiantAssociationUniteLegale"]),
    }
    return Record(row, siren, siren, state == "A", fit(LegalUnit, values))


def signs_by_siren(sites: dict[str, Record]) -> dict[str, list[str]]:
    """The signs and usual names of each unit's establishments: a SCOP's is often there."""
    signs: dict[str, list[str]] = {}
    for record in sites.values():
        names = [record.values["sign"], record.values["name"]]
        signs.setdefault(record.siren, []).extend(name for name in names if name)
    return signs


class SireneImporter:
    def __init__(self, territory: Territory, today: date | None = None) -> None:
        self.territory = territory
        self.index = CommuneIndex.of(territory)
        self.today = today or timezone.localdate()
        self.shared_rna: list[SharedRna] = []
        self.placed: int | None = None  # establishments placed by the geolocation file

    def run(
        self,
        establishments: Path | None,
        units: Path | None = None,
        geolocation: Path | None = None,
    ) -> SireneResult:
        """Import either file or both; raise ImportRefused (after recording the refusal) if one
        lies. The units file alone updates the units the directory knows (it says nothing of
        where they are); the establishments file alone lands the sites of those units. INSEE's
        geolocation file, if given, places the establishments the stock leaves unplaced."""
        if establishments is None and units is None:
            raise ValueError("an establishments file, a units file or both")
        sites = self._report(ImportKind.SIRENE_ESTABLISHMENTS, establishments)
        legal = self._report(ImportKind.SIRENE_UNITS, units)
        try:
            geo_spec = geolocation_spec(geolocation) if geolocation and establishments else None
            for path, spec in ((establishments, ESTABLISHMENTS), (units, UNITS)):
                if path is not None:
                    check_file(path, spec)
            if geolocation is not None and geo_spec is not None:
                check_file(geolocation, geo_spec)
            site_records: dict[str, Record] = {}
            if establishments is not None and sites is not None:
                site_records = self.read_establishments(establishments, sites)
                if geolocation is not None and geo_spec is not None:
                    self.placed = place(site_records, geolocation, geo_spec)
                wanted = {record.siren for record in site_records.values()}
            else:
                wanted = set(LegalUnit.objects.exclude(siren=None).values_list("siren", flat=True))
            unit_records = self.read_units(units, wanted, legal) if units and legal else None
        except ImportRefused as refusal:
            for report in (sites, legal):
                if report is not None:
                    report.save(ImportStatus.REFUSED, str(refusal))
            raise
        kept = self.write_units(unit_records or {}, legal, site_records) if legal else {}
        unknown = 0
        if sites is not None:
            unknown = self.write_establishments(site_records, kept, unit_records, sites)
            sites.aside += sites.scan.rows_filtered_out
        with transaction.atomic():
            self.propose_shared_rna()
        site_message = " ".join(
            m for m in (unknown_units_message(unknown), placed_message(self.placed)) if m
        )
        return SireneResult(
            sites.save(ImportStatus.SUCCEEDED, site_message) if sites else None,
            legal.save(ImportStatus.SUCCEEDED, self.units_message(sites is None))
            if legal
            else None,
        )

    def _report(self, kind: ImportKind, path: Path | None) -> Report | None:
        return Report(kind, path, self.territory) if path is not None else None

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

    def units_message(self, alone: bool) -> str:
        parts = [UNITS_ALONE] if alone else []
        parts += [shared.message for shared in self.shared_rna]
        return "\n".join(parts)

    def rna_holders(self, records: dict[str, Record]) -> dict[str, str | LegalUnit]:
        """Which SIREN gets each RNA number of the file: the unit that already holds it, else
        the live one, else the most recently created (a refounded association after the
        dissolved one). The RNA number is unique: the others are proposed as duplicates."""
        claims: dict[str, list[Record]] = {}
        for record in records.values():
            if record.values["rna_id"]:
                claims.setdefault(record.values["rna_id"], []).append(record)
        holders: dict[str, str | LegalUnit] = {}
        for keys in chunks(claims):
            for unit in LegalUnit.objects.filter(rna_id__in=keys):
                holders[unit.rna_id] = unit.siren or unit  # an RNA-only unit waits for a SIREN
        for rna, group in claims.items():
            best = max(group, key=lambda r: (r.is_live, r.values["created_on"] or date.min, r.key))
            holder = holders.get(rna)
            if not isinstance(holder, str):
                holders[rna] = best.key
            sirens = sorted({r.key for r in group} | {str(holders[rna])})
            if len(sirens) > 1:
                self.shared_rna.append(SharedRna(rna, str(holders[rna]), sirens))
        return holders

    def write_units(
        self, records: dict[str, Record], report: Report, sites: dict[str, Record]
    ) -> dict[str, LegalUnit]:
        existing: dict[str, LegalUnit] = {}
        for keys in chunks(records):
            existing |= LegalUnit.objects.in_bulk(keys, field_name="siren")
        holders = self.rna_holders(records)
        rna_only = {
            unit.rna_id: unit
            for keys in chunks(holders)
            for unit in LegalUnit.objects.filter(rna_id__in=keys, siren=None)
        }
        signs = signs_by_siren(sites)
        kept: dict[str, LegalUnit] = {}
        for batch in report.batches(records.values()):
            with transaction.atomic():
                for record in batch:
                    with report.guarded(record.row):
                        unit = self.write_unit(record, existing, holders, rna_only, signs, report)
                        if unit is not None:
                            kept[record.key] = unit
                report.checkpoint(batch)
        return kept

    def write_unit(
        self,
        record: Record,
        existing: dict[str, LegalUnit],
        holders: dict[str, str | LegalUnit],
        rna_only: dict[str, LegalUnit],
        signs: dict[str, list[str]],
        report: Report,
    ) -> LegalUnit | None:
        """Upsert one unit; None when it is not a directory entry."""
        siren = record.key
        unit = existing.get(siren)
        values = dict(record.values)
        rna = values.pop("rna_id")
        if rna is not None and holders.get(rna) == siren:
            if unit is None and rna in rna_only:
                unit = rna_only.pop(rna)  # an association first known from the RNA
            values["rna_id"] = rna  # SIRENE often lacks it: a blank never erases it
        created = unit is None
        if unit is None:
            if not record.is_live:
                return None
            unit = LegalUnit(siren=siren)
            changed = provenance.apply(unit, values, Source.SIRENE, self.today)
            family = families.settle(unit, signs.get(siren, []))
            if not family["ess_family"] and not family["ess_needs_review"]:
                return None  # outside the ESS field: not a directory entry
        else:
            unit.siren = siren
            changed = provenance.apply(unit, values, Source.SIRENE, self.today)
        family = families.settle(unit, signs.get(siren, []))
        changed += provenance.apply(unit, family, Source.SIRENE, self.today)
        if created or changed:
            unit.save()
        report.count(created, bool(changed))
        return unit

    def propose_shared_rna(self) -> None:
        """Propose each pair of units sharing an RNA number to staff, through one of their
        establishments each (head office first); say so in the report."""
        for shared in self.shared_rna:
            sites: dict[str, Establishment] = {}
            for site in Establishment.objects.filter(legal_unit__siren__in=shared.sirens).order_by(
                "-is_head_office", "pk"
            ):
                sites.setdefault(site.legal_unit.siren, site)
            shared.proposed = propose_duplicates(
                [sites[siren] for siren in shared.sirens if siren in sites],
                f"même numéro RNA {shared.rna} (association dissoute puis recréée ?)",
            )

    def write_establishments(
        self,
        records: dict[str, Record],
        kept: dict[str, LegalUnit],
        unit_records: dict[str, Record] | None,
        report: Report,
    ) -> int:
        """Upsert the sites of known units; return how many were set aside because their unit
        is unknown and no units file came with them."""
        units = dict(kept)
        missing = {r.siren for r in records.values()} - units.keys()
        for keys in chunks(missing):
            units |= LegalUnit.objects.in_bulk(keys, field_name="siren")
        existing: dict[str, Establishment] = {}
        for keys in chunks(records):
            existing |= Establishment.objects.in_bulk(keys, field_name="siret")
        unknown = 0
        for batch in report.batches(records.values()):
            with transaction.atomic():
                for record in batch:
                    with report.guarded(record.row):
                        unknown += self.write_site(record, units, existing, unit_records, report)
                report.checkpoint(batch)
        return unknown

    def write_site(
        self,
        record: Record,
        units: dict[str, LegalUnit],
        existing: dict[str, Establishment],
        unit_records: dict[str, Record] | None,
        report: Report,
    ) -> bool:
        """Upsert one site; True when set aside because its unit is unknown."""
        siret = record.key
        unit = units.get(record.siren)
        site = existing.get(siret)
        if unit is None:
            if unit_records is None:
                return True
            if record.siren not in unit_records:
                report.reject(
                    record.row,
                    f"unité légale {record.siren} inconnue : absente du fichier des unités "
                    "légales et de l’annuaire",
                )
            return False  # otherwise its unit is outside the ESS field
        if site is None and not record.is_live:
            return False
        created = site is None
        if site is None:
            site = Establishment(siret=siret, legal_unit=unit)
        changed = provenance.apply(site, record.values, Source.SIRENE, self.today)
        if created or changed:
            site.save()
        report.count(created, bool(changed))
        report.place(site.longitude, unit.ess_needs_review)
        return False


def geolocation_spec(path: Path) -> FileSpec:
    """INSEE writes this file with semicolons; a re-saved copy may have commas."""
    if is_parquet(path) or not path.is_file():
        return GEOLOCATION
    with path.open("rb") as handle:
        first_line = handle.readline(4096).decode("utf-8", errors="replace")
    if ";" not in first_line and "," in first_line:
        return replace(GEOLOCATION, delimiter=",")
    return GEOLOCATION


def place(records: dict[str, Record], path: Path, spec: FileSpec) -> int:
    """Give the establishments the stock left unplaced their position from INSEE's
    geolocation file (read for their SIRETs only); return how many were placed. A row whose
    position cannot be read leaves its establishment unplaced, as the stock did."""
    unplaced = {siret for siret, r in records.items() if r.values["longitude"] is None}
    if not unplaced:
        return 0
    scan = Scan()
    rows = (
        scan_parquet(path, spec, "siret", unplaced, 14, scan)
        if is_parquet(path)
        else scan_csv(path, spec, "siret", lambda value: value in unplaced, scan)
    )
    placed = 0
    for row in rows:
        record = records.get(row.values.get("siret", ""))
        if row.error or record is None:
            continue
        try:
            longitude, latitude = position(row.values, record.values["commune_code"])
        except RowError:
            continue
        if longitude is not None:
            record.values["longitude"], record.values["latitude"] = longitude, latitude
            placed += 1
    return placed


def placed_message(placed: int | None) -> str:
    if placed is None:
        return ""
    return (
        "Fichier de géolocalisation de l’INSEE : "
        f"{plural(placed, 'établissement placé', 'établissements placés')} sur la "
        "carte d’après leurs coordonnées."
    )


def parse_establishment_in(index: CommuneIndex) -> Any:
    return lambda row: parse_establishment(row, index)
