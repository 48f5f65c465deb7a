"""SQLite's word indexes (FTS5 tables, `search_index.py`) as read-only models, one row per
establishment (rowid = id): a search joins them instead of testing `id IN (every match)`, so
that reading the first thousand matches of a word in every entry reads a thousand rows."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Lookup

from maillage.directory.models.organisations import Establishment
from maillage.directory.search_index import FTS_TABLE, NAMES_FTS_TABLE


class IndexedText(models.Field):  # type: ignore[type-arg]
    """An FTS5 column: matched (`column__match`), never read or written."""


@IndexedText.register_lookup
class Match(Lookup):  # type: ignore[type-arg]
    lookup_name = "match"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SearchWords(models.Model):
    establishment = models.OneToOneField(
        Establishment,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_words",
    )
    search_text = IndexedText()

    class Meta:
        managed = False
        db_table = FTS_TABLE

    def __str__(self) -> str:
        return f"mots de la fiche {self.pk}"


class SearchNameWords(models.Model):
    establishment = models.OneToOneField(
        Establishment,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_name_words",
    )
    search_name = IndexedText()

    class Meta:
        managed = False
        db_table = NAMES_FTS_TABLE

    def __str__(self) -> str:
        return f"mots du nom de la fiche {self.pk}"
