"""Demonstration working groups: the cooperative workshops and commissions of the hub's fiche.

The groups follow the hub's documents (ateliers coopératifs: éco-construction, restauration bio
hors domicile, services à la personne, accueil et hébergement de groupe; commissions named by
action 3c.2 of the plan); their members, meetings, minutes and documents are fictitious and say
so. Plan links go to actions and publics by code and slug; a missing one (plan not loaded) is
skipped. Meetings are dated from the day the demo is loaded: two held before it, and, for each
active group, one in the weeks after it, created only when the group has none upcoming, so a
second call creates nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core import demo
from maillage.network.people.models import Person
from maillage.network.working_groups import meetings
from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.network.working_groups.models import Document, GroupMember, Meeting, WorkingGroup
from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, TargetPublic

NOTE = "\n\nGroupe de démonstration : membres, réunions et documents fictifs."
PERSON_NOTE = "Personne fictive de démonstration (groupes de travail)."
DEMO_MEMBER = "adherent@demo.maillage.test"
PAST_DAYS = (-84, -56)  # days before the loading day: two meetings held, minutes written

# First name, last name: e-mails are built from them under @demo.maillage.test.
PEOPLE = [
    ("Maëlle", "Fictive"), ("Yann", "Exemple"), ("Soizic", "Essai"), ("Gaël", "Modèle"),
    ("Nolwenn", "Démo"), ("Erwan", "Fictif"), ("Rozenn", "Exemple"), ("Tanguy", "Essai"),
    ("Armelle", "Modèle"), ("Loïc", "Démo"), ("Katell", "Fictive"), ("Goulven", "Exemple"),
]  # fmt: skip

# slug, name, status, purpose, action codes, public slugs, member indexes (facilitator first)
GROUPS = [
    ("atelier-eco-construction", "Atelier coopératif éco-construction", WorkingGroupStatus.ACTIVE,
     "Artisans, associations et porteurs de projets mutualisent chantiers participatifs, "
     "matériaux biosourcés et savoir-faire.", ["2c.3", "2c.4", "3c.3"],
     ["entreprises-de-l-ess", "collectifs-porteurs-de-projets"], [0, 1, 2, 3]),
    ("atelier-restauration-bio", "Atelier coopératif restauration bio hors domicile",
     WorkingGroupStatus.ACTIVE,
     "Approvisionner cantines et restaurants collectifs en produits bio et locaux : "
     "logistique partagée, achats groupés, formation des équipes de cuisine.",
     ["2c.4", "3c.3"], ["entreprises-de-l-ess", "acteurs-du-territoire"], [4, 5, 6]),
    ("atelier-services-a-la-personne", "Atelier coopératif services à la personne",
     WorkingGroupStatus.ACTIVE,
     "Structures d’aide à domicile et de services aux familles : emploi partagé, remplacements, "
     "formation des intervenants.", ["2c.1.2", "3c.3"], ["associations"], [7, 8, 9]),
    ("atelier-hebergement-de-groupe", "Atelier coopératif accueil et hébergement de groupe",
     WorkingGroupStatus.PAUSED,
     "Centres d’accueil et gîtes de groupe : calendrier commun, promotion partagée, "
     "accueil des classes de découverte.", ["2c.4"], ["entreprises-de-l-ess"], [10, 11]),
    ("commission-formation", "Commission programme de formation", WorkingGroupStatus.ACTIVE,
     "Choisir les thèmes du cycle de formation des associations et des temps d’échange de "
     "pratiques.", ["2c.1.1", "2c.1.2", "3c.2"], ["associations"], [2, 6, 9, 11]),
    ("commission-communication", "Commission communication", WorkingGroupStatus.ACTIVE,
     "Faire connaître l’ESS du Pays de Redon : lettre d’information, Mois de l’ESS, outils "
     "adaptés à chaque public.", ["4c.2", "4e.2", "3c.2"], ["habitants"], [1, 5, 8]),
    ("groupe-gouvernance-partagee", "Groupe gouvernance partagée", WorkingGroupStatus.ACTIVE,
     "Faire évoluer le mode de gouvernance du pôle avec ses adhérents.", ["3c.1", "3a.1"],
     ["associations", "entreprises-de-l-ess"], [3, 4, 10]),
    ("groupe-capitalisation", "Groupe capitalisation des expériences",
     WorkingGroupStatus.PROPOSED,
     "Élaborer une méthode commune pour écrire et transmettre les retours d’expérience.",
     ["4b.1", "4b.2"], ["acteurs-du-territoire"], [0, 7]),
]  # fmt: skip

AGENDA = "1. Tour de table des structures\n2. Suivi des projets communs\n3. Prochaines étapes"
MINUTES = (
    "Présents\n\nLes membres du groupe (personnes fictives).\n\n"
    "Relevé de décisions\n\n– Poursuivre le projet commun engagé au printemps.\n"
    "– Présenter l’avancée du groupe à la prochaine assemblée des adhérents.\n\n"
    "Compte rendu fictif de démonstration."
)
CHARTER = (
    "# Charte de fonctionnement du groupe (document fictif)\n\n"
    "Le groupe se réunit chaque mois ; ses comptes rendus sont publiés aux adhérents.\n"
)


def _paris(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def _people() -> list[Person]:
    people = []
    for first, last in PEOPLE:
        email = f"{first}.{last}@demo.maillage.test".lower()
        email = email.translate(str.maketrans("ëïéè", "eiee"))
        person, created = Person.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "notes": PERSON_NOTE}
        )
        if created:
            demo.mark(person)
        people.append(person)
    return people


def _demo_member() -> Person:
    """The demo member account's entry, linked to the account when both exist."""
    person, created = Person.objects.get_or_create(
        email=DEMO_MEMBER,
        defaults={"first_name": "Dominique", "last_name": "Exemple", "notes": PERSON_NOTE},
    )
    if created:
        demo.mark(person)
    user = User.objects.filter(email=DEMO_MEMBER).first()
    if person.user_id is None and user is not None and not Person.objects.filter(user=user):
        person.user = user
        person.save(update_fields=["user"])
    return person


def _group(slug, name, status, purpose, codes, publics, members, people) -> WorkingGroup:
    group, created = WorkingGroup.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "status": status, "purpose": purpose + NOTE,
                  "facilitator": people[members[0]]},
    )  # fmt: skip
    if created:
        demo.mark(group)
        link_actions(group, Action.objects.filter(code__in=codes))
        link_publics(group, TargetPublic.objects.filter(slug__in=publics))
        for index in members:
            GroupMember.objects.get_or_create(group=group, person=people[index])
    return group


def _meet(group: WorkingGroup, days: int) -> Meeting:
    """A meeting `days` after the day of loading; created again on a later day of loading."""
    day = demo.today() + timedelta(days=days)
    meeting = meetings.schedule_meeting(
        group, starts_at=_paris(day, 14), ends_at=_paris(day, 16),
        address="Salle fictive du pôle, Redon", agenda=AGENDA,
    )  # fmt: skip
    demo.mark(meeting.activity, renewed=True)
    return meeting


def _meetings(group: WorkingGroup) -> int:
    created = 0
    if group.status == WorkingGroupStatus.PROPOSED:
        return created  # a proposed group has not met yet
    # Once a group has met, a later load the same day writes no other past.
    if not group.meetings.past().exists():
        for days in PAST_DAYS:
            meeting = _meet(group, days)
            meetings.write_minutes(meeting, agenda=AGENDA, minutes=MINUTES, publish=True)
            created += 1
    if group.status == WorkingGroupStatus.ACTIVE and not group.meetings.upcoming().exists():
        _meet(group, 14)
        created += 1
    return created


def _charter(group: WorkingGroup, author: Person | None) -> None:
    title = "Charte de fonctionnement (fictive)"
    if not Document.objects.filter(group=group, title=title).exists():
        content = CHARTER.encode()
        document = Document(
            group=group, title=title, original_name="charte.md", size=len(content),
            uploaded_by=author,
        )  # fmt: skip
        document.file.save("charte.md", ContentFile(content), save=True)
        demo.mark(document)


@transaction.atomic
def create_demo_working_groups() -> int:
    """Create the demonstration groups and their life; return how many groups and meetings."""
    before = WorkingGroup.objects.count() + Meeting.objects.count()
    people = _people()
    member = _demo_member()
    for slug, name, status, purpose, codes, publics, members in GROUPS:
        group = _group(slug, name, status, purpose, codes, publics, members, people)
        _meetings(group)
        if status == WorkingGroupStatus.ACTIVE:
            _charter(group, group.facilitator)
        if slug in ("atelier-eco-construction", "commission-formation"):
            GroupMember.objects.get_or_create(group=group, person=member)
    return WorkingGroup.objects.count() + Meeting.objects.count() - before
