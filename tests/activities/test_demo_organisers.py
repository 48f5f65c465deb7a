"""The demonstration's public activities are co-organised by demo organisations of their
commune, so the demo shows them on those organisations' pages."""

import pytest

from maillage.activities.demo import create_demo_activities
from maillage.activities.models import Activity
from maillage.directory.demo import create_demo_directory
from maillage.hub import current_hub
from maillage.territory.importer import load_configured_territory

pytestmark = pytest.mark.django_db


def test_a_demo_organisation_page_lists_the_activity_it_co_organises(client):
    load_configured_territory(current_hub().territory)
    create_demo_directory()
    create_demo_activities()

    forum = Activity.objects.get(slug="forum-ess")
    [host] = forum.organisers.all()
    site = host.establishments.filter(commune=forum.commune).order_by("pk").first()
    html = client.get(site.get_absolute_url()).content.decode()

    assert "Prochaines activités" in html
    assert forum.title in html
    assert not Activity.objects.get(slug="comite-pilotage-interne").organisers.exists()


def test_without_the_directory_demo_activities_have_no_co_organiser():
    load_configured_territory(current_hub().territory)
    create_demo_activities()

    assert not Activity.objects.filter(organisers__isnull=False).exists()
