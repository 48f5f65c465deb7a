import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.db.models import CharField, TextField

from maillage.support.services.models import Service
from maillage.support.services.revision import revision_of
from tests.directory.factories import EstablishmentFactory
from tests.services.factories import ServiceFactory

CREATE = "creer-une-entreprise--definir-son-projet-de-creation-dentreprise"


def html(response) -> str:
    text = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in text
    return text


def test_the_offer_lists_published_services_filtered_by_commune_and_stage(client, redon, allaire):
    ServiceFactory(on_offer=True, area=[redon], name="À Redon", stages=["idee"])
    ServiceFactory(on_offer=True, area=[allaire], name="À Allaire")
    ServiceFactory(on_offer=True, area=[redon], name="Pour développer", stages=["developpement"])
    ServiceFactory(on_offer=True, area=[redon], name="Brouillon caché", draft=True)
    page = html(client.get("/accompagnement/services/", {"commune": "35236", "etape": "idee"}))
    assert "À Redon" in page
    assert "À Allaire" not in page
    assert "Pour développer" not in page
    assert "Brouillon caché" not in page
    assert "1 service pour ces filtres" in page


def test_the_offer_filters_by_thematique_and_public(client, redon):
    ServiceFactory(on_offer=True, area=[redon], name="Créer", themes=[CREATE], publics=["jeunes"])
    ServiceFactory(on_offer=True, area=[redon], name="Autre", publics=["seniors"])
    page = html(client.get("/accompagnement/services/", {"thematique": CREATE}))
    assert "Créer" in page
    assert "Autre" not in page
    page = html(client.get("/accompagnement/services/", {"public": "seniors"}))
    assert "Autre" in page
    assert "Créer" not in page


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/accompagnement/services/", {"etape": "lune"}),
        ("/accompagnement/services/", {"commune": "99999"}),
        ("/accompagnement/resultats/", {"secteur": "<script>"}),
        ("/accompagnement/resultats/", {"commune": "44999"}),  # outside the territory
        ("/accompagnement/", {"forme": "sarl"}),
        ("/accompagnement/services/", {"etape": ["idee", "creation"]}),
        ("/accompagnement/resultats/", {"besoin": "x" * 500}),
    ],
)
def test_a_bad_parameter_is_a_400_with_a_french_message(client, territory, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    assert "Réponse inconnue pour" in html(response)


def test_a_service_page_links_its_provider_to_the_directory(client, redon):
    service = ServiceFactory(on_offer=True, area=[redon], public_contacts=True)
    site = service.provider.establishments.get()
    page = html(client.get(f"/accompagnement/services/{service.pk}/"))
    assert f'href="/annuaire/{site.pk}/"' in page
    assert "camille@exemple.invalid" in page
    assert "Redon" in page


def test_a_service_page_hides_contacts_the_provider_kept_private(client, redon):
    service = ServiceFactory(on_offer=True, area=[redon], private_contacts=True)
    page = html(client.get(f"/accompagnement/services/{service.pk}/"))
    assert "Dominique Secret" not in page
    assert "secret@exemple.invalid" not in page


def test_a_provider_outside_the_public_directory_is_named_without_a_link(client, redon):
    service = ServiceFactory(area=[redon], provider__not_ess=True)
    EstablishmentFactory(legal_unit=service.provider)  # public, but not an ESS entry
    page = html(client.get(f"/accompagnement/services/{service.pk}/"))
    assert service.provider.name in page
    assert "/annuaire/" not in page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("status", ["draft", "submitted", "closed"])
def test_an_unpublished_service_page_is_not_found(client, redon, status):
    service = ServiceFactory(on_offer=True, area=[redon], status=status)
    assert client.get(f"/accompagnement/services/{service.pk}/").status_code == 404


def test_a_pending_revision_is_not_reachable_publicly(client, redon):
    revision = revision_of(ServiceFactory(on_offer=True, area=[redon]))
    assert client.get(f"/accompagnement/services/{revision.pk}/").status_code == 404


def test_the_questions_page_offers_the_territory_communes(client, territory):
    page = html(client.get("/accompagnement/"))
    assert '<option value="35236">Redon</option>' in page
    assert "Ailleurs" not in page  # a commune outside the territory
    assert 'action="/accompagnement/resultats/"' in page


def test_the_results_rank_services_and_say_why(client, redon):
    ServiceFactory(on_offer=True, area=[redon], name="Émergence collective", carriers=["collectif"])
    ServiceFactory(on_offer=True, area=[redon], name="Pour tous")
    page = html(
        client.get("/accompagnement/resultats/", {"portage": "collectif", "commune": "35236"})
    )
    assert page.index("Émergence collective") < page.index("Pour tous")
    assert "Accompagne les projets collectifs" in page
    assert "Intervient à Redon" in page
    assert "Par où commencer" in page
    assert "services/services.css" in page  # carries the A4 print stylesheet


def test_the_summary_is_sent_by_email_and_the_address_is_not_stored(client, redon):
    ServiceFactory(on_offer=True, area=[redon], name="Premier accueil")
    response = client.post(
        "/accompagnement/resultats/envoyer/?commune=35236",
        {"email": "porteuse@exemple.org", "consent": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accompagnement/resultats/?commune=35236"
    (message,) = mail.outbox
    assert message.to == ["porteuse@exemple.org"]
    assert "Premier accueil" in message.body
    assert f"{settings.SITE_URL}/accompagnement/resultats/?commune=35236" in message.body
    assert not Service.objects.filter(email="porteuse@exemple.org").exists()
    assert stored_in("porteuse@exemple.org") == []


def stored_in(text: str) -> list[str]:
    """The text columns of the whole database that hold `text`, as « model.field »."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, CharField | TextField):
                continue
            if model._default_manager.filter(**{f"{field.name}__icontains": text}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_the_summary_form_and_the_legal_notice_say_the_address_is_used_once(client, redon):
    ServiceFactory(on_offer=True, area=[redon])

    results = html(client.get("/accompagnement/resultats/", {"commune": "35236"}))
    legal = " ".join(html(client.get("/mentions-legales/")).split())

    assert "Votre adresse sert uniquement à cet envoi" in results
    anchor = "envoi-une-seule-fois-du-recapitulatif-par-ou-commencer-demande"
    assert f'href="/mentions-legales/#{anchor}"' in results
    assert f'id="{anchor}"' in legal
    assert "Envoi, une seule fois, du récapitulatif « par où commencer » demandé" in legal
    assert "n’est enregistrée dans aucun fichier de contacts" in legal
    assert "la file d’envoi des e-mails ne garde que le numéro de la demande" in legal


def test_the_summary_needs_an_address_and_consent(client, redon):
    ServiceFactory(on_offer=True, area=[redon])
    response = client.post("/accompagnement/resultats/envoyer/", {"email": "pas-une-adresse"})
    assert response.status_code == 400
    page = html(response)
    assert "point" in page
    assert "à corriger" in page
    assert mail.outbox == []


def test_summaries_are_limited_per_visitor_with_a_french_429(client, redon):
    data = {"email": "porteuse@exemple.org", "consent": "on"}
    responses = [client.post("/accompagnement/resultats/envoyer/", data) for _ in range(6)]

    assert [response.status_code for response in responses] == [302] * 5 + [429]
    assert "plusieurs récapitulatifs cette heure-ci" in html(responses[-1])
    assert len(mail.outbox) == 5
    elsewhere = client.post("/accompagnement/resultats/envoyer/", data, REMOTE_ADDR="192.0.2.9")
    assert elsewhere.status_code == 302
