"""The open data of the hub's grants in the SCDL « subventions » format (schema 2.1.1): the
grants it receives (the funder grants, the hub benefits) and those it redistributes (the hub
grants). Each row is checked against the schema and the two checks its validators skip (the
SIRET's key, « SIRET or RNA » for the beneficiary); a row that fails is left out of the file and
listed for staff with its reasons."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from maillage.reports.funding.identifiers import siret_problem
from maillage.reports.funding.models import Grant, Redistribution
from maillage.reports.funding.table_schema import columns, load, row_problems

Row = dict[str, str]


@dataclass(frozen=True)
class Party:
    """The hub as the schema names it: for its grants received and redistributed."""

    name: str
    siret: str = ""
    rna_id: str = ""


@dataclass
class Export:
    rows: list[Row] = field(default_factory=list)
    # (what was left out, its reasons), in French.
    refused: list[tuple[str, list[str]]] = field(default_factory=list)

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns(load()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return out.getvalue()


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _payment(grant: Grant) -> tuple[str, str]:
    """conditionsVersement and datesPeriodeVersement, from the grant's schedule."""
    days = sorted(i.received_on or i.expected_on for i in grant.instalments.all())
    if len(days) == 1:
        return "unique", days[0].isoformat()
    if days:
        return "échelonné", f"{days[0].isoformat()}/{days[-1].isoformat()}"
    return "autre", f"{grant.starts_on.isoformat()}/{grant.ends_on.isoformat()}"


def received_row(grant: Grant, hub: Party) -> Row:
    conditions, dates = _payment(grant)
    return {
        "nomAttribuant": grant.funder.name,
        "idAttribuant": grant.funder.siret,
        "dateConvention": grant.agreement_on.isoformat(),
        "referenceDecision": grant.reference,
        "nomBeneficiaire": hub.name,
        "idBeneficiaire": hub.siret,
        "rnaBeneficiaire": hub.rna_id,
        "objet": grant.purpose,
        "montant": _amount(grant.amount),
        "nature": grant.nature,
        "conditionsVersement": conditions,
        "datesPeriodeVersement": dates,
        "idRAE": "",
        "notificationUE": "oui" if grant.eu_notified else "non",
        "pourcentageSubvention": "1.00",
        "dispositifAide": "",
    }


def redistributed_row(redistribution: Redistribution, hub: Party) -> Row:
    paid = redistribution.paid_on or redistribution.agreement_on
    return {
        "nomAttribuant": hub.name,
        "idAttribuant": hub.siret,
        "dateConvention": redistribution.agreement_on.isoformat(),
        "referenceDecision": "",
        "nomBeneficiaire": redistribution.beneficiary_name,
        "idBeneficiaire": redistribution.siret,
        "rnaBeneficiaire": redistribution.rna_id,
        "objet": redistribution.purpose,
        "montant": _amount(redistribution.amount),
        "nature": "aide en numéraire",
        "conditionsVersement": "unique",
        "datesPeriodeVersement": paid.isoformat(),
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1.00",
        "dispositifAide": "",
    }


def problems(row: Row) -> list[str]:
    """The schema's constraints, then its custom checks, in French."""
    found = row_problems(load(), row)
    for column in ("idAttribuant", "idBeneficiaire"):
        if row[column] and (problem := siret_problem(row[column])):
            found.append(f"La colonne {column} : {problem}")
    if not (row["idBeneficiaire"] or row["rnaBeneficiaire"]):
        found.append("Le bénéficiaire doit avoir un SIRET ou un numéro RNA.")
    return found


def build(hub: Party) -> Export:
    export = Export()
    grants = Grant.objects.select_related("funder").prefetch_related("instalments")
    candidates = [(str(grant), received_row(grant, hub)) for grant in grants.order_by("pk")]
    candidates += [
        (f"{r.purpose} ({r.beneficiary_name})", redistributed_row(r, hub))
        for r in Redistribution.objects.order_by("pk")
    ]
    for name, row in candidates:
        if found := problems(row):
            export.refused.append((name, found))
        else:
            export.rows.append(row)
    return export
