"""A GoGoCarto JSON export (`{"ontology": …, "data": [elements]}` or a bare list of elements).

Each element becomes an entry keyed on `gogocarto:<id>`, or on its SIRET when it carries one.
Its categories become themes: by name when the export has them, else through the taxonomy file.
E-mail and telephone are kept for staff but not published unless the element says so
(`contactsPublics`): a map's contact is often a volunteer's own. GoGoCarto exports are small
(thousands of elements), so the file is read whole; nothing is written before it is all parsed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from maillage.core.french import plural
from maillage.core.reading import Limits, ReadingRefused, json_document
from maillage.directory import provenance
from maillage.directory.enums import ImportKind, ImportStatus, Source, Visibility
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources import gogocarto_shapes as shapes
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
from maillage.directory.sources.files import RAW_LIMIT, Row, file_checksum
from maillage.territory.models import Territory

HIDDEN = {"hidden", "private", "masqué"}
SOURCE_PREFIX = "gogocarto:"
SHOWN_WITHDRAWN = 20  # names of hidden entries in the run's message; the history has them all
PUBLISHED_STATUSES = range(1, 100)  # < 0: deleted or refused; 0: awaiting moderation


def load_elements(path: Path) -> tuple[list[Any], shapes.CategoryTree]:
    """The elements in GoGoCarto's own shape, whatever the export's, and their category tree."""
    name = path.name
    if not path.is_file():
        raise ImportRefused(f"« {path} » n’existe pas ou n’est pas un fichier.")
    try:
        document = json_document(path, Limits.from_settings())
    except ReadingRefused as refusal:
        raise ImportRefused(str(refusal)) from None
    elements = shapes.elements_of(document)
    if not isinstance(elements, list):
        raise ImportRefused(
            f"« {name} » n’est pas un export GoGoCarto ou Transiscope : une liste d’éléments "
            "attendue, seule ou sous « data »."
        )
    if not elements:
        raise ImportRefused(f"« {name} » ne contient aucun élément.")
    shape = shapes.detect(elements, name)
    tree = shapes.tree_of(elements)
    if shape == shapes.TRANSISCOPE:
        elements = [shapes.from_transiscope(element) for element in elements]
    return elements, tree


def noting_refs(records: Iterator[Record], refs: set[str]) -> Iterator[Record]:
    for record in records:
        refs.add(record.values["source_ref"])
        yield record


def load_taxonomy(path: Path | None) -> shapes.CategoryTree:
    """Category ids to names, and each option's parent option, over the whole tree of a
    GoGoCarto taxonomy export (options hold categories, which hold sub-options)."""
    tree = shapes.CategoryTree()
    if path is None:
        return tree
    try:
        document = json_document(path, Limits.from_settings())
    except (OSError, ReadingRefused) as error:
        raise ImportRefused(
            f"« {path.name} » n’est pas une taxonomie GoGoCarto ({error})."
        ) from None

    def walk(node: Any, is_option: bool, parent: str | None) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, is_option, parent)
        elif isinstance(node, dict):
            if is_option and "id" in node and node.get("name"):
                tree.names[str(node["id"])] = str(node["name"])
                if parent is not None:
                    tree.parents[str(node["name"])] = parent
                parent = str(node["id"])
            walk(node.get("options", []), True, parent)
            walk(node.get("subcategories", []), False, parent)

    walk(document, False, None)
    return tree


class GogocartoImporter:
    def __init__(self, territory: Territory, today: date | None = None) -> None:
        self.territory = territory
        self.today = today or timezone.localdate()
        self.communes = CommuneResolver(territory)

    def run(self, path: Path, taxonomy: Path | None = None, complete: bool = True) -> ImportRun:
        """Import the export; raise ImportRefused (after recording the refusal) if it lies.

        A complete export (the whole map) also hides the entries the map no longer has: its
        elements deleted, refused or gone from the territory. They are never deleted, and shown
        again if they come back. A partial export (`complete=False`) hides nothing."""
        report = Report(ImportKind.GOGOCARTO, path, self.territory)
        try:
            elements, categories = load_elements(path)
            categories.merge(load_taxonomy(taxonomy))
            report.scan.checksum = file_checksum(path)
            report.scan.encoding = "utf-8"
            report.scan.rows_read = len(elements)
            rows = (self.row(number, element) for number, element in enumerate(elements, 1))
            records = stream(rows, lambda row: self.parse(row, categories), report)
        except ImportRefused as refusal:
            report.save(ImportStatus.REFUSED, str(refusal))
            raise
        kept: set[str] = set()  # every live entry, those written before a resume included
        writer = EntryWriter(Source.GOGOCARTO, self.today)
        writer.write(noting_refs(landing(records), kept), report)
        withdrawn: list[str] = []
        if complete:
            with transaction.atomic():
                withdrawn = self.hide_withdrawn(kept)
        report.withdrawn = len(withdrawn)
        message = ""
        if withdrawn:
            shown = ", ".join(f"« {name} »" for name in withdrawn[:SHOWN_WITHDRAWN])
            more = len(withdrawn) - SHOWN_WITHDRAWN
            message = f"Masquées car absentes de l’export : {shown}" + (
                f" et {plural(more, 'autre', 'autres')}." if more > 0 else "."
            )
        return report.save(ImportStatus.SUCCEEDED, message)

    def hide_withdrawn(self, kept: set[str]) -> list[str]:
        """Hide the published entries known only from the map that it no longer has; return
        their names. An entry with a SIRET lives on through SIRENE; one whose visibility a
        person set stays as they chose."""
        gone = (
            Establishment.objects.filter(
                source_ref__startswith=SOURCE_PREFIX,
                siret__isnull=True,
                visibility=Visibility.PUBLIC,
            )
            .exclude(source_ref__in=kept)
            .select_related("legal_unit")
            .select_for_update(of=("self",))
            .order_by("pk")
        )
        names = []
        for site in gone:
            if not provenance.may_write(site.provenance, "visibility", Source.GOGOCARTO):
                continue
            provenance.apply(site, {"visibility": Visibility.HIDDEN}, Source.GOGOCARTO, self.today)
            site.save()
            names.append(site.display_name)
        return names

    @staticmethod
    def row(number: int, element: dict[str, Any]) -> Row:
        raw = json.dumps(element, ensure_ascii=False)[:RAW_LIMIT]
        return Row(number, element, raw)

    def parse(self, row: Row, categories: shapes.CategoryTree) -> Record:
        element: dict[str, Any] = row.values
        if not element.get("id"):
            raise RowError("élément sans identifiant « id »")
        name = clean_text(element.get("name"), "nom")
        if not name:
            raise RowError("élément sans nom")
        address = shapes.nested(element, "address")
        geo = shapes.nested(element, "geo")
        longitude, latitude = coordinates(geo.get("longitude"), geo.get("latitude"))
        postcode = clean_text(address.get("postalCode"), "code postal")[:5]
        locality = clean_text(address.get("addressLocality"), "commune")
        code = clean_text(element.get("codeInsee") or element.get("inseeCode"), "code INSEE")
        located = self.communes.locate(
            locality, code=code, postcode=postcode, longitude=longitude, latitude=latitude
        )
        status = element.get("status", 1)
        published = isinstance(status, int) and status in PUBLISHED_STATUSES
        siret = clean_siret(str(element.get("siret") or ""))
        public = clean_yes_no(str(element.get("contactsPublics") or ""), "contactsPublics")
        site = {
            "street": clean_text(address.get("streetAddress"), "adresse"),
            "postcode": postcode,
            **located.site_fields(locality),
            "longitude": longitude,
            "latitude": latitude,
            "description": self.description(element),
            "website": clean_website(clean_text(element.get("website"), "site web")),
            "email": self.contact(element.get("email"), clean_email),
            "phone": self.contact(element.get("telephone"), lambda v: v[:30]),
            "contacts_public": public,
            "opening_hours": clean_text(element.get("openHoursMoreInfos"), "horaires"),
            "visibility": Visibility.PUBLIC,
            **self.map_texts(element),
        }
        if siret:
            site["sign"] = name
        unit = {"name": name}
        themes = self.themes(element, categories)
        record = entry_record(
            row,
            siret=siret,
            source_ref=f"{SOURCE_PREFIX}{element['id']}"[:120],
            unit=fit(LegalUnit, unit),
            site=fit(Establishment, site),
            themes=themes,
            located=located,
        )
        record.values["theme_parents"] = {
            theme: categories.parent_of(theme) for theme in themes or []
        }
        return Record(record.row, record.key, record.siren, published, record.values)

    @staticmethod
    def description(element: dict[str, Any]) -> str:
        parts = [element.get("description"), element.get("descriptionMore")]
        texts = [strip_tags(clean_text(part, "description")) for part in parts if part]
        return "\n\n".join(text for text in texts if text)

    @staticmethod
    def contact(value: Any, clean: Any) -> str:
        text = clean_text(value, "contact")
        return "" if text.lower() in HIDDEN else clean(text)

    @staticmethod
    def map_texts(element: dict[str, Any]) -> dict[str, str]:
        """What the map says beyond the directory's usual fields: its summary, the actor's
        commitment, and the link to the fiche on the source map (a bad link is dropped)."""
        try:
            link = clean_website(clean_text(element.get("sourceUrl"), "fiche source"))
        except RowError:
            link = ""
        return {
            "summary": strip_tags(clean_text(element.get("summary"), "résumé")),
            "commitment": strip_tags(clean_text(element.get("commitment"), "engagement")),
            "source_url": link,
        }

    @staticmethod
    def themes(element: dict[str, Any], categories: shapes.CategoryTree) -> list[str] | None:
        named = shapes.category_names(element)
        if named is not None:
            return list(dict.fromkeys(clean_text(n, "catégorie") for n in named))
        ids = element.get("taxonomy") or element.get("categoriesFull") or []
        if not categories.names or not isinstance(ids, list):
            return None
        names = [categories.names[str(i)] for i in ids if str(i) in categories.names]
        return list(dict.fromkeys(names))
