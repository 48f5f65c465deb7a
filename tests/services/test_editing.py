"""What a representative and staff do through the pages: create, edit, submit, validate."""

import pytest

from maillage.support.services.forms import RepresentativeServiceForm
from maillage.support.services.models import Service, ServiceStatus
from maillage.support.services.views.common import save_new
from tests.services.factories import ApprovedClaimFactory, ServiceFactory

CREATE = "creer-une-entreprise--definir-son-projet-de-creation-dentreprise"


def form_data(**overrides):
    data = {
        "name": "Premier rendez-vous",
        "description": "Un entretien pour faire le point sur votre idée.",
        "kind": "accompagnement",
        "themes": [CREATE],
        "stages": ["idee"],
        "fee": "gratuit",
        "contact_modes": ["telephoner"],
        "phone": "02 99 00 00 03",
        "epcis": [],
        "communes": [],
        "departements": [],
    }
    return data | overrides


def test_a_representative_creates_and_submits_a_service(client, representative, provider, redon):
    client.force_login(representative)
    response = client.post(
        "/espace-membre/services/nouveau/",
        form_data(provider=provider.pk, epcis=[redon.epci.pk], action="submit"),
    )
    assert response.status_code == 302
    service = Service.objects.get()
    assert service.provider == provider
    assert service.status == ServiceStatus.SUBMITTED
    assert service.themes == [CREATE]
    assert list(service.epcis.all()) == [redon.epci]


def test_a_service_without_area_or_phone_is_refused_with_an_error_summary(
    client, representative, provider, territory
):
    client.force_login(representative)
    response = client.post(
        "/espace-membre/services/nouveau/", form_data(provider=provider.pk, phone="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 points à corriger" in page
    assert "Indiquez où le service intervient" in page
    assert "Indiquez le numéro à appeler." in page
    assert 'value="Premier rendez-vous"' in page  # nothing typed is lost
    assert not Service.objects.exists()


def test_a_representative_cannot_create_for_an_organisation_they_do_not_represent(
    client, representative, territory, redon
):
    other = ServiceFactory().provider
    client.force_login(representative)
    client.post(
        "/espace-membre/services/nouveau/",
        form_data(provider=other.pk, communes=[redon.pk]),
    )
    assert not Service.objects.filter(provider=other, name="Premier rendez-vous").exists()


def test_editing_a_published_service_keeps_it_online_until_staff_validate(
    client, representative, provider, staff, redon, django_capture_on_commit_callbacks
):
    service = ServiceFactory(provider=provider, on_offer=True, area=[redon], name="Ancien")
    client.force_login(representative)
    response = client.post(
        f"/espace-membre/services/{service.pk}/modifier/",
        form_data(name="Nouveau", communes=[redon.pk], action="submit"),
    )
    assert response.status_code == 302
    assert client.get(f"/accompagnement/services/{service.pk}/").context["service"].name == (
        "Ancien"
    )
    revision = Service.objects.get(revision_of=service)
    assert revision.status == ServiceStatus.SUBMITTED
    # Coming back to the form shows the pending version, not the published one.
    page = client.get(f"/espace-membre/services/{service.pk}/modifier/").content.decode()
    assert 'value="Nouveau"' in page

    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/accompagnement/validation/{revision.pk}/publier/")
    service.refresh_from_db()
    assert service.name == "Nouveau"
    assert service.status == ServiceStatus.PUBLISHED
    assert not Service.objects.filter(revision_of=service).exists()


def test_an_invalid_edit_of_a_published_service_creates_no_revision(
    client, representative, provider, redon
):
    service = ServiceFactory(provider=provider, on_offer=True, area=[redon])
    client.force_login(representative)
    client.post(f"/espace-membre/services/{service.pk}/modifier/", form_data(name=""))
    assert not Service.objects.filter(revision_of=service).exists()


def test_a_member_representing_an_organisation_may_edit_its_services(client, member, redon):
    service = ServiceFactory(draft=True, area=[redon])
    ApprovedClaimFactory(user=member, legal_unit=service.provider)
    client.force_login(member)
    response = client.post(
        f"/espace-membre/services/{service.pk}/modifier/",
        form_data(name="Renommé", communes=[redon.pk]),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Renommé"
    assert service.status == ServiceStatus.DRAFT


def test_a_pending_claim_gives_no_right(client, partner, redon):
    service = ServiceFactory(draft=True, area=[redon])
    ApprovedClaimFactory(user=partner, legal_unit=service.provider, status="pending")
    client.force_login(partner)
    assert client.get(f"/espace-membre/services/{service.pk}/modifier/").status_code == 404


def test_the_list_shows_the_staff_comment_of_a_sent_back_service(
    client, representative, provider, territory
):
    ServiceFactory(provider=provider, draft=True, review_comment="Ajoutez les tarifs.")
    client.force_login(representative)
    page = client.get("/espace-membre/services/").content.decode()
    assert "Ajoutez les tarifs." in page
    assert "INVALID_TEMPLATE_VARIABLE" not in page


def test_staff_create_a_service_for_any_organisation_by_siren(client, staff, provider, redon):
    client.force_login(staff)
    response = client.post(
        "/accompagnement/validation/nouveau/",
        form_data(provider_siren=provider.siren, departements=[redon.departement.pk]),
    )
    assert response.status_code == 302
    assert Service.objects.get().provider == provider


def test_staff_get_a_clear_error_for_an_unknown_siren(client, staff, territory, redon):
    client.force_login(staff)
    response = client.post(
        "/accompagnement/validation/nouveau/",
        form_data(provider_siren="123456789", communes=[redon.pk]),
    )
    assert "Aucune structure de l’annuaire n’a ce SIREN." in response.content.decode()
    assert not Service.objects.exists()


def test_staff_sending_back_without_comment_keep_the_service_waiting(client, staff, redon):
    service = ServiceFactory(submitted=True, area=[redon])
    client.force_login(staff)
    response = client.post(f"/accompagnement/validation/{service.pk}/renvoyer/", {"comment": ""})
    assert response.status_code == 400
    service.refresh_from_db()
    assert service.status == ServiceStatus.SUBMITTED


@pytest.mark.parametrize("page", ["/accompagnement/validation/", "/espace-membre/services/"])
def test_management_pages_render_without_template_errors(
    client, staff, representative, provider, redon, page
):
    ServiceFactory(provider=provider, submitted=True, area=[redon])
    client.force_login(staff if "validation" in page else representative)
    text = client.get(page).content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in text


def test_a_double_submit_creates_one_service(client, representative, provider, redon):
    client.force_login(representative)
    data = form_data(provider=provider.pk, communes=[redon.pk])
    first = client.post("/espace-membre/services/nouveau/", data)
    second = client.post("/espace-membre/services/nouveau/", data)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "Cette structure propose déjà un service de ce nom." in second.content.decode()
    assert Service.objects.count() == 1


def test_a_race_past_the_form_check_is_refused_by_the_database(representative, provider, redon):
    units = provider.__class__.objects.filter(pk=provider.pk)
    data = form_data(provider=provider.pk, communes=[redon.pk])
    forms = [RepresentativeServiceForm(data, units=units) for _ in range(2)]
    assert all(form.is_valid() for form in forms)  # both checked before either is saved
    assert save_new(forms[0]) is not None
    assert save_new(forms[1]) is None
    assert "Cette structure propose déjà un service de ce nom." in forms[1].errors["name"]
    assert Service.objects.count() == 1
