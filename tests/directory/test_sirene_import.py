import pytest

from maillage.directory.enums import EssFamily, ImportStatus, Source
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.sirene import SireneImporter
from tests.directory.conftest import (
    BAINS,
    OLD_BAINS,
    OUTSIDE,
    establishment,
    to_parquet,
    unit,
    write_csv,
)
from tests.directory.headers import ESTABLISHMENT_COLUMNS, OLD_V2_COLUMNS

ASSO, SCOP, SHOP = "111111111", "222222222", "333333333"


@pytest.fixture
def stock(sirene_files):
    return sirene_files(
        [
            establishment(f"{ASSO}00011"),
            establishment(f"{ASSO}00029", commune=OLD_BAINS, etablissementSiege="false"),
            establishment(f"{ASSO}00037", commune=OUTSIDE, etablissementSiege="false"),
            establishment(f"{SCOP}00015", activitePrincipaleEtablissement="43.21A"),
            establishment(f"{SHOP}00018", activitePrincipaleEtablissement="47.11B"),
        ],
        [
            unit(ASSO),
            unit(SCOP, category="5458", activitePrincipaleUniteLegale="43.21A"),
            unit(SHOP, category="5499", economieSocialeSolidaireUniteLegale="N"),
        ],
    )


def run(territory, stock):
    establishments, units = stock
    return SireneImporter(territory).run(establishments, units)


def test_only_the_ess_establishments_of_the_territory_are_kept(territory, stock):
    result = run(territory, stock)

    sirets = set(Establishment.objects.values_list("siret", flat=True))
    assert sirets == {f"{ASSO}00011", f"{ASSO}00029", f"{SCOP}00015"}
    assert result.establishments.rows_read == 5
    assert result.establishments.rows_created == 3
    assert result.establishments.rows_skipped == 2  # one outside, one shop outside the ESS
    assert LegalUnit.objects.get(siren=SCOP).ess_family == EssFamily.COOPERATIVE
    assert not LegalUnit.objects.filter(siren=SHOP).exists()


def test_an_old_commune_code_lands_in_the_current_commune(territory, stock):
    run(territory, stock)

    site = Establishment.objects.get(siret=f"{ASSO}00029")
    assert site.commune.code == BAINS
    assert site.commune_code == OLD_BAINS


def test_fields_are_read_from_the_official_columns(territory, stock):
    run(territory, stock)

    site = Establishment.objects.select_related("legal_unit").get(siret=f"{ASSO}00011")
    assert site.street == "3 RUE DES DOUVES"
    assert site.naf_code == "88.99B"
    assert site.naf_section == "Q"
    assert (site.longitude, site.latitude) == (-2.0852, 47.6517)
    assert site.is_head_office
    assert site.legal_unit.name == f"ASSOCIATION {ASSO}"
    assert site.legal_unit.ess_family == EssFamily.ASSOCIATION
    assert site.legal_unit.is_employer is True
    assert site.provenance["street"]["source"] == Source.SIRENE


def test_a_second_import_creates_nothing_and_reports_unchanged(territory, stock):
    run(territory, stock)

    again = run(territory, stock)

    assert Establishment.objects.count() == 3
    assert (again.establishments.rows_created, again.establishments.rows_updated) == (0, 0)
    assert again.establishments.rows_unchanged == 3
    assert again.units.rows_unchanged == 2


def test_a_field_the_organisation_edited_is_not_overwritten(territory, stock, sirene_files):
    run(territory, stock)
    site = Establishment.objects.get(siret=f"{ASSO}00011")
    site.sign = "La Maison du Canal"
    site.provenance["sign"] = {"source": Source.ORGANISATION, "confirmed_at": "2025-01-01"}
    site.save()
    changed = sirene_files(
        [
            establishment(
                f"{ASSO}00011",
                enseigne1Etablissement="ENSEIGNE INSEE",
                trancheEffectifsEtablissement="12",
            )
        ],
        [unit(ASSO)],
        name="later",
    )

    result = run(territory, changed)

    site.refresh_from_db()
    assert site.sign == "La Maison du Canal"
    assert site.employee_bracket == "12"
    assert result.establishments.rows_updated == 1


def test_a_closed_establishment_is_marked_not_deleted(territory, stock, sirene_files):
    run(territory, stock)
    closing = sirene_files(
        [establishment(f"{ASSO}00029", commune=OLD_BAINS, etatAdministratifEtablissement="F")],
        [unit(ASSO)],
        name="later",
    )

    run(territory, closing)

    assert Establishment.objects.get(siret=f"{ASSO}00029").is_open is False
    assert Establishment.objects.count() == 3


def test_a_closed_establishment_the_directory_never_knew_is_not_created(territory, sirene_files):
    files = sirene_files(
        [establishment(f"{ASSO}00011", etatAdministratifEtablissement="F")], [unit(ASSO)]
    )

    result = SireneImporter(territory).run(*files)

    assert not Establishment.objects.exists()
    assert result.establishments.rows_skipped == 1


def test_malformed_rows_are_rejected_with_line_and_reason_and_good_rows_land(
    territory, sirene_files
):
    files = sirene_files(
        [
            establishment(f"{ASSO}00011"),
            establishment("1111111110002X"),
            establishment(f"{ASSO}00029", longitude="200", latitude="47.6"),
            establishment(f"{ASSO}00011"),
            establishment(f"{ASSO}00045", longitude="nan", latitude="nan"),
            establishment(f"{SCOP}00015"),
        ],
        [unit(ASSO)],
    )

    result = SireneImporter(territory).run(*files)

    rejections = list(result.establishments.rejections.values_list("line", "reason"))
    assert [line for line, _ in rejections] == [3, 4, 5, 6, 7]
    reasons = " | ".join(reason for _, reason in rejections)
    assert "SIRET invalide" in reasons
    assert "coordonnées impossibles : longitude 200" in reasons
    assert "en double (déjà lu ligne 2)" in reasons
    assert f"unité légale {SCOP} inconnue" in reasons
    assert Establishment.objects.get().siret == f"{ASSO}00011"


def test_a_row_with_missing_columns_is_rejected_and_the_next_ones_land(territory, sirene_files):
    establishments, units = sirene_files(
        [establishment(f"{ASSO}00011"), establishment(f"{ASSO}00029")], [unit(ASSO)]
    )
    lines = establishments.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "111111111,00037,11111111100037")
    establishments.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = SireneImporter(territory).run(establishments, units)

    rejection = result.establishments.rejections.get()
    assert rejection.line == 3
    assert "3 colonnes au lieu de" in rejection.reason
    assert Establishment.objects.count() == 2


def assert_refused_before_any_write(territory, establishments, units, message):
    with pytest.raises(ImportRefused, match=message):
        SireneImporter(territory).run(establishments, units)

    assert not Establishment.objects.exists()
    assert not LegalUnit.objects.exists()
    assert ImportRun.objects.filter(status=ImportStatus.REFUSED).exists()


def test_a_file_with_a_wrong_header_is_refused_before_any_write(territory, tmp_path, stock):
    establishments, _ = stock
    wrong = write_csv(tmp_path / "wrong.csv", ["siren", "nom"], [{"siren": ASSO, "nom": "x"}])

    assert_refused_before_any_write(territory, establishments, wrong, "colonne.*manquante")


def test_swapped_files_are_refused_with_a_hint(territory, stock):
    establishments, units = stock

    assert_refused_before_any_write(territory, units, establishments, "StockUniteLegale")


def test_the_old_v2_format_is_refused(territory, tmp_path, stock):
    _, units = stock
    old = write_csv(tmp_path / "v2.csv", OLD_V2_COLUMNS, [{"SIREN": ASSO}])

    assert_refused_before_any_write(territory, old, units, "ancien format SIRENE")


def test_a_file_in_a_wrong_encoding_is_refused(territory, tmp_path, stock):
    _, units = stock
    latin = write_csv(
        tmp_path / "latin.csv",
        ESTABLISHMENT_COLUMNS,
        [establishment(f"{ASSO}00011", libelleVoieEtablissement="DE L’ÉGLISE ÉÀÈ" * 3)],
        encoding="cp1252",
    )

    assert_refused_before_any_write(territory, latin, units, "UTF-8")


def test_a_truncated_file_is_refused(territory, stock):
    establishments, units = stock
    content = establishments.read_bytes()
    establishments.write_bytes(content[: len(content) - 40])

    assert_refused_before_any_write(territory, establishments, units, "tronqué")


def test_an_empty_file_is_refused(territory, tmp_path, stock):
    _, units = stock
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")

    assert_refused_before_any_write(territory, empty, units, "vide")


def test_a_parquet_stock_imports_the_same_as_its_csv(territory, stock):
    establishments, units = stock
    csv_result = run(territory, stock)
    expected = list(Establishment.objects.order_by("siret").values())
    Establishment.objects.all().delete()
    LegalUnit.objects.all().delete()

    parquet_result = SireneImporter(territory).run(to_parquet(establishments), to_parquet(units))

    got = list(Establishment.objects.order_by("siret").values())
    ignored = {"id", "legal_unit_id", "created_at", "updated_at"}
    assert [{k: v for k, v in row.items() if k not in ignored} for row in got] == [
        {k: v for k, v in row.items() if k not in ignored} for row in expected
    ]
    for field in ("rows_read", "rows_created", "rows_skipped", "rows_rejected"):
        assert getattr(parquet_result.establishments, field) == getattr(
            csv_result.establishments, field
        )


def test_parquet_rejections_carry_the_row_number(territory, sirene_files):
    establishments, units = sirene_files(
        [establishment(f"{ASSO}00011"), establishment(f"{ASSO}00029", latitude="")], [unit(ASSO)]
    )

    result = SireneImporter(territory).run(to_parquet(establishments), to_parquet(units))

    assert list(result.establishments.rejections.values_list("line", flat=True)) == [2]


def test_a_gzipped_departement_file_is_read_and_a_truncated_one_refused(territory, stock):
    import gzip

    establishments, units = stock
    packed = establishments.with_suffix(".csv.gz")
    packed.write_bytes(gzip.compress(establishments.read_bytes()))
    cut = establishments.with_name("cut.csv.gz")
    cut.write_bytes(packed.read_bytes()[:-30])

    assert_refused_before_any_write(territory, cut, units, "tronqué")
    assert SireneImporter(territory).run(packed, units).establishments.rows_created == 3


def test_the_national_stock_without_coordinates_is_accepted(territory, tmp_path, stock):
    _, units = stock
    columns = [c for c in ESTABLISHMENT_COLUMNS if c not in {"longitude", "latitude"}]
    row = {k: v for k, v in establishment(f"{ASSO}00011").items() if k in columns}
    plain = write_csv(tmp_path / "StockEtablissement_utf8.csv", columns, [row])

    SireneImporter(territory).run(plain, units)

    assert Establishment.objects.get().longitude is None
