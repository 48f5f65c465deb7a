"""The demonstration data loaded once for this package, and each role's crawl of it.

Loading the demo and crawling it as five roles cost most of these tests' time; the tests only
read the crawl and send their own requests in their own savepoints, so they share both. The
load happens in a transaction rolled back when the package ends, as a test's data would be.
"""

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests.crawler import STARTS, Crawl, crawl, demo_clients, load_demo

# Each module of the package marks its tests with it: under xdist, one test process runs them
# all, or each process would load and crawl the demo again.
SHARED = pytest.mark.xdist_group("crawled_demo")


@dataclass(frozen=True)
class CrawledDemo:
    clients: dict[str, Client]  # by role, "visiteur" for the anonymous visitor
    crawls: dict[str, Crawl]


@pytest.fixture(scope="package")
def _crawled_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    # Files the demo and the worker write go to folders of the test run, never the checkout's.
    folders = {
        "DIRECTORY_EXPORTS_ROOT": str(tmp_path_factory.mktemp("exports")),
        "FUNDER_LOGOS_ROOT": tmp_path_factory.mktemp("financeurs"),
    }
    with (
        django_db_blocker.unblock(),
        override_settings(**folders),
        transaction.atomic(),
    ):
        load_demo()
        clients = demo_clients()
        yield CrawledDemo(
            clients, {role: crawl(client, STARTS) for role, client in clients.items()}
        )
        transaction.set_rollback(True)


@pytest.fixture
def crawled_demo(_crawled_demo, db) -> CrawledDemo:
    """The shared demo and crawls; what the test writes is rolled back after it (`db`)."""
    return _crawled_demo
