"""Every path that writes entries leaves the map's counts as a full rebuild would write them,
once its transaction has committed: imports, staff edits, accepted proposals, family
decisions (listing and unlisting), deletions, merges, the geocoder and the demo."""

from io import StringIO

import pytest
from django.core.management import call_command

from maillage.directory import map_clusters
from maillage.directory.demo import create_demo_directory
from maillage.directory.enums import Source
from maillage.directory.models import DuplicateCandidate, Establishment, MapCellCount
from maillage.directory.stewardship import duplicates, editing, family_decisions
from maillage.hub import current_hub
from maillage.territory.importer import load_configured_territory
from maillage.territory.models import Commune
from tests.directory.conftest import establishment, unit
from tests.directory.factories import CommuneFactory, EstablishmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REDON = (-2.0852, 47.6517)
GEOCODED = {
    name: {"source": Source.GEOCODER, "confirmed_at": "2026-01-01"}
    for name in ("longitude", "latitude")
}


def in_step() -> list[tuple]:
    """The counts as written by the path, checked against a full rebuild; returned."""
    assert map_clusters.is_fresh()
    written = counts()
    map_clusters.rebuild()
    assert written == counts()
    return written


def counts() -> list[tuple]:
    fields = ("level", "column", "row", "family", "commune_id", "count", "first")
    extremes = ("west", "east", "south", "north")
    return sorted(MapCellCount.objects.values_list(*fields, *extremes))


def total() -> int:
    return sum(MapCellCount.objects.filter(level=0).values_list("count", flat=True))


@pytest.fixture
def mapped(django_capture_on_commit_callbacks):
    """Six located entries around Redon in two communes, counted."""
    communes = [CommuneFactory(name="Redon"), CommuneFactory(name="Bains-sur-Oust")]
    with django_capture_on_commit_callbacks(execute=True):
        sites = [
            EstablishmentFactory(
                longitude=REDON[0] + step * 0.01,
                latitude=REDON[1],
                commune=communes[step % 2],
                provenance=GEOCODED,  # a new address takes it off the map until geocoded
            )
            for step in range(6)
        ]
    in_step()
    return sites


def test_an_import_counts_its_entries_once_at_its_end(
    territory, sirene_files, django_capture_on_commit_callbacks
):
    establishments, units = sirene_files(
        [establishment("11111111100011"), establishment("22222222200011", longitude="-2.03")],
        [unit("111111111"), unit("222222222")],
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:
        call_command(
            "import_sirene",
            etablissements=establishments,
            unites=units,
            territory="pays-de-test",
            stdout=StringIO(),
        )
    assert queued.count(map_clusters.refresh) == 1
    in_step()
    assert total() == 2


def test_a_staff_edit_of_the_address_takes_the_entry_off_the_map(
    mapped, django_capture_on_commit_callbacks
):
    staff = UserFactory(staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        editing.staff_edit(mapped[0], {"street": "9 quai Surcouf"}, staff)
    assert Establishment.objects.get(pk=mapped[0].pk).longitude is None  # to geocode again
    in_step()
    assert total() == 5


def test_an_accepted_proposal_keeps_the_counts_in_step(mapped, django_capture_on_commit_callbacks):
    member, staff = UserFactory(), UserFactory(staff=True)
    proposal = editing.propose_edit(member, mapped[1], {"street": "1 place de la Gare"})
    with django_capture_on_commit_callbacks(execute=True):
        editing.accept_proposal(proposal, staff)
    in_step()
    assert total() == 5


def test_a_family_decision_unlists_and_its_withdrawal_lists_again(
    mapped, django_capture_on_commit_callbacks
):
    staff = UserFactory(staff=True)
    legal_unit = mapped[2].legal_unit
    with django_capture_on_commit_callbacks(execute=True):
        family_decisions.decide(legal_unit, "outside", "Une société sans agrément ESS.", staff)
    in_step()
    assert total() == 5
    with django_capture_on_commit_callbacks(execute=True):
        family_decisions.decide(legal_unit, "cooperative", "Statut de SCIC vérifié.", staff)
    assert "cooperative" in {row[3] for row in in_step()}
    assert total() == 6
    with django_capture_on_commit_callbacks(execute=True):
        family_decisions.withdraw(legal_unit, staff)
    assert "cooperative" not in {row[3] for row in in_step()}
    assert total() == 6


def test_deleting_an_entry_or_its_unit_takes_it_off(mapped, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mapped[3].delete()
    in_step()
    with django_capture_on_commit_callbacks(execute=True):
        mapped[4].legal_unit.delete()
    in_step()
    assert total() == 4


def test_merging_duplicates_counts_the_kept_entry_once(mapped, django_capture_on_commit_callbacks):
    first, second = mapped[0], mapped[5]
    candidate = DuplicateCandidate.objects.create(
        first_id=first.pk, second_id=second.pk, reason=duplicates.SAME_NAME
    )
    with django_capture_on_commit_callbacks(execute=True):
        duplicates.merge(candidate, UserFactory(staff=True))
    in_step()
    assert total() == 5


def test_a_queryset_update_marks_its_tiles_and_the_next_refresh_counts_them(mapped):
    Establishment.objects.filter(pk=mapped[0].pk).update(family="mutuelle")
    assert not map_clusters.is_fresh()  # the map groups the entries until then
    assert map_clusters.refresh() == 1
    in_step()


def test_a_renamed_commune_names_its_clusters_again(mapped):
    commune = Commune.objects.get(pk=mapped[0].commune_id)
    commune.name = "Aaa-Premier-Nom"
    commune.save()
    assert not map_clusters.is_fresh()
    map_clusters.refresh()
    assert commune.pk in {row[4] for row in in_step()}


def test_the_demo_counts_its_entries(django_capture_on_commit_callbacks):
    load_configured_territory(current_hub().territory)
    with django_capture_on_commit_callbacks(execute=True):
        created = create_demo_directory(count=40)
    in_step()
    assert total() == Establishment.objects.published().located().count() > 0
    assert created == 40
