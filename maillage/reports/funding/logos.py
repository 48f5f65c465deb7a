"""A funder's logo as staff upload it: a PNG or JPEG image, told by its content (never by its
name), of bounded size, kept in private storage under a name of our own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.files import File

from maillage.reports.funding.models import Funder

MAX_BYTES = 1024 * 1024
MAX_PIXELS = 4000 * 4000
# Pillow's format name -> the file's media type and suffix.
FORMATS = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpg")}


@dataclass(frozen=True)
class Logo:
    data: bytes
    media_type: str


def media_type_of(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1]
    return next(media for media, known in FORMATS.values() if known == suffix)


def store_logo(funder: Funder, upload: File[bytes], image_format: str) -> None:
    """Replace the funder's logo by `upload`, already checked (`forms.LogoField`)."""
    _, suffix = FORMATS[image_format]
    former = funder.logo.name
    upload.seek(0)
    funder.logo.save(f"{uuid.uuid4().hex}.{suffix}", upload, save=True)
    if former:
        funder.logo.storage.delete(former)


def logo_of(funder: Funder) -> Logo | None:
    """The logo's bytes, or None when there is none or its file is missing."""
    name = funder.logo.name
    if not name or not funder.logo.storage.exists(name):
        return None
    with funder.logo.open("rb") as opened:
        return Logo(opened.read(), media_type_of(name))
