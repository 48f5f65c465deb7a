"""Demonstration needs: a dozen, at every step of the lifecycle, dated from the day of loading,
with their history, supports, comments, offers of help and one merged duplicate; and the
platform's signals they come from (searches of the directory without result, orientations no
service fitted), so that the staff's signals page has something to propose.

Every text says it is fictitious. The rows are renewed: a demo loaded on a later day is created
again, dated from that day. A second load the same day creates nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core import demo
from maillage.directory.filters import DirectoryFilters
from maillage.directory.models import LegalUnit
from maillage.directory.search_log import record_search
from maillage.hub import current_hub
from maillage.needs import comments, help_offers, lifecycle, merging, supports
from maillage.needs.enums import PATH, ExpressedBy, NeedStatus, Visibility
from maillage.needs.hub_file import load_needs_file
from maillage.needs.models import Comment, Criterion, Need, Theme
from maillage.network.working_groups.models import WorkingGroup
from maillage.support.services.misses import record_miss
from maillage.support.services.models import Service
from maillage.support.services.orientation import Answers
from maillage.territory.queries import territory_communes

STAFF = "equipe@demo.maillage.test"
MEMBER = "adherent@demo.maillage.test"
PARTNER = "partenaire@demo.maillage.test"
INSTANCE = "Bureau du pôle (fictif)"
FICTIVE = "\n\nBesoin fictif, pour la démonstration."


@dataclass(frozen=True)
class DemoNeed:
    title: str
    description: str
    status: NeedStatus
    days_ago: int  # expressed that many days before the day of loading
    expressed_by: ExpressedBy = ExpressedBy.INHABITANT
    visibility: Visibility = Visibility.PUBLIC
    themes: tuple[str, ...] = ()
    communes: tuple[int, ...] = (0,)  # ranks among the territory's communes
    source: str = ""
    supporters: int = 0  # among the demo accounts
    response: str = ""
    skip: bool = False  # jumps from « submitted » straight to the response under construction
    aside: str = ""
    extra: dict[str, str] = field(default_factory=dict)


NEEDS = [
    DemoNeed(
        "Un transport à la demande le dimanche",
        "Sans voiture, impossible de rejoindre "
        "Redon le dimanche : ni car ni train depuis les bourgs.",
        NeedStatus.SUBMITTED,
        6,
        themes=("mobilite",),
        communes=(0, 1),
        supporters=3,
    ),
    DemoNeed(
        "Une laverie solidaire",
        "Aucune laverie à moins de 20 km pour les ménages sans machine à laver.",
        NeedStatus.SUBMITTED,
        3,
        themes=("lien-social",),
        communes=(2,),
    ),
    DemoNeed(
        "Des locaux partagés pour les petites associations",
        "Les associations sans salariés cherchent où se réunir et ranger leur matériel.",
        NeedStatus.SUBMITTED,
        9,
        ExpressedBy.ORGANISATION,
        Visibility.MEMBERS,
        ("lien-social",),
        (0,),
    ),
    DemoNeed(
        "Une épicerie solidaire dans le nord du territoire",
        "Les familles suivies par le CCAS font 30 km pour l’aide alimentaire.",
        NeedStatus.QUALIFIED,
        40,
        ExpressedBy.ELECTED,
        themes=("alimentation",),
        communes=(3,),
        supporters=2,
        source="Conseil municipal (fictif)",
    ),
    DemoNeed(
        "Un accompagnement au numérique pour les personnes âgées",
        "Les démarches en ligne isolent les plus âgés.",
        NeedStatus.QUALIFIED,
        35,
        ExpressedBy.WORKSHOP,
        themes=("lien-social",),
        communes=(1, 4),
        source="Atelier « bien vieillir » (fictif)",
    ),
    DemoNeed(
        "Des solutions de garde d’enfants en horaires décalés",
        "Les salariés de "
        "l’industrie et du soin travaillent tôt ou tard : aucune crèche n’ouvre alors.",
        NeedStatus.PRIORITISED,
        70,
        themes=("emploi-insertion",),
        communes=(0,),
        supporters=4,
    ),
    DemoNeed(
        "Un atelier de réparation ouvert à tous",
        "Réparer plutôt que jeter : vélos, petit électroménager.",
        NeedStatus.PRIORITISED,
        60,
        ExpressedBy.SIGNAL,
        themes=("transition-ecologique",),
        communes=(5,),
        source="Recherches dans l’annuaire sans résultat",
    ),
    DemoNeed(
        "Une ressourcerie sur le Pays de Redon",
        "Les déchèteries reçoivent des objets en bon état qui pourraient resservir.",
        NeedStatus.BUILDING,
        120,
        ExpressedBy.WORKING_GROUP,
        themes=("transition-ecologique", "emploi-insertion"),
        communes=(0, 2),
        supporters=3,
        response="Un chantier d’insertion collecte, "
        "répare et revend ; le groupe de travail cherche un local.",
    ),
    DemoNeed(
        "Du covoiturage solidaire vers les zones d’emploi",
        "Des demandeurs d’emploi refusent des postes faute de transport.",
        NeedStatus.BUILDING,
        90,
        visibility=Visibility.PRIVATE,
        themes=("mobilite", "emploi-insertion"),
        communes=(1,),
        skip=True,
        response="Une plateforme de covoiturage animée par une "
        "association, en lien avec les employeurs.",
    ),
    DemoNeed(
        "Un jardin partagé au pied des immeubles",
        "Les habitants du quartier veulent cultiver ensemble.",
        NeedStatus.TESTED,
        200,
        themes=("alimentation", "lien-social"),
        communes=(0,),
        supporters=2,
        response="Un jardin de 12 parcelles "
        "ouvert au printemps, animé par une association de quartier.",
    ),
    DemoNeed(
        "Un annuaire des producteurs locaux",
        "Acheter local, oui, mais à qui ?",
        NeedStatus.ANSWERED,
        300,
        themes=("alimentation",),
        communes=(0, 1, 2),
        supporters=1,
        response="La carte de l’annuaire montre les producteurs en vente directe.",
    ),
    DemoNeed(
        "Une piscine intercommunale",
        "Apprendre à nager sans faire 40 km.",
        NeedStatus.SET_ASIDE,
        150,
        ExpressedBy.ELECTED,
        themes=("culture-loisirs",),
        communes=(4,),
        aside="Un équipement public : il relève de l’intercommunalité, "
        "pas d’une réponse de l’économie sociale et solidaire.",
    ),
]
DUPLICATE = DemoNeed(
    "Pas de car le dimanche",
    "Même problème que tout le monde : rien le dimanche pour aller à Redon.",
    NeedStatus.SUBMITTED,
    4,
    themes=("mobilite",),
    communes=(1,),
    supporters=2,
)

# What the directory's visitors sought without finding it, and how often (signals).
SEARCHES = [
    ("laverie", 2, 4),
    ("garde enfants nuit", 0, 3),
    ("repair cafe", 5, 2),
    ("epicerie solidaire", 3, 2),
    ("cinema associatif", None, 1),
]
ORIENTATIONS = [
    ("numerique--maitriser-les-fondamentaux-du-numerique", 1, 3),
    ("remobilisation--benevolat-action-citoyenne", 2, 2),
]


def _at(days_ago: int) -> datetime:
    day = demo.today() - timedelta(days=days_ago)
    return datetime.combine(day, time(10), tzinfo=timezone.get_default_timezone())


def _accounts() -> tuple[User | None, list[User]]:
    staff = User.objects.filter(email=STAFF).first()
    people = list(User.objects.filter(email__endswith="@demo.maillage.test").order_by("email"))
    return staff, people


def _create(spec: DemoNeed, communes: list, staff: User | None) -> Need:
    need = Need.objects.create(
        title=f"{spec.title} (fictif)",
        description=spec.description + FICTIVE,
        expressed_by=spec.expressed_by,
        visibility=spec.visibility,
        source_detail=spec.source,
        organisation=_organisation() if spec.expressed_by == ExpressedBy.ORGANISATION else None,
        working_group=_group() if spec.expressed_by == ExpressedBy.WORKING_GROUP else None,
        confirmed_at=_at(spec.days_ago),
        created_at=_at(spec.days_ago),
        status_changed_on=_at(spec.days_ago).date(),
        response_summary=spec.response,
    )
    need.communes.set([communes[i] for i in spec.communes if i < len(communes)])
    need.themes.set(Theme.objects.filter(slug__in=spec.themes))
    lifecycle.record_submission(need, label=_origin(spec), on=_at(spec.days_ago).date())
    _walk(need, spec, staff)
    return need


def _origin(spec: DemoNeed) -> str:
    return spec.source or ExpressedBy(spec.expressed_by).label


def _walk(need: Need, spec: DemoNeed, staff: User | None) -> None:
    """Take the need to its step, a decision every few days after it was expressed."""
    if spec.status == NeedStatus.SET_ASIDE:
        _decide(need, NeedStatus.SET_ASIDE, spec.aside, spec.days_ago - 10, staff)
        return
    targets = list(PATH[1 : PATH.index(spec.status) + 1])
    if spec.skip:
        targets = [target for target in targets if target not in PATH[1:3]]
    step_days = max(spec.days_ago // (len(targets) + 1), 1)
    for rank, target in enumerate(targets, start=1):
        reason = _REASONS[target] + (
            " Qualification et priorité décidées ensemble, le besoin étant urgent."
            if spec.skip and rank == 1
            else ""
        )
        _decide(need, target, reason, spec.days_ago - rank * step_days, staff)


_REASONS = {
    NeedStatus.QUALIFIED: "Les critères du pôle sont remplis : besoin partagé, sur le "
    "territoire, auquel l’ESS peut répondre.",
    NeedStatus.PRIORITISED: "Retenu parmi les priorités de l’année par le bureau.",
    NeedStatus.BUILDING: "Des structures se sont proposées : la réponse se construit avec elles.",
    NeedStatus.TESTED: "Une première version de la réponse est essayée pendant trois mois.",
    NeedStatus.ANSWERED: "Le test est concluant : la réponse continue, le besoin est couvert.",
}


def _decide(need: Need, target: NeedStatus, reason: str, days_ago: int, staff) -> None:
    criteria = {slug: True for slug in Criterion.objects.values_list("slug", flat=True)}
    decision = lifecycle.Decision(
        reason=reason,
        by=staff,
        label=INSTANCE,
        on=demo.today() - timedelta(days=max(days_ago, 0)),
        criteria=criteria,
    )
    lifecycle.move(need, target, decision)


def _organisation() -> LegalUnit | None:
    return demo.only_demo(LegalUnit.objects.filter(is_hub_member=True)).order_by("siren").first()


def _group() -> WorkingGroup | None:
    return demo.only_demo(WorkingGroup.objects.all()).order_by("name").first()


def _participation(need: Need, spec: DemoNeed, people: list[User]) -> None:
    for person in people[: spec.supporters]:
        supports.support(need, person)
    if spec.status == NeedStatus.BUILDING and need.is_public:
        need.response_groups.set(demo.only_demo(WorkingGroup.objects.all()).order_by("name")[:1])
        need.response_services.set(demo.only_demo(Service.objects.on_offer()).order_by("name")[:1])
        unit = _organisation()
        partner = User.objects.filter(email=PARTNER).first()
        if unit is not None:
            help_offers.offer_help(need, unit, partner, "Un local de stockage (fictif).")


def _comments(needs: list[Need], people: list[User]) -> list[Comment]:
    if not people or not needs:
        return []
    written = []
    for need, body, publish in (
        (
            needs[0],
            "Même constat à Bains-sur-Oust : le dimanche, rien. (Commentaire fictif.)",
            True,
        ),
        (needs[5], "Une crèche associative pourrait ouvrir plus tôt ? (Commentaire fictif.)", True),
        (needs[0], "Et le samedi soir aussi. (Commentaire fictif, à modérer.)", None),
    ):
        comment, _ = comments.write(need, people[-1], body, _token(need, body))
        if publish is not None:
            comments.moderate(comment, publish)
        written.append(comment)
    return written


def _token(need: Need, body: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"maillage-demo-need-{need.pk}-{body}")


def _signals(communes: list) -> list:
    rows = []
    for query, rank, times in SEARCHES:
        codes = (communes[rank].code,) if rank is not None and rank < len(communes) else ()
        for _ in range(times):
            rows.append(record_search(DirectoryFilters(q=query, communes=codes), 0))
    for theme, rank, times in ORIENTATIONS:
        commune = communes[rank] if rank < len(communes) else None
        for _ in range(times):
            rows.append(record_miss(Answers(need=theme, commune=commune)))
    return [row for row in rows if row is not None]


@transaction.atomic
def create_demo_needs() -> int:
    """Create the demonstration needs unless today's are there; return how many were created."""
    if demo.only_demo(Need.objects.all()).exists():
        return 0
    load_needs_file(current_hub().directory)
    communes = list(territory_communes()[:8])
    staff, people = _accounts()
    needs = [_create(spec, communes, staff) for spec in NEEDS]
    for need, spec in zip(needs, NEEDS, strict=True):
        _participation(need, spec, people)
    duplicate = _create(DUPLICATE, communes, staff)
    _participation(duplicate, DUPLICATE, people)
    merging.merge(duplicate, needs[0], staff, "Le même besoin, exprimé deux fois (fictif).")
    written = _comments(needs, people)
    demo.mark(*needs, duplicate, *written, *_signals(communes), renewed=True)
    return len(needs) + 1
