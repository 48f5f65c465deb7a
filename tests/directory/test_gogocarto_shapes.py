"""Every shape a GoGoCarto map is published in: GoGoCarto's own export and Transiscope's light
one, recognised from the content, with the source fiche, summary, commitment and category tree."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from maillage.directory.enums import ImportStatus
from maillage.directory.models import Establishment, Theme
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.hub import load_hub
from maillage.territory.importer import load_configured_territory
from maillage.territory.models import Territory

DATA = Path(__file__).parent / "data"
TRANSISCOPE = DATA / "transiscope_elements.json"


def test_a_transiscope_export_lands_with_its_fiche_summary_and_commitment(territory):
    run = GogocartoImporter(territory).run(TRANSISCOPE)

    assert (run.status, run.rows_read, run.rows_rejected) == (ImportStatus.SUCCEEDED, 3, 0)
    assert run.rows_created == 2
    site = Establishment.objects.get(source_ref="gogocarto:7Xk2")
    assert site.display_name == "La Cambuse du Canal"
    assert (site.longitude, site.latitude) == (-2.0852, 47.6517)
    assert (site.street, site.postcode, site.commune.code) == ("3 rue des Douves", "35600", "35236")
    assert site.summary == "Épicerie associative en vrac et produits locaux."
    assert site.commitment.startswith("Des produits à moins de 50 km")
    assert site.source_url == "https://transiscope.org/annuaire#/fiche/la-cambuse-du-canal/7Xk2/"
    assert site.description == "Ouverte à toutes et tous, adhésion à prix libre."
    assert (site.website, site.email) == ("https://cambuse.example", "bonjour@cambuse.example")


def test_transiscope_categories_keep_their_tree(territory):
    GogocartoImporter(territory).run(TRANSISCOPE)

    site = Establishment.objects.get(source_ref="gogocarto:7Xk2")
    assert sorted(site.themes.values_list("name", flat=True)) == ["Circuits courts", "Épicerie"]
    parents = dict(Theme.objects.values_list("name", "parent__name"))
    assert parents["Épicerie"] == "Se nourrir"  # the parent named by an id of another element
    assert parents["Circuits courts"] == "Se nourrir"
    assert parents["Jardins partagés"] == "Se nourrir"  # the parent given as an object
    assert parents["Se nourrir"] is None


def test_a_transiscope_export_is_idempotent(territory):
    GogocartoImporter(territory).run(TRANSISCOPE)

    again = GogocartoImporter(territory).run(TRANSISCOPE)

    assert (again.rows_created, again.rows_updated, again.rows_unchanged) == (0, 0, 2)


def test_the_native_export_keeps_commitment_and_taxonomy_tree(territory):
    GogocartoImporter(territory).run(
        DATA / "gogocarto_elements.json", DATA / "gogocarto_taxonomy.json"
    )

    site = Establishment.objects.get(source_ref="gogocarto:zw9")
    assert site.commitment == "Une entreprise d'insertion par l'activité professionnelle."
    assert Theme.objects.filter(parent__isnull=False).exists()


def test_a_transiscope_element_without_title_is_rejected_by_number(territory, tmp_path):
    elements = json.loads(TRANSISCOPE.read_text(encoding="utf-8"))
    elements[1]["title"] = ""
    path = tmp_path / "transiscope.json"
    path.write_text(json.dumps({"data": elements}), encoding="utf-8")

    run = GogocartoImporter(territory).run(path)

    assert run.rejections.get(line=2).reason == "élément sans nom"
    assert run.rows_created == 1


@pytest.mark.parametrize(
    ("elements", "message"),
    [
        ([{"title": "Sans identifiant"}], "n’ont pas d’identifiant « id »"),
        ([{"id": "1", "nom": "Autre"}], "« name » pour GoGoCarto, « id » et « title »"),
    ],
)
def test_a_file_of_neither_shape_is_refused_with_what_is_missing(
    territory, tmp_path, elements, message
):
    path = tmp_path / "carte.json"
    path.write_text(json.dumps(elements), encoding="utf-8")

    with pytest.raises(ImportRefused, match=message):
        GogocartoImporter(territory).run(path)

    assert not Establishment.objects.exists()


def test_the_public_fiche_shows_summary_commitment_and_the_source_link(territory, client):
    GogocartoImporter(territory).run(TRANSISCOPE)
    site = Establishment.objects.get(source_ref="gogocarto:7Xk2")
    site.legal_unit.ess_family = "association"  # staff checked it (map entries wait for review)
    site.legal_unit.save()

    page = client.get(f"/annuaire/{site.pk}/", follow=True).content.decode()

    assert "Épicerie associative en vrac et produits locaux." in page
    assert "Engagement" in page
    assert 'href="https://transiscope.org/annuaire#/fiche/la-cambuse-du-canal/7Xk2/"' in page


@pytest.fixture
def redon(db):
    """The hub's real territory, with its communes' outlines."""
    hub = load_hub(Path(settings.BASE_DIR) / "hubs" / "pays-de-redon")
    load_configured_territory(hub.territory)
    return Territory.objects.get(slug="pays-de-redon")


def test_a_transiscope_actor_with_coordinates_but_no_city_is_placed_not_rejected(redon, tmp_path):
    actor = json.loads(TRANSISCOPE.read_text(encoding="utf-8"))[0]
    actor["address"] = {"street": "", "city": "", "postalCode": "", "country": "FR"}
    actor["location"] = {"lat": 47.6516, "lon": -2.0853}
    path = tmp_path / "transiscope.json"
    path.write_text(json.dumps([actor]), encoding="utf-8")

    run = GogocartoImporter(redon).run(path)

    assert (run.rows_created, run.rows_rejected) == (1, 0)
    site = Establishment.objects.get()
    assert site.commune.name == "Redon"
    assert (site.longitude, site.latitude) == (-2.0853, 47.6516)
