"""Demonstration activities: fictitious, deterministic, marked as such wherever shown.

Around the Mois de l'ESS (November 2026) and the plan's training cycle for associations (action
2c.1.1). Links go to plan actions and publics by code and slug, and to communes by INSEE code;
a missing one (plan or territory not loaded) is skipped, never invented.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus, Visibility
from maillage.activities.models import Activity, AudienceCount, Registration, Series
from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, TargetPublic
from maillage.territory.models import Commune

REDON, BAINS, PIPRIAC = "35236", "35013", "35219"
NOTE = "\n\n*Données fictives de démonstration.*"


def _at(day: str, hour: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour}").replace(tzinfo=timezone.get_default_timezone())


CYCLE = [
    ("gestion-administrative", "Gestion administrative d’une association", "2026-10-06"),
    ("employeur-benevole", "Être employeur bénévole", "2026-10-20"),
    ("gestion-des-benevoles", "Accueillir et accompagner les bénévoles", "2026-11-03"),
    ("financements", "Financer son projet associatif", "2026-11-17"),
]

# slug, kind, title, start, end, commune, visibility, capacity, actions, publics
ACTIVITIES = [
    ("forum-ess-2026", ActivityKind.EVENT, "Forum de l’ESS du Pays de Redon",
     _at("2026-11-14", "10:00"), _at("2026-11-14", "17:00"), REDON, Visibility.PUBLIC, None,
     ["1a.2"], ["habitants"]),
    ("lycee-decouverte-ess-2026", ActivityKind.AWARENESS, "Découvrir l’ESS au lycée",
     _at("2026-11-19", "14:00"), _at("2026-11-19", "16:00"), REDON, Visibility.PUBLIC, None,
     ["1a.1"], ["scolaires-etudiants-stagiaires"]),
    ("elus-ess-2026", ActivityKind.AWARENESS, "L’ESS expliquée aux élus du territoire",
     _at("2026-03-12", "18:30"), _at("2026-03-12", "20:30"), PIPRIAC, Visibility.PUBLIC, None,
     ["1b.2"], ["elus-des-collectivites"]),
    ("echange-employeurs-associatifs", ActivityKind.EXCHANGE,
     "Temps d’échange : employeurs associatifs", _at("2026-11-26", "18:00"),
     _at("2026-11-26", "20:00"), BAINS, Visibility.PUBLIC, 15, ["2c.1.2"], ["associations"]),
    ("atelier-tiers-lieux", ActivityKind.WORKSHOP, "Atelier coopératif : naissance d’un tiers-lieu",
     _at("2026-11-21", "09:30"), _at("2026-11-21", "12:30"), REDON, Visibility.PUBLIC, 12,
     ["2d.1"], ["collectifs-porteurs-de-projets"]),
    ("groupe-travail-mobilites", ActivityKind.MEETING, "Groupe de travail mobilités (adhérents)",
     _at("2026-11-24", "14:00"), _at("2026-11-24", "16:00"), REDON, Visibility.MEMBERS, None,
     ["2a.1.1"], []),
    ("comite-pilotage-interne", ActivityKind.MEETING, "Comité de pilotage interne",
     _at("2026-11-30", "09:00"), _at("2026-11-30", "11:00"), REDON, Visibility.PRIVATE, None,
     [], []),
]  # fmt: skip

PEOPLE = [
    ("Camille Exemple", "camille.exemple@demo.maillage.test", "Association fictive des Jardins"),
    ("Dominique Modèle", "dominique.modele@demo.maillage.test", "Comité des fêtes (fictif)"),
    ("Alex Essai", "alex.essai@demo.maillage.test", ""),
]


def _link(activity: Activity, action_codes: list[str], public_slugs: list[str]) -> None:
    link_actions(activity, Action.objects.filter(code__in=action_codes))
    link_publics(activity, TargetPublic.objects.filter(slug__in=public_slugs))


def _create(slug: str, **fields) -> tuple[Activity, bool]:
    return Activity.objects.get_or_create(
        slug=slug,
        defaults={"status": ActivityStatus.PUBLISHED, "is_demo": True, **fields},
    )


def _cycle() -> None:
    series, _ = Series.objects.get_or_create(
        slug="cycle-associations-2026",
        defaults={"title": "Cycle de formation des associations 2026"},
    )
    commune = Commune.objects.filter(code=REDON).first()
    for number, (slug, title, day) in enumerate(CYCLE, start=1):
        activity, created = _create(
            f"formation-{slug}-2026",
            kind=ActivityKind.TRAINING,
            title=f"Formation {number}/4 : {title}",
            description=f"Séance {number} du cycle de formation des associations.{NOTE}",
            programme="- apports\n- cas pratiques\n- ressources",
            series=series,
            starts_at=_at(day, "09:30"),
            ends_at=_at(day, "12:30"),
            address="Salle fictive, 1 rue de l’Exemple",
            commune=commune,
            capacity=12,
            accessibility="Salle de plain-pied, accessible en fauteuil roulant.",
        )
        if created:
            _link(activity, ["2c.1.1"], ["associations"])


def _demo_registrations(activity: Activity) -> None:
    for name, email, organisation in PEOPLE:
        Registration.objects.get_or_create(
            activity=activity,
            email=email,
            defaults={"name": name, "organisation": organisation,
                      "status": RegistrationStatus.CONFIRMED},
        )  # fmt: skip


@transaction.atomic
def create_demo_activities() -> int:
    """Create the demonstration activities; a second call creates nothing. Returns how many."""
    before = Activity.objects.count()
    _cycle()
    for slug, kind, title, start, end, code, visibility, capacity, actions, publics in ACTIVITIES:
        activity, created = _create(
            slug,
            kind=kind,
            title=title,
            description=f"{title}, une activité du Mois de l’ESS.{NOTE}",
            starts_at=start,
            ends_at=end,
            commune=Commune.objects.filter(code=code).first(),
            address="Lieu fictif de démonstration",
            visibility=visibility,
            capacity=capacity,
            price=Decimal("5") if slug == "atelier-tiers-lieux" else Decimal("0"),
        )
        if created:
            _link(activity, actions, publics)
    elus = Activity.objects.get(slug="elus-ess-2026")
    AudienceCount.objects.get_or_create(activity=elus, category="elus", defaults={"count": 12})
    _demo_registrations(Activity.objects.get(slug="formation-gestion-administrative-2026"))
    return Activity.objects.count() - before
