import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.support.services.enums import LegalForm, ProjectCarrier, ProjectStage, Sector
from maillage.support.services.models import Service
from maillage.support.services.orientation import Answers, fits, suggestions_for
from maillage.territory.models import Commune
from tests.directory.factories import EstablishmentFactory
from tests.services.factories import ServiceFactory

CREATE = "creer-une-entreprise--definir-son-projet-de-creation-dentreprise"


def names(suggestions):
    return [s.service.name for s in suggestions]


def test_a_service_made_for_the_stage_ranks_above_one_open_to_all(redon):
    ServiceFactory(on_offer=True, area=[redon], name="Ouvert à tous")
    ServiceFactory(on_offer=True, area=[redon], name="Pour l’idée", stages=[ProjectStage.IDEA])
    ServiceFactory(
        on_offer=True, area=[redon], name="Pour le développement", stages=["developpement"]
    )
    suggestions = suggestions_for(Answers(stage=ProjectStage.IDEA, commune=redon))
    assert names(suggestions) == ["Pour l’idée", "Ouvert à tous"]
    assert "Prévu pour l’étape de votre projet : Idée, émergence" in suggestions[0].reasons
    assert "Ouvert à toutes les étapes du projet" in suggestions[1].reasons


def test_the_reasons_say_how_the_commune_is_served(redon):
    ServiceFactory(on_offer=True, area=[redon], name="A")
    ServiceFactory(on_offer=True, area=[redon.epci], name="B")
    ServiceFactory(on_offer=True, area=[redon.departement], name="C")
    reasons = {s.service.name: s.reasons for s in suggestions_for(Answers(commune=redon))}
    assert "Intervient à Redon" in reasons["A"]
    assert "Intervient sur tout le territoire de Redon Agglomération, dont Redon" in reasons["B"]
    assert "Intervient dans tout le département, dont Redon" in reasons["C"]


def test_a_service_of_another_area_is_not_suggested(redon, allaire):
    ServiceFactory(on_offer=True, area=[allaire.epci], name="Ailleurs")
    assert suggestions_for(Answers(commune=redon)) == []


def test_the_need_outweighs_an_open_sector(redon):
    ServiceFactory(on_offer=True, area=[redon], name="Commerce", sectors=[Sector.TRADE])
    ServiceFactory(on_offer=True, area=[redon], name="Besoin", themes=[CREATE])
    answers = Answers(need=CREATE, sector=Sector.TRADE, commune=redon)
    suggestions = suggestions_for(answers)
    assert names(suggestions) == ["Besoin", "Commerce"]
    assert "Répond à votre besoin : « Définir son projet de création d’entreprise »" in (
        suggestions[0].reasons
    )


def test_collective_projects_see_services_for_collectives_and_for_all(redon):
    ServiceFactory(on_offer=True, area=[redon], name="Solo", carriers=[ProjectCarrier.INDIVIDUAL])
    ServiceFactory(on_offer=True, area=[redon], name="Collectifs", carriers=["collectif"])
    ServiceFactory(on_offer=True, area=[redon], name="Tous")
    suggestions = suggestions_for(Answers(carrier=ProjectCarrier.COLLECTIVE))
    assert names(suggestions) == ["Collectifs", "Tous"]
    assert "Accompagne les projets collectifs" in suggestions[0].reasons


def test_unpublished_services_and_hidden_providers_are_never_suggested(redon):
    ServiceFactory(on_offer=True, area=[redon], draft=True)
    ServiceFactory(on_offer=True, area=[redon], submitted=True)
    ServiceFactory(area=[redon])  # provider without a public establishment
    assert suggestions_for(Answers()) == []


# --- Properties over a varied pool of services -------------------------------------------

STAGES = list(ProjectStage.values)
SECTORS = list(Sector.values)
FORMS = list(LegalForm.values)
CARRIERS = list(ProjectCarrier.values)


@pytest.fixture
def pool(territory):
    """36 services mixing stages, sectors, kinds, forms, areas and publication states."""
    communes = list(Commune.objects.order_by("code"))
    places = [[c] for c in communes] + [[communes[0].epci], [communes[0].departement]]
    statuses = ["published", "published", "published", "draft", "submitted", "closed"]
    for index, (status, place) in enumerate(
        zip(itertools.islice(itertools.cycle(statuses), 36), itertools.cycle(places))
    ):
        service = ServiceFactory(
            on_offer=index % 7 != 0,
            status=status,
            area=place,
            name=f"Service {index:02d}",
            stages=STAGES[index % 3 : index % 3 + index % 2 + 1] if index % 4 else [],
            sectors=[SECTORS[index % len(SECTORS)]] if index % 3 == 0 else [],
            carriers=[CARRIERS[index % 2]] if index % 5 == 0 else [],
            legal_forms=FORMS[: index % 3] if index % 2 else [],
            themes=[CREATE] if index % 4 == 1 else [],
            fee="gratuit" if index % 2 else "payant",
        )
        if index % 11 == 0:
            EstablishmentFactory(legal_unit=service.provider, hidden=True)
    return list(Service.objects.with_area())


answers_strategy = st.fixed_dictionaries(
    {
        "need": st.sampled_from(["", CREATE]),
        "sector": st.sampled_from(["", *SECTORS]),
        "stage": st.sampled_from(["", *STAGES]),
        "carrier": st.sampled_from(["", *CARRIERS]),
        "legal_form": st.sampled_from(["", *FORMS]),
        "commune": st.sampled_from(["", "35236", "35013", "56001"]),
    }
)


def _answers(values) -> Answers:
    code = values.pop("commune")
    return Answers(**values, commune=Commune.objects.get(code=code) if code else None)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=answers_strategy)
def test_every_suggestion_is_on_offer_fits_and_serves_the_commune(pool, values):
    answered = any(values.values())
    answers = _answers(values)
    suggestions = suggestions_for(answers)
    on_offer = set(Service.objects.on_offer().values_list("pk", flat=True))
    for suggestion in suggestions:
        service = suggestion.service
        assert service.pk in on_offer
        assert service.status == "published"
        assert answers.commune is None or service.serves(answers.commune)
        assert answers.stage == "" or not service.stages or answers.stage in service.stages
        assert suggestion.reasons or not answered


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=answers_strategy)
def test_no_service_on_offer_that_fits_is_left_out_and_the_best_come_first(pool, values):
    answers = _answers(values)
    suggestions = suggestions_for(answers)
    expected = {s.pk for s in Service.objects.on_offer().with_area() if fits(s, answers)}
    assert {s.service.pk for s in suggestions} == expected
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
