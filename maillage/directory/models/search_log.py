"""What people look for in the directory, kept without anything that identifies them."""

from django.db import models


class SearchLog(models.Model):
    """One search: the folded query, the filters used and how many entries it found.

    No address, user or session is stored: the log tells staff what is sought and not found
    (a signal of unmet needs), not who sought it.
    """

    query = models.CharField("recherche", max_length=200, blank=True)
    filters = models.JSONField("filtres", default=dict, blank=True)
    result_count = models.PositiveIntegerField("résultats")
    searched_on = models.DateField("date", auto_now_add=True)

    class Meta:
        verbose_name = "recherche dans l’annuaire"
        verbose_name_plural = "recherches dans l’annuaire"
        ordering = ["-searched_on", "-pk"]
        indexes = [models.Index(fields=["searched_on", "result_count"])]

    def __str__(self) -> str:
        return f"« {self.query} » : {self.result_count}"
