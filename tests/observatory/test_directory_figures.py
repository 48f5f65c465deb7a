"""Figures from the directory's own entries, against the answers worked out in conftest."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.observatory.enums import Denominator, Dimension, SourceKind
from maillage.observatory.figures.compute import compute_from_directory
from maillage.observatory.models import Figure, ImmutableError, Snapshot
from tests.observatory.conftest import BAINS, EPCI, EXPECTED_JOBS_MID, REDON
from tests.observatory.factories import ReferenceFigureFactory

DAY = date(2025, 1, 1)


def figures(snapshot, dimension):
    return {f.key: f for f in snapshot.figures.of(dimension)}


def test_territory_counts_ess_establishments_employers_and_job_bounds(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)

    area = figures(snapshot, Dimension.AREA)["pays-de-test"]
    assert (area.establishments, area.employers) == (5, 3)
    assert (area.jobs_low, area.jobs_mid, area.jobs_high) == (17, EXPECTED_JOBS_MID, 30)
    assert area.jobs == 24  # 23.5 rounds half up
    assert area.unknown_brackets == 1
    assert area.population == 12500
    assert area.jobs_per_thousand == Decimal("23.5") * 1000 / 12500


def test_breakdowns_by_family_commune_epci_size_and_sector(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)

    family = figures(snapshot, Dimension.FAMILY)
    assert {k: (f.establishments, f.employers) for k, f in family.items()} == {
        "association": (4, 2),
        "cooperative": (1, 1),
    }
    commune = figures(snapshot, Dimension.COMMUNE)
    assert (commune[REDON].establishments, commune[REDON].jobs_mid) == (3, Decimal("22"))
    assert (commune[BAINS].establishments, commune[BAINS].jobs_mid) == (2, Decimal("1.5"))
    assert commune[REDON].parent == EPCI
    assert figures(snapshot, Dimension.EPCI)[EPCI].establishments == 5
    size = figures(snapshot, Dimension.SIZE)
    assert {k: f.establishments for k, f in size.items()} == {
        "NN": 1,
        "01": 1,
        "03": 1,
        "11": 1,
        "": 1,
    }
    section = figures(snapshot, Dimension.SECTION)
    assert {k: f.establishments for k, f in section.items()} == {"G": 1, "Q": 2, "R": 1, "S": 1}
    assert list(figures(snapshot, Dimension.DIVISION))[:2] == ["88", "47"]


def test_directory_snapshot_has_no_share_without_a_reference_figure(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)

    assert snapshot.denominator == Denominator.NONE
    area = figures(snapshot, Dimension.AREA)["pays-de-test"]
    assert area.all_jobs is None
    assert area.job_share is None


def test_reference_figure_gives_the_share_and_is_recorded(hand_directory):
    ReferenceFigureFactory(value=200, publication="Estimation de l’équipe")

    snapshot = compute_from_directory(data_date=DAY)

    assert snapshot.denominator == Denominator.REFERENCE
    assert "Estimation de l’équipe" in snapshot.denominator_note
    area = figures(snapshot, Dimension.AREA)["pays-de-test"]
    assert area.job_share == Decimal("11.75")


def test_snapshot_keeps_its_provenance(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)

    assert snapshot.source_kind == SourceKind.DIRECTORY
    assert len(snapshot.checksum) == 64
    assert snapshot.territory_definition["communes"] == [BAINS, REDON]
    assert snapshot.method_version == "1.0"
    assert snapshot.drills_down


def test_recomputing_the_same_input_returns_the_same_snapshot(hand_directory):
    first = compute_from_directory(data_date=DAY)
    again = compute_from_directory(data_date=DAY)

    assert again.pk == first.pk
    assert Snapshot.objects.count() == 1


def test_recomputing_after_deletion_gives_identical_figures(hand_directory):
    def table(snapshot):
        return sorted(
            Figure.objects.filter(snapshot=snapshot).values_list(
                "dimension",
                "key",
                "label",
                "establishments",
                "employers",
                "jobs_low",
                "jobs_mid",
                "jobs_high",
                "unknown_brackets",
                "population",
            )
        )

    first = compute_from_directory(data_date=DAY)
    before, digest = table(first), first.content_hash
    first.delete()
    second = compute_from_directory(data_date=DAY)

    assert table(second) == before
    assert second.content_hash == digest


def test_a_changed_directory_gives_a_new_snapshot(hand_directory):
    first = compute_from_directory(data_date=DAY)
    from tests.observatory.conftest import commune
    from tests.observatory.factories import EstablishmentFactory

    EstablishmentFactory(commune=commune(REDON))

    assert compute_from_directory(data_date=DAY).pk != first.pk


def test_snapshot_and_figures_cannot_be_edited(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)
    figure = snapshot.figures.first()

    snapshot.territory_name = "Autre"
    with pytest.raises(ImmutableError):
        snapshot.save()
    figure.establishments = 999
    with pytest.raises(ImmutableError):
        figure.save()
