"""The SIRENE stock files staff may choose on the computation page: those of one folder only,
so that a form field never names an arbitrary path on the server."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from maillage.observatory.errors import SnapshotRefused

SUFFIXES = (".csv", ".csv.gz", ".parquet")


def files_dir() -> Path:
    default = Path(settings.MEDIA_ROOT) / "observatoire"
    return Path(getattr(settings, "OBSERVATORY_FILES_DIR", default))


def available_files() -> list[str]:
    folder = files_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIXES))


def resolve(name: str) -> Path:
    if name not in available_files():
        raise SnapshotRefused(
            f"Fichier inconnu dans le dossier de l’observatoire : « {name[:80]} »."
        )
    return files_dir() / name
