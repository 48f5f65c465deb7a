"""Documents shared in a group: what may be uploaded, and how it is stored.

A file is accepted on its extension and on its first bytes agreeing (a renamed executable is
refused), up to MAX_SIZE. It is stored under a random name outside MEDIA_ROOT (storage.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from maillage.core.form_tokens import first_save
from maillage.network.people.models import Person
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import Document, WorkingGroup

MAX_SIZE = 10 * 1024 * 1024
ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0",)


@dataclass(frozen=True)
class FileType:
    content_type: str
    signatures: tuple[bytes, ...] = ()  # empty: plain text, checked for UTF-8 instead


FILE_TYPES = {
    ".pdf": FileType("application/pdf", (b"%PDF-",)),
    ".odt": FileType("application/vnd.oasis.opendocument.text", ZIP),
    ".ods": FileType("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".odp": FileType("application/vnd.oasis.opendocument.presentation", ZIP),
    ".docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP
    ),
    ".xlsx": FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".pptx": FileType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP
    ),
    ".doc": FileType("application/msword", OLE),
    ".xls": FileType("application/vnd.ms-excel", OLE),
    ".png": FileType("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": FileType("text/plain; charset=utf-8"),
    ".csv": FileType("text/csv; charset=utf-8"),
    ".md": FileType("text/markdown; charset=utf-8"),
}
ACCEPTED = ", ".join(sorted(ext.lstrip(".").upper() for ext in FILE_TYPES))


def file_type_of(name: str) -> FileType | None:
    return FILE_TYPES.get(PurePath(name).suffix.lower())


def _content_matches(upload: UploadedFile[bytes], file_type: FileType) -> bool:
    upload.seek(0)
    head: bytes = upload.read(8192)
    upload.seek(0)
    if file_type.signatures:
        return head.startswith(file_type.signatures)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return b"\x00" not in head


def check_upload(upload: UploadedFile[bytes]) -> FileType:
    file_type = file_type_of(upload.name or "")
    if file_type is None:
        raise WorkingGroupRefused(f"Ce type de fichier n’est pas accepté (formats : {ACCEPTED}).")
    size = upload.size or 0
    if size > MAX_SIZE:
        raise WorkingGroupRefused("Le fichier dépasse 10 Mo.")
    if size == 0:
        raise WorkingGroupRefused("Le fichier est vide.")
    if not _content_matches(upload, file_type):
        raise WorkingGroupRefused(
            "Le contenu du fichier ne correspond pas à son extension : il n’est pas accepté."
        )
    return file_type


def add_document(
    group: WorkingGroup, *, title: str, upload: UploadedFile[bytes], uploaded_by: Person | None
) -> Document:
    check_upload(upload)
    name = upload.name or ""  # check_upload refused a file without a name
    title = title.strip()
    if not title:
        raise WorkingGroupRefused("Donnez un titre au document.")
    document = Document(
        group=group,
        title=title,
        original_name=PurePath(name).name[:255],
        size=upload.size or 0,
        uploaded_by=uploaded_by,
    )
    if Document.objects.filter(group=group, title=title).exists():
        raise WorkingGroupRefused("Un document de ce titre existe déjà dans le groupe.")
    document.file.save(name, upload, save=False)
    if not first_save(document):  # the same title saved at the same instant by another request
        document.file.delete(save=False)
        raise WorkingGroupRefused("Un document de ce titre existe déjà dans le groupe.") from None
    return document


def delete_document(document: Document) -> None:
    """Delete the row, then its file once the deletion is committed."""
    storage, name = document.file.storage, document.file.name
    with transaction.atomic():
        document.delete()
        if name:
            transaction.on_commit(partial(storage.delete, name))
