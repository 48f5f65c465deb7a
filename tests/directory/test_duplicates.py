import pytest
from django.core.management import call_command
from django.urls import reverse

from maillage.directory.enums import ClaimStatus, DuplicateStatus, Source
from maillage.directory.models import (
    ChangeRecord,
    Claim,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    LegalUnit,
)
from maillage.directory.stewardship import duplicates
from maillage.directory.stewardship.errors import StewardshipError
from tests.directory.factories import CommuneFactory, EstablishmentFactory, ThemeFactory


@pytest.fixture
def redon(db):
    return CommuneFactory(code="35236", name="Redon")


@pytest.fixture
def pair(redon):
    """A SIRENE entry and, later, the same place from a map, without SIRET."""
    sirene = EstablishmentFactory(sign="ÉPICERIE SOLIDAIRE", commune=redon, street="3 RUE")
    unit = LegalUnit.objects.create(source_ref="gogocarto:7", name="Epicerie solidaire")
    theme = ThemeFactory(name="Alimentation")
    mapped = EstablishmentFactory(
        legal_unit=unit,
        siret=None,
        source_ref="gogocarto:7",
        commune=redon,
        website="https://epicerie.example",
        provenance={"website": {"source": Source.GOGOCARTO, "confirmed_at": "2026-01-01"}},
        themes=[theme],
    )
    return sirene, mapped


def test_same_folded_name_in_the_same_commune_is_proposed_once(pair):
    assert duplicates.find_duplicates() == 1
    assert duplicates.find_duplicates() == 0
    candidate = DuplicateCandidate.objects.get()
    assert candidate.first_id < candidate.second_id
    assert candidate.reason == duplicates.SAME_NAME


def test_two_sirene_establishments_of_one_unit_are_not_duplicates(redon):
    first = EstablishmentFactory(sign="RESTOS", commune=redon)
    EstablishmentFactory(sign="RESTOS", commune=redon, legal_unit=first.legal_unit)

    assert duplicates.find_duplicates() == 0


def test_a_seat_without_siret_beside_sirene_is_proposed(redon):
    site = EstablishmentFactory(sign="A", commune=redon)
    EstablishmentFactory(sign="B", commune=redon, legal_unit=site.legal_unit, siret=None)

    duplicates.find_duplicates()

    assert DuplicateCandidate.objects.get().reason == duplicates.SAME_UNIT


def test_a_dismissed_pair_is_never_proposed_again(pair, staff):
    duplicates.find_duplicates()
    duplicates.dismiss(DuplicateCandidate.objects.get(), staff)

    assert duplicates.find_duplicates() == 0
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.DISMISSED


def test_merge_keeps_the_older_entry_with_everything(pair, staff, member):
    sirene, mapped = pair
    Claim.objects.create(legal_unit=mapped.legal_unit, user=member, status=ClaimStatus.APPROVED)
    EditProposal.objects.create(establishment=mapped, proposed_by=member, changes={"phone": "1"})
    history = ChangeRecord.objects.count()
    duplicates.find_duplicates()

    kept = duplicates.merge(DuplicateCandidate.objects.get(), staff)

    assert kept.pk == sirene.pk
    assert Establishment.objects.count() == 1
    assert not LegalUnit.objects.filter(source_ref="gogocarto:7").exists()
    kept.refresh_from_db()
    assert kept.website == "https://epicerie.example"
    assert kept.provenance["website"]["source"] == Source.GOGOCARTO
    assert kept.source_ref == "gogocarto:7"  # a re-import of the map lands here now
    assert [t.name for t in kept.themes.all()] == ["Alimentation"]
    assert Claim.objects.get().legal_unit == kept.legal_unit
    assert EditProposal.objects.get().establishment == kept
    assert ChangeRecord.objects.filter(establishment=kept).count() > history
    assert ChangeRecord.objects.count() >= history + 2  # nothing lost, fusion and website added
    assert ChangeRecord.objects.filter(field="(fusion)", changed_by=staff).exists()


def test_a_pair_is_merged_once(pair, staff):
    duplicates.find_duplicates()
    candidate = DuplicateCandidate.objects.get()
    duplicates.merge(candidate, staff)

    with pytest.raises(StewardshipError):
        duplicates.merge(candidate, staff)


def test_staff_merge_from_the_review_page(client_for, staff, pair):
    call_command("find_duplicates")
    candidate = DuplicateCandidate.objects.get()
    client = client_for(staff)
    content = client.get(reverse("directory:staff_duplicates")).content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in content

    client.post(reverse("directory:decide_duplicate", args=[candidate.pk]), {"decision": "merge"})

    assert Establishment.objects.count() == 1


def test_a_member_cannot_merge(client_for, member, pair):
    duplicates.find_duplicates()
    candidate = DuplicateCandidate.objects.get()

    response = client_for(member).post(
        reverse("directory:decide_duplicate", args=[candidate.pk]), {"decision": "merge"}
    )

    assert response.status_code == 403
    assert Establishment.objects.count() == 2
