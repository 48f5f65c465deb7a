"""Personal data held by Django's own apps (the admin's log). The platform's apps declare
theirs in their own `privacy.py` (docs/app-wiring.md)."""

from maillage.privacy.registry import declare_exempt

declare_exempt(
    "admin.LogEntry",
    "Journal des modifications faites par l’équipe dans l’administration : trace du travail "
    "du pôle ; l’effacement d’une personne du carnet réécrit les entrées qui la nomment.",
)
