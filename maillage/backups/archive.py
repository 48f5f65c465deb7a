"""A backup archive: a gzip-compressed tar holding the database dump, the uploaded and private
files, and last a manifest (format, version, hub, migrations, a checksum of every member and of
every table). Written last, the manifest is what a truncated archive lacks."""

from __future__ import annotations

import hashlib
import json
import tarfile
import tempfile
import tomllib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils import timezone

from maillage.backups.database import DUMP_NAMES, take_snapshot
from maillage.backups.files import file_roots, files_under
from maillage.hub import current_hub

FORMAT = 1
MANIFEST = "manifest.json"


@dataclass
class Manifest:
    format: int
    maillage: str
    hub: str
    hub_name: str
    created_at: str
    database: str
    migrations: dict[str, list[str]]
    tables: dict[str, str]
    # Archive member name -> {"sha256": ..., "size": ...}
    members: dict[str, dict[str, str | int]] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    checksum = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            checksum.update(block)
    return checksum.hexdigest()


def maillage_version() -> str:
    with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as project:
        return str(tomllib.load(project)["project"]["version"])


def hub_key() -> tuple[str, str]:
    """The hub a backup belongs to: its territory's slug, and its name for messages."""
    hub = current_hub()
    return hub.territory.slug, hub.identity.name


def _archive_name(hub: str, at: datetime) -> str:
    return f"maillage-{hub}-{timezone.localtime(at):%Y-%m-%d-%H%M%S}.tar.gz"


def write_backup(folder: Path | None = None) -> Path:
    """Back up the database and the files into a new archive in `folder` (BACKUP_DIR)."""
    folder = Path(folder or settings.BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    hub, hub_name = hub_key()
    now = timezone.now()
    with tempfile.TemporaryDirectory(dir=folder) as work:
        snapshot = take_snapshot(Path(work))
        manifest = Manifest(
            FORMAT,
            maillage_version(),
            hub,
            hub_name,
            now.isoformat(),
            snapshot.vendor,
            snapshot.migrations,
            snapshot.tables,
        )
        partial = folder / (_archive_name(hub, now) + ".partiel")
        with tarfile.open(partial, "w:gz") as archive:
            _add(archive, manifest, snapshot.dump, snapshot.dump.name)
            for setting, root in file_roots().items():
                for path in files_under(root):
                    name = str(PurePosixPath("files", setting, *path.relative_to(root).parts))
                    _add(archive, manifest, path, name)
            manifest_file = Path(work) / MANIFEST
            manifest_file.write_text(json.dumps(asdict(manifest), indent=1, sort_keys=True))
            archive.add(manifest_file, MANIFEST)
        # Renamed only once complete: a crash leaves a « .partiel » file, never a short archive
        # under a backup's name.
        return partial.rename(folder / _archive_name(hub, now))


class _HashingReader:
    """Hands the file to tarfile while hashing the very bytes archived."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.checksum = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        block = self.stream.read(size)
        self.checksum.update(block)
        return block


def _add(archive: tarfile.TarFile, manifest: Manifest, path: Path, name: str) -> None:
    info = archive.gettarinfo(path, name)
    with path.open("rb") as stream:
        reader = _HashingReader(stream)
        archive.addfile(info, reader)
    manifest.members[name] = {"sha256": reader.checksum.hexdigest(), "size": info.size}


def dump_name(vendor: str) -> str:
    return DUMP_NAMES[vendor]
