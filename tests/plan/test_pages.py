import pytest
from django.urls import reverse

from maillage.plan.models import Action, OperationalObjective, StrategicObjective
from tests.typeset import french

PAGES = ["plan:values", "plan:project", "plan:about"]


def page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


@pytest.mark.parametrize("name", PAGES)
def test_plan_pages_are_public(loaded_plan, client, name):
    page(client, name)


def test_urls_are_readable_french_paths():
    assert [reverse(name) for name in PAGES] == ["/valeurs/", "/projet/", "/qui-sommes-nous/"]


def test_values_page_shows_the_intro_and_the_five_families(loaded_plan, client):
    html = page(client, "plan:values")
    assert "<h1>Nos valeurs</h1>" in html
    assert french("Pour la CADES, l’économie sociale et solidaire est une économie qui :") in html
    assert "Redonne du pouvoir d’agir à chacun et en collectif" in html
    assert "Complémentarité et coopération entre les acteurs" in html


def test_project_page_shows_vision_purpose_and_contents(loaded_plan, client):
    html = page(client, "plan:project")
    assert "<h1>Notre projet</h1>" in html
    assert "où il fait bon vivre" in html
    purpose_start = html.index('id="but"')
    assert html.count("<p>", purpose_start, html.index("</section>", purpose_start)) == 2
    for objective in StrategicObjective.objects.all():
        assert f'href="#{objective.anchor}"' in html


def test_project_page_has_an_anchor_and_a_copyable_link_for_every_objective_and_action(
    loaded_plan, client
):
    html = page(client, "plan:project")
    for item in [*StrategicObjective.objects.all(), *OperationalObjective.objects.all()]:
        assert f'id="{item.anchor}"' in html
        assert f'aria-label="Lien vers l’objectif {item.code}"' in html
    for action in Action.objects.all():
        assert f'id="{action.anchor}"' in html
        assert f'aria-label="Lien vers l’action {action.code}"' in html
    assert 'id="action-1a-1"' in html


def test_sub_actions_are_nested_under_their_action(loaded_plan, client):
    html = page(client, "plan:project")
    parent = html.index('id="action-2a-1"')
    assert parent < html.index('id="action-2a-1-4"') < html.index('id="action-2a-2"')
    assert html.count("<ul", parent, html.index('id="action-2a-1-1"')) == 1


def test_project_page_shows_publics_with_their_scope(loaded_plan, client):
    html = page(client, "plan:project")
    assert "Coopération / partenariats" in html
    assert "Pays de Redon + région Bretagne et Pays de la Loire" in html
    assert "associations (CADES est réseau MAIA en 35)" in html
    assert "Territoire du pôle et régions limitrophes" in html


def test_deactivated_actions_are_not_shown(loaded_plan, client):
    Action.objects.filter(code="1a.2").update(is_active=False)
    assert 'id="action-1a-2"' not in page(client, "plan:project")


def test_about_page_shows_the_hub_founding_month_and_its_sections(loaded_plan, client):
    html = page(client, "plan:about")
    assert french("Qui sommes-nous ?") in html
    assert "CADES du Pays de Redon" in html
    assert "janvier 1996" in html
    assert "Motivations de départ" in html
    assert "<li>Mutualisation sur les groupes de travail thématiques.</li>" in html
    assert "<h3>Donner de la visibilité à l’ESS sur le territoire</h3>" in html


@pytest.mark.parametrize("name", PAGES)
def test_a_plan_not_loaded_yet_gives_a_plain_message(db, client, name):
    assert "n’a pas encore été chargé" in page(client, name)


def test_project_page_reads_the_plan_in_a_few_queries(
    loaded_plan, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(reverse("plan:project"))
