"""Which published services fit a project holder's answers, ranked, each with its reasons.

The answers come from a GET form (a shareable address, `forms.OrientationForm`). A service is
left out only when it says it is not for this project (another need, stage, sector, kind or
legal form) or does not serve the commune; among the rest, a service made for the answer ranks above
one open to all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from maillage.support.services import vocabularies as vocab
from maillage.support.services.enums import LegalForm, ProjectCarrier, ProjectStage, Sector
from maillage.support.services.models import Service

# Points for a service made for the answer; one open to every value gets GENERAL.
NEED, SECTOR, STAGE, CARRIER, LEGAL_FORM, GENERAL, FREE = 4, 3, 3, 2, 2, 1, 1


CARRIER_REASONS = {
    ProjectCarrier.INDIVIDUAL: "Accompagne les projets individuels",
    ProjectCarrier.COLLECTIVE: "Accompagne les projets collectifs",
}


@dataclass(frozen=True)
class Answers:
    need: str = ""
    sector: str = ""
    stage: str = ""
    carrier: str = ""
    legal_form: str = ""
    commune: object | None = None  # territory.Commune


@dataclass
class Suggestion:
    service: Service
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: int, reason: str) -> None:
        self.score += points
        self.reasons.append(reason)


def fits(service: Service, answers: Answers) -> bool:
    """False when the service says it is for other projects, or does not serve the commune."""
    for chosen, accepted in (
        (answers.need, service.themes),
        (answers.sector, service.sectors),
        (answers.stage, service.stages),
        (answers.carrier, service.carriers),
        (answers.legal_form, service.legal_forms),
    ):
        if chosen and accepted and chosen not in accepted:
            return False
    return answers.commune is None or service.serves(answers.commune)


def _criterion(
    suggestion: Suggestion, chosen: str, accepted: list, points: int, made: str, open_: str
) -> None:
    if not chosen:
        return
    if chosen in accepted:
        suggestion.add(points, made)
    else:
        suggestion.add(GENERAL, open_)


def _where(service: Service, commune) -> str:
    if commune.pk in {c.pk for c in service.communes.all()}:
        return f"Intervient à {commune.name}"
    epci = next((e for e in service.epcis.all() if e.pk == commune.epci_id), None)
    if epci is not None:
        return f"Intervient sur tout le territoire de {epci.name}, dont {commune.name}"
    return f"Intervient dans tout le département, dont {commune.name}"


def assess(service: Service, answers: Answers) -> Suggestion:
    """The score and reasons of a service that fits."""
    suggestion = Suggestion(service)
    _criterion(
        suggestion,
        answers.need,
        service.themes,
        NEED,
        f"Répond à votre besoin : « {vocab.label(vocab.THEMATIQUES, answers.need)} »",
        "Accompagnement généraliste, quel que soit le besoin",
    )
    _criterion(
        suggestion,
        answers.sector,
        service.sectors,
        SECTOR,
        f"Spécialisé dans votre secteur : {_label(Sector, answers.sector)}",
        "Ouvert à tous les secteurs d’activité",
    )
    _criterion(
        suggestion,
        answers.stage,
        service.stages,
        STAGE,
        f"Prévu pour l’étape de votre projet : {_label(ProjectStage, answers.stage)}",
        "Ouvert à toutes les étapes du projet",
    )
    _criterion(
        suggestion,
        answers.carrier,
        service.carriers,
        CARRIER,
        CARRIER_REASONS.get(answers.carrier, ""),
        "Accompagne les projets individuels comme collectifs",
    )
    _criterion(
        suggestion,
        answers.legal_form,
        service.legal_forms,
        LEGAL_FORM,
        f"Adapté à la forme juridique choisie : {_label(LegalForm, answers.legal_form)}",
        "Ouvert à toutes les formes juridiques",
    )
    if answers.commune is not None:
        suggestion.add(0, _where(service, answers.commune))
    if service.fee == "gratuit":
        suggestion.add(FREE, "Gratuit")
    return suggestion


def _label(enum, value: str) -> str:
    return enum(value).label if value else ""


def suggest(answers: Answers, services: Iterable[Service]) -> list[Suggestion]:
    """The services that fit, best first (score, then name); `services` has its area
    prefetched (`Service.objects.on_offer().with_area()`)."""
    suggestions = [assess(service, answers) for service in services if fits(service, answers)]
    return sorted(suggestions, key=lambda s: (-s.score, s.service.name.casefold(), s.service.pk))


def suggestions_for(answers: Answers) -> list[Suggestion]:
    return suggest(answers, Service.objects.on_offer().with_area())
