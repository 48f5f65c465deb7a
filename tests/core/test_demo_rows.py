"""The demonstration registry: demo rows are told from real ones without a column in the apps'
tables, and asking whether a table holds any demo row reads the registry's index only."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maillage.core import demo
from maillage.directory.models import Establishment
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db


def test_marked_rows_are_demo_rows_and_others_are_not():
    real, fictive = EstablishmentFactory(), EstablishmentFactory()
    assert not demo.has_demo(Establishment)

    demo.mark(fictive)
    demo.mark(fictive)  # again: no effect

    assert demo.has_demo(Establishment)
    assert demo.is_demo(fictive)
    assert not demo.is_demo(real)
    assert list(demo.only_demo(Establishment.objects.all())) == [fictive]


def _plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Small tables are scanned whatever the indexes: ask whether an index could serve.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(" ".join(map(str, row)) for row in cursor.fetchall())


def test_asking_whether_the_directory_holds_demo_rows_scans_no_table():
    """Issue 19: on a directory without demo rows, the banner's question scanned every entry."""
    EstablishmentFactory.create_batch(3)
    # The content type is cached once per process; another test may have emptied that cache.
    ContentType.objects.get_for_model(Establishment)

    with CaptureQueriesContext(connection) as queries:
        assert not demo.has_demo(Establishment)

    (query,) = queries.captured_queries
    assert "directory_establishment" not in query["sql"]
    plan = _plan(*demo.demo_ids(Establishment).query.sql_with_params())
    assert "INDEX" in plan.upper()  # the unique index on (content type, id)
    assert "SCAN" not in plan  # SQLite: « SEARCH … USING COVERING INDEX »
    assert "Seq Scan" not in plan
