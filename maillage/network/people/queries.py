"""What other apps read of the address book: contact imports waiting on staff."""

from __future__ import annotations

from django.db.models import QuerySet

from maillage.network.people.enums import ImportStatus
from maillage.network.people.models import ContactImport


def imports_awaiting_mapping() -> QuerySet[ContactImport]:
    """Contact sheets read and waiting for staff to say what each column holds, oldest first."""
    return ContactImport.objects.filter(status=ImportStatus.PENDING).order_by("created_at", "pk")
