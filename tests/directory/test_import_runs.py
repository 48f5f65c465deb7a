"""No row can take the others down: every import records its run from its start, command or
upload alike; a row that fails for any reason is a rejection with its line and the good rows
land; an import stopped in the middle keeps its committed batches and resumes after them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from maillage.directory import provenance
from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.models import Establishment, ImportRun, LegalUnit
from maillage.directory.sources import runs
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.directory.sources.rna import RnaImporter
from maillage.directory.sources.sirene import SireneImporter
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from tests.directory.conftest import establishment, rna_row, unit
from tests.directory.test_gogocarto_import import element, export
from tests.tokens import with_token

BOOM = "BOUM"


@pytest.fixture
def a_bug_on_one_row(monkeypatch):
    """A bug the importers do not expect, met on the rows whose values say BOUM."""
    apply = provenance.apply

    def buggy(instance, values, *args, **kwargs):
        if any(BOOM in str(value) for value in values.values()):
            raise ZeroDivisionError("division by zero")
        return apply(instance, values, *args, **kwargs)

    monkeypatch.setattr(provenance, "apply", buggy)


def _rejections(run):
    return [(r.line, r.reason) for r in run.rejections.all()]


UNEXPECTED = "erreur inattendue sur cette ligne (ZeroDivisionError)"


def test_rna_a_bug_on_one_row_rejects_it_and_lands_the_others(
    territory, rna_file, a_bug_on_one_row
):
    path = rna_file(
        [rna_row("W353000001"), rna_row("W353000002", titre=BOOM), rna_row("W353000003")]
    )

    run = RnaImporter(territory).run(path)

    assert run.status == ImportStatus.SUCCEEDED
    assert _rejections(run) == [(3, UNEXPECTED)]
    assert set(LegalUnit.objects.values_list("rna_id", flat=True)) == {"W353000001", "W353000003"}


def test_rna_a_conflict_on_one_row_rejects_it_in_french(territory, rna_file):
    # Two associations declaring the same SIRET: the second would be a second unit of one SIREN.
    rows = [
        rna_row("W353000001", siret="11111111100011"),
        rna_row("W353000002", siret="11111111100029"),
    ]

    run = RnaImporter(territory).run(rna_file(rows))

    assert run.rows_created == 1
    assert _rejections(run) == [(3, runs.CONFLICT)]


def test_spreadsheet_a_bug_on_one_row_rejects_it(territory, tmp_path, a_bug_on_one_row):
    path = tmp_path / "annuaire.csv"
    path.write_text(f"nom;code_postal;commune\nLa Recyclerie;35600;Redon\n{BOOM};35600;Redon\n")

    run = SpreadsheetImporter(territory).run(path)

    assert (run.rows_created, _rejections(run)) == (1, [(3, UNEXPECTED)])


def test_gogocarto_a_bug_on_one_row_rejects_it(territory, tmp_path, a_bug_on_one_row):
    path = export(tmp_path, [element(1), element(2, name=BOOM), element(3)])

    run = GogocartoImporter(territory).run(path)

    assert (run.rows_created, _rejections(run)) == (2, [(2, UNEXPECTED)])


def test_sirene_a_bug_on_one_row_rejects_it(territory, sirene_files, a_bug_on_one_row):
    sites, units = sirene_files(
        [
            establishment("11111111100011"),
            establishment("22222222200011", enseigne1Etablissement=BOOM),
        ],
        [unit("111111111"), unit("222222222")],
    )

    result = SireneImporter(territory).run(sites, units)

    assert result.establishments.rows_created == 1
    assert _rejections(result.establishments) == [(3, UNEXPECTED)]


def test_a_command_stopped_by_an_error_records_its_run_and_says_so_in_french(
    territory, rna_file, settings, monkeypatch
):
    settings.IMPORT_BATCH_ROWS = 2
    checkpoint = runs.Report.checkpoint
    calls = []

    def stop_at_the_second_batch(self, batch):
        calls.append(batch)
        if len(calls) == 2:
            raise RuntimeError("stopped")
        checkpoint(self, batch)

    monkeypatch.setattr(runs.Report, "checkpoint", stop_at_the_second_batch)
    path = rna_file([rna_row(f"W35300000{n}") for n in range(1, 6)])

    with pytest.raises(CommandError) as stop:
        call_command("import_rna", str(path))

    run = ImportRun.objects.get()
    assert "L’import s’est arrêté sur une erreur inattendue (RuntimeError)" in str(stop.value)
    assert f"l’import n° {run.pk}" in str(stop.value)
    assert (run.status, run.resume_after_line, run.rows_created) == (ImportStatus.FAILED, 3, 2)
    assert "après la ligne 3 du fichier" in run.message
    assert LegalUnit.objects.count() == 2  # the first batch stays

    monkeypatch.setattr(runs.Report, "checkpoint", checkpoint)  # the bug is fixed
    call_command("import_rna", str(path), reprendre=run.pk, stdout=StringIO())

    run.refresh_from_db()
    assert (run.status, run.rows_created, run.rows_rejected) == (ImportStatus.SUCCEEDED, 5, 0)
    assert LegalUnit.objects.count() == 5
    assert ImportRun.objects.count() == 1  # the same run, carried on


def test_the_command_resumes_only_an_interrupted_run_of_the_same_file(territory, rna_file):
    path = rna_file([rna_row("W353000001")])
    call_command("import_rna", str(path), stdout=StringIO())
    run = ImportRun.objects.get()

    with pytest.raises(CommandError, match="n’est pas interrompu"):
        call_command("import_rna", str(path), reprendre=run.pk)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.FAILED)
    other = rna_file([rna_row("W353000002")], name="autre.csv")
    with pytest.raises(CommandError, match="n’est pas le fichier de l’import"):
        call_command("import_rna", str(other), reprendre=run.pk)


def test_the_run_page_shows_every_count(client_for, staff, territory, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    sheet = (
        "nom;code_postal;commune;longitude;latitude\n"
        "Sur la carte;35600;Redon;-2.08;47.65\n"
        "À géocoder;35600;Redon;;\n"
        "Ailleurs;75001;Paris;;\n"
        ";35600;Redon;;\n"
    )
    client = client_for(staff)
    upload = SimpleUploadedFile("annuaire.csv", sheet.encode(), content_type="text/csv")
    client.post(
        reverse("directory:imports"), with_token({"kind": ImportKind.SPREADSHEET, "file": upload})
    )
    run = ImportRun.objects.get()

    page = client.get(reverse("directory:import_run", args=[run.pk])).content.decode()

    counts = (run.rows_read, run.rows_created, run.set_aside, run.rows_rejected)
    assert counts == (4, 2, 1, 1)
    assert (run.placed_on_map, run.awaiting_geocoding, run.awaiting_review) == (1, 1, 2)
    for label, value in [
        ("Écartées hors du territoire", 1),
        ("Placées sur la carte", 1),
        ("En attente de géocodage", 1),
        ("À vérifier par l’équipe", 2),
        ("Rejetées", 1),
    ]:
        assert f'<dt>{label}</dt><dd class="number">{value}</dd>' in page


def test_a_huge_description_is_capped_at_import(territory, tmp_path):
    path = export(tmp_path, [element(1, description="x" * 9_000_000)])

    GogocartoImporter(territory).run(path)

    assert len(Establishment.objects.get().description) == 10_000


def test_a_run_with_no_progress_is_reaped_and_shown_interrupted(client_for, staff, territory):
    run = ImportRun.objects.create(
        kind=ImportKind.RNA,
        file_name="waldec.csv",
        status=ImportStatus.RUNNING,
        progressed_at=timezone.now() - timedelta(minutes=11),
        resume_after_line=1001,
    )

    page = client_for(staff).get(reverse("directory:import_run", args=[run.pk])).content.decode()

    run.refresh_from_db()
    assert run.status == ImportStatus.FAILED
    assert "Interrompu" in page
    assert "jusqu’à la ligne 1001 du fichier, sont enregistrés" in page
    assert "hx-trigger" not in page
