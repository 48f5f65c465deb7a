"""Volunteer time valued, as French associations show their « contributions volontaires en
nature »: the year's volunteer hours × an hourly rate the hub chose (its basis said, e.g. the
SMIC), shown apart from the accounts. Without a rate for the year, the hours stand alone and
the report says they are not valued: a value is never made up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from maillage.core.french import euros, number
from maillage.hub import VolunteerRate
from maillage.plan.indicators import Number
from maillage.reports.annual.contents import Cell, TableData

WHAT = "Bénévolat (activités et réunions)"
SOURCE = "Heures notées par l’équipe pour chaque activité et réunion de l’année."


def valued(hours: Number, rate: VolunteerRate) -> int:
    """Hours × rate, to the euro."""
    amount = Decimal(str(hours)) * rate.hourly
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def volunteer_time(
    year: int, hours: Number, rate: VolunteerRate | None
) -> tuple[list[TableData], str]:
    """The table of the « Moyens » and the sentence saying how (or whether) it is valued."""
    if not hours:
        return [], f"Aucune heure de bénévolat n’est notée pour {year}."
    caption = f"Contributions volontaires en nature en {year}"
    if rate is None:
        table = TableData(caption, ["Contribution", "Heures"], [[WHAT, hours]], SOURCE)
        return [table], (
            f"Aucun taux horaire de valorisation n’est configuré pour {year} dans le dossier du "
            "pôle : ces heures de bénévolat ne sont pas valorisées en euros."
        )
    row: list[Cell] = [WHAT, hours, number(rate.hourly, 2), valued(hours, rate)]
    table = TableData(
        caption,
        ["Contribution", "Heures", "Taux horaire (€)", "Valorisation (€)"],
        [row],
        SOURCE,
    )
    return [table], (
        f"Valorisation : heures × {euros(rate.hourly)} de l’heure ({rate.basis}). Comme les "
        "contributions volontaires en nature, elle est présentée à part, hors des comptes de "
        "l’association."
    )
