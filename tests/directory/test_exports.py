"""GeoJSON, CSV and data·inclusion exports: valid, and nothing private in them. The whole
directory is downloaded as the file the worker wrote (`exports/published.py`, its own tests in
test_published_exports.py); a filtered selection is written during the request."""

import csv
import io
import json

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from maillage.core.site import absolute_url
from maillage.directory.exports import published as published_files
from maillage.directory.exports.csv import DANGEROUS_STARTS, escape_cell
from tests.directory.factories import EstablishmentFactory, ThemeFactory
from tests.directory.schema_validation import validate

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.benevole@exemple.invalid"
SECRET_PHONE = "06 11 22 33 44"
PUBLIC_EMAIL = "contact@exemple.invalid"


@pytest.fixture(autouse=True)
def _exports_folder(settings, tmp_path):
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"


def whole(client, name: str):
    """The whole directory's file, as the worker writes it after the entries changed."""
    published_files.rebuild()
    return client.get(reverse(name))


@pytest.fixture
def entries():
    """A public entry with published contacts, one with private contacts, one hidden entry."""
    published = EstablishmentFactory(
        located=True,
        sign="Le Jardin partagé",
        public_contacts=True,
        description="Un jardin ouvert à toutes et tous.",
        website="https://jardin.example",
        postcode="35600",
        street="3 rue des Douves",
        provenance={"sign": {"source": "staff", "note": "NOTE-INTERNE"}},
        themes=[ThemeFactory(name="Alimentation", slug="alimentation")],
    )
    private = EstablishmentFactory(
        located=True,
        sign='=HYPERLINK("http://evil.example")',
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
        contacts_public=False,
        source_ref="gogocarto:SOURCE-PRIVEE",
    )
    hidden = EstablishmentFactory(
        located=True, sign="Refuge confidentiel", hidden=True, public_contacts=True
    )
    return published, private, hidden


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def assert_nothing_private(text: str):
    for secret in (
        SECRET_EMAIL,
        SECRET_PHONE,
        "Refuge confidentiel",
        "NOTE-INTERNE",
        "SOURCE-PRIVEE",
    ):
        assert secret not in text


def test_geojson_export_is_a_valid_feature_collection_of_public_entries(client, entries):
    published, private, _ = entries
    response = whole(client, "directory:export_geojson")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/geo+json"
    text = body(response)
    data = json.loads(text)
    assert validate(data, "geojson-FeatureCollection.json") == []
    assert sorted(f["id"] for f in data["features"]) == sorted([published.pk, private.pk])
    feature = next(f for f in data["features"] if f["id"] == published.pk)
    assert feature["geometry"] == {"type": "Point", "coordinates": [-2.0852, 47.6517]}
    assert feature["properties"]["courriel"] == PUBLIC_EMAIL
    assert feature["properties"]["themes"] == ["Alimentation"]
    assert_nothing_private(text)


def test_geojson_export_follows_the_filters(client, entries):
    published, _, _ = entries
    response = client.get(reverse("directory:export_geojson"), {"q": "jardin"})
    assert [f["id"] for f in json.loads(body(response))["features"]] == [published.pk]


def test_the_schema_checker_rejects_an_invalid_feature_collection():
    assert validate({"type": "FeatureCollection"}, "geojson-FeatureCollection.json")
    bad_point = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1]}}
        ],
    }
    assert validate(bad_point, "geojson-FeatureCollection.json")


def test_csv_export_is_a_spreadsheet_file_with_french_headers(client, entries):
    published, private, _ = entries
    response = whole(client, "directory:export_csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = body(response)
    assert text.startswith("\ufeffIdentifiant;Nom;Raison sociale;")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert sorted(int(row["Identifiant"]) for row in rows) == sorted([published.pk, private.pk])
    by_id = {int(row["Identifiant"]): row for row in rows}
    assert by_id[published.pk]["Courriel"] == PUBLIC_EMAIL
    assert by_id[published.pk]["Longitude"] == "-2,0852"
    assert by_id[private.pk]["Nom"] == '\'=HYPERLINK("http://evil.example")'
    assert by_id[private.pk]["Courriel"] == ""
    assert_nothing_private(text)


def test_a_bad_filter_on_an_export_is_a_400(client):
    response = client.get(reverse("directory:export_csv"), {"page": "-1"})
    assert response.status_code == 400
    assert "page" in response.json()["erreur"]


@given(st.text(max_size=30))
def test_no_exported_text_cell_starts_with_a_formula_character(text):
    cell = escape_cell(text)
    assert not cell.startswith(DANGEROUS_STARTS)
    assert cell.removeprefix("'") == text or cell == text


@given(st.sampled_from(DANGEROUS_STARTS), st.text(max_size=10))
def test_every_dangerous_start_is_escaped(start, rest):
    assert escape_cell(start + rest) == "'" + start + rest


def test_csv_escapes_every_dangerous_text_field_of_an_entry(client):
    EstablishmentFactory(
        sign="+33 formule",
        street="-1 rue",
        address_complement="@SUM(A1)",
        city_name="\tTAB",
        description="ignored",
        website="https://ok.example",
    )
    text = body(whole(client, "directory:export_csv"))
    for row in csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"):
        for cell in row:
            assert not cell.startswith(DANGEROUS_STARTS), cell


def test_data_inclusion_export_validates_against_the_structure_schema(client, entries):
    published, private, _ = entries
    response = whole(client, "directory:export_data_inclusion")
    assert response.status_code == 200
    text = body(response)
    structures = json.loads(text)
    assert len(structures) == 2
    for structure in structures:
        assert validate(structure, "data-inclusion-structure.json") == [], structure
    by_id = {s["id"]: s for s in structures}
    mine = by_id[f"maillage-cades--{published.pk}"]
    assert mine["nom"] == "Le Jardin partagé"
    assert mine["courriel"] == PUBLIC_EMAIL
    assert mine["siret"] == published.siret
    assert mine["code_postal"] == "35600"
    assert mine["lien_source"] == absolute_url(published.get_absolute_url())
    assert by_id[f"maillage-cades--{private.pk}"]["courriel"] is None
    assert_nothing_private(text)


def test_data_inclusion_export_of_nothing_is_an_empty_array(client):
    assert json.loads(body(whole(client, "directory:export_data_inclusion"))) == []


def test_data_inclusion_names_follow_the_schema_length_and_full_stop_rules(client):
    EstablishmentFactory(sign="AB")
    EstablishmentFactory(sign="Association des amis du canal." + "x" * 200 + ".")
    structures = json.loads(body(whole(client, "directory:export_data_inclusion")))
    for structure in structures:
        assert validate(structure, "data-inclusion-structure.json") == []
        assert not structure["nom"].endswith(".")


def test_a_whole_export_resolves_the_page_paths_once(monkeypatch):
    """Labels and page paths are looked up once per file, not once per row (make bench gives the
    rate); each row's path is still the one its page has."""
    from maillage.directory.exports import public

    sites = [EstablishmentFactory(sign=f"Structure {n}") for n in range(3)]
    calls = []
    real_reverse = public.reverse
    monkeypatch.setattr(public, "reverse", lambda *a, **k: calls.append(a) or real_reverse(*a, **k))

    records = list(public.iter_public_records(public.Establishment.objects.published()))

    assert len(calls) == 1
    assert [r["url"] for r in records] == [s.get_absolute_url() for s in sites]
