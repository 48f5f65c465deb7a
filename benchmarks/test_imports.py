"""Imports against the files that took processes down (issue 13) and at the size of a real
SIRENE extract (issue 15), generated here, never committed:

- an RNA file of 8,000,000 identical rows gzipped to about 6 MB (the attacker's 1.9 MB file had
  shorter rows): memory must stay flat, asserted as the
  peak growth of the 8-million-row import against the same file of 500,000 rows (a reader that
  kept the rows would grow 16 times more);
- a gzip of about 4 MB holding one line of 4 GiB: refused with a French message, memory bounded;
- an .xlsx of a few hundred kilobytes whose one row holds 3,000,000 cells, uploaded to the
  contacts import: the web request only stores it, the worker's reading refuses it;
- a SIRENE establishments file of 1,000,000 rows (1 % in the territory) with its units file:
  rows per second and peak memory.

Peak memory is the kernel's own high-water mark (`VmHWM`), reset before each measure through
`/proc/self/clear_refs`, so a short spike between two samples is not missed.

    .venv/bin/pytest benchmarks/test_imports.py -p no:cacheprovider -s
"""

import gzip
import time
from pathlib import Path

import duckdb
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from benchmarks.french import met
from benchmarks.process_memory import status_kb
from maillage.core.french import number as fr
from maillage.directory.enums import ImportStatus
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.rna import RnaImporter
from maillage.directory.sources.sirene import SireneImporter
from maillage.network.people.enums import ImportStatus as ContactImportStatus
from maillage.network.people.importing.receiving import read_uploaded
from maillage.network.people.models import ContactImport
from maillage.territory.queries import current_territory
from tests.directory.conftest import rna_row
from tests.directory.headers import ESTABLISHMENT_COLUMNS, RNA_COLUMNS, UNIT_COLUMNS
from tests.factories import UserFactory
from tests.people.sheets import workbook_bomb
from tests.workers import DATABASE_TASKS

pytestmark = pytest.mark.django_db

MANY, FEWER = 8_000_000, 500_000
FLAT_RATIO = 1.5  # the 8-million-row peak growth at most this times the 500,000-row one
FLAT_TARGET_MB = 100
LINE_GIB = 4
BOUNDED_MB = 50
BOMB_CELLS = 3_000_000
SIRENE_ROWS = 1_000_000
SIRENE_TARGET_MB = 200
EMPTY = "''"
OUTSIDE = "75056"


def peak_growth_mb(action):
    """Run `action`; return its result and the peak resident memory above the start, in MB."""
    start = status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts again from now
    try:
        result = action()
    except ImportRefused as refusal:
        result = refusal
    return result, (status_kb("VmHWM") - start) / 1024


def _rna_gzip(path: Path, rows: int, commune: str) -> Path:
    """The same association `rows` times: gzip makes a few megabytes of it."""
    line = ";".join(rna_row("W353000001", commune=commune).get(c, "") for c in RNA_COLUMNS)
    block = (line + "\n").encode() * 10_000
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write((";".join(RNA_COLUMNS) + "\n").encode())
        for _ in range(rows // 10_000):
            handle.write(block)
    return path


def _one_line_gzip(path: Path) -> Path:
    """A header, then one line of LINE_GIB GiB: gzip members of 1 MiB of "x", each a few
    hundred bytes (a file of several members is one stream to every gzip reader)."""
    chunk = gzip.compress(b"x" * 1024 * 1024, compresslevel=9)
    with path.open("wb") as handle:
        handle.write(gzip.compress((";".join(RNA_COLUMNS) + "\n").encode()))
        for _ in range(LINE_GIB * 1024):
            handle.write(chunk)
    return path


def _import_rna(territory, path: Path):
    start = time.perf_counter()
    run = RnaImporter(territory).run(path)
    return run, time.perf_counter() - start


def test_an_eight_million_row_gzip_imports_with_flat_memory(tmp_path, capsys):
    territory = current_territory()
    commune = territory.communes.values_list("code", flat=True).first()
    many = _rna_gzip(tmp_path / "waldec-8M.csv.gz", MANY, commune)
    fewer = _rna_gzip(tmp_path / "waldec-500k.csv.gz", FEWER, commune)

    (small_run, small_seconds), small_mb = peak_growth_mb(lambda: _import_rna(territory, fewer))
    (run, seconds), many_mb = peak_growth_mb(lambda: _import_rna(territory, many))

    assert run.status == ImportStatus.SUCCEEDED, run.message
    assert (run.rows_read, run.rows_rejected) == (MANY, MANY - 1)  # the same row 8 million times
    assert small_run.rows_read == FEWER
    with capsys.disabled():
        print(
            f"\nimport RNA, {fr(MANY)} lignes gzip ({fr(many.stat().st_size / 1024**2, 1)} Mo)\n"
            f"  {fr(FEWER):>9} lignes : {fr(small_seconds, 1):>6} s  "
            f"{fr(FEWER / small_seconds):>8} lignes/s  mémoire +{fr(small_mb, 1)} Mo\n"
            f"  {fr(MANY):>9} lignes : {fr(seconds, 1):>6} s  "
            f"{fr(MANY / seconds):>8} lignes/s  mémoire +{fr(many_mb, 1)} Mo\n"
            f"  mémoire ≤ {FLAT_TARGET_MB} Mo : {met(many_mb <= FLAT_TARGET_MB)} ; "
            f"rapport {fr(many_mb / max(small_mb, 1), 2)}× pour 16× plus de lignes "
            f"(plafond {fr(FLAT_RATIO, 1)}×)"
        )
    assert many_mb <= FLAT_RATIO * max(small_mb, 10)


def test_a_gzip_of_one_four_gib_line_is_refused_with_bounded_memory(tmp_path, capsys):
    territory = current_territory()
    path = _one_line_gzip(tmp_path / "waldec.csv.gz")

    refusal, growth_mb = peak_growth_mb(lambda: RnaImporter(territory).run(path))

    assert isinstance(refusal, ImportRefused)
    assert "a une ligne trop longue (ligne 2, plus de 1 Mo)" in str(refusal)
    with capsys.disabled():
        print(
            f"\ngzip de {fr(path.stat().st_size / 1024**2, 1)} Mo tenant une ligne de "
            f"{LINE_GIB} Gio : refusé — « {refusal} »\n"
            f"  mémoire +{fr(growth_mb, 1)} Mo (≤ {BOUNDED_MB} Mo : {met(growth_mb <= BOUNDED_MB)})"
        )
    assert growth_mb <= BOUNDED_MB


def test_an_xlsx_bomb_is_stored_by_the_web_request_and_refused_by_the_worker(settings, capsys):
    settings.TASKS = DATABASE_TASKS  # the web request only queues the reading
    bomb = workbook_bomb(BOMB_CELLS)
    client = Client()
    client.force_login(UserFactory(staff=True))

    def upload():
        sheet = SimpleUploadedFile("contacts.xlsx", bomb)
        return client.post("/contacts/import/", {"sheet": sheet})

    response, web_mb = peak_growth_mb(upload)
    contact_import = ContactImport.objects.get()
    read, worker_mb = peak_growth_mb(lambda: read_uploaded(contact_import.pk))
    contact_import.refresh_from_db()

    assert response.status_code == 302
    assert not read
    assert contact_import.status == ContactImportStatus.REFUSED
    with capsys.disabled():
        print(
            f"\n.xlsx de {fr(len(bomb) / 1024, 0)} ko, une ligne de {fr(BOMB_CELLS)} cellules\n"
            f"  requête web (dépôt) : mémoire +{fr(web_mb, 1)} Mo\n"
            f"  lecture par le worker : refusée — « {contact_import.message} »\n"
            f"  mémoire +{fr(worker_mb, 1)} Mo (≤ {BOUNDED_MB} Mo chacune : "
            f"{met(max(web_mb, worker_mb) <= BOUNDED_MB)})"
        )
    assert max(web_mb, worker_mb) <= BOUNDED_MB


def _sirene_files(directory: Path, codes: list[str]) -> tuple[Path, Path]:
    """SIRENE_ROWS establishments, one in a hundred in the territory; two per unit."""
    communes = ", ".join(f"'{c}'" for c in codes)
    values = {
        "siren": "lpad(CAST(i // 2 AS VARCHAR), 9, '0')",
        "nic": "lpad(CAST(i % 2 AS VARCHAR), 5, '0')",
        "siret": "lpad(CAST(i // 2 AS VARCHAR), 9, '0') || lpad(CAST(i % 2 AS VARCHAR), 5, '0')",
        "statutDiffusionEtablissement": "'O'",
        "dateCreationEtablissement": "'2015-06-01'",
        "trancheEffectifsEtablissement": "(['NN','01','02','03','11'])[1 + i % 5]",
        "etablissementSiege": "CASE WHEN i % 2 = 0 THEN 'true' ELSE 'false' END",
        "numeroVoieEtablissement": "CAST(1 + i % 90 AS VARCHAR)",
        "typeVoieEtablissement": "'RUE'",
        "libelleVoieEtablissement": "'DES DOUVES'",
        "codePostalEtablissement": "'35600'",
        "libelleCommuneEtablissement": "'REDON'",
        "codeCommuneEtablissement": f"CASE WHEN (i // 2) % 100 = 0 "
        f"THEN ([{communes}])[1 + (i // 200) % {len(codes)}] ELSE '{OUTSIDE}' END",
        "etatAdministratifEtablissement": "'A'",
        "activitePrincipaleEtablissement": "'88.99B'",
        "nomenclatureActivitePrincipaleEtablissement": "'NAFRev2'",
    }
    select = ", ".join(f'{values.get(c, EMPTY)} AS "{c}"' for c in ESTABLISHMENT_COLUMNS)
    sites = directory / "StockEtablissement.csv"
    duckdb.sql(f"COPY (SELECT {select} FROM range({SIRENE_ROWS}) t(i)) TO '{sites}' (HEADER)")
    unit_values = {
        "siren": "lpad(CAST(i AS VARCHAR), 9, '0')",
        "statutDiffusionUniteLegale": "'O'",
        "dateCreationUniteLegale": "'2015-06-01'",
        "denominationUniteLegale": "'ASSOCIATION ' || CAST(i AS VARCHAR)",
        "categorieJuridiqueUniteLegale": "'9220'",
        "activitePrincipaleUniteLegale": "'88.99B'",
        "nomenclatureActivitePrincipaleUniteLegale": "'NAFRev2'",
        "etatAdministratifUniteLegale": "'A'",
        "economieSocialeSolidaireUniteLegale": "'O'",
        "caractereEmployeurUniteLegale": "'O'",
    }
    select = ", ".join(f'{unit_values.get(c, EMPTY)} AS "{c}"' for c in UNIT_COLUMNS)
    units = directory / "StockUniteLegale.csv"
    duckdb.sql(f"COPY (SELECT {select} FROM range({SIRENE_ROWS // 2}) t(i)) TO '{units}' (HEADER)")
    return sites, units


def test_a_million_row_sirene_establishments_file(tmp_path, capsys):
    territory = current_territory()
    codes = list(territory.communes.values_list("code", flat=True))
    sites, units = _sirene_files(tmp_path, codes)

    def run():
        start = time.perf_counter()
        result = SireneImporter(territory).run(sites, units)
        return result, time.perf_counter() - start

    (result, seconds), growth_mb = peak_growth_mb(run)

    established = result.establishments
    assert established.status == ImportStatus.SUCCEEDED, established.message
    assert established.rows_read == SIRENE_ROWS
    assert established.rows_created == SIRENE_ROWS // 100
    with capsys.disabled():
        print(
            f"\nimport SIRENE, {fr(SIRENE_ROWS)} établissements "
            f"({fr(established.rows_created)} dans le territoire) et "
            f"{fr(SIRENE_ROWS // 2)} unités légales\n"
            f"  {fr(seconds, 1)} s, {fr(SIRENE_ROWS / seconds)} lignes d’établissements/s, "
            f"mémoire +{fr(growth_mb, 1)} Mo "
            f"(≤ {SIRENE_TARGET_MB} Mo : {met(growth_mb <= SIRENE_TARGET_MB)})"
        )
    assert growth_mb <= SIRENE_TARGET_MB
