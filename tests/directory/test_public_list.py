import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.core import demo
from maillage.directory.models import SearchLog
from maillage.territory.models import Territory
from tests.directory.factories import CommuneFactory, EstablishmentFactory, ThemeFactory
from tests.typeset import french

pytestmark = pytest.mark.django_db

URL = "/annuaire/"


def page(client, query="", **headers):
    response = client.get(f"{URL}?{query}", headers=headers)
    assert response.status_code == 200, response.content.decode()[:500]
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


def test_the_list_is_public_and_named(client):
    assert reverse("directory:list") == URL
    html = page(client)
    assert "<h1>Annuaire de l’économie sociale et solidaire</h1>" in html
    assert 'role="status"' in html


def test_search_finds_names_without_accents_or_case(client):
    EstablishmentFactory(sign="Maison de l’Économie Solidaire")
    EstablishmentFactory(sign="L’Atelier du Vélo")
    EstablishmentFactory(sign="Club de Canoë")

    assert "Maison de l’Économie Solidaire" in page(client, "q=economie")
    html = page(client, "q=atelier")
    assert "L’Atelier du Vélo" in html
    assert "Club de Canoë" not in html
    assert french("1 organisation trouvée pour « atelier »") in html


def test_search_reaches_themes_description_and_commune(client):
    redon = CommuneFactory(code="35236", name="Redon")
    EstablishmentFactory(sign="Par thème", themes=[ThemeFactory(name="Mobilité", slug="mob")])
    EstablishmentFactory(sign="Par description", description="Un potager partagé")
    EstablishmentFactory(sign="Par commune", commune=redon)

    assert "Par thème" in page(client, "q=mobilite")
    assert "Par description" in page(client, "q=potager")
    assert "Par commune" in page(client, "q=redon")


def test_each_result_links_to_its_page_with_family_and_activity(client):
    site = EstablishmentFactory(sign="Coop du Don", cooperative=True, naf_code="01.61Z")

    html = page(client)

    assert f'href="/annuaire/{site.pk}-coop-du-don/"' in html
    assert "Coopérative" in html
    assert "Activités de soutien aux cultures" in html


def test_hidden_closed_and_non_ess_entries_are_not_listed(client):
    EstablishmentFactory(sign="Visible")
    EstablishmentFactory(sign="Masquée", hidden=True)
    EstablishmentFactory(sign="Fermée", closed=True)
    EstablishmentFactory(sign="Hors ESS", not_ess=True)

    html = page(client)

    assert "Visible" in html
    for name in ("Masquée", "Fermée", "Hors ESS"):
        assert name not in html


def test_pages_of_25_with_links_that_keep_the_filters(client):
    for number in range(30):
        EstablishmentFactory(sign=f"Jardin {number:02d}")

    first = page(client, "q=jardin")
    second = page(client, "q=jardin&page=2")

    assert first.count('class="directory-result"') == 25
    assert second.count('class="directory-result"') == 5
    assert 'href="?q=jardin&amp;page=2"' in first
    assert "page 2 sur 2" in second
    assert "Jardin 29" in second


def test_a_page_past_the_end_shows_the_last_page(client):
    EstablishmentFactory(sign="Seule")
    assert "Seule" in page(client, "page=40")


@pytest.mark.parametrize("rows", [3, 40])
def test_the_number_of_queries_does_not_grow_with_rows(client, rows, django_assert_max_num_queries):
    commune = CommuneFactory()
    for _ in range(rows):
        EstablishmentFactory(commune=commune, member=True)
    # Ten: the layout asks once whether demonstration rows are loaded.
    with django_assert_max_num_queries(10):
        page(client, "q=association")
    with django_assert_max_num_queries(9):
        page(client, "q=association", **{"HX-Request": "true", "HX-Trigger-Name": "q"})


def test_htmx_gets_the_results_alone_with_the_count_out_of_band(client):
    EstablishmentFactory(sign="Jardin")

    html = page(client, "q=jardin", **{"HX-Request": "true"})

    assert "<h1>" not in html
    assert 'hx-swap-oob="true"' in html
    assert "Jardin" in html


def test_the_form_updates_as_people_type_and_stays_shareable(client):
    html = page(client, "q=jardin&famille=cooperative")

    assert 'hx-trigger="submit, input changed delay:300ms from:#recherche"' in html
    assert 'hx-push-url="true"' in html
    assert 'value="jardin"' in html
    assert 'value="cooperative" checked' in html
    assert 'method="get" action="/annuaire/"' in html


@pytest.mark.parametrize(
    "query", ["page=-1", "tri=email", "famille=x", "q=" + "x" * 10_000, "commune=00000"]
)
def test_bad_parameters_get_a_french_400_page(client, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert "Recherche impossible" in response.content.decode()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(["q", "famille", "section", "commune", "epci", "taille", "tri", "page"]),
        st.text(max_size=50),
    )
)
def test_fuzzed_parameters_never_give_a_server_error(client, params):
    response = client.get(URL, params)
    assert response.status_code in (200, 400)


def test_the_demo_banner_shows_only_with_demo_records(client):
    EstablishmentFactory(sign="Réelle")
    assert "Données fictives de démonstration" not in page(client)

    demo.mark(EstablishmentFactory(sign="Fictive"))
    html = page(client)
    assert "Données fictives de démonstration" in html
    assert french("données fictives de démonstration</strong> : elles n’existent pas") in html


def test_searches_are_logged_without_personal_data(client, member):
    EstablishmentFactory(sign="Jardin")
    client.force_login(member)

    page(client, "q=Jardín&famille=association")

    log = SearchLog.objects.get()
    assert log.query == "jardin"
    assert log.filters == {"famille": ["association"]}
    assert log.result_count == 1
    stored = {field.name for field in SearchLog._meta.get_fields()}
    assert stored == {"id", "query", "filters", "result_count", "searched_on"}


def test_a_search_for_an_email_address_is_not_logged(client):
    page(client, "q=claire.dupont%40exemple.org")

    assert SearchLog.objects.count() == 0


def test_empty_searches_page_changes_and_typing_are_not_logged(client):
    page(client)
    page(client, "tri=-nom")
    page(client, "q=jardin&page=2")
    page(client, "q=jar", **{"HX-Request": "true", "HX-Trigger-Name": "q"})

    assert SearchLog.objects.count() == 0

    page(client, "q=jardin", **{"HX-Request": "true"})
    assert SearchLog.objects.count() == 1


@pytest.mark.parametrize(("path", "prefix"), [("/annuaire/", ""), ("/carte/", "carte-")])
def test_the_form_offers_several_sectors_communes_and_sizes_at_once(client, path, prefix):
    commune = CommuneFactory(code="35236", name="Redon")
    territory = Territory.objects.create(
        name="Pays", slug="pays", source="test", vintage="test", is_default=True
    )
    territory.communes.set([commune, CommuneFactory(code="35013", name="Bains-sur-Oust")])

    response = client.get(path, {"section": ["Q", "S"], "commune": "35236", "taille": ["0", "50+"]})
    html = response.content.decode()

    assert response.status_code == 200
    for name, value in (("section", "Q"), ("section", "S"), ("taille", "0"), ("taille", "50+")):
        assert (
            f'type="checkbox" id="{prefix}{name}-{value}" name="{name}" value="{value}" checked'
        ) in html
    assert f'id="{prefix}section-A" name="section" value="A">' in html
    assert f'id="{prefix}commune-35236" name="commune" value="35236" checked' in html
    assert f'id="{prefix}commune-35013" name="commune" value="35013">' in html
    assert "<summary>Secteur d’activité (2 choisis)</summary>" in html
    assert f'<select id="{prefix}section"' not in html
