"""Group documents: checked on upload, kept out of MEDIA_ROOT, streamed to members only."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from maillage.network.working_groups import documents
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import Document
from tests.working_groups.factories import PDF, DocumentFactory

pytestmark = pytest.mark.django_db
G = "/groupes/eco-construction"


def _upload(name="ordre-du-jour.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _post(client, title="Ordre du jour", upload=None):
    return client.post(f"{G}/documents/", {"title": title, "upload": upload or _upload()})


def test_the_facilitator_adds_a_document_members_then_download(
    client_for, facilitator, member_in_group, group
):
    assert _post(client_for(facilitator)).status_code == 302
    document = Document.objects.get()

    response = client_for(member_in_group).get(document.get_absolute_url())

    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ordre-du-jour.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert document.uploaded_by == facilitator.person
    assert document.size == len(PDF)


def test_documents_are_stored_outside_media_root_under_a_random_name(settings, group):
    document = documents.add_document(
        group, title="Charte", upload=_upload("charte de l'atelier.pdf"), uploaded_by=None
    )

    path = Path(document.file.path)
    assert path.is_relative_to(settings.WORKING_GROUP_DOCUMENTS_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert "charte" not in path.name
    assert document.original_name == "charte de l'atelier.pdf"
    with pytest.raises(ValueError, match="contrôle d’accès"):
        document.file.url  # noqa: B018 - no public address exists


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("outil.exe", b"MZ\x90\x00", "Ce type de fichier n’est pas accepté"),
        ("faux.pdf", b"MZ\x90\x00 not a pdf", "ne correspond pas à son extension"),
        ("vide.pdf", b"", "est vide"),
        ("notes.txt", b"\x00\x01\x02binary", "ne correspond pas à son extension"),
    ],
)
def test_a_refused_file_gets_a_french_reason_and_keeps_the_title(
    client_for, facilitator, name, content, message
):
    response = _post(client_for(facilitator), upload=_upload(name, content))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Ordre du jour"' in page
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused(client_for, facilitator, monkeypatch):
    monkeypatch.setattr(documents, "MAX_SIZE", len(PDF) - 1)

    response = _post(client_for(facilitator))

    assert "Le fichier dépasse 10 Mo." in response.content.decode()
    assert not Document.objects.exists()


def test_an_office_document_and_utf8_text_are_accepted(group):
    odt = documents.add_document(
        group, title="Compte rendu", upload=_upload("cr.odt", b"PK\x03\x04rest"), uploaded_by=None
    )
    text = documents.add_document(
        group,
        title="Notes",
        upload=_upload("notes.txt", "Réunion à Redon".encode()),
        uploaded_by=None,
    )

    assert (odt.extension, text.extension) == ("ODT", "TXT")


def test_sending_the_same_document_twice_keeps_one(client_for, facilitator, group, settings):
    client = client_for(facilitator)
    _post(client)
    response = _post(client)

    assert response.status_code == 400
    assert "Un document de ce titre existe déjà dans le groupe." in response.content.decode()
    assert Document.objects.count() == 1
    stored = list(Path(settings.WORKING_GROUP_DOCUMENTS_ROOT).rglob("*.pdf"))
    assert len(stored) == 1


def test_deleting_a_document_removes_its_file(
    client_for, facilitator, group, django_capture_on_commit_callbacks
):
    document = DocumentFactory(group=group)
    path = Path(document.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(facilitator).post(f"{G}/documents/{document.pk}/supprimer/")

    assert not Document.objects.exists()
    assert not path.exists()


def test_a_document_whose_file_is_missing_is_not_found(client_for, staff, group):
    document = DocumentFactory(group=group)
    Path(document.file.path).unlink()

    assert client_for(staff).get(document.get_absolute_url()).status_code == 404


@given(content=st.binary(min_size=1, max_size=64))
def test_a_pdf_is_accepted_exactly_when_its_content_starts_like_a_pdf(content):
    upload = _upload("piece.pdf", content)
    looks_like_pdf = content.startswith(b"%PDF-")

    try:
        documents.check_upload(upload)
    except WorkingGroupRefused:
        accepted = False
    else:
        accepted = True

    assert accepted == looks_like_pdf


FILE_NAMES = st.text(min_size=1, max_size=40).filter(
    lambda name: name not in (".", "..") and not {"/", "\\", "\x00"} & set(name)
)


@given(name=FILE_NAMES)
def test_only_listed_extensions_are_accepted_whatever_the_name(name):
    upload = _upload(name, b"%PDF-1.4 and text")
    listed = documents.file_type_of(name) is not None

    try:
        documents.check_upload(upload)
        reason = ""
    except WorkingGroupRefused as error:
        reason = str(error)

    assert reason.startswith("Ce type de fichier n’est pas accepté") == (not listed)
