"""The staff home leads to this year's activity report and targets."""

import pytest
from django.urls import reverse
from django.utils import timezone


@pytest.mark.django_db
def test_the_staff_home_links_to_the_report_and_the_targets_of_the_year(client_for, staff):
    year = timezone.localdate().year
    text = client_for(staff).get(reverse("web:staff_home")).content.decode()
    assert f'href="{reverse("annual:report", args=[year])}"' in text
    assert f'href="{reverse("indicators:targets", args=[year])}"' in text
