"""An organisation's presentation is plain text: what is stored is what people read, on the page,
on the map's card and in the open data, with paragraphs and links and no markup syntax. The
presentations written in Markdown before are turned into the text their readers saw."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from maillage.directory.models import Establishment
from maillage.directory.stewardship.forms import EntryForm
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db

MIGRATION = import_module("maillage.directory.migrations.0025_plain_text_presentations")
MARKDOWN = (
    "## Qui sommes-nous\n\nNous **réparons** des vélos & des *remorques*.\n\n"
    "- ateliers le samedi\n- [notre site](https://canal.exemple.org)"
)
SEEN = (
    "Qui sommes-nous\n\nNous réparons des vélos & des remorques.\n\n"
    "– ateliers le samedi\n– notre site (https://canal.exemple.org)"
)


def test_markdown_presentations_become_the_text_their_readers_saw():
    written = EstablishmentFactory(description=MARKDOWN)
    plain = EstablishmentFactory(description="Un jardin.\nOuvert à tous.")
    empty = EstablishmentFactory(description="")

    MIGRATION.to_plain_text(apps, None)

    texts = dict(Establishment.objects.values_list("pk", "description"))
    assert texts[written.pk] == SEEN
    assert texts[plain.pk] == "Un jardin.\nOuvert à tous."
    assert texts[empty.pk] == ""


def test_the_page_shows_paragraphs_and_links_and_the_text_as_written(client):
    site = EstablishmentFactory(
        sign="La Maison du Canal",
        description="Nous réparons des vélos.\n\nVoir https://canal.exemple.org et 2 * 3 = 6.",
    )

    page = client.get(site.get_absolute_url()).content.decode()

    assert "<p>Nous réparons des vélos.</p>" in page
    assert '<a href="https://canal.exemple.org" rel="nofollow">' in page
    assert "2 * 3 = 6" in page  # no markup is read into a text


def test_open_data_and_the_map_card_carry_the_stored_text(client):
    site = EstablishmentFactory(sign="La Maison du Canal", description=SEEN, located=True)

    card = client.get(reverse("directory:map_card", args=[site.pk])).json()
    record = client.get(reverse("directory:api_organisation", args=[site.pk])).json()

    assert card["resume"] == " ".join(SEEN.split())
    assert record["presentation"] == SEEN


def test_the_forms_ask_for_plain_text():
    field = EntryForm().fields["description"]

    assert field.label == "Présentation"
    assert "Texte simple" in field.help_text
