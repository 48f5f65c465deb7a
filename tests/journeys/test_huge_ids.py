"""An id no column can hold, in a case's path, is no page (404), on SQLite as on PostgreSQL."""

import pytest
from django.urls import reverse

from tests.journeys.factories import SupportCaseFactory

HUGE = 10**23


@pytest.mark.django_db
def test_a_huge_id_in_a_path_is_a_404(client_for, staff):
    case = SupportCaseFactory()
    page = reverse("journeys:document", args=[case.pk, 1]).replace("/1/", f"/{HUGE}/")
    assert client_for(staff).get(page).status_code == 404
    assert client_for(staff).get(f"/accompagnement/dossiers/{HUGE}/").status_code == 404
