import pytest

from maillage.directory.enums import EssFamily, ImportStatus, Source
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.rna import RnaImporter
from maillage.directory.sources.sirene import SireneImporter
from tests.directory.conftest import BAINS, OLD_BAINS, OUTSIDE, establishment, rna_row, unit
from tests.directory.headers import RNA_COLUMNS

WALDEC_HEADER = (";".join(RNA_COLUMNS) + "\n").encode()


def test_associations_of_the_territory_are_imported_with_their_seat(territory, rna_file):
    path = rna_file(
        [
            rna_row(
                "W353000001",
                titre="LES AMIS DU CANAL",
                telephone="0299000000",
                email="benevole@exemple.org",
            ),
            rna_row("W353000002", commune=OLD_BAINS, titre="BAINS EN FÊTE", siteweb=""),
            rna_row("W561000003", commune=OUTSIDE),
        ]
    )

    run = RnaImporter(territory).run(path)

    assert (run.rows_read, run.rows_created, run.rows_skipped) == (3, 2, 1)
    association = LegalUnit.objects.get(rna_id="W353000001")
    assert association.siren is None
    assert association.ess_family == EssFamily.ASSOCIATION
    seat = association.establishments.get()
    assert seat.siret is None
    assert seat.website == "https://www.amisducanal.example"
    assert seat.description == "faire vivre le canal de Nantes à Brest"
    assert (seat.email, seat.phone) == ("", "")  # often a volunteer's own: not imported
    assert Establishment.objects.get(legal_unit__rna_id="W353000002").commune.code == BAINS


def test_a_latin_1_file_is_read_with_its_accents(territory, rna_file):
    path = rna_file([rna_row("W353000001", titre="ÉCOLE DE MUSIQUE DU PAYS")], encoding="cp1252")

    RnaImporter(territory).run(path)

    assert LegalUnit.objects.get().name == "ÉCOLE DE MUSIQUE DU PAYS"


def test_a_garbage_file_is_refused_before_any_write(territory, tmp_path):
    path = tmp_path / "waldec.csv"
    path.write_bytes(WALDEC_HEADER + bytes(range(1, 256)) * 40)

    with pytest.raises(ImportRefused, match="illisible"):
        RnaImporter(territory).run(path)

    assert not LegalUnit.objects.exists()
    assert ImportRun.objects.get().status == ImportStatus.REFUSED


def test_a_second_import_changes_nothing(territory, rna_file):
    path = rna_file([rna_row("W353000001"), rna_row("W353000002")])
    RnaImporter(territory).run(path)

    again = RnaImporter(territory).run(path)

    assert (again.rows_created, again.rows_updated, again.rows_unchanged) == (0, 0, 2)
    assert LegalUnit.objects.count() == 2


def test_a_dissolved_association_is_marked_closed(territory, rna_file):
    RnaImporter(territory).run(rna_file([rna_row("W353000001")]))

    RnaImporter(territory).run(
        rna_file([rna_row("W353000001", position="D", date_disso="2024-06-30")], name="b.csv")
    )

    association = LegalUnit.objects.get()
    assert association.is_active is False
    assert association.establishments.get().is_open is False


def test_the_rna_completes_sirene_without_overwriting_it(territory, rna_file, sirene_files):
    siren = "444444444"
    SireneImporter(territory).run(
        *sirene_files(
            [establishment(f"{siren}00012")],
            [unit(siren, identifiantAssociationUniteLegale="W353000009")],
        )
    )

    RnaImporter(territory).run(
        rna_file([rna_row("W353000009", siret=f"{siren}00012", titre="AUTRE TITRE")])
    )

    association = LegalUnit.objects.get()
    assert association.name == f"ASSOCIATION {siren}"
    seat = association.establishments.get()
    assert seat.website == "https://www.amisducanal.example"
    assert seat.provenance["website"]["source"] == Source.RNA
    assert seat.street == "3 RUE DES DOUVES"


def test_sirene_gives_its_siren_to_an_association_first_known_from_the_rna(
    territory, rna_file, sirene_files
):
    RnaImporter(territory).run(rna_file([rna_row("W353000009")]))
    siren = "444444444"

    SireneImporter(territory).run(
        *sirene_files(
            [establishment(f"{siren}00012")],
            [unit(siren, identifiantAssociationUniteLegale="W353000009")],
        )
    )

    association = LegalUnit.objects.get()
    assert (association.siren, association.rna_id) == (siren, "W353000009")
    assert association.name == f"ASSOCIATION {siren}"


def test_bad_rows_are_rejected_with_their_line(territory, rna_file):
    path = rna_file(
        [rna_row("W353000001"), rna_row("X1"), rna_row("W353000003", date_creat="31/02/2020")]
    )

    run = RnaImporter(territory).run(path)

    assert list(run.rejections.values_list("line", flat=True)) == [3, 4]
    assert LegalUnit.objects.count() == 1


def test_a_sirene_file_given_as_rna_is_refused(territory, sirene_files):
    establishments, _ = sirene_files([establishment("44444444400012")], [unit("444444444")])

    with pytest.raises(ImportRefused, match="fichier RNA waldec"):
        RnaImporter(territory).run(establishments)


def test_sirene_without_an_rna_number_keeps_the_one_the_rna_gave(territory, rna_file, sirene_files):
    siren = "444444444"
    RnaImporter(territory).run(rna_file([rna_row("W353000009", siret=f"{siren}00012")]))

    SireneImporter(territory).run(*sirene_files([establishment(f"{siren}00012")], [unit(siren)]))

    association = LegalUnit.objects.get()
    assert (association.siren, association.rna_id) == (siren, "W353000009")
    assert association.establishments.get().street == "3 RUE DES DOUVES"
