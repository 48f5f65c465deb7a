"""The demonstration's report of the current year: the staff's texts, marked fictitious."""

from __future__ import annotations

from maillage.core import demo
from maillage.plan.models import StrategicObjective
from maillage.reports.annual.freezing import freeze
from maillage.reports.annual.models import AnnualReport, ObjectiveText

NOTE = "\n\n(Texte fictif de démonstration.)"

TEXTS = {
    "moral_report": (
        "Cette année, le pôle a continué de relier les acteurs de l’économie sociale et solidaire "
        "du territoire : des rencontres, des formations pour les associations employeuses et "
        "l’accompagnement de nouveaux porteurs de projet.\n\n"
        "Merci aux adhérents, aux bénévoles et aux partenaires qui ont rendu cette année possible."
    ),
    "governance": (
        "Le pôle est administré par un conseil d’administration collégial, qui réunit chaque "
        "collège d’adhérents et se réunit chaque mois."
    ),
    "team": "Deux salariées, une volontaire en service civique et une dizaine de bénévoles actifs.",
    "partnerships": (
        "Le pôle travaille avec les communautés de communes du territoire, le réseau régional des "
        "pôles ESS et les structures d’accompagnement à la création d’activité."
    ),
    "outlook": (
        "L’an prochain : ouvrir un second cycle de formation, lancer un groupe de travail sur "
        "l’alimentation et mieux mesurer les effets de l’accompagnement."
    ),
}

HIGHLIGHT = "Les rencontres de l’année ont réuni de nouveaux publics autour de cet objectif."
DIFFICULTY = "Le temps bénévole disponible reste le principal frein."


def create_demo_report() -> AnnualReport:
    year = demo.today().year
    fields = {name: text + NOTE for name, text in TEXTS.items()}
    report, created = AnnualReport.objects.get_or_create(year=year, defaults=fields)
    if not created:
        return report
    demo.mark(report)
    for objective in StrategicObjective.objects.active():
        text = ObjectiveText.objects.create(
            report=report,
            objective=objective,
            highlights=HIGHLIGHT + NOTE,
            difficulties=DIFFICULTY + NOTE,
        )
        demo.mark(text)
    # A first version, frozen and left unpublished: staff see how a version keeps its figures.
    demo.mark(freeze(report))
    return report
