import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.support.journeys.models import CaseDocument, Referral, SupportCase
from maillage.support.services.models import ServiceStatus
from tests.directory.factories import CommuneFactory, EstablishmentFactory, LegalUnitFactory
from tests.journeys.factories import SupportCaseFactory
from tests.journeys.helpers import close_response
from tests.people.factories import PersonFactory
from tests.services.factories import ServiceFactory
from tests.tokens import with_token
from tests.typeset import french


@pytest.fixture
def signed_in(client_for, staff):
    return client_for(staff)


def case_url(case, name="case", *args):
    return reverse(f"journeys:{name}", args=[case.pk, *args])


def test_staff_open_a_case_for_a_new_holder_and_an_organisation(signed_in, staff):
    unit = LegalUnitFactory(siren="123456789")
    response = signed_in.post(
        reverse("journeys:case_create"),
        with_token(
            {
                "title": "Tiers-lieu de la gare",
                "kind": "third_place",
                "opened_on": "2026-01-15",
                "new_first_name": "Lou",
                "new_last_name": "Fictive",
                "new_email": "lou.fictive@exemple.org",
                "organisations": "123456789",
                "staff_in_charge": staff.pk,
            }
        ),
    )

    case = SupportCase.objects.get()
    assert response.url == case_url(case)
    assert [str(holder) for holder in case.holders.all()] == ["Lou Fictive"]
    assert list(case.organisations.all()) == [unit]
    assert case.stage.slug == "accueil"


def test_an_invalid_case_form_is_shown_again_with_what_was_typed(signed_in):
    response = signed_in.post(
        reverse("journeys:case_create"),
        with_token({"title": "Ma recyclerie", "kind": "individual", "opened_on": "2026-01-15",
                    "organisations": "999999999"}),
    )  # fmt: skip

    assert response.status_code == 400
    page = response.content.decode()
    assert french("Aucune structure de l’annuaire n’a ce numéro : 999999999.") in page
    assert 'value="Ma recyclerie"' in page
    assert not SupportCase.objects.exists()


def test_a_case_opened_in_the_future_is_refused_and_nothing_is_created(signed_in):
    response = signed_in.post(
        reverse("journeys:case_create"),
        with_token({"title": "Projet", "kind": "individual", "opened_on": "2099-01-01",
                    "new_last_name": "Fictif"}),
    )  # fmt: skip

    assert response.status_code == 400
    assert "ne peut pas être dans le futur" in response.content.decode()
    assert not SupportCase.objects.exists()
    from maillage.network.people.models import Person

    assert not Person.objects.filter(last_name="Fictif").exists()


def test_editing_a_case_keeps_its_links_to_the_plan(signed_in, loaded_plan):
    from maillage.plan.links import actions_of
    from maillage.plan.models import Action

    case = SupportCaseFactory()
    action = Action.objects.get(code="2d.1")
    response = signed_in.post(
        case_url(case, "case_edit"),
        {"title": "Renommé", "kind": "third_place", "opened_on": "2026-03-02",
         "holders": [case.holders.get().pk], "actions": [action.pk]},
    )  # fmt: skip

    assert response.status_code == 302
    assert list(actions_of(case)) == [action]


def test_an_appointment_before_the_opening_is_refused_with_the_typed_notes_kept(signed_in):
    case = SupportCaseFactory()

    response = signed_in.post(
        case_url(case, "add_appointment"),
        with_token(
            {"held_on": "2026-02-01", "with_whom": "Mme Exemple", "notes": "Idée de départ"}
        ),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Le rendez-vous ne peut pas précéder l’ouverture du dossier" in page
    assert "Idée de départ" in page
    assert not case.appointments.exists()


def test_an_unknown_stage_is_refused_clearly(signed_in):
    case = SupportCaseFactory()

    response = signed_in.post(
        case_url(case, "change_stage"), {"stage": 9999, "changed_on": "2026-03-05"}
    )

    assert response.status_code == 400
    assert "Étape inconnue" in response.content.decode()


def test_a_stage_change_out_of_order_is_refused_on_the_page(signed_in):
    case = SupportCaseFactory()

    response = signed_in.post(
        case_url(case, "change_stage"),
        {"stage": case.stage.pk + 1, "changed_on": "2026-03-01"},
    )

    assert response.status_code == 400
    assert "ne peut pas la précéder" in response.content.decode()


def test_a_next_step_due_in_the_past_is_refused_on_the_page(signed_in):
    case = SupportCaseFactory()

    response = signed_in.post(
        case_url(case, "add_next_step"),
        with_token({"title": "Appeler la banque", "due_on": "2020-01-01"}),
    )

    assert response.status_code == 400
    assert "ne peut pas précéder la création" in response.content.decode()
    assert "Appeler la banque" in response.content.decode()


def test_a_referral_to_a_closed_service_is_refused_with_a_clear_message(signed_in):
    case = SupportCaseFactory()
    service = ServiceFactory(on_offer=True, status=ServiceStatus.CLOSED, name="Prêt d’honneur")

    response = signed_in.post(
        case_url(case, "refer"), {"service": service.pk, "message": "Besoin de financement"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert french("Le service « Prêt d’honneur » est fermé ou n’est pas publié") in page
    assert "Besoin de financement" in page
    assert not Referral.objects.exists()


def test_the_referral_form_offers_only_services_on_offer(signed_in):
    ServiceFactory(on_offer=True, name="Service ouvert")
    ServiceFactory(on_offer=True, name="Service fermé", status=ServiceStatus.CLOSED)
    hidden = ServiceFactory(name="Service d’une structure masquée")
    EstablishmentFactory(legal_unit=hidden.provider, hidden=True)
    ServiceFactory(name="Service d’une structure sans établissement ouvert")

    page = signed_in.get(case_url(SupportCaseFactory()) + "?action=orientation").content.decode()

    assert "Service ouvert" in page
    assert "Service fermé" not in page
    assert "structure masquée" not in page
    assert "sans établissement ouvert" not in page


def test_a_referral_to_the_service_of_a_hidden_provider_is_refused(signed_in):
    case = SupportCaseFactory()
    service = ServiceFactory(name="Prêt d’honneur")
    EstablishmentFactory(legal_unit=service.provider, hidden=True)

    response = signed_in.post(case_url(case, "refer"), {"service": service.pk})

    assert response.status_code == 400
    assert (
        french("La structure qui propose « Prêt d’honneur » n’est plus présentée au public")
        in response.content.decode()
    )
    assert not Referral.objects.exists()


def test_closing_asks_for_the_outcome_form(signed_in):
    case = SupportCaseFactory()
    structure = LegalUnitFactory(rna_id="W351000001")

    missing = signed_in.post(case_url(case, "close"), {"closed_on": "2026-04-01"})
    done = signed_in.post(
        case_url(case, "close"),
        {"closed_on": "2026-04-01", "activity_created": "True", "legal_form": "scic",
         "jobs_created": "3", "structure": "W351000001", "funding_amount": "12500",
         "funding_source": "Région Bretagne"},
    )  # fmt: skip

    assert missing.status_code == 400
    assert french("Une activité a-t-elle été créée ?") in missing.content.decode()
    assert done.status_code == 302
    case.refresh_from_db()
    assert case.is_closed
    assert case.outcome.structure == structure


def test_a_document_is_uploaded_then_downloaded_by_staff(signed_in):
    case = SupportCaseFactory()
    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget", "application/pdf")

    signed_in.post(
        case_url(case, "add_document"), with_token({"title": "Budget prévisionnel", "file": upload})
    )
    document = CaseDocument.objects.get()
    response = signed_in.get(case_url(case, "document", document.pk))

    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    close_response(response)
    assert content == b"%PDF-1.4 budget"
    assert 'filename="budget.pdf"' in response["Content-Disposition"]


def test_an_executable_document_is_refused(signed_in):
    case = SupportCaseFactory()
    upload = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")

    response = signed_in.post(
        case_url(case, "add_document"), with_token({"title": "X", "file": upload})
    )

    assert response.status_code == 400
    assert "Format refusé" in response.content.decode()


def test_the_list_filters_by_stage_kind_staff_and_commune(signed_in, staff):
    redon = CommuneFactory(code="35236", name="Redon")
    mine = SupportCaseFactory(
        title="Le mien", commune=redon, staff_in_charge=staff, kind="collective"
    )
    SupportCaseFactory(title="L’autre")

    response = signed_in.get(
        reverse("journeys:case_list"),
        {"etape": "accueil", "type": "collective", "suivi": staff.pk, "commune": "35236"},
    )

    assert list(response.context["page"]) == [mine]


def test_a_bad_filter_is_a_400_with_a_message(signed_in):
    response = signed_in.get(reverse("journeys:case_list"), {"etape": "inconnue"})

    assert response.status_code == 400
    assert "Étape inconnue" in response.content.decode()


def test_a_closed_case_leaves_the_default_list(signed_in):
    from maillage.support.journeys.journey import close_case
    from maillage.support.journeys.models import Outcome

    case = SupportCaseFactory()
    close_case(case, Outcome(activity_created=False), datetime.date(2026, 4, 1))

    assert list(signed_in.get(reverse("journeys:case_list")).context["page"]) == []
    closed = signed_in.get(reverse("journeys:case_list"), {"clos": "on"})
    assert list(closed.context["page"]) == [case]


def test_the_case_page_shows_holders_and_time_per_stage(signed_in):
    holder = PersonFactory(first_name="Noa", last_name="Fictif", email="noa@exemple.org")
    case = SupportCaseFactory(holders=[holder])

    page = signed_in.get(case_url(case)).content.decode()

    assert "Noa Fictif" in page
    assert "noa@exemple.org" in page
    assert "jours dans cette étape" in page
