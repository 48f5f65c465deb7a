"""The home page: the next public activities, a search box to the directory, and the number of
organisations the directory lists, counted from its rows."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.activities.factories import ActivityFactory
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")


def _text(client) -> str:
    return " ".join(TAG.sub(" ", client.get("/").content.decode()).split())


def test_the_figure_counts_the_organisations_the_directory_lists(client):
    EstablishmentFactory.create_batch(3)
    EstablishmentFactory(hidden=True)
    EstablishmentFactory(closed=True)
    assert "3 organisations dans l’annuaire" in _text(client)
    EstablishmentFactory()
    assert "4 organisations dans l’annuaire" in _text(client)


def test_the_next_public_activities_are_shown_soonest_first(client):
    soon = timezone.now() + timedelta(days=2)
    ActivityFactory(title="Forum dans deux jours", starts_at=soon)
    ActivityFactory(title="Atelier dans un mois", starts_at=soon + timedelta(days=28))
    ActivityFactory(title="Réunion des adhérents", starts_at=soon, members_only=True)
    ActivityFactory(title="Séance passée", past=True)
    text = _text(client)
    assert text.index("Forum dans deux jours") < text.index("Atelier dans un mois")
    assert "Réunion des adhérents" not in text
    assert "Séance passée" not in text


def test_the_search_box_sends_its_words_to_the_directory_search(client):
    html = client.get("/").content.decode()
    form = re.search(r'<form class="home-search"[^>]*>.*?</form>', html, re.S).group()
    assert 'action="/annuaire/"' in form
    assert 'name="q"' in form
    EstablishmentFactory(name="Recyclerie du Pays")
    assert "Recyclerie du Pays" in client.get("/annuaire/", {"q": "recyclerie"}).content.decode()
