"""A funder's logo (uploaded by staff, checked by its content, kept private) and the mention
its agreement requires: shown in the annexes of the activity report, in the page and in the
PDF, ODT and DOCX files, as they were when the version was frozen."""

import io
import subprocess
import zipfile
from datetime import date

import docx
import odfdo
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from maillage.core.documents import Image as ImageBlock
from maillage.core.documents import Paragraph
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, report_of
from maillage.reports.funding.models import Funder
from maillage.reports.report_files.generation import request_files
from tests.reports.funding.factories import FunderFactory, GrantFactory

pytestmark = pytest.mark.django_db
YEAR = 2026
MENTION = "Action soutenue par la Région fictive."


@pytest.fixture(autouse=True)
def _private_folders(settings, tmp_path):
    settings.FUNDER_LOGOS_ROOT = tmp_path / "financeurs"
    settings.REPORT_FILES_ROOT = tmp_path / "rapports"


def picture(image_format="PNG", size=(120, 40), colour="navy") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=image_format)
    return out.getvalue()


def edit(client, funder, upload, **more):
    data = {"name": funder.name, "kind": funder.kind, "siret": funder.siret, "legal_unit": ""}
    if upload is not None:
        data["new_logo"] = upload
    return client.post(reverse("funding:funder_edit", args=[funder.pk]), {**data, **more})


def test_staff_upload_a_logo_kept_private_and_shown_to_staff_only(
    client_for, staff, member, settings
):
    funder = FunderFactory()
    client = client_for(staff)
    logo = picture()
    upload = SimpleUploadedFile("logo région.PNG", logo, content_type="text/plain")

    response = edit(client, funder, upload, required_mention=MENTION)

    assert response.status_code == 302
    funder.refresh_from_db()
    assert funder.required_mention == MENTION
    stored = list((settings.FUNDER_LOGOS_ROOT).iterdir())
    assert [path.suffix for path in stored] == [".png"]  # a name of our own, by its content
    assert stored[0].read_bytes() == logo
    served = client.get(reverse("funding:funder_logo", args=[funder.pk]))
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == logo
    assert (
        client_for(member).get(reverse("funding:funder_logo", args=[funder.pk])).status_code == 403
    )
    with pytest.raises(ValueError, match="contrôle d’accès"):
        funder.logo.url  # noqa: B018 - the private storage has no address


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.png", b"<svg onload='alert(1)'></svg>", "n’est pas une image PNG ou JPEG lisible"),
        ("logo.png", picture("GIF"), "Le logo doit être une image PNG ou JPEG."),
        ("logo.png", b"\x89PNG" + b"0" * (1024 * 1024), "Ce logo dépasse 1 Mo."),
    ],
)
def test_a_logo_is_checked_by_its_content_and_its_size(
    client_for, staff, settings, name, data, message
):
    funder = FunderFactory()
    response = edit(client_for(staff), funder, SimpleUploadedFile(name, data))
    assert response.status_code == 400
    assert message in response.content.decode()
    funder.refresh_from_db()
    assert not funder.logo
    assert not settings.FUNDER_LOGOS_ROOT.exists() or not any(settings.FUNDER_LOGOS_ROOT.iterdir())


def test_a_new_logo_replaces_the_former_file_and_staff_may_remove_it(client_for, staff, settings):
    funder = FunderFactory()
    client = client_for(staff)
    edit(client, funder, SimpleUploadedFile("a.png", picture()))
    edit(client, funder, SimpleUploadedFile("b.jpg", picture("JPEG")))
    assert [p.suffix for p in settings.FUNDER_LOGOS_ROOT.iterdir()] == [".jpg"]
    edit(client, funder, None, remove_logo="on")
    funder.refresh_from_db()
    assert not funder.logo
    assert list(settings.FUNDER_LOGOS_ROOT.iterdir()) == []


def read(field) -> bytes:
    with field.open("rb") as opened:
        return opened.read()


def funded(logo: bytes | None = None, mention: str = MENTION) -> Funder:
    funder = FunderFactory(name="Région fictive", required_mention=mention)
    if logo is not None:
        funder.logo.save("logo.png", io.BytesIO(logo))
    GrantFactory(funder=funder, starts_on=date(YEAR, 1, 1), ends_on=date(YEAR, 12, 31))
    return funder


def test_the_annexes_show_the_funders_of_the_year_with_their_mention_and_logo(
    client_for, staff, time_machine
):
    time_machine.move_to(f"{YEAR}-06-15 10:00 +02:00")
    logo = picture()
    funded(logo)
    other = FunderFactory(name="Sans subvention cette année", required_mention="Ailleurs.")
    GrantFactory(funder=other, starts_on=date(YEAR - 2, 1, 1), ends_on=date(YEAR - 2, 12, 31))

    page = client_for(staff).get(reverse("annual:report", args=[YEAR])).content.decode()
    page = page.replace("\u00a0", " ").replace("\u202f", " ")

    assert "Financeurs : mentions obligatoires et logos" in page
    assert MENTION in page
    assert 'alt="Logo de Région fictive"' in page
    assert "data:image/png;base64," in page
    assert "Ailleurs." not in page


def test_a_frozen_version_keeps_the_logo_and_mention_it_was_frozen_with():
    logo = picture()
    funder = funded(logo)
    version = freeze(report_of(YEAR))
    funder.required_mention = "Nouvelle mention."
    funder.logo.save("autre.png", io.BytesIO(picture(colour="red")))
    funder.save()

    blocks = build_document(version).blocks

    (image,) = [b for b in blocks if isinstance(b, ImageBlock)]
    assert (image.data, image.media_type, image.alt) == (
        logo,
        "image/png",
        "Logo de Région fictive",
    )
    assert Paragraph(MENTION) in blocks


def test_the_pdf_odt_and_docx_hold_the_mention_and_the_logo(
    tmp_path, django_capture_on_commit_callbacks
):
    logo = picture(size=(240, 80))
    funded(logo)
    version = freeze(report_of(YEAR))
    with django_capture_on_commit_callbacks(execute=True):
        request_files(version)
    files = version.files
    files.refresh_from_db()

    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(read(files.pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    assert MENTION in " ".join(text.stdout.split())
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert any(line.split()[3:5] == ["240", "80"] for line in images.stdout.splitlines()[2:])

    odt_bytes = read(files.odt)
    assert MENTION in odfdo.Document(io.BytesIO(odt_bytes)).get_formatted_text()
    with zipfile.ZipFile(io.BytesIO(odt_bytes)) as package:
        assert logo in [package.read(name) for name in package.namelist() if "Pictures" in name]

    word = docx.Document(io.BytesIO(read(files.docx)))
    assert MENTION in [paragraph.text for paragraph in word.paragraphs]
    blobs = [part.blob for part in word.part.package.parts if "image" in part.content_type]
    assert logo in blobs
