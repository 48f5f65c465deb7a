import datetime

from django.core.files.base import ContentFile

from maillage.privacy.subject_rights import erase_person, export_person
from maillage.support.journeys import follow_up, referrals
from maillage.support.journeys.dashboard import open_by_stage_and_kind
from maillage.support.journeys.models import CaseDocument, SupportCase
from tests.journeys.factories import SupportCaseFactory
from tests.people.factories import PersonFactory
from tests.services.factories import ServiceFactory


def holder_case():
    holder = PersonFactory(first_name="Lou", last_name="Fictive", email="lou@exemple.org")
    case = SupportCaseFactory(holders=[holder], title="Boulangerie de Lou Fictive")
    case.notes = "Lou hésite à quitter son emploi."
    case.save()
    follow_up.add_appointment(case, datetime.date(2026, 3, 5), "Lou Fictive", "Budget à revoir")
    follow_up.add_note(case, "Rappeler Lou jeudi", None)
    follow_up.add_document(case, "Pièce d’identité de Lou", ContentFile(b"x", name="id.pdf"), None)
    referral = referrals.refer(
        case, ServiceFactory(on_offer=True), message="Lou a besoin d’un prêt"
    )
    referrals.decline(referral, None, "Lou n’habite pas la zone")
    return case


def test_the_export_holds_the_case_notes_and_appointments_of_the_holder():
    holder_case()

    dumped = str(export_person("lou@exemple.org"))

    for trace in ("Lou hésite", "Budget à revoir", "Rappeler Lou jeudi", "Lou a besoin"):
        assert trace in dumped


def test_erasure_anonymises_the_case_and_keeps_its_counts():
    case = holder_case()
    before = open_by_stage_and_kind().rows

    erase_person("lou@exemple.org")

    case = SupportCase.objects.get(pk=case.pk)
    texts = [
        case.title, case.notes, case.description,
        *case.appointments.values_list("with_whom", "notes").get(),
        *case.case_notes.values_list("text", flat=True),
        *case.referrals.values_list("message", "decline_reason").get(),
        *case.documents.values_list("title", flat=True),
    ]  # fmt: skip
    assert not [text for text in texts if "Lou" in text]
    assert open_by_stage_and_kind().rows == before
    assert case.referrals.count() == 1


def test_an_erased_document_leaves_no_file_behind():
    case = holder_case()
    document = case.documents.get()
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)

    erase_person("lou@exemple.org")

    assert not storage.exists(name)
    assert CaseDocument.objects.get(pk=document.pk).file.name == ""


def test_erasing_a_holder_without_e_mail_reaches_the_case_through_the_address_book():
    from maillage.privacy.subject_rights import erase_person_record

    holder = PersonFactory(first_name="Eden", last_name="Sansmail", email="")
    case = SupportCaseFactory(holders=[holder], title="Projet d’Eden Sansmail")
    follow_up.add_note(case, "Eden préfère le téléphone", None)

    erase_person_record(holder)

    case.refresh_from_db()
    assert case.title == "Dossier anonymisé"
    assert case.case_notes.get().text == "Note effacée"
