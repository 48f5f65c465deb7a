import pytest
from django.core import mail
from django.urls import reverse

from maillage.directory.enums import ClaimStatus, ProposalStatus, Source
from maillage.directory.models import ChangeRecord, Claim, EditProposal, Establishment
from maillage.directory.stewardship import claims, editing
from maillage.directory.stewardship.errors import StewardshipError
from tests.directory.factories import EstablishmentFactory, ThemeFactory
from tests.factories import UserFactory


@pytest.fixture
def site(db):
    return EstablishmentFactory(sign="La Recyclerie")


@pytest.fixture
def representative(member, site):
    claim = claims.submit_claim(member, site, role="présidente")
    claims.approve_claim(claim, UserFactory(staff=True))
    mail.outbox.clear()
    return member


def test_a_member_claims_an_organisation_from_its_page(client_for, member, site):
    response = client_for(member).post(
        reverse("directory:claim", args=[site.pk]), {"role": "trésorier", "message": "Bonjour"}
    )

    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.user, claim.legal_unit, claim.status) == (member, site.legal_unit, "pending")


def test_a_double_submit_creates_one_live_claim_and_says_so(client_for, partner, site):
    client = client_for(partner)
    url = reverse("directory:claim", args=[site.pk])
    client.post(url, {"role": "salariée"})

    response = client.post(url, {"role": "salariée"}, follow=True)

    assert Claim.objects.count() == 1
    assert "déjà une demande" in response.content.decode()


def test_the_database_refuses_a_second_live_claim(member, site):
    Claim.objects.create(legal_unit=site.legal_unit, user=member)
    with pytest.raises(StewardshipError):
        claims.submit_claim(member, site)


def test_the_claim_page_renders_without_unknown_variables(client_for, member, site):
    content = client_for(member).get(reverse("directory:claim", args=[site.pk])).content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in content
    assert "La Recyclerie" in content


def test_an_anonymous_visitor_is_sent_to_login(client, site):
    for url in [
        reverse("directory:claim", args=[site.pk]),
        reverse("space:directory:my_organisations"),
        reverse("directory:staff_claims"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/compte/" in response["Location"]


def test_staff_approve_and_the_person_is_told_by_email(client_for, staff, member, site):
    claim = claims.submit_claim(member, site)

    client_for(staff).post(
        reverse("directory:decide_claim", args=[claim.pk]), {"decision": "approve"}
    )

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.decided_by == staff
    assert mail.outbox[-1].to == [member.email]
    assert "représentez" in mail.outbox[-1].subject


def test_a_partner_cannot_approve_a_claim(client_for, partner, member, site):
    claim = claims.submit_claim(member, site)

    response = client_for(partner).post(
        reverse("directory:decide_claim", args=[claim.pk]), {"decision": "approve"}
    )

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_claim_is_decided_once(staff, member, site):
    claim = claims.submit_claim(member, site)
    claims.reject_claim(claim, staff)
    with pytest.raises(StewardshipError):
        claims.approve_claim(claim, staff)


def test_a_member_cannot_edit_another_organisations_entry(client_for, representative):
    other = EstablishmentFactory()

    response = client_for(representative).get(
        reverse("space:directory:edit_entry", args=[other.pk])
    )
    posted = client_for(representative).post(
        reverse("space:directory:confirm_entry", args=[other.pk])
    )

    assert response.status_code == 404
    assert posted.status_code == 404


def test_an_edit_waits_for_staff_then_applies_with_history(client_for, representative, site, staff):
    theme = ThemeFactory(name="Réemploi")
    response = client_for(representative).post(
        reverse("space:directory:edit_entry", args=[site.pk]),
        {
            "description": "Nous réparons.",
            "website": "https://recyclerie.example",
            "email": "bonjour@recyclerie.example",
            "phone": "",
            "contacts_public": "on",
            "opening_hours": "Mardi 14 h – 18 h",
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.description == ""  # nothing published before staff accept
    proposal = EditProposal.objects.get()

    client_for(staff).post(
        reverse("directory:decide_proposal", args=[proposal.pk]), {"decision": "accept"}
    )

    site.refresh_from_db()
    assert site.description == "Nous réparons."
    assert site.contacts_public
    assert list(site.themes.all()) == [theme]
    assert site.provenance["description"]["source"] == Source.ORGANISATION
    assert site.last_confirmed_on is not None
    fields = set(
        ChangeRecord.objects.filter(changed_by=representative).values_list("field", flat=True)
    )
    assert {"description", "website", "email", "contacts_public", "themes"} <= fields
    assert EditProposal.objects.get().status == ProposalStatus.ACCEPTED
    assert mail.outbox[-1].to == [representative.email]


def test_an_empty_proposal_is_refused(representative, site):
    with pytest.raises(StewardshipError, match="Aucune modification"):
        editing.propose_edit(representative, site, editing.current_values(site))


def test_a_logo_upload_is_kept_with_the_proposal(client_for, representative, site, staff):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (10, 10), "green").save(buffer, "PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    client_for(representative).post(
        reverse("space:directory:edit_entry", args=[site.pk]), {"logo": logo, "website": ""}
    )
    editing.accept_proposal(EditProposal.objects.get(), staff)

    site.refresh_from_db()
    assert site.logo.name.startswith("directory/logos/")


def test_a_file_that_is_not_an_image_is_refused_as_logo(client_for, representative, site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")
    response = client_for(representative).post(
        reverse("space:directory:edit_entry", args=[site.pk]), {"logo": fake}
    )

    assert response.status_code == 200
    assert not EditProposal.objects.exists()


def test_a_representative_confirms_the_entry(client_for, representative, site):
    client_for(representative).post(reverse("space:directory:confirm_entry", args=[site.pk]))

    site.refresh_from_db()
    assert site.last_confirmed_on is not None


def test_staff_edit_directly_with_staff_provenance(client_for, staff, site):
    client_for(staff).post(
        reverse("directory:staff_edit_entry", args=[site.pk]),
        {"description": "Corrigé par l’équipe", "website": ""},
    )

    site.refresh_from_db()
    assert site.provenance["description"]["source"] == Source.STAFF
    record = ChangeRecord.objects.get(field="description")
    assert (record.changed_by, record.source) == (staff, Source.STAFF)


def test_history_is_for_staff_only(client_for, representative, staff, site):
    url = reverse("directory:entry_history", args=[site.pk])

    assert client_for(representative).get(url).status_code == 403
    content = client_for(staff).get(url).content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in content
    assert "Création de la fiche" in content


def test_my_organisations_lists_the_approved_entries(client_for, representative, site):
    content = client_for(representative).get(reverse("space:directory:my_organisations")).content
    assert "La Recyclerie" in content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in content.decode()


def test_staff_pages_render(client_for, staff, member, site):
    claims.submit_claim(member, site)
    EditProposal.objects.create(establishment=site, proposed_by=member, changes={"phone": "01"})
    client = client_for(staff)
    for name in ["staff_claims", "staff_proposals", "staff_stale", "staff_duplicates", "imports"]:
        response = client.get(reverse(f"directory:{name}"))
        assert response.status_code == 200, name
        assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode(), name
    assert Establishment.objects.count() == 1
