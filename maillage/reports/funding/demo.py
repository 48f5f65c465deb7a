"""Demonstration funding: two fictitious funders, two grants of the current year linked to plan
actions, with their schedules, a report due soon, budget lines and the agreement's indicators;
two bodies and the mandates of two demonstration contacts, with a report back.

Funders and bodies carry no date: they stay from day to day. Grants and mandates are dated from
the day the demo is loaded (`renewed`): `load_demo` on a later day removes them, with what hangs
on them, and this module creates them again. So are the expenses of this year and the last by
action (their years follow the day of loading). Every row is found by its name before being
created, so a second call creates nothing; nothing here sends mail.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction
from PIL import Image as PILImage
from PIL import ImageDraw

from maillage.core import demo
from maillage.directory.demo import luhn_complete
from maillage.network.people.models import Person
from maillage.plan.links import link_actions
from maillage.plan.models import Action
from maillage.reports.funding.enums import BodyKind, BudgetSide, FunderKind
from maillage.reports.funding.models import (
    ActionExpense,
    AgreementIndicator,
    Body,
    BudgetLine,
    Funder,
    Grant,
    Instalment,
    Mandate,
    MandateReport,
    ReportDue,
    ReportReminder,
)

NOTE = "Financeur fictif de démonstration."
# name, kind, SIRET body (99… range: no real organisation has it), the mention its agreement
# asks for, colour of its drawn logo
FUNDERS = [
    ("Département fictif de démonstration", FunderKind.DEPARTEMENT, "9900000010001",
     "Action soutenue par le Département fictif de démonstration (mention fictive).", "#1d4e89"),
    ("Fondation fictive pour l’ESS", FunderKind.FOUNDATION, "9900000020001",
     "Avec le soutien de la Fondation fictive pour l’ESS (mention fictive).", "#2e7d32"),
]  # fmt: skip
# funder index, purpose, amount, plan action codes, indicators (name, slug, target), budget
GRANTS = [
    (0, "Animation du réseau des acteurs de l’ESS (démonstration)", Decimal("24000"),
     ["3c.2", "3c.3"], [("Rencontres et ateliers organisés", "activities", 12),
                       ("Participants inscrits", "registrations", 200)],
     [(BudgetSide.EXPENSE, "Salaires et charges", 30000, 31200),
      (BudgetSide.EXPENSE, "Déplacements", 2000, 1400),
      (BudgetSide.INCOME, "Subvention du Département", 24000, 24000),
      (BudgetSide.INCOME, "Cotisations des adhérents", 8000, 8600)]),
    (1, "Mois de l’ESS et sensibilisation des habitants (démonstration)", Decimal("8000"),
     ["4c.2", "1a.1"], [("Actions de sensibilisation", "activities", 6)],
     [(BudgetSide.EXPENSE, "Communication et impression", 3000, 2700),
      (BudgetSide.INCOME, "Subvention de la fondation", 8000, 8000)]),
]  # fmt: skip
# Expenses of the current year by plan action (€); the previous year's are 90 % of them.
EXPENSES = {"1a.1": Decimal("2340.00"), "3c.2": Decimal("18450.00"),
            "3c.3": Decimal("12780.50"), "4c.2": Decimal("5690.00")}  # fmt: skip
BODIES = [
    ("CRESS fictive de démonstration", BodyKind.CRESS, "Administratrice"),
    ("Conseil de développement fictif", BodyKind.LOCAL_COUNCIL, "Membre du collège ESS"),
]


def _drawn_logo(colour: str) -> bytes:
    """A fictitious logo: a coloured band and a disc, the same bytes on every run."""
    image = PILImage.new("RGB", (240, 80), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 60, 239, 79), fill=colour)
    draw.ellipse((10, 6, 58, 54), fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _funders() -> list[Funder]:
    funders = []
    for name, kind, siret, mention, colour in FUNDERS:
        funder, _ = Funder.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "siret": luhn_complete(siret),
                "notes": NOTE,
                "required_mention": mention,
            },
        )
        if not funder.logo:  # only once: a second run changes nothing
            funder.logo.save("demo.png", ContentFile(_drawn_logo(colour)), save=True)
        demo.mark(funder)
        funders.append(funder)
    return funders


def _schedule(grant: Grant, today: date) -> list[Instalment]:
    """Most of the grant paid early in the year, the rest expected after the report."""
    first = grant.starts_on + timedelta(days=45)
    paid = Instalment.objects.create(
        grant=grant,
        amount=grant.amount * Decimal("0.7"),
        expected_on=first,
        received_on=first + timedelta(days=5) if first + timedelta(days=5) <= today else None,
    )
    rest = Instalment.objects.create(
        grant=grant, amount=grant.amount * Decimal("0.3"), expected_on=grant.ends_on
    )
    return [paid, rest]


def _grant(funder: Funder, spec: tuple[Any, ...], today: date) -> list[models.Model]:
    _, purpose, amount, codes, indicators, budget = spec
    year = today.year
    grant = Grant.objects.create(
        funder=funder,
        purpose=purpose,
        amount=amount,
        agreement_on=date(year, 1, 15),
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        conditions="Mentionner le soutien du financeur sur les supports (démonstration).",
    )
    link_actions(grant, Action.objects.filter(code__in=codes))
    report = ReportDue.objects.create(
        grant=grant, title="Bilan intermédiaire", due_on=today + timedelta(days=20)
    )
    final = ReportDue.objects.create(
        grant=grant, title="Compte rendu financier (Cerfa 15059)", due_on=date(year + 1, 6, 30)
    )
    # Already reminded, as it would be 20 days before: loading the demo sends no mail.
    reminded = ReportReminder.objects.create(report=report)
    rows: list[models.Model] = [grant, report, reminded, final, *_schedule(grant, today)]
    rows += [
        AgreementIndicator.objects.create(grant=grant, name=name, indicator=slug, target=target)
        for name, slug, target in indicators
    ]
    rows += [
        BudgetLine.objects.create(grant=grant, side=side, label=label, planned=plan, actual=real)
        for side, label, plan, real in budget
    ]
    return rows


def _mandates(today: date) -> list[models.Model]:
    people = list(demo.only_demo(Person.objects.active()).order_by("pk")[: len(BODIES)])
    rows: list[models.Model] = []
    for (name, kind, role), person in zip(BODIES, people, strict=False):
        body, _ = Body.objects.get_or_create(name=name, defaults={"kind": kind})
        demo.mark(body)
        if Mandate.objects.filter(body=body).exists():
            continue
        mandate = Mandate.objects.create(
            body=body, person=person, role=role, starts_on=today - timedelta(days=400)
        )
        report = MandateReport.objects.create(
            mandate=mandate,
            held_on=today - timedelta(days=30),
            text="Compte rendu fictif : l’instance a présenté son programme de l’année ; "
            "le pôle y a porté les attentes des structures de l’ESS du territoire.",
        )
        rows += [mandate, report]
    return rows


def _expenses(today: date) -> list[models.Model]:
    """The expenses of this year and the last, by action: found by action and year first."""
    rows: list[models.Model] = []
    for action in Action.objects.filter(code__in=EXPENSES):
        for year, share in ((today.year, Decimal(1)), (today.year - 1, Decimal("0.9"))):
            expense, created = ActionExpense.objects.get_or_create(
                action=action,
                year=year,
                defaults={"amount": (EXPENSES[action.code] * share).quantize(Decimal("0.01"))},
            )
            if created:
                rows.append(expense)
    return rows


@transaction.atomic
def create_demo_funding() -> int:
    """Create what is missing; return how many rows were created."""
    today = demo.today()
    funders = _funders()
    rows: list[models.Model] = []
    for spec in GRANTS:
        funder = funders[spec[0]]
        if not Grant.objects.filter(funder=funder, purpose=spec[1]).exists():
            rows += _grant(funder, spec, today)
    rows += _mandates(today)
    rows += _expenses(today)
    demo.mark(*rows, renewed=True)
    return len(rows)
