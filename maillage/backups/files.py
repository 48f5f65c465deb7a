"""The folders of uploaded and private files that a backup carries with the database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

# Each folder is named in the archive by its setting, so a restore puts it back wherever the
# host configured that setting.
FILE_ROOT_SETTINGS = (
    "MEDIA_ROOT",
    "WORKING_GROUP_DOCUMENTS_ROOT",
    "SUPPORT_DOCUMENTS_ROOT",
    "FUNDER_LOGOS_ROOT",
)


def file_roots() -> dict[str, Path]:
    return {name: Path(getattr(settings, name)) for name in FILE_ROOT_SETTINGS}


def files_under(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())
