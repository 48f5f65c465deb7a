"""The admin is for administrators: no page the hub's staff, members or partners reach links to
it (issue 17). The administrator's links: tests/web/test_layout.py and test_pages.py."""

import pytest

from tests.crawler import STARTS, crawl, demo_clients, load_demo


@pytest.fixture
def clients(db):
    load_demo()
    return demo_clients()


def test_no_staff_member_or_partner_page_links_to_the_admin(clients):
    for role in ("staff", "member", "partner"):
        found = crawl(clients[role], STARTS)

        assert len(found.pages) > 20, role  # the crawl did reach the role's pages
        assert found.admin_links == [], role
