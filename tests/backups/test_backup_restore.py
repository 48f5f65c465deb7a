"""`manage.py backup` and `manage.py restore`: a round trip gives back every table and every
file, erasures made after the backup are made again, and an archive that is corrupted,
truncated, from another hub, another database or a newer maillage, of an unknown format,
with a member missing or an unreadable manifest is refused with a French message while
nothing changes. Runs on the suite's database: SQLite by default, PostgreSQL in CI."""

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from maillage.backups.archive import write_backup
from maillage.backups.checksums import table_checksums
from maillage.backups.files import FILE_ROOT_SETTINGS
from maillage.network.people.models import Person
from maillage.privacy.models import ErasureRecord
from maillage.privacy.subject_rights import erase_person_record
from tests.factories import UserFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "sauvegardes"
    settings.ERASURE_JOURNAL_PATH = tmp_path / "sauvegardes" / "journal.jsonl"
    for name in FILE_ROOT_SETTINGS:
        setattr(settings, name, tmp_path / name.lower())
    (settings.MEDIA_ROOT / "imports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "imports" / "stock.csv").write_text("siret;nom\n1;La Recyclerie\n")
    settings.SUPPORT_DOCUMENTS_ROOT.mkdir()
    (settings.SUPPORT_DOCUMENTS_ROOT / "business-plan.pdf").write_bytes(b"%PDF-1.7 " * 500)
    return settings


def restore(archive) -> str:
    output = io.StringIO()
    call_command("restore", str(archive), oui=True, stdout=output)
    return output.getvalue()


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_round_trip_gives_back_every_table_and_file(folders):
    UserFactory(email="adherente@exemple.org", full_name="Awa Diallo")
    PersonFactory(first_name="Yann", last_name="Le Goff", email="yann@exemple.org")
    before = table_checksums()
    support_files = files_of(folders.SUPPORT_DOCUMENTS_ROOT)
    output = io.StringIO()
    call_command("backup", stdout=output)
    assert "Sauvegarde écrite" in output.getvalue()
    (archive,) = folders.BACKUP_DIR.glob("maillage-pays-de-redon-*.tar.gz")

    UserFactory(email="arrivee-apres@exemple.org")
    Person.objects.filter(last_name="Le Goff").update(first_name="Erwan")
    (folders.SUPPORT_DOCUMENTS_ROOT / "business-plan.pdf").write_bytes(b"autre chose")
    (folders.MEDIA_ROOT / "imports" / "nouveau.csv").write_text("x")
    assert table_checksums() != before

    assert "restaurée" in restore(archive)
    assert table_checksums() == before
    assert files_of(folders.SUPPORT_DOCUMENTS_ROOT) == support_files
    assert sorted(files_of(folders.MEDIA_ROOT)) == ["imports/stock.csv"]


def test_a_person_erased_after_the_backup_stays_erased_once_it_is_restored(folders):
    person = PersonFactory(first_name="Clémence", last_name="Jaouen", email="clemence@exemple.org")
    archive = write_backup()
    erase_person_record(person)

    output = restore(archive)

    assert not Person.objects.filter(email="clemence@exemple.org").exists()
    assert not Person.objects.filter(last_name="Jaouen").exists()
    assert "1 effacement refait" in output
    # Journalled in the restored database too: a later restore of the same backup repeats it.
    assert ErasureRecord.objects.count() == 1
    assert "clemence" not in folders.ERASURE_JOURNAL_PATH.read_text()


def test_the_journal_file_alone_brings_the_erasure_back_when_the_database_lost_it(folders):
    person = PersonFactory(first_name="Clémence", last_name="Jaouen", email="clemence@exemple.org")
    archive = write_backup()
    erase_person_record(person)
    # The database was lost with its journal; only the file beside the backups is left.
    ErasureRecord.objects.all().delete()

    restore(archive)

    assert not Person.objects.filter(email="clemence@exemple.org").exists()


def test_an_erasure_made_before_the_backup_is_not_made_twice(folders):
    erase_person_record(PersonFactory(email="ancienne@exemple.org"))
    archive = write_backup()

    assert "0 effacement refait" in restore(archive)


def _rewritten(archive: Path, change_manifest) -> Path:
    """The same archive with its manifest changed (a forged or foreign backup)."""

    def changed(data: bytes) -> bytes:
        manifest = json.loads(data)
        change_manifest(manifest)
        return json.dumps(manifest).encode()

    return _manifest_replaced(archive, changed)


def _manifest_replaced(archive: Path, replace) -> Path:
    target = archive.with_name("modifiee.tar.gz")
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                data = replace(data)
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def _from_another_hub(manifest):
    manifest.update(hub="val-de-vilaine", hub_name="Pôle ESS du Val")


def _from_a_newer_version(manifest):
    manifest["migrations"]["directory"].append("0099_from_the_future")


def _with_a_forged_member(manifest):
    name = next(name for name in manifest["members"] if name.startswith("files/"))
    manifest["members"][name]["sha256"] = "0" * 64


def _of_an_unknown_format(manifest):
    manifest["format"] += 1


def _from_another_database(manifest):
    manifest["database"] = "oracle"


def _with_a_missing_member(manifest):
    listed = next(value for name, value in manifest["members"].items() if name.startswith("files/"))
    manifest["members"]["files/media_root/absent.csv"] = dict(listed)


def _truncated(archive: Path) -> Path:
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])
    return archive


def _corrupted(archive: Path) -> Path:
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(byte ^ 0xFF for byte in data[middle : middle + 64])
    archive.write_bytes(bytes(data))
    return archive


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        # A cut or damaged stream reads as unreadable, or as ending before its manifest.
        (_truncated, "incomplète"),
        (_corrupted, "incomplète"),
        (lambda archive: _rewritten(archive, _from_another_hub), "d’un autre pôle"),
        (lambda archive: _rewritten(archive, _from_a_newer_version), "plus récente"),
        (lambda archive: _rewritten(archive, _with_a_forged_member), "corrompue"),
        (lambda archive: archive.with_name("absente.tar.gz"), "n’existe pas"),
        (lambda archive: _rewritten(archive, _of_an_unknown_format), "Format d’archive"),
        (lambda archive: _rewritten(archive, _from_another_database), "vient d’une base oracle"),
        (lambda archive: _rewritten(archive, _with_a_missing_member), "absent.csv » manque"),
        (lambda archive: _manifest_replaced(archive, lambda data: data[:10]), "illisible"),
    ],
    ids=[
        "truncated",
        "corrupted",
        "another-hub",
        "newer-version",
        "forged-member",
        "missing",
        "unknown-format",
        "another-database",
        "missing-member",
        "unreadable-manifest",
    ],
)
def test_an_archive_that_cannot_be_trusted_is_refused_and_nothing_changes(folders, spoil, reason):
    archive = write_backup()
    UserFactory(email="arrivee-apres@exemple.org")
    (folders.MEDIA_ROOT / "imports" / "nouveau.csv").write_text("x")
    tables, media = table_checksums(), files_of(folders.MEDIA_ROOT)

    with pytest.raises(CommandError, match=reason) as refusal:
        restore(spoil(archive))

    assert str(refusal.value).endswith("Rien n’a été restauré.")
    assert table_checksums() == tables
    assert files_of(folders.MEDIA_ROOT) == media


def test_an_archive_without_manifest_is_refused(folders):
    not_a_backup = folders.BACKUP_DIR / "autre.tar.gz"
    folders.BACKUP_DIR.mkdir()
    with tarfile.open(not_a_backup, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("notes.txt"), io.BytesIO(b""))

    with pytest.raises(CommandError, match="pas de manifeste"):
        restore(not_a_backup)


def test_a_finished_backup_is_one_readable_archive_and_no_partial_file(folders):
    archive = write_backup()
    with gzip.open(archive) as stream:
        assert stream.read()
    assert [path.name for path in folders.BACKUP_DIR.iterdir() if path.is_file()] == [archive.name]
