from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from maillage.directory.models import Establishment, LegalUnit
from tests.directory.conftest import establishment, rna_row, unit


def test_import_sirene_prints_the_report(territory, sirene_files):
    establishments, units = sirene_files(
        [establishment("11111111100011"), establishment("1111111110002X")], [unit("111111111")]
    )
    out = StringIO()

    call_command(
        "import_sirene",
        etablissements=establishments,
        unites=units,
        territory="pays-de-test",
        stdout=out,
    )

    assert Establishment.objects.count() == 1
    assert "1 créée" in out.getvalue()
    assert "ligne 3 : SIRET invalide" in out.getvalue()


def test_import_sirene_says_nothing_changed_when_it_refuses(territory, sirene_files):
    establishments, units = sirene_files([establishment("11111111100011")], [unit("111111111")])

    with pytest.raises(CommandError, match=r"rien n’a été modifié.*StockUniteLegale"):
        call_command("import_sirene", etablissements=units, unites=establishments)


def test_import_sirene_needs_a_territory(db, sirene_files):
    establishments, units = sirene_files([establishment("11111111100011")], [unit("111111111")])

    with pytest.raises(CommandError, match="Aucun territoire"):
        call_command("import_sirene", etablissements=establishments, unites=units)


def test_import_rna_imports_the_territory(territory, rna_file):
    out = StringIO()

    call_command("import_rna", str(rna_file([rna_row("W353000001")])), stdout=out)

    assert LegalUnit.objects.get().rna_id == "W353000001"
    assert "RNA" in out.getvalue()
