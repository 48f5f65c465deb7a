"""Demonstration activities: fictitious, deterministic, marked as such wherever shown.

The hub's events, awareness sessions and the plan's training cycle for associations (action
2c.1.1), dated from the day the demo is loaded: on any day there are past sessions with their
attendance and satisfaction answers, and upcoming ones open for registration, one of them full
with a waiting list. Links go to plan actions and publics by code and slug, and to communes by
INSEE code; a missing one (plan or territory not loaded) is skipped, never invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus, Visibility
from maillage.activities.models import (
    Activity,
    AudienceCount,
    Place,
    Registration,
    SatisfactionAnswer,
    Series,
)
from maillage.core import demo
from maillage.directory.models import Establishment
from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, TargetPublic
from maillage.territory.models import Commune

REDON, BAINS, PIPRIAC = "35236", "35013", "35219"
NOTE = "\n\nDonnées fictives de démonstration."


def _at(days: int, hour: str) -> datetime:
    """`days` after (before, when negative) the day the demo is loaded, at `hour` in Paris."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time.fromisoformat(hour), tzinfo=timezone.get_default_timezone())


# The hub's places: name, address, commune, capacity, accessibility.
PLACES = [
    ("Salle fictive du pôle", "1 rue de l’Exemple", REDON, 30,
     "Salle de plain-pied, accessible en fauteuil roulant ; boucle magnétique."),
    ("Salle des fêtes fictive de Bains", "2 place de l’Essai", BAINS, 80,
     "Entrée de plain-pied ; toilettes adaptées."),
    ("Tiers-lieu fictif de Pipriac", "3 rue du Modèle", PIPRIAC, 20,
     "Salle à l’étage, sans ascenseur : prévenez-nous pour vous accueillir au rez-de-chaussée."),
]  # fmt: skip


def _places() -> dict[str, Place]:
    """The demo places by commune code (none for a commune not loaded)."""
    places = {}
    for name, address, code, capacity, accessibility in PLACES:
        commune = Commune.objects.filter(code=code).first()
        place, created = Place.objects.get_or_create(
            name=name,
            defaults={
                "address": address,
                "commune": commune,
                "capacity": capacity,
                "accessibility": accessibility,
            },
        )
        if created:
            demo.mark(place)
        places[code] = place
    return places


# slug, title, days from the loading day: two sessions held, two to come.
CYCLE = [
    ("gestion-administrative", "Gestion administrative d’une association", -49),
    ("employeur-benevole", "Être employeur bénévole", -21),
    ("gestion-des-benevoles", "Accueillir et accompagner les bénévoles", 14),
    ("financements", "Financer son projet associatif", 42),
]
CAPACITY = 12
VOLUNTEER_HOURS = Decimal("4")
FULL_SESSION = "gestion-des-benevoles"  # its 12 seats taken, three people waiting

# slug, kind, title, days from the loading day, hours, commune, visibility, capacity, actions,
# publics
ACTIVITIES = [
    ("forum-ess", ActivityKind.EVENT, "Forum de l’ESS du Pays de Redon", 24, ("10:00", "17:00"),
     REDON, Visibility.PUBLIC, None, ["1a.2"], ["habitants"]),
    ("lycee-decouverte-ess", ActivityKind.AWARENESS, "Découvrir l’ESS au lycée", 29,
     ("14:00", "16:00"), REDON, Visibility.PUBLIC, None, ["1a.1"],
     ["scolaires-etudiants-stagiaires"]),
    ("elus-ess", ActivityKind.AWARENESS, "L’ESS expliquée aux élus du territoire", -63,
     ("18:30", "20:30"), PIPRIAC, Visibility.PUBLIC, None, ["1b.2"], ["elus-des-collectivites"]),
    ("echange-employeurs-associatifs", ActivityKind.EXCHANGE,
     "Temps d’échange : employeurs associatifs", 33, ("18:00", "20:00"), BAINS,
     Visibility.PUBLIC, 15, ["2c.1.2"], ["associations"]),
    ("atelier-tiers-lieux", ActivityKind.WORKSHOP, "Atelier coopératif : naissance d’un tiers-lieu",
     27, ("09:30", "12:30"), REDON, Visibility.PUBLIC, 12, ["2d.1"],
     ["collectifs-porteurs-de-projets"]),
    ("groupe-travail-mobilites", ActivityKind.MEETING, "Groupe de travail mobilités (adhérents)",
     30, ("14:00", "16:00"), REDON, Visibility.MEMBERS, None, ["2a.1.1"], []),
    ("comite-pilotage-interne", ActivityKind.MEETING, "Comité de pilotage interne", 36,
     ("09:00", "11:00"), REDON, Visibility.PRIVATE, None, [], []),
]  # fmt: skip

FIRST_NAMES = ["Camille", "Dominique", "Alex", "Lou", "Sacha", "Morgan", "Noa", "Charlie"]
LAST_NAMES = ["Exemple", "Modèle", "Essai", "Fictif"]
ORGANISATIONS = ["Association fictive des Jardins", "Comité des fêtes (fictif)", ""]
COMMENTS = ["Très concret, merci.", "", "Un peu court sur les financements.", ""]


def _participant(number: int) -> tuple[str, str, str]:
    """Name, e-mail and organisation of the demo's `number`-th participant (all fictitious)."""
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[number // len(FIRST_NAMES) % len(LAST_NAMES)]
    email = f"participant.{number:02d}@demo.maillage.test"
    return f"{first} {last}", email, ORGANISATIONS[number % len(ORGANISATIONS)]


def _link(activity: Activity, action_codes: list[str], public_slugs: list[str]) -> None:
    link_actions(activity, Action.objects.filter(code__in=action_codes))
    link_publics(activity, TargetPublic.objects.filter(slug__in=public_slugs))


def _co_organise(activity: Activity, commune_code: str) -> None:
    """A public activity is co-organised by the first demo organisation of its commune, so that
    organisation's page and map card show it (none when the directory demo is not loaded)."""
    if activity.visibility != Visibility.PUBLIC:
        return
    host = (
        demo.only_demo(Establishment.objects.published())
        .filter(commune__code=commune_code)
        .order_by("pk")
        .values_list("legal_unit", flat=True)
        .first()
    )
    if host is not None:
        activity.organisers.add(host)


def _create(slug: str, **fields) -> tuple[Activity, bool]:
    activity, created = Activity.objects.get_or_create(
        slug=slug, defaults={"status": ActivityStatus.PUBLISHED, **fields}
    )
    if created:
        # Dated from the day of loading: created again, with its registrations, on a later day.
        demo.mark(activity, renewed=True)
    return activity, created


def _register(activity: Activity, number: int, **fields) -> Registration:
    name, email, organisation = _participant(number)
    registration, _ = Registration.objects.get_or_create(
        activity=activity,
        email=email,
        # Counted as reminded: the scheduler's next pass mails no fictitious registrant, whatever
        # the hour `make run` starts at.
        defaults={
            "name": name,
            "organisation": organisation,
            "reminded_at": timezone.now(),
            **fields,
        },
    )
    return registration


def _held(activity: Activity, first: int, count: int = 8) -> None:
    """A past session: who came (all but one), and the answers of five of them."""
    for offset in range(count):
        attended = offset != count - 1
        registration = _register(
            activity, first + offset, status=RegistrationStatus.CONFIRMED, attended=attended
        )
        if attended and offset < 5:
            SatisfactionAnswer.objects.get_or_create(
                registration=registration,
                defaults={
                    "rating": 5 - offset % 3,
                    "usefulness": 4 + offset % 2,
                    "would_recommend": offset != 2,
                    "comment": COMMENTS[offset % len(COMMENTS)],
                },
            )


def _full(activity: Activity, first: int) -> None:
    """An upcoming session whose seats are all taken, three people on the waiting list."""
    for offset in range(CAPACITY):
        _register(activity, first + offset, status=RegistrationStatus.CONFIRMED)
    for position in range(1, 4):
        _register(
            activity,
            first + CAPACITY + position,
            status=RegistrationStatus.WAITLISTED,
            waitlist_position=position,
        )


def _cycle(place: Place) -> None:
    series, created = Series.objects.get_or_create(
        slug="cycle-associations",
        defaults={"title": "Cycle de formation des associations"},
    )
    if created:
        demo.mark(series)
    commune = Commune.objects.filter(code=REDON).first()
    for number, (slug, title, days) in enumerate(CYCLE, start=1):
        activity, created = _create(
            f"formation-{slug}",
            kind=ActivityKind.TRAINING,
            title=f"Formation {number}/4 : {title}",
            description=f"Séance {number} du cycle de formation des associations.{NOTE}",
            programme="- apports\n- cas pratiques\n- ressources",
            series=series,
            starts_at=_at(days, "09:30"),
            ends_at=_at(days, "12:30"),
            place=place,
            address=place.full_address,
            commune=commune,
            capacity=CAPACITY,
            accessibility=place.accessibility,
        )
        if created:
            _link(activity, ["2c.1.1"], ["associations"])
        if days < 0:
            _held(activity, first=number * 20)
        elif slug == FULL_SESSION:
            _full(activity, first=number * 20)


# Two years of the hub's work before the loading day, so that the activity report of the
# current year and the whole of the previous one have figures whatever the day (on 31 December
# the previous year began 730 days before): a session every three weeks from YEAR_DAYS days back
# to the loading day (at 7:00). kind, title, actions, publics, commune.
YEAR_DAYS = 735
YEAR_EVERY = 21
YEAR_SESSIONS = [
    (ActivityKind.AWARENESS, "Découvrir l’ESS", ["1a.1"], ["scolaires-etudiants-stagiaires"],
     REDON),
    (ActivityKind.WORKSHOP, "Atelier coopératif", ["2d.1"], ["collectifs-porteurs-de-projets"],
     BAINS),
    (ActivityKind.EXCHANGE, "Temps d’échange entre employeurs", ["2c.1.2"], ["associations"],
     PIPRIAC),
    (ActivityKind.TRAINING, "Formation des bénévoles", ["2c.1.1"], ["associations"], REDON),
    (ActivityKind.EVENT, "Rencontre de l’ESS", ["1a.2"], ["habitants"], BAINS),
    (ActivityKind.AWARENESS, "L’ESS pour les élus", ["1b.2"], ["elus-des-collectivites"],
     PIPRIAC),
]  # fmt: skip
YEAR_FIRST_PARTICIPANT = 300


def _year_of_work(places: dict[str, Place]) -> None:
    now = timezone.now()
    for index, days in enumerate(range(-YEAR_DAYS, 1, YEAR_EVERY)):
        kind, title, actions, publics, code = YEAR_SESSIONS[index % len(YEAR_SESSIONS)]
        starts_at = _at(days, "07:00" if days == 0 else "14:00")
        activity, created = _create(
            f"annee-{index:02d}",
            kind=kind,
            title=f"{title} ({index + 1})",
            description=f"{title}, une activité fictive du pôle.{NOTE}",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            commune=Commune.objects.filter(code=code).first(),
            place=places[code],
            address=places[code].full_address,
            accessibility=places[code].accessibility,
            visibility=Visibility.PUBLIC,
            volunteer_hours=VOLUNTEER_HOURS if starts_at < now else Decimal("0"),
        )
        if created:
            _link(activity, actions, publics)
        first = YEAR_FIRST_PARTICIPANT + index % 10 * 6
        if activity.ends_at < now:
            _held(activity, first=first, count=6)
        else:
            for offset in range(6):
                _register(activity, first + offset, status=RegistrationStatus.CONFIRMED)


# The demo member's account address (accounts/demo.py): « Mes inscriptions » shows these.
DEMO_MEMBER = ("Dominique Exemple", "adherent@demo.maillage.test")
# slug, status, waiting-list rank: one to come, one on a waiting list, one held.
MEMBER_REGISTRATIONS = [
    ("atelier-tiers-lieux", RegistrationStatus.CONFIRMED, None),
    (f"formation-{FULL_SESSION}", RegistrationStatus.WAITLISTED, 4),
    ("formation-gestion-administrative", RegistrationStatus.CONFIRMED, None),
]


def _demo_member_registrations() -> None:
    """Made with the member account's address, so they are the account's own."""
    name, email = DEMO_MEMBER
    for slug, status, position in MEMBER_REGISTRATIONS:
        activity = Activity.objects.get(slug=slug)
        Registration.objects.get_or_create(
            activity=activity,
            email=email,
            defaults={
                "name": name,
                "status": status,
                "waitlist_position": position,
                "attended": activity.ends_at < timezone.now(),
            },
        )


@transaction.atomic
def create_demo_activities() -> int:
    """Create the demonstration activities; a second call creates nothing. Returns how many."""
    before = Activity.objects.count()
    places = _places()
    _cycle(places[REDON])
    _year_of_work(places)
    for slug, kind, title, days, hours, code, visibility, capacity, actions, publics in ACTIVITIES:
        activity, created = _create(
            slug,
            kind=kind,
            title=title,
            description=f"{title}, une activité fictive du pôle.{NOTE}",
            starts_at=_at(days, hours[0]),
            ends_at=_at(days, hours[1]),
            commune=Commune.objects.filter(code=code).first(),
            place=places[code],
            address=places[code].full_address,
            accessibility=places[code].accessibility,
            visibility=visibility,
            capacity=capacity,
            price=Decimal("5") if slug == "atelier-tiers-lieux" else Decimal("0"),
            # Held: two volunteers helped for two hours (noted by the staff after it).
            volunteer_hours=VOLUNTEER_HOURS if days < 0 else Decimal("0"),
        )
        if created:
            _link(activity, actions, publics)
            _co_organise(activity, code)
    _demo_member_registrations()
    elus = Activity.objects.get(slug="elus-ess")
    AudienceCount.objects.get_or_create(activity=elus, category="elus", defaults={"count": 12})
    return Activity.objects.count() - before
