"""The registrants of an activity as CSV for a spreadsheet: UTF-8 with BOM, `;` separated.

A cell that a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a
leading apostrophe, so a registrant named "=HYPERLINK(…)" stays text.
"""

from __future__ import annotations

from django.utils import timezone

from maillage.activities.models import Activity
from maillage.core.csv_safety import escape_cell, spreadsheet_csv

HEADER = ["Nom", "Adresse e-mail", "Structure", "État", "Rang d’attente", "Présent", "Inscrit le"]


def registrants_csv(activity: Activity) -> str:
    rows = [HEADER]
    for registration in activity.registrations.order_by("status", "created_at", "pk"):
        created = timezone.localtime(registration.created_at).strftime("%d/%m/%Y %H:%M")
        row = [
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_status_display(),
            str(registration.waitlist_position or ""),
            "oui" if registration.attended else "non",
            created,
        ]
        rows.append([escape_cell(cell) for cell in row])
    return spreadsheet_csv(rows)
