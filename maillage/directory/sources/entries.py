"""What the map and spreadsheet importers share: finding the commune a row names, cleaning the
values people type, and writing an entry keyed on its SIRET or on its key in the source.

A row with a SIRET lands on the establishment of that SIRET (created if SIRENE does not know it
yet); a row without lands on the entry of its `source_ref` ("gogocarto:42", "tableur:…"), with a
legal unit of the same key. Maps and spreadsheets rank below SIRENE and the RNA, and far below
the organisation and the staff (`provenance.py`): they fill blanks, never overwrite people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.text import slugify

from maillage.core.text import fold
from maillage.directory import families, provenance
from maillage.directory.enums import LocationCheckKind, LocationCheckStatus
from maillage.directory.models import Establishment, LegalUnit, LocationCheck, Theme
from maillage.directory.sources.base import Record, Report
from maillage.directory.sources.errors import OutsideTerritory, RowError
from maillage.territory import resolution
from maillage.territory.enums import Resolution
from maillage.territory.models import Territory

# "Ã©" for "é": UTF-8 text once read as Latin-1 and saved again.
MOJIBAKE = re.compile("Ã[\u00a0-\u00bf\u2018-\u203a]|â€|\ufffd")
YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
NO = {"non", "n", "no", "faux", "false", "0", ""}


@dataclass(frozen=True)
class Located:
    """Where a row lies: a commune of the territory, or a commune proposed to staff."""

    commune_id: int
    code: str
    name: str
    proposal: str = ""  # why the commune is only proposed (French), empty when found

    def site_fields(self, written: str) -> dict[str, Any]:
        """The establishment's commune fields: the commune's official name once found; a
        proposed commune is not written until staff confirm it, so an earlier value stays."""
        if self.proposal:
            return {"city_name": written}
        return {"city_name": self.name, "commune_code": self.code, "commune_id": self.commune_id}


class CommuneResolver:
    """The territory's resolver (`territory/resolution.py`) as importers use it: a row outside
    the territory is set aside and listed, an unknown or ambiguous commune rejects the row."""

    def __init__(self, territory: Territory) -> None:
        self.resolver = resolution.CommuneResolver(territory)

    def locate(
        self,
        name: str,
        *,
        code: str = "",
        postcode: str = "",
        longitude: float | None = None,
        latitude: float | None = None,
    ) -> Located:
        match = self.resolver.resolve(
            name=name, code=code, postcode=postcode, longitude=longitude, latitude=latitude
        )
        if match.outcome == Resolution.OUTSIDE:
            raise OutsideTerritory(match.reason)
        if match.place is None or match.outcome not in (Resolution.FOUND, Resolution.PROPOSED):
            raise RowError(match.reason)
        proposal = match.reason if match.outcome == Resolution.PROPOSED else ""
        return Located(match.place.commune_id, match.place.code, match.place.name, proposal)


def clean_text(value: Any, label: str) -> str:
    text = "" if value is None else str(value).strip()
    if MOJIBAKE.search(text):
        raise RowError(f"{label} mal encodé : « {text[:60]} » (caractères illisibles)")
    return text


def clean_siret(value: str) -> str:
    value = re.sub(r"[\s.]", "", value or "")
    if not value:
        return ""
    if not (value.isdigit() and len(value) == 14):
        raise RowError(f"SIRET invalide : « {value} » (14 chiffres attendus)")
    return value


def clean_website(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    if "://" not in value:
        value = f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise RowError(f"site web invalide : « {value} »") from None
    return value[:500]


def clean_email(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        EmailValidator()(value)
    except ValidationError:
        raise RowError(f"courriel invalide : « {value} »") from None
    return value


def clean_yes_no(value: str, label: str) -> bool:
    folded = fold(value or "")
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise RowError(f"{label} : « {value} » n’est ni « oui » ni « non »")


def coordinates(longitude: Any, latitude: Any) -> tuple[float | None, float | None]:
    if longitude in (None, "") and latitude in (None, ""):
        return None, None
    try:
        x, y = float(str(longitude).replace(",", ".")), float(str(latitude).replace(",", "."))
    except ValueError:
        raise RowError(f"coordonnées illisibles : « {longitude} », « {latitude} »") from None
    if not (-180 <= x <= 180 and -90 <= y <= 90):  # NaN fails every comparison
        raise RowError(f"coordonnées impossibles : longitude {longitude}, latitude {latitude}")
    return x, y


def entry_record(
    row: Any,
    *,
    siret: str,
    source_ref: str,
    unit: dict[str, Any],
    site: dict[str, Any],
    themes: list[str] | None,
    located: Located | None = None,
) -> Record:
    """A Record keyed on the SIRET when there is one (so a repeated SIRET is caught)."""
    values = {
        "unit": unit,
        "site": site,
        "themes": themes,
        "source_ref": source_ref,
        "located": located,
    }
    return Record(row, siret or source_ref, siret[:9], True, values)


class EntryWriter:
    """Upserts the records of a map or a spreadsheet; counts each in the report."""

    def __init__(self, source: str, today: date) -> None:
        self.source = source
        self.today = today

    def write(self, records: Iterable[Record], report: Report) -> None:
        """Batch by batch, each in one transaction, each row in its own savepoint."""
        for batch in report.batches(records):
            with transaction.atomic():
                for record in batch:
                    with report.guarded(record.row):
                        self.write_row(record, report)
                report.checkpoint(batch)

    def write_row(self, record: Record, report: Report) -> None:
        created, changed, site = self.write_one(record)
        report.count(created, changed)
        report.place(site.longitude, site.legal_unit.ess_needs_review)
        located: Located | None = record.values.get("located")
        if located is not None and located.proposal:
            check = self.propose_commune(record, located)
            if check is not None:
                report.checks.append(check.pk)

    def propose_commune(self, record: Record, located: Located) -> LocationCheck | None:
        """Ask staff about the commune the row only seems to name (one open question a site),
        unless the entry is already there or staff already refused that commune for it."""
        siret = record.key if record.siren else ""
        site = self.find(siret, record.values["source_ref"])
        if site is None or site.commune_id == located.commune_id:
            return None
        answered = LocationCheck.objects.filter(
            establishment=site,
            kind=LocationCheckKind.COMMUNE,
            commune_id=located.commune_id,
            status=LocationCheckStatus.REFUSED,
        )
        if answered.exists():
            return None
        check, _ = LocationCheck.objects.update_or_create(
            establishment=site,
            kind=LocationCheckKind.COMMUNE,
            status=LocationCheckStatus.PENDING,
            defaults={
                "written": record.values["site"].get("city_name", "")[:300],
                "reason": located.proposal[:300],
                "commune_id": located.commune_id,
            },
        )
        return check

    def find(self, siret: str, source_ref: str) -> Establishment | None:
        site = None
        if siret:
            site = Establishment.objects.filter(siret=siret).first()
        if site is None:
            site = Establishment.objects.filter(source_ref=source_ref).first()
        return site

    def unit_for(self, siret: str, source_ref: str) -> LegalUnit:
        if siret:
            unit = LegalUnit.objects.filter(siren=siret[:9]).first()
            return unit or LegalUnit(siren=siret[:9])
        unit = LegalUnit.objects.filter(source_ref=source_ref).first()
        return unit or LegalUnit(source_ref=source_ref)

    def write_one(self, record: Record) -> tuple[bool, bool, Establishment]:
        siret = record.key if record.siren else ""
        source_ref: str = record.values["source_ref"]
        site = self.find(siret, source_ref)
        unit = site.legal_unit if site else self.unit_for(siret, source_ref)
        unit_created = unit.pk is None
        changed = provenance.apply(unit, record.values["unit"], self.source, self.today)
        if unit_created and not unit.ess_family:
            # A map or a sheet rarely says the legal form: the rule sends the unit to review.
            for name, value in families.settle(unit).items():
                setattr(unit, name, value)
        if unit_created or changed:
            unit.save()
        created = site is None
        if site is None:
            site = Establishment(siret=siret or None, legal_unit=unit)
        if (
            site.source_ref is None
            and not Establishment.objects.filter(source_ref=source_ref).exists()
        ):
            site.source_ref = source_ref
            changed.append("source_ref")
        site_changed = provenance.apply(site, record.values["site"], self.source, self.today)
        if created or site_changed or "source_ref" in changed:
            site.save()
        themes_changed = self.set_themes(
            site, record.values["themes"], record.values.get("theme_parents") or {}
        )
        return created, bool(changed or site_changed or themes_changed), site

    def set_themes(
        self, site: Establishment, names: list[str] | None, parents: dict[str, str | None]
    ) -> bool:
        if names is None or not provenance.may_write(site.provenance, "themes", self.source):
            return False
        themes = [theme_named(name, parents.get(name)) for name in names]
        if {t.pk for t in themes} == set(site.themes.values_list("pk", flat=True)):
            return False
        # The provenance first: the history's signal reads the source of the new themes there.
        site.provenance["themes"] = {"source": self.source, "confirmed_at": self.today.isoformat()}
        site.themes.set(themes)
        site.save(update_fields=["provenance"])
        return True


def theme_named(name: str, parent: str | None = None) -> Theme:
    """The theme of that name (created if new), placed under `parent` if it has no parent."""
    slug = slugify(name)[:100] or "theme"
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        theme = Theme.objects.create(name=name[:100], slug=slug)
    if parent and theme.parent_id is None and slugify(parent)[:100] != slug:
        theme.parent = theme_named(parent)
        theme.save(update_fields=["parent"])
    return theme
