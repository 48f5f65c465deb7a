"""The directory's search ranks on a fixed corpus: the same expected order on whichever database
the suite runs (CI runs SQLite and PostgreSQL), through the public list and its filters."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from maillage.core.text import fold
from maillage.directory.filters import parse_filters
from maillage.directory.search_query import edit_distance
from tests.directory.factories import (
    CommuneFactory,
    EpciFactory,
    EstablishmentFactory,
    LegalUnitFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    """Seven organisations; every description says « Pays de Redon », as the demo's do."""
    epci = EpciFactory(name="Redon Agglomération")
    redon = CommuneFactory(code="35236", name="Redon", epci=epci)
    allaire = CommuneFactory(code="56001", name="Allaire", epci=epci)
    saint_nicolas = CommuneFactory(code="44185", name="Saint-Nicolas-de-Redon", epci=epci)
    food = ThemeFactory(name="Alimentation", slug="alimentation")

    def organisation(name, commune, description="", themes=(), **unit):
        site = EstablishmentFactory(
            legal_unit=LegalUnitFactory(name=name, **unit),
            commune=commune,
            description=f"{description} Active dans le Pays de Redon.".strip(),
            themes=list(themes),
        )
        return site.legal_unit.name

    return [
        organisation("Les Jardins de Redon", allaire),
        organisation("Atelier vélo Roue libre", redon),
        organisation("Coopérative du pain d’Allaire", allaire, cooperative=True),
        organisation("Épicerie solidaire", allaire, themes=[food]),
        organisation("Ressourcerie du Pays", saint_nicolas, "Une coopérative de réemploi."),
        organisation("Amap des Marais", allaire, "Paniers de légumes à Redon."),
        organisation("Théâtre de l’Écluse", redon, "Compagnie de théâtre amateur."),
    ]


def found(query: str) -> list[str]:
    return [site.legal_unit.name for site in parse_filters({"q": query}).results()]


def test_names_first_then_the_commune_then_descriptions(corpus):
    assert found("redon") == [
        # the word in the name
        "Les Jardins de Redon",
        # in the commune (Saint-Nicolas-de-Redon starts a word « redon » too), by name
        "Atelier vélo Roue libre",
        "Ressourcerie du Pays",
        "Théâtre de l’Écluse",
        # only in the description
        "Amap des Marais",
        "Coopérative du pain d’Allaire",
        "Épicerie solidaire",
    ]


def test_the_intercommunality_name_alone_matches_nothing(corpus):
    assert found("agglomeration") == []


def test_words_add_up_where_they_are_found(corpus):
    assert found("cooperative allaire") == [
        "Coopérative du pain d’Allaire",  # both in the name
    ]
    assert found("cooperative") == [
        "Coopérative du pain d’Allaire",  # name
        "Ressourcerie du Pays",  # description
    ]


def test_accents_case_and_word_beginnings(corpus):
    assert found("THEATRE") == ["Théâtre de l’Écluse"]
    assert found("épic") == ["Épicerie solidaire"]
    assert found("alimentation") == ["Épicerie solidaire"]  # a theme
    assert found("atelier") == ["Atelier vélo Roue libre"]
    # Inside a word is not a word's beginning.
    assert found("telier") == []


def test_typos_are_forgiven(corpus):
    assert found("coperative") == found("cooperative")
    assert found("redn")[:1] == ["Les Jardins de Redon"]
    assert found("redn") == found("redon")
    assert found("theatr amateu") == ["Théâtre de l’Écluse"]  # word beginnings, not typos
    assert found("ressourcrie") == ["Ressourcerie du Pays"]


def test_no_correction_for_short_words_or_far_words(corpus):
    assert found("rdn") == []
    assert found("zzzzz") == []


def test_one_letter_words_do_not_narrow_a_search(corpus):
    assert found("l ecluse") == ["Théâtre de l’Écluse"]


def test_other_orders_keep_the_search_but_sort_as_asked(corpus):
    names = [
        site.legal_unit.name for site in parse_filters({"q": "redon", "tri": "-nom"}).results()
    ]
    assert names == sorted(found("redon"), key=fold, reverse=True)


def test_filters_apply_to_ranked_results(corpus):
    filters = parse_filters({"q": "redon", "famille": "association", "commune": "56001"})
    names = [site.legal_unit.name for site in filters.results()]
    assert names == ["Les Jardins de Redon", "Amap des Marais", "Épicerie solidaire"]


def test_renaming_a_legal_unit_renames_what_search_finds(corpus):
    site = parse_filters({"q": "amap"}).results().get()
    site.legal_unit.name = "Panier paysan"
    site.legal_unit.save()
    assert found("amap") == []
    assert found("panier paysan") == ["Panier paysan"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("redn", "redon", 1), ("coperative", "cooperative", 1), ("jadrin", "jardin", 1)],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b, limit=2) == distance
    assert edit_distance("abcdef", "uvwxyz", limit=2) == 3


def test_the_list_page_says_a_search_is_sorted_by_relevance(corpus, client):
    url = reverse("directory:list")
    html = client.get(url, {"q": "redon"}).content.decode()
    assert '<option value="nom" selected>Pertinence (les noms d’abord)</option>' in html
    assert html.index("Les Jardins de Redon") < html.index("Amap des Marais")
    assert '<option value="nom" selected>Nom (A → Z)</option>' in client.get(url).content.decode()


@given(st.text("abc", max_size=7), st.text("abc", max_size=7), st.integers(0, 2))
def test_edit_distance_stops_early_without_changing_the_answer(a, b, limit):
    unbounded = edit_distance(a, b, limit=len(a) + len(b))
    assert edit_distance(a, b, limit) == min(unbounded, limit + 1)


@pytest.mark.parametrize("query", ["redon", "cooperative", "coperative", "pays allaire"])
def test_a_counted_search_ranks_its_matches_as_the_bounded_ranking_does(corpus, query):
    """The list page counts first: with no more matches than it lists, it ranks them directly."""
    filters = parse_filters({"q": query})
    everything = list(filters.results())
    assert everything
    for top in (len(everything), len(everything) + 5):
        assert list(filters.results(top=top, found=len(everything))) == everything
        assert list(filters.results(top=top)) == everything
