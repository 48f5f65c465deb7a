"""The ground's own tables: only rate-limit counters (see ratelimit.py)."""

from django.db import models


class RateCounter(models.Model):
    # "<scope>:<keyed hash>" — never the address or e-mail counted (see ratelimit.bucket_for).
    bucket = models.CharField("compteur", max_length=150, unique=True)
    window_start = models.DateTimeField("début de la période")
    hits = models.PositiveIntegerField("demandes", default=0)
    # Serves the purge of finished windows.
    expires_at = models.DateTimeField("expire le", db_index=True)

    class Meta:
        verbose_name = "compteur de limite de demandes"
        verbose_name_plural = "compteurs de limite de demandes"

    def __str__(self) -> str:
        return f"{self.bucket} : {self.hits}"
