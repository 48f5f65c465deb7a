"""The CSV export for spreadsheets: UTF-8 with BOM, `;`-separated, French headers; page links
absolute, phone numbers in the national form (« 02 99 … ») that every spreadsheet keeps as text.

A cell that starts with = + - @, a tab or a carriage return would be read as a formula by a
spreadsheet (CSV injection): it is prefixed with an apostrophe, as OWASP recommends.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from maillage.core.phones import national
from maillage.core.site import site_url

BOM = "\ufeff"
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (record key, French header), in column order.
COLUMNS = (
    ("id", "Identifiant"),
    ("nom", "Nom"),
    ("raison_sociale", "Raison sociale"),
    ("sigle", "Sigle"),
    ("siret", "SIRET"),
    ("siren", "SIREN"),
    ("rna", "Numéro RNA"),
    ("famille_libelle", "Famille de l’ESS"),
    ("categorie_juridique_libelle", "Catégorie juridique"),
    ("code_naf", "Code NAF"),
    ("activite", "Activité"),
    ("tranche_effectif_libelle", "Effectif"),
    ("adresse", "Adresse"),
    ("complement_adresse", "Complément d’adresse"),
    ("code_postal", "Code postal"),
    ("commune", "Commune"),
    ("code_commune", "Code INSEE de la commune"),
    ("longitude", "Longitude"),
    ("latitude", "Latitude"),
    ("site_web", "Site web"),
    ("courriel", "Courriel"),
    ("telephone", "Téléphone"),
    ("themes", "Thèmes"),
    ("adherent", "Adhérente du pôle"),
    ("url", "Page dans l’annuaire"),
    ("date_maj", "Mise à jour"),
)


def escape_cell(value: Any) -> str:
    """Text that could start a formula gets an apostrophe; numbers we format stay numbers."""
    if type(value) is str:  # most cells: the shortest path
        return "'" + value if value.startswith(DANGEROUS_STARTS) else value
    text = _text(value)
    if isinstance(value, str | list) and text.startswith(DANGEROUS_STARTS):
        return "'" + text
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


class _Line:
    """A file-like object that hands back what csv.writer writes to it."""

    def write(self, text: str) -> str:
        return text


def lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header, then one line per public record."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield BOM + writer.writerow([header for _, header in COLUMNS])
    site, keys = site_url(), [key for key, _ in COLUMNS]
    for record in records:
        record["url"] = site + record["url"]
        if record["telephone"]:
            record["telephone"] = national(record["telephone"])
        yield writer.writerow([escape_cell(record[key]) for key in keys])
