import csv

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.directory.enums import EssFamily, ImportStatus, Source
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.spreadsheet import COLUMNS, TEMPLATE, SpreadsheetImporter
from tests.directory.conftest import BAINS, REDON


def line(nom="La Recyclerie", commune="Redon", **values):
    row = dict.fromkeys(COLUMNS, "")
    return row | {"nom": nom, "commune": commune, "code_postal": "35600"} | values


def sheet(tmp_path, rows, delimiter=";", encoding="utf-8", columns=COLUMNS, name="annuaire.csv"):
    path = tmp_path / name
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_template_has_the_french_headers():
    header = TEMPLATE.read_text(encoding="utf-8").splitlines()[0].split(";")
    assert header == COLUMNS


def test_a_filled_sheet_creates_entries_with_their_fields(territory, tmp_path):
    path = sheet(
        tmp_path,
        [
            line(
                famille="Coopérative",
                site_web="recyclerie.example",
                courriel="bonjour@recyclerie.example",
                contacts_publics="oui",
                themes="Réemploi | Déchets",
                adherent="oui",
            ),
            line("Épicerie solidaire", commune="Bains-sur-Oust", siret="12345678900011"),
        ],
    )

    run = SpreadsheetImporter(territory).run(path)

    assert (run.rows_read, run.rows_created, run.rows_rejected) == (2, 2, 0)
    site = Establishment.objects.get(source_ref="tableur:la-recyclerie-redon")
    assert site.commune.code == REDON
    assert site.legal_unit.ess_family == EssFamily.COOPERATIVE
    assert site.legal_unit.is_hub_member
    assert site.contacts_public
    assert site.website == "https://recyclerie.example"
    assert {t.name for t in site.themes.all()} == {"Réemploi", "Déchets"}
    other = Establishment.objects.get(siret="12345678900011")
    assert other.commune.code == BAINS
    assert other.legal_unit.siren == "123456789"
    assert other.legal_unit.ess_needs_review  # no family given: staff decide


def test_a_windows_1252_sheet_separated_by_commas_is_read(territory, tmp_path):
    path = sheet(tmp_path, [line("Café associatif é", description="Crêpes")], ",", "cp1252")

    run = SpreadsheetImporter(territory).run(path)

    assert run.rows_created == 1
    assert Establishment.objects.get().description == "Crêpes"


def test_bad_rows_are_rejected_with_their_line_and_good_ones_kept(territory, tmp_path):
    path = sheet(
        tmp_path,
        [
            line("A", siret="12345678900011"),
            line("B", siret="12345678900011"),
            line("C", commune="Atlantide"),
            line("D", famille="club de foot"),
            line("Ã‰picerie"),
            line("F", siret="123"),
            line("G", courriel="pas-une-adresse"),
            line("H"),
        ],
    )

    run = SpreadsheetImporter(territory).run(path)

    reasons = dict(run.rejections.values_list("line", "reason"))
    assert "12345678900011 en double (déjà lu ligne 2)" in reasons[3]
    assert "commune inconnue" in reasons[4]
    assert "famille inconnue" in reasons[5]
    assert "mal encodé" in reasons[6]
    assert "SIRET invalide" in reasons[7]
    assert "courriel invalide" in reasons[8]
    assert run.rows_created == 2
    assert set(LegalUnit.objects.values_list("name", flat=True)) == {"A", "H"}


def test_impossible_coordinates_are_rejected(territory, tmp_path):
    columns = [*COLUMNS, "longitude", "latitude"]
    path = sheet(
        tmp_path,
        [line("A", longitude="-2,08", latitude="47,65"), line("B", longitude="400", latitude="1")],
        columns=columns,
    )

    run = SpreadsheetImporter(territory).run(path)

    assert run.rows_created == 1
    assert "coordonnées impossibles" in run.rejections.get().reason
    assert Establishment.objects.get().longitude == -2.08


def test_rows_outside_the_territory_are_left_aside(territory, tmp_path):
    run = SpreadsheetImporter(territory).run(sheet(tmp_path, [line(commune="Ailleurs")]))

    assert (run.rows_created, run.rows_skipped, run.rows_rejected) == (0, 1, 0)


def test_a_reimport_is_idempotent_and_keeps_what_the_organisation_wrote(territory, tmp_path):
    path = sheet(tmp_path, [line(description="Version du tableur")])
    SpreadsheetImporter(territory).run(path)
    site = Establishment.objects.get()
    site.description = "Version de l’association"
    site.provenance["description"] = {"source": Source.ORGANISATION, "confirmed_at": "2026-01-01"}
    site.save()

    run = SpreadsheetImporter(territory).run(sheet(tmp_path, [line(description="Autre")]))

    assert (run.rows_created, run.rows_updated, run.rows_unchanged) == (0, 0, 1)
    site.refresh_from_db()
    assert site.description == "Version de l’association"
    assert Establishment.objects.count() == 1


def test_a_sheet_without_its_required_columns_is_refused(territory, tmp_path):
    path = sheet(tmp_path, [{"nom": "A"}], columns=["nom", "ville"])

    with pytest.raises(ImportRefused, match="code_postal, commune"):
        SpreadsheetImporter(territory).run(path)

    assert ImportRun.objects.get().status == ImportStatus.REFUSED
    assert not LegalUnit.objects.exists()


def test_a_sheet_with_bytes_illegible_in_every_encoding_is_refused(territory, tmp_path):
    path = tmp_path / "abime.csv"
    path.write_bytes("nom;code_postal;commune\n".encode("utf-16"))

    with pytest.raises(ImportRefused, match="lisible"):
        SpreadsheetImporter(territory).run(path)


def test_a_sheet_that_turns_illegible_midway_is_refused_before_any_write(territory, tmp_path):
    good = "".join(f"Lieu {n};35600;Redon\n" for n in range(20000)).encode()
    path = tmp_path / "melange.csv"
    path.write_bytes(b"nom;code_postal;commune\n" + good + b"Caf\x81\x8d;35600;Redon\n")

    with pytest.raises(ImportRefused):
        SpreadsheetImporter(territory).run(path)

    assert not Establishment.objects.exists()


# Rows pile up across examples: harmless, each run's counts are checked on their own.
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40), st.text(max_size=20))
def test_any_typed_name_and_commune_give_a_row_or_a_reason(territory, tmp_path, nom, commune):
    path = sheet(tmp_path, [line(nom.replace("\x00", ""), commune=commune)], name="h.csv")
    try:
        run = SpreadsheetImporter(territory).run(path)
    except ImportRefused:
        return
    assert (
        run.rows_created
        + run.rows_unchanged
        + run.rows_updated
        + run.rows_rejected
        + (run.rows_skipped)
        == run.rows_read
    )
