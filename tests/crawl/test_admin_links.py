"""The admin is for administrators: no page the hub's staff, members or partners reach links to
it (issue 17). The administrator's links: tests/web/test_layout.py and test_pages.py."""

from tests.crawl.conftest import SHARED

pytestmark = SHARED


def test_no_staff_member_or_partner_page_links_to_the_admin(crawled_demo):
    for role in ("staff", "member", "partner"):
        found = crawled_demo.crawls[role]

        assert len(found.pages) > 20, role  # the crawl did reach the role's pages
        assert found.admin_links == [], role
