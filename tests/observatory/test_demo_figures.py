"""On a fresh `make run`, /observatoire/ shows the hub fiche's key figures, counted from the
demonstration directory with the directory's own definitions (« 00 » is an employer)."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def visible_text(page: str) -> str:
    """The page's words, with every kind of space (non-breaking ones too) as one plain space."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def test_a_fresh_load_shows_the_hub_fiche_figures(client):
    call_command("load_hub", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())

    text = visible_text(client.get("/observatoire/").content.decode())

    assert "319 établissements employeurs" in text
    assert "3 042 emplois" in text
    assert "12,7 %" in text
    assert "282 associations" in text
    assert "32 coopératives" in text
