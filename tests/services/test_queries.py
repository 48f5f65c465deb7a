"""List pages read a fixed number of queries, however many services there are."""

import pytest

from maillage.support.services.models import Service
from maillage.support.services.revision import revision_of
from tests.services.factories import ServiceFactory


@pytest.fixture
def many(provider, redon):
    for index in range(12):
        service = ServiceFactory(
            provider=provider, on_offer=index == 0, area=[redon, redon.epci], submitted=index > 8
        )
        if index % 4 == 0 and service.status == "published":
            revision_of(service)
    ServiceFactory.create_batch(5, on_offer=True, area=[redon.departement])


def _count(client, url, django_assert_max_num_queries, limit):
    # Each HTML page's layout also asks once whether demonstration rows are loaded.
    with django_assert_max_num_queries(limit + (0 if url.endswith(".json") else 1)):
        response = client.get(url)
    assert response.status_code == 200


def test_public_offer_and_results_pages(client, many, django_assert_max_num_queries):
    assert Service.objects.on_offer().count() > 10
    _count(client, "/accompagnement/services/?commune=35236", django_assert_max_num_queries, 8)
    _count(client, "/accompagnement/resultats/?commune=35236", django_assert_max_num_queries, 8)
    _count(client, "/accompagnement/services.json", django_assert_max_num_queries, 4)


def test_staff_queue(client, staff, many, django_assert_max_num_queries):
    client.force_login(staff)
    _count(client, "/accompagnement/validation/", django_assert_max_num_queries, 4)


def test_representative_list(client, representative, many, django_assert_max_num_queries):
    client.force_login(representative)
    _count(client, "/espace-membre/services/", django_assert_max_num_queries, 4)


def test_staff_find_services_in_the_admin(client, staff, many):
    client.force_login(staff)
    response = client.get("/admin/services/service/", {"q": "Service"})
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0
