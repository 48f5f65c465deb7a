"""SIRENE files as INSEE and Etalab publish them: either file alone, the geolocated variants,
INSEE's placeholders, and an RNA number carried by two SIRENs."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from maillage.core import lambert93
from maillage.directory.enums import EssFamily, ImportKind, ImportStatus
from maillage.directory.models import DuplicateCandidate, Establishment, ImportRun, LegalUnit
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.sirene import SireneImporter
from tests.directory.conftest import establishment, unit, write_csv
from tests.directory.headers import (
    ESTABLISHMENT_COLUMNS,
    INSEE_2024_ESTABLISHMENT_COLUMNS,
    INSEE_GEOLOCATION_COLUMNS,
    UNIT_COLUMNS,
)
from tests.tokens import with_token

ASSO, OTHER, STRANGER = "111111111", "444444444", "555555555"
REDON_LON, REDON_LAT = -2.0852, 47.6517


@pytest.fixture
def known(territory, sirene_files):
    """The directory already knows ASSO and its head office."""
    SireneImporter(territory).run(*sirene_files([establishment(f"{ASSO}00011")], [unit(ASSO)]))
    return LegalUnit.objects.get(siren=ASSO)


def units_file(tmp_path, rows, name="StockUniteLegale_utf8.csv"):
    return write_csv(tmp_path / name, UNIT_COLUMNS, rows)


def sites_file(tmp_path, rows, columns=ESTABLISHMENT_COLUMNS, name="StockEtablissement.csv"):
    rows = [{k: v for k, v in row.items() if k in columns} for row in rows]
    return write_csv(tmp_path / name, columns, rows)


def test_a_units_file_alone_updates_the_known_units_and_says_where_placing_needs(
    territory, known, tmp_path
):
    path = units_file(
        tmp_path,
        [
            unit(ASSO, denominationUniteLegale="AMIS DU CANAL", trancheEffectifsUniteLegale="12"),
            unit(STRANGER),
        ],
    )

    result = SireneImporter(territory).run(None, path)

    known.refresh_from_db()
    assert (known.name, known.employee_bracket) == ("AMIS DU CANAL", "12")
    assert known.ess_family == EssFamily.ASSOCIATION
    assert not LegalUnit.objects.filter(siren=STRANGER).exists()
    assert result.establishments is None
    report = result.units
    assert (report.status, report.rows_read, report.rows_updated) == (ImportStatus.SUCCEEDED, 2, 1)
    assert report.rows_skipped == 1
    assert "importez aussi le fichier des établissements (StockEtablissement)" in report.message


def test_the_command_takes_a_units_file_alone(territory, known, tmp_path):
    out = StringIO()

    call_command("import_sirene", unites=units_file(tmp_path, [unit(ASSO)]), stdout=out)

    assert "SIRENE – unités légales" in out.getvalue()
    assert "lui seul dit où elles se trouvent" in out.getvalue()
    assert ImportRun.objects.filter(kind=ImportKind.SIRENE_UNITS).count() == 2


def test_an_establishments_file_alone_lands_the_sites_of_known_units_only(
    territory, known, tmp_path
):
    path = sites_file(
        tmp_path,
        [
            establishment(f"{ASSO}00029", etablissementSiege="false"),
            establishment(f"{STRANGER}00012"),
        ],
    )

    result = SireneImporter(territory).run(path)

    assert set(Establishment.objects.values_list("siret", flat=True)) == {
        f"{ASSO}00011",
        f"{ASSO}00029",
    }
    report = result.establishments
    assert (report.rows_created, report.rows_rejected, report.rows_skipped) == (1, 0, 1)
    assert "1 établissement du territoire relève d’unités légales" in report.message
    assert "StockUniteLegale" in report.message
    assert result.units is None


def test_insee_2024_stock_is_placed_from_its_lambert_93_columns(territory, tmp_path):
    x, y = lambert93.from_lonlat(REDON_LON, REDON_LAT)
    row = establishment(
        f"{ASSO}00011",
        coordonneeLambertAbscisseEtablissement=f"{x:.1f}",
        coordonneeLambertOrdonneeEtablissement=f"{y:.1f}",
        identifiantAdresseEtablissement="35236_0420_00003",
    )
    path = sites_file(tmp_path, [row], INSEE_2024_ESTABLISHMENT_COLUMNS)

    SireneImporter(territory).run(path, units_file(tmp_path, [unit(ASSO)]))

    site = Establishment.objects.get()
    assert site.longitude == pytest.approx(REDON_LON, abs=1e-5)
    assert site.latitude == pytest.approx(REDON_LAT, abs=1e-5)


def test_a_stock_joined_with_insee_geolocation_reads_its_coordinates(territory, tmp_path):
    x, y = lambert93.from_lonlat(REDON_LON, REDON_LAT)
    columns = [c for c in ESTABLISHMENT_COLUMNS if c not in {"longitude", "latitude"}]
    with_both = establishment(
        f"{ASSO}00011", x=f"{x:.1f}", y=f"{y:.1f}", epsg="2154", qualite_xy="11"
    )
    lambert_only = establishment(
        f"{ASSO}00029", x=f"{x + 1000:.1f}", y=f"{y:.1f}", epsg="2154", etablissementSiege="false"
    )
    with_both |= {"x_longitude": "-2.0850", "y_latitude": "47.6520"}
    path = sites_file(tmp_path, [with_both, lambert_only], [*columns, *INSEE_GEOLOCATION_COLUMNS])

    SireneImporter(territory).run(path, units_file(tmp_path, [unit(ASSO)]))

    first = Establishment.objects.get(siret=f"{ASSO}00011")
    assert (first.longitude, first.latitude) == (-2.085, 47.652)
    second = Establishment.objects.get(siret=f"{ASSO}00029")
    assert second.longitude == pytest.approx(REDON_LON + 0.0133, abs=1e-3)


def test_overseas_utm_coordinates_are_not_read_as_lambert_93(territory, tmp_path):
    row = establishment(f"{ASSO}00011", x="690000.0", y="1630000.0", epsg="5490")
    columns = [c for c in ESTABLISHMENT_COLUMNS if c not in {"longitude", "latitude"}]
    path = sites_file(tmp_path, [row], [*columns, *INSEE_GEOLOCATION_COLUMNS])

    result = SireneImporter(territory).run(path, units_file(tmp_path, [unit(ASSO)]))

    assert result.establishments.rows_created == 1
    assert Establishment.objects.get().longitude is None


def test_insee_placeholders_are_read_as_unknown(territory, tmp_path):
    site = establishment(
        f"{ASSO}00011",
        dateCreationEtablissement="1900-01-01",
        trancheEffectifsEtablissement="",
        enseigne1Etablissement="[ND]",
        longitude="[ND]",
        latitude="[ND]",
    )
    legal = unit(
        ASSO,
        dateCreationUniteLegale="1900-01-01",
        trancheEffectifsUniteLegale="[ND]",
        sigleUniteLegale="[ND]",
    )

    SireneImporter(territory).run(sites_file(tmp_path, [site]), units_file(tmp_path, [legal]))

    stored = Establishment.objects.select_related("legal_unit").get()
    assert (stored.created_on, stored.employee_bracket, stored.sign) == (None, "", "")
    assert stored.longitude is None
    assert (stored.legal_unit.created_on, stored.legal_unit.employee_bracket) == (None, "")
    assert stored.legal_unit.acronym == ""


def shared_rna_files(tmp_path):
    sites = sites_file(tmp_path, [establishment(f"{ASSO}00011"), establishment(f"{OTHER}00013")])
    units = units_file(
        tmp_path,
        [
            unit(
                ASSO,
                identifiantAssociationUniteLegale="W353000123",
                dateCreationUniteLegale="1998-05-04",
            ),
            unit(
                OTHER,
                identifiantAssociationUniteLegale="W353000123",
                dateCreationUniteLegale="2021-09-01",
            ),
        ],
    )
    return sites, units


def test_two_sirens_sharing_an_rna_number_are_both_kept_and_proposed_as_duplicates(
    territory, tmp_path
):
    result = SireneImporter(territory).run(*shared_rna_files(tmp_path))

    refounded, former = LegalUnit.objects.get(siren=OTHER), LegalUnit.objects.get(siren=ASSO)
    assert refounded.rna_id == "W353000123"  # the most recently created keeps the number
    assert former.rna_id is None
    pair = DuplicateCandidate.objects.get()
    assert {pair.first.siret, pair.second.siret} == {f"{ASSO}00011", f"{OTHER}00013"}
    assert "W353000123" in pair.reason
    assert result.units.status == ImportStatus.SUCCEEDED
    assert result.units.rows_created == 2
    assert f"rattaché à {OTHER}, pas à {ASSO}" in result.units.message
    assert "doublon proposé à l’équipe" in result.units.message


def test_an_rna_number_already_held_stays_with_its_unit(territory, tmp_path):
    SireneImporter(territory).run(*shared_rna_files(tmp_path))
    sites = sites_file(tmp_path, [establishment(f"{STRANGER}00012")], name="later.csv")
    units = units_file(
        tmp_path,
        [unit(STRANGER, identifiantAssociationUniteLegale="W353000123")],
        name="later_units.csv",
    )

    result = SireneImporter(territory).run(sites, units)

    assert LegalUnit.objects.get(siren=OTHER).rna_id == "W353000123"
    assert LegalUnit.objects.get(siren=STRANGER).rna_id is None
    assert DuplicateCandidate.objects.count() == 2  # the new unit beside the holder
    assert f"rattaché à {OTHER}" in result.units.message


def test_the_command_imports_a_shared_rna_file_without_a_traceback(territory, tmp_path):
    sites, units = shared_rna_files(tmp_path)
    out = StringIO()

    call_command("import_sirene", etablissements=sites, unites=units, stdout=out)

    assert "Numéro RNA W353000123 porté par plusieurs SIREN" in out.getvalue()
    assert LegalUnit.objects.count() == 2


def test_staff_upload_a_units_file_alone_and_read_its_report(
    territory, known, tmp_path, client_for, staff, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    content = units_file(tmp_path, [unit(ASSO, trancheEffectifsUniteLegale="12")]).read_bytes()
    upload = SimpleUploadedFile("StockUniteLegale_utf8.csv", content, content_type="text/csv")

    client_for(staff).post(
        reverse("directory:imports"), with_token({"kind": ImportKind.SIRENE_UNITS, "file": upload})
    )

    run = ImportRun.objects.filter(requested_by=staff).get()
    assert run.status == ImportStatus.SUCCEEDED, run.message
    assert (run.kind, run.rows_updated) == (ImportKind.SIRENE_UNITS, 1)
    page = client_for(staff).get(reverse("directory:import_run", args=[run.pk])).content.decode()
    assert "lui seul dit où elles se trouvent" in page


def geolocation_file(tmp_path, rows, delimiter=";"):
    columns = ["siret", *INSEE_GEOLOCATION_COLUMNS]
    return write_csv(
        tmp_path / "GeolocalisationEtablissement_Sirene_pour_etudes_statistiques_utf8.csv",
        columns,
        rows,
        delimiter=delimiter,
    )


@pytest.mark.parametrize("delimiter", [";", ","])
def test_insee_geolocation_file_places_the_sites_the_stock_leaves_unplaced(
    territory, tmp_path, delimiter
):
    x, y = lambert93.from_lonlat(REDON_LON, REDON_LAT)
    columns = [c for c in ESTABLISHMENT_COLUMNS if c not in {"longitude", "latitude"}]
    sites = sites_file(
        tmp_path,
        [
            establishment(f"{ASSO}00011"),
            establishment(f"{ASSO}00029", etablissementSiege="false"),
            establishment(f"{ASSO}00037", etablissementSiege="false"),
        ],
        columns,
    )
    geolocation = geolocation_file(
        tmp_path,
        [
            {"siret": f"{ASSO}00011", "x": f"{x:.1f}", "y": f"{y:.1f}", "epsg": "2154"},
            {"siret": f"{ASSO}00029", "x_longitude": "-2.09", "y_latitude": "47.66"},
            {"siret": f"{ASSO}00037", "x": "[ND]", "y": "[ND]", "epsg": "2154"},
            {"siret": "99999999900017", "x": "1", "y": "1", "epsg": "2154"},
        ],
        delimiter,
    )

    result = SireneImporter(territory).run(sites, units_file(tmp_path, [unit(ASSO)]), geolocation)

    head = Establishment.objects.get(siret=f"{ASSO}00011")
    assert head.longitude == pytest.approx(REDON_LON, abs=1e-5)
    assert Establishment.objects.get(siret=f"{ASSO}00029").latitude == 47.66
    assert Establishment.objects.get(siret=f"{ASSO}00037").longitude is None
    assert "2 établissements placés" in result.establishments.message


def test_a_wrong_geolocation_file_is_refused_before_any_write(territory, tmp_path):
    sites = sites_file(tmp_path, [establishment(f"{ASSO}00011")])

    with pytest.raises(ImportRefused, match="géolocalisation"):
        SireneImporter(territory).run(sites, units_file(tmp_path, [unit(ASSO)]), sites)

    assert not Establishment.objects.exists()
