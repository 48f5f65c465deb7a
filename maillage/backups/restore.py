"""Restoring a backup: every check first, on a staged copy, then the database, the files and
the erasures made since. An archive that is corrupted, truncated, from another hub or from a
newer maillage is refused with a French message before anything changes."""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from maillage.backups.archive import FORMAT, MANIFEST, Manifest, dump_name, hub_key, sha256_of
from maillage.backups.checksums import table_checksums
from maillage.backups.database import restore_dump
from maillage.backups.errors import RestoreRefused
from maillage.backups.files import FILE_ROOT_SETTINGS, file_roots
from maillage.privacy import journal

_UNREADABLE = (tarfile.TarError, EOFError, OSError, zlib.error)


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    # Tables whose rows differ from the backup's right after loading it (none when all is well).
    differing_tables: list[str]
    migrated: bool
    erasures_replayed: int


def _stage(archive_path: Path, staging: Path) -> Manifest:
    """Extract the archive into `staging` and check it whole; refuse it otherwise."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(staging, filter="data")
    except FileNotFoundError:
        raise RestoreRefused(
            f"Le fichier {archive_path} n’existe pas. Rien n’a été restauré."
        ) from None
    except _UNREADABLE:
        raise RestoreRefused(
            "L’archive est illisible ou incomplète (tronquée ou corrompue). Rien n’a été restauré."
        ) from None
    manifest_file = staging / MANIFEST
    if not manifest_file.is_file():
        raise RestoreRefused(
            "L’archive n’a pas de manifeste : elle est incomplète ou n’est pas une sauvegarde de "
            "maillage. Rien n’a été restauré."
        )
    try:
        manifest = Manifest(**json.loads(manifest_file.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        raise RestoreRefused(
            "Le manifeste de l’archive est illisible. Rien n’a été restauré."
        ) from None
    _check_members(manifest, staging)
    return manifest


def _check_members(manifest: Manifest, staging: Path) -> None:
    for name, expected in sorted(manifest.members.items()):
        path = staging / name
        if not path.is_file():
            raise RestoreRefused(
                f"L’archive est incomplète : « {name} » manque. Rien n’a été restauré."
            )
        if path.stat().st_size != expected["size"] or sha256_of(path) != expected["sha256"]:
            raise RestoreRefused(
                f"L’archive est corrompue : « {name} » ne correspond pas à son empreinte. "
                "Rien n’a été restauré."
            )


def _check_belongs_here(manifest: Manifest) -> None:
    if manifest.format != FORMAT:
        raise RestoreRefused(
            f"Format d’archive {manifest.format} inconnu de cette version de maillage "
            f"(format {FORMAT}). Rien n’a été restauré."
        )
    hub, hub_name = hub_key()
    if manifest.hub != hub:
        raise RestoreRefused(
            f"Cette sauvegarde est celle d’un autre pôle ({manifest.hub_name}, territoire "
            f"« {manifest.hub} »), pas de {hub_name}. Rien n’a été restauré."
        )
    if manifest.database != connection.vendor:
        raise RestoreRefused(
            f"Cette sauvegarde vient d’une base {manifest.database} ; la base configurée est "
            f"{connection.vendor}. Rien n’a été restauré."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    )
    if unknown:
        raise RestoreRefused(
            "Cette sauvegarde vient d’une version plus récente de maillage "
            f"({manifest.maillage}) : migrations inconnues ici ({', '.join(unknown[:5])}). "
            "Mettez maillage à jour avant de la restaurer. Rien n’a été restauré."
        )


def _replace_files(staging: Path) -> None:
    for setting, root in file_roots().items():
        incoming = staging / "files" / setting
        root.parent.mkdir(parents=True, exist_ok=True)
        previous = root.with_name(root.name + ".avant-restauration")
        shutil.rmtree(previous, ignore_errors=True)
        if root.exists():
            root.rename(previous)
        if incoming.is_dir():
            shutil.move(incoming, root)
        else:
            root.mkdir()
        shutil.rmtree(previous, ignore_errors=True)


def restore_backup(archive_path: Path) -> Restored:
    """Restore the archive in place of the current data; raise RestoreRefused, changing
    nothing, when the archive cannot be trusted or does not belong here."""
    folder = Path(settings.BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as work:
        staging = Path(work)
        manifest = _stage(Path(archive_path), staging)
        _check_belongs_here(manifest)
        dump = staging / dump_name(manifest.database)
        if dump.name not in manifest.members:
            raise RestoreRefused(
                "L’archive ne contient pas de base de données. Rien n’a été restauré."
            )
        unknown_roots = {
            name.split("/")[1] for name in manifest.members if name.startswith("files/")
        } - set(FILE_ROOT_SETTINGS)
        if unknown_roots:
            raise RestoreRefused("L’archive contient des dossiers inconnus. Rien n’a été restauré.")
        # Read before the database is replaced: the erasures made since the backup.
        erasures = journal.known_entries()
        restore_dump(manifest.database, dump)
        _replace_files(staging)
    differing = sorted(
        table
        for table, checksum in table_checksums().items()
        if manifest.tables.get(table) not in (None, checksum)
    )
    applied = {(app, name) for app, names in manifest.migrations.items() for name in names}
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    migrated = any(key not in applied for key in on_disk)
    if migrated:
        call_command("migrate", interactive=False, verbosity=0)
    replayed = journal.replay(erasures)
    return Restored(manifest, differing, migrated, replayed)
