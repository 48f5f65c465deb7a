"""Reading an uploaded sheet in the task worker, never in the web process: a file of a few
hundred kilobytes may unfold into gigabytes. The file waits in the import until read; it is
emptied once read, and the import then waits for its column mapping, or says why it was
refused."""

from __future__ import annotations

import json

from maillage.network.people.enums import ImportStatus
from maillage.network.people.importing.reading import SheetRefused, read_sheet
from maillage.network.people.models import ContactImport


def read_uploaded(pk: int) -> bool:
    """Read the sheet of import `pk` if it still waits to be read; True once its rows wait for
    their mapping, False if it was refused (or was not waiting)."""
    contact_import = ContactImport.objects.filter(pk=pk, status=ImportStatus.READING).first()
    if contact_import is None:
        return False
    waiting = ContactImport.objects.filter(pk=pk, status=ImportStatus.READING)
    try:
        header, rows = read_sheet(contact_import.filename, bytes(contact_import.sheet))
    except SheetRefused as refusal:
        waiting.update(status=ImportStatus.REFUSED, message=str(refusal), sheet=b"")
        return False
    waiting.update(
        status=ImportStatus.PENDING,
        sheet=b"",
        rows=json.dumps({"header": header, "rows": rows}, ensure_ascii=False),
        row_count=len(rows),
    )
    return True
