"""Where case documents live: outside MEDIA_ROOT, so no web server can serve them.

Only the permission-checked view streams them; the storage has no URL, so a template asking
for `document.file.url` fails instead of leaking an address.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def documents_root() -> Path:
    return Path(settings.SUPPORT_DOCUMENTS_ROOT)


@deconstructible
class CaseDocumentStorage(FileSystemStorage):
    """A file system storage read from the setting at each use (tests point it elsewhere)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(documents_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Les documents des dossiers ne sont servis qu’après contrôle d’accès.")
