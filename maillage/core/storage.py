"""Private files (documents of working groups, of support cases): kept outside MEDIA_ROOT, so no
web server can serve them.

Only a permission-checked view streams them; the storage has no URL at all, so a template asking
for `document.file.url` fails instead of leaking an address.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """A file system storage whose folder is read from the named setting at each use (tests
    point it elsewhere)."""

    def __init__(self, root_setting: str) -> None:
        self.root_setting = root_setting
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:
        return str(getattr(settings, self.root_setting))

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Ce document n’est servi qu’après contrôle d’accès.")
