import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.core.filter_forms import FilterRefused
from maillage.directory.enums import DirectoryOrder, EssFamily, SizeGroup
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment
from maillage.territory.enums import OldCodeKind
from maillage.territory.models import OldCommuneCode
from tests.directory.factories import CommuneFactory, EpciFactory, EstablishmentFactory

pytestmark = pytest.mark.django_db


def parse(query: str):
    return parse_filters(QueryDict(query))


def names(filters):
    return [site.display_name for site in filters.results()]


def test_no_parameter_is_the_whole_directory_sorted_by_name():
    filters = parse("")

    assert filters.is_empty
    assert filters.order == DirectoryOrder.NAME
    assert filters.page == 1
    assert filters.as_query_string() == ""


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=-1", "page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=" + "9" * 5000, "page"),
        ("q=" + "a" * 10_000, "q"),
        ("famille=secte", "famille"),
        ("section=Z", "section"),
        ("taille=12", "taille"),
        ("tri=email", "tri"),
        ("tri=legal_unit__is_hub_member", "tri"),
        ("tri=-phone", "tri"),
        ("commune=99999", "commune"),
        ("commune=abc", "commune"),
        ("epci=12", "epci"),
        ("adherents=oui", "adherents"),
        ("q=a&q=b", "q"),
        ("tri=nom&tri=-nom", "tri"),
        ("famille=" + "&famille=".join(["association"] * 41), "famille"),
        ("commune=" + "&commune=".join(["35236"] * 41), "commune"),
        ("division=04", "division"),
        ("tranche=77", "tranche"),
        ("employeurs=2", "employeurs"),
    ],
)
def test_a_bad_parameter_is_refused_with_a_french_message(query, parameter):
    with pytest.raises(FilterRefused) as refused:
        parse(query)

    assert parameter in refused.value.errors
    assert refused.value.errors[parameter][0].isupper()


def test_a_refusal_says_which_value_is_unknown():
    with pytest.raises(FilterRefused) as refused:
        parse("famille=association&famille=secte")

    assert refused.value.errors == {"famille": "Famille de l’ESS inconnue : « secte »."}


def test_empty_options_and_unknown_parameters_are_no_filter():
    filters = parse("q=&famille=&famille=association&tri=&utm_source=lettre")

    assert filters.families == (EssFamily.ASSOCIATION,)
    assert filters.order == DirectoryOrder.NAME


def test_every_bad_parameter_gets_its_own_message():
    with pytest.raises(FilterRefused) as refused:
        parse("page=-1&tri=secret&famille=x")

    assert set(refused.value.errors) == {"page", "tri", "famille"}


parameter_names = st.sampled_from(
    ["q", "famille", "section", "commune", "epci", "taille", "adherents", "tri", "page", "x"]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(parameter_names, st.text(max_size=300)), max_size=8))
def test_arbitrary_parameters_raise_nothing_but_invalid_filters(pairs):
    params = QueryDict(mutable=True)
    for name, value in pairs:
        params.appendlist(name, value)
    try:
        filters = parse_filters(params)
    except FilterRefused as refused:
        errors = refused.errors
    else:
        errors = None
        list(filters.results()[:5])  # the query runs
    assert errors is None or errors


def test_search_ignores_accents_case_and_apostrophes():
    EstablishmentFactory(sign="Pôle Économie Solidaire")
    EstablishmentFactory(sign="L’Atelier du Vélo")
    EstablishmentFactory(sign="Jardins partagés")

    assert names(parse("q=economie")) == ["Pôle Économie Solidaire"]
    assert names(parse("q=ATELIER velo")) == ["L’Atelier du Vélo"]
    assert names(parse("q=atelier jardins")) == []


def test_family_section_size_and_members_filters():
    EstablishmentFactory(sign="Asso", association=True, naf_code="94.99Z", employee_bracket="01")
    EstablishmentFactory(sign="Coop", cooperative=True, naf_code="01.11Z", employee_bracket="12")
    EstablishmentFactory(sign="Mutu", mutuelle=True, member=True, employee_bracket="21")

    assert names(parse("famille=cooperative&famille=mutuelle")) == ["Coop", "Mutu"]
    assert names(parse("section=A")) == ["Coop"]
    assert names(parse(f"taille={SizeGroup.VERY_SMALL}")) == ["Asso"]
    assert names(parse("taille=50%2B")) == ["Mutu"]
    assert names(parse("adherents=1")) == ["Mutu"]
    assert names(parse("adherents=0")) == ["Asso", "Coop", "Mutu"]


def test_commune_filter_resolves_old_codes_and_epci_filter_uses_the_siren():
    epci = EpciFactory()
    redon = CommuneFactory(code="35236", name="Redon", epci=epci)
    bains = CommuneFactory(code="35013", name="Bains-sur-Oust")
    OldCommuneCode.objects.create(code="35900", kind=OldCodeKind.FORMER, commune=bains)
    EstablishmentFactory(sign="À Redon", commune=redon)
    EstablishmentFactory(sign="À Bains", commune=bains)

    old = parse("commune=35900")

    assert names(old) == ["À Bains"]
    assert old.communes == ("35013",)
    assert old.as_query_string() == "commune=35900"
    assert names(parse(f"epci={epci.code}")) == ["À Redon"]


def test_hidden_closed_and_non_ess_entries_are_never_results():
    EstablishmentFactory(sign="Visible jardin")
    EstablishmentFactory(sign="Masquée jardin", hidden=True)
    EstablishmentFactory(sign="Fermée jardin", closed=True)
    EstablishmentFactory(sign="Hors ESS jardin", not_ess=True)

    assert names(parse("q=jardin")) == ["Visible jardin"]
    assert Establishment.objects.count() == 4


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("nom", ["alpha", "Bravo", "Charlie"]),
        ("-nom", ["Charlie", "Bravo", "alpha"]),
        ("taille", ["Bravo", "Charlie", "alpha"]),
        ("recent", ["Charlie", "alpha", "Bravo"]),
        ("commune", ["Charlie", "alpha", "Bravo"]),
    ],
)
def test_sort_orders(order, expected):
    import datetime

    first = CommuneFactory(code="35001", name="Allaire")
    last = CommuneFactory(code="35002", name="Vannes")
    EstablishmentFactory(
        sign="alpha", employee_bracket="NN", created_on=datetime.date(2010, 1, 1), commune=last
    )
    EstablishmentFactory(sign="Bravo", employee_bracket="21", created_on=None)
    EstablishmentFactory(
        sign="Charlie", employee_bracket="03", created_on=datetime.date(2020, 1, 1), commune=first
    )

    assert names(parse(f"tri={order}")) == expected


def test_the_query_string_round_trips():
    CommuneFactory(code="35236", name="Redon")
    query = (
        "q=jardin+partag%C3%A9&famille=association&famille=cooperative&section=Q"
        "&commune=35236&epci=243500741&taille=1-9&adherents=1&tri=-nom&page=3"
    )

    filters = parse(query)

    assert filters.as_query_string() == query
    assert parse(filters.as_query_string()) == filters
    assert not filters.is_empty
    assert filters.families == (EssFamily.ASSOCIATION, EssFamily.COOPERATIVE)


def test_drill_down_links_override_one_parameter():
    filters = parse("q=jardin&page=4")

    assert filters.as_query_string(page=1) == "q=jardin"
    assert filters.as_query_string(families=("fondation",)) == "q=jardin&famille=fondation&page=4"
    assert parse("page=2&tri=taille").is_empty
