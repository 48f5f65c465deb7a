import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_staff_see_communes_in_the_admin_without_raw_outlines(client_for, staff, canal):
    client = client_for(staff)

    response = client.get(reverse("admin:territory_commune_changelist"), {"q": "Bourg"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bourg-Neuf" in html
    assert "Aval" not in html
    assert "coordinates" not in html


def test_staff_find_a_commune_by_its_old_code(client_for, staff, canal):
    client = client_for(staff)

    response = client.get(reverse("admin:territory_commune_changelist"), {"q": "35900"})

    assert "Aval" in response.content.decode()


def test_imported_geography_is_read_only_in_the_admin(client_for, administrator, canal):
    client = client_for(administrator)

    assert client.get(reverse("admin:territory_commune_add")).status_code == 403
    page = client.get(reverse("admin:territory_territory_changelist"))
    assert page.status_code == 200
    assert "Pays du Canal" in page.content.decode()
