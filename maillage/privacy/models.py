from django.db import models
from django.utils import timezone


class ErasureRecord(models.Model):
    """One erasure, kept so that restoring an older backup erases the person again.

    It holds keyed digests of the person's e-mail addresses, never an address or a name: the
    journal itself brings nobody back. Each record is mirrored in a file beside the backups
    (`ERASURE_JOURNAL_PATH`), so it outlives the loss of the database.
    """

    key = models.UUIDField(unique=True)
    erased_at = models.DateTimeField(default=timezone.now)
    # The address book person whose record was erased, when one was.
    person_pk = models.BigIntegerField(null=True, blank=True)
    email_digests = models.JSONField(default=list)

    class Meta:
        ordering = ["erased_at", "pk"]
        verbose_name = "effacement enregistré"
        verbose_name_plural = "journal des effacements"

    def __str__(self) -> str:
        return f"Effacement du {self.erased_at:%d/%m/%Y}"
