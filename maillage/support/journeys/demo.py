"""Demonstration support cases: fictitious, deterministic, marked as such wherever shown.

Twenty-five cases opened over the two years before the day the demo is loaded, across every
kind of project, each walked through the journey with dated stage changes (the open ones spread
over every stage), appointments and, when partners publish services, referrals to them; most of
the oldest are closed with their outcome. Holders are address
book entries whose names say « fictif » and whose e-mails end in @demo.maillage.test.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core import demo
from maillage.directory.models import LegalUnit
from maillage.network.people.models import Person
from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, TargetPublic
from maillage.support.journeys.enums import LegalForm, ProjectKind, ReferralStatus
from maillage.support.journeys.journey import close_case, move_to_stage, open_case
from maillage.support.journeys.models import Outcome, Referral, Stage, SupportCase
from maillage.support.journeys.stage_file import load_stages
from maillage.support.services.models import Service
from maillage.territory.models import Commune

SPAN_DAYS = 676  # from the first case opened to the day the demo is loaded
COUNT = 25
STAFF_EMAIL = "equipe@demo.maillage.test"
COMMUNES = ["35236", "35013", "35219", "44184", "56060", "35068"]

# kind: (project titles, plan actions, target publics)
PROJECTS = {
    ProjectKind.INDIVIDUAL: (
        ["Atelier de réparation de vélos", "Traiteur de cuisine locale", "Couture et retouches",
         "Maraîchage biologique", "Librairie itinérante"],
        ["2c.3"], ["porteurs-de-projets-individuels"],
    ),
    ProjectKind.COLLECTIVE: (
        ["Épicerie coopérative", "Recyclerie du canton", "Garage solidaire",
         "Coopérative de menuisiers", "Café associatif"],
        ["2c.3"], ["collectifs-porteurs-de-projets"],
    ),
    ProjectKind.MULTI_ACTOR: (
        ["Pôle alimentaire territorial", "Mobilité partagée en milieu rural",
         "Filière bois local", "Plateforme de répit des aidants", "Conciergerie rurale"],
        ["2d.2"], ["collectifs-porteurs-de-projets", "acteurs-du-territoire"],
    ),
    ProjectKind.THIRD_PLACE: (
        ["Tiers-lieu de la gare", "Fab-lab de la vallée", "Ferme-tiers-lieu",
         "Tiers-lieu culturel du bourg", "Espace de travail partagé"],
        ["2d.1"], ["collectifs-porteurs-de-projets"],
    ),
    ProjectKind.ASSOCIATION_EMPLOYMENT: (
        ["Premier emploi d’une association sportive", "Poste mutualisé de trois associations",
         "Coordination d’un festival", "Emploi d’animation jeunesse",
         "Groupement d’employeurs associatifs"],
        ["2c.1"], ["associations"],
    ),
}  # fmt: skip
FIRST_NAMES = ["Alex", "Camille", "Dominique", "Lou", "Sacha", "Noa", "Charlie", "Maël", "Eden"]
DECLINE_REASONS = ["Projet hors de notre zone d’intervention", "Liste d’attente trop longue"]
FUNDING_SOURCES = ["Région Bretagne", "France Active", "Prêt d’honneur", "Fondation fictive"]


def _holder(index: int) -> Person:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    person, created = Person.objects.get_or_create(
        email=f"porteur.fictif.{index:02d}@demo.maillage.test",
        defaults={"first_name": first, "last_name": f"Porteur fictif {index:02d}"},
    )
    if created:
        demo.mark(person)
    return person


def _case_plan(index: int, today: date) -> tuple[ProjectKind, str, date]:
    kinds = list(PROJECTS)
    kind = kinds[index % len(kinds)]
    title = PROJECTS[kind][0][index // len(kinds) % len(PROJECTS[kind][0])]
    first_day = today - timedelta(days=SPAN_DAYS)
    opened = first_day + timedelta(days=(SPAN_DAYS - 60) * index // COUNT)
    return kind, f"{title} (fictif)", opened


def _walk(case: SupportCase, rng: random.Random, staff, index: int, today: date) -> date:
    """Move the case `index` modulo (stages + 1) steps along the journey from its opening, all
    before `today`, so that the open cases stand at every stage; return the day of its last
    change."""
    day = case.opened_on
    stages = list(Stage.objects.active().filter(is_final=False).exclude(pk=case.stage_id))
    moves = index % (len(stages) + 1)
    step = max(1, (today - day).days // (moves + 1))
    for stage in stages[:moves]:
        day += timedelta(days=rng.randint(max(1, step // 2), step))
        move_to_stage(case, stage, day, by=staff, today=today)
    return day


def _appointments(case: SupportCase, rng: random.Random, staff) -> None:
    for number in range(rng.randint(1, 3)):
        case.appointments.create(
            held_on=case.opened_on + timedelta(days=7 + 21 * number),
            with_whom=f"{case.holders.first()} et {staff or 'l’équipe du pôle'}",
            notes="Compte rendu fictif : point sur le projet, ses besoins et les suites.",
        )


ANSWERS = [ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED,
           ReferralStatus.DONE]  # fmt: skip


def _refer(case: SupportCase, rng: random.Random, services: list[Service], index: int) -> None:
    service = services[index % len(services)]
    # A partner's answers; closing the case later cancels those still open, as in real life.
    status = rng.choice(ANSWERS)
    sent = case.opened_on + timedelta(days=10)
    Referral.objects.create(
        case=case,
        service=service,
        status=status,
        sent_on=sent,
        message="Orientation fictive de démonstration.",
        decided_on=None if status == ReferralStatus.SENT else sent + timedelta(days=5),
        decline_reason=rng.choice(DECLINE_REASONS) if status == ReferralStatus.DECLINED else "",
        done_on=sent + timedelta(days=40) if status == ReferralStatus.DONE else None,
    )


def _close(case: SupportCase, rng: random.Random, day: date, structures: list) -> None:
    created = rng.random() < 0.7
    amount = Decimal(rng.randrange(2000, 40000, 500)) if created else None
    outcome = Outcome(
        activity_created=created,
        legal_form=rng.choice(list(LegalForm)) if created else "",
        jobs_created=rng.randint(0, 4) if created else 0,
        structure=structures.pop(0) if created and structures else None,
        funding_amount=amount,
        funding_source=rng.choice(FUNDING_SOURCES) if amount else "",
    )
    on = day + timedelta(days=rng.randint(20, 60))
    close_case(case, outcome, on, today=date.max, tell_partners=False)


def _create(index: int, rng: random.Random, context: dict) -> None:
    today = context["today"]
    kind, title, opened = _case_plan(index, today)
    case = SupportCase(
        title=title,
        description="Projet fictif de démonstration.",
        kind=kind,
        commune=context["communes"][index % len(context["communes"])]
        if context["communes"]
        else None,
        staff_in_charge=context["staff"],
        contact_sharing_agreed=index % 3 != 0,
        opened_on=opened,
    )
    open_case(case, [_holder(index)], [], by=context["staff"], today=today)
    # Dated back from the day of loading: created again, with its journey, on a later day.
    demo.mark(case, renewed=True)
    _, actions, publics = PROJECTS[kind]
    link_actions(case, Action.objects.filter(code__in=actions))
    link_publics(case, TargetPublic.objects.filter(slug__in=publics))
    _appointments(case, rng, context["staff"])
    last = _walk(case, rng, context["staff"], index, today)
    if context["services"] and index % 2 == 0:
        _refer(case, rng, context["services"], index)
    # Most cases opened more than a year before the end of the demo are closed by now.
    old = (today - opened).days > 365 and last < today - timedelta(days=70)
    if old and rng.random() < 0.8:
        _close(case, rng, last, context["structures"])


@transaction.atomic
def create_demo_journeys() -> int:
    """Create the demonstration cases; a second call creates nothing. Returns how many."""
    if not Stage.objects.exists():
        load_stages(settings.HUB_DIR)
    rng = random.Random(2026)
    today = timezone.localdate()
    context = {
        "today": today,
        "staff": User.objects.filter(email=STAFF_EMAIL).first(),
        "communes": list(Commune.objects.filter(code__in=COMMUNES).order_by("code")),
        "services": list(Service.objects.on_offer().order_by("pk")),
        "structures": list(
            demo.only_demo(LegalUnit.objects.filter(establishments__isnull=False))
            .filter(created_on__gte=today - timedelta(days=SPAN_DAYS))
            .distinct()
            .order_by("siren")[:10]
        ),
    }
    created = 0
    for index in range(COUNT):
        # The generator advances for every case, created or not: a re-run draws the same.
        case_rng = random.Random(rng.random())
        title = _case_plan(index, today)[1]
        if demo.only_demo(SupportCase.objects.filter(title=title)).exists():
            continue
        _create(index, case_rng, context)
        created += 1
    return created
