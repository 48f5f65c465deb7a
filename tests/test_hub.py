"""Another hub runs maillage by editing its folder's hub.toml, not the code."""

import shutil

import pytest
from django.core.exceptions import ImproperlyConfigured

from maillage.hub import current_hub, load_hub


@pytest.fixture
def hub_dir(settings, tmp_path):
    directory = tmp_path / "hub"
    shutil.copytree(settings.HUB_DIR, directory)
    return directory


def test_the_shipped_hub_is_the_cades_of_the_pays_de_redon(settings):
    hub = load_hub(settings.HUB_DIR)
    assert hub.identity.name == "CADES"
    assert hub.identity.founded.year == 1996
    assert hub.identity.founded.month == 1
    assert hub.territory.epci_codes == ("243500741",)


def test_a_missing_section_is_named_in_the_error(hub_dir):
    toml = hub_dir / "hub.toml"
    toml.write_text(toml.read_text().replace("[territory]", "[territoire]"))
    with pytest.raises(ImproperlyConfigured, match=r"\[territory\]"):
        load_hub(hub_dir)


def test_a_bad_founding_date_is_refused(hub_dir):
    toml = hub_dir / "hub.toml"
    toml.write_text(toml.read_text().replace('"1996-01-01"', '"janvier 1996"'))
    with pytest.raises(ImproperlyConfigured, match="invalid"):
        load_hub(hub_dir)


@pytest.mark.django_db
def test_another_hub_shows_its_own_identity_and_host(settings, hub_dir, client):
    toml = hub_dir / "hub.toml"
    toml.write_text(
        toml.read_text()
        .replace('full_name = "CADES du Pays de Redon"', 'full_name = "Pôle ESS du Pays de Vitré"')
        .replace('hosting = ""', 'hosting = "Hébergeur associatif, 1 rue de l’Exemple, Rennes"')
    )
    settings.HUB_DIR = hub_dir
    current_hub.cache_clear()
    try:
        page = client.get("/mentions-legales/").content.decode()
    finally:
        current_hub.cache_clear()
    assert "Pôle ESS du Pays de Vitré" in page
    assert "Hébergeur associatif, 1 rue de l’Exemple, Rennes" in page
