import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maillage.territory.enums import OldCodeKind
from maillage.territory.importer import import_territory
from maillage.territory.models import (
    Commune,
    Departement,
    Epci,
    OldCommuneCode,
    Region,
    Territory,
)
from tests.territory.conftest import COMMUNES, spec, write_json

pytestmark = pytest.mark.django_db


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_epci_import_keeps_only_its_communes_and_their_departements_and_regions(
    cog_dir, outline_file
):
    report = import_territory(spec(), cog_dir, [outline_file])

    territory = Territory.objects.get(slug="pays-du-canal")
    assert codes(territory.communes) == ["35001", "35002", "44001"]
    assert codes(Commune.objects) == ["35001", "35002", "44001"]
    assert codes(Departement.objects) == ["35", "44"]
    assert codes(Region.objects) == ["52", "53"]
    assert codes(Epci.objects) == ["200000001"]
    assert report.communes == 3
    assert report.outlines == 3


def test_commune_fields_come_from_the_cog(cog_dir):
    import_territory(spec(), cog_dir)

    canal = Commune.objects.get(code="44001")
    assert canal.name == "Canal"
    assert canal.departement.name == "Loire-Atlantique"
    assert canal.region.name == "Pays de la Loire"
    assert canal.epci.name == "CC du Canal"
    assert canal.siren == "21440010"
    assert canal.population == 500
    assert canal.population_vintage == "COG test"
    assert canal.postcodes == ["44290", "44460"]
    assert canal.outline is None


def test_population_vintage_can_differ_from_the_cog_vintage(cog_dir):
    import_territory(spec(population_vintage="populations légales 2023"), cog_dir)

    assert Commune.objects.get(code="35001").population_vintage == "populations légales 2023"


def test_commune_list_import_accepts_old_codes_and_mixes_with_epci(cog_dir):
    import_territory(spec(epci_codes=(), commune_codes=("35900", "44002")), cog_dir)

    territory = Territory.objects.get()
    assert codes(territory.communes) == ["35001", "44002"]
    assert Commune.objects.get(code="44002").epci.code == "200000002"


def test_old_codes_point_to_the_current_commune(canal):
    old = {o.code: (o.commune.code, o.kind, o.name) for o in OldCommuneCode.objects.all()}

    assert old == {
        "35900": ("35001", OldCodeKind.FORMER, ""),
        "35003": ("35002", OldCodeKind.DELEGATED, "Vieux-Bourg"),
    }
    assert Commune.objects.resolve_code("35900").code == "35001"
    assert Commune.objects.resolve_code("35003").code == "35002"
    assert Commune.objects.resolve_code("35002").code == "35002"
    assert Commune.objects.resolve_code("44002") is None


def test_outline_of_an_old_commune_is_merged_into_its_current_commune(canal):
    aval = Commune.objects.get(code="35001")
    canal_commune = Commune.objects.get(code="44001")

    assert aval.outline["type"] == "MultiPolygon"
    assert len(aval.outline["coordinates"]) == 2
    assert Commune.objects.get(code="35002").outline["type"] == "MultiPolygon"
    assert canal_commune.outline["type"] == "Polygon"


def test_outline_coordinates_are_rounded_to_five_decimals(db, cog_dir, tmp_path):
    outline = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": "44001"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[-2.123456789, 47.1], [-2.0, 47.2], [-2.123456789, 47.1]]],
                },
            }
        ],
    }
    import_territory(spec(), cog_dir, [write_json(tmp_path / "o.geojson", outline)])

    assert Commune.objects.get(code="44001").outline["coordinates"][0][0] == [-2.12346, 47.1]


def test_a_second_run_creates_and_changes_nothing(canal, cog_dir, outline_file):
    before = {c.code: (c.pk, c.outline) for c in Commune.objects.all()}

    report = import_territory(spec(), cog_dir, [outline_file], make_default=True)

    assert (report.created, report.updated) == (0, 0)
    assert report.unchanged == 2 + 2 + 1 + 3 + 2 + 1
    assert {c.code: (c.pk, c.outline) for c in Commune.objects.all()} == before
    assert Territory.objects.count() == 1


def test_a_rerun_after_a_data_change_updates_the_changed_rows(canal, cog_dir, outline_file):
    changed = [dict(c, population=1234) if c["code"] == "44001" else c for c in COMMUNES]
    write_json(cog_dir / "communes.json", changed)

    report = import_territory(spec(), cog_dir, [outline_file], make_default=True)

    assert report.details["commune"] == (0, 1, 2)
    assert Commune.objects.get(code="44001").population == 1234


def test_a_narrower_perimeter_removes_communes_from_the_territory(canal, cog_dir):
    import_territory(spec(epci_codes=(), commune_codes=("35001",)), cog_dir, make_default=True)

    canal.refresh_from_db()
    assert codes(canal.communes) == ["35001"]
    assert canal.commune_codes == ["35001"]


def test_only_one_territory_is_the_default(canal, cog_dir):
    import_territory(spec(slug="autre", epci_codes=("200000002",)), cog_dir, make_default=True)

    assert list(Territory.objects.filter(is_default=True).values_list("slug", flat=True)) == [
        "autre"
    ]


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("communes.json", "{ pas du json", "JSON invalide"),
        ("epci.json", json.dumps({"code": "1"}), "liste JSON"),
        ("departements.json", json.dumps([{"code": "35"}]), "champs manquants nom, region"),
        ("regions.json", None, "introuvable"),
    ],
)
def test_a_malformed_cog_file_is_refused_before_any_write(cog_dir, file_name, content, message):
    if content is None:
        (cog_dir / file_name).unlink()
    else:
        (cog_dir / file_name).write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=re.escape(message)):
        import_territory(spec(), cog_dir)

    assert not Commune.objects.exists()
    assert not Territory.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[]", "FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"properties": {}}]}', "code"),
        ("{", "illisible"),
    ],
)
def test_a_malformed_outline_file_is_refused_before_any_write(cog_dir, tmp_path, content, message):
    path = tmp_path / "contours.geojson"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        import_territory(spec(), cog_dir, [path])

    assert not Commune.objects.exists()


def test_a_failed_rerun_leaves_the_previous_import_untouched(canal, cog_dir):
    (cog_dir / "epci.json").write_text("nope", encoding="utf-8")

    with pytest.raises(CommandError):
        import_territory(spec(name="Autre nom"), cog_dir)

    canal.refresh_from_db()
    assert canal.name == "Pays du Canal"
    assert canal.communes.count() == 3


def test_an_unknown_epci_is_refused(cog_dir):
    with pytest.raises(CommandError, match=r"EPCI inconnu.*299999999"):
        import_territory(spec(epci_codes=("299999999",)), cog_dir)

    assert not Commune.objects.exists()


def test_an_unknown_commune_is_refused(cog_dir):
    with pytest.raises(CommandError, match=r"Commune.*inconnue.*99999"):
        import_territory(spec(epci_codes=(), commune_codes=("35001", "99999")), cog_dir)


def test_an_empty_perimeter_is_refused(cog_dir):
    with pytest.raises(CommandError, match="au moins un code"):
        import_territory(spec(epci_codes=()), cog_dir)


def test_the_command_imports_and_reports_in_french(cog_dir, outline_file, capsys):
    call_command(
        "import_territory",
        "--cog-dir",
        str(cog_dir),
        "--outlines",
        str(outline_file),
        "--epci",
        "200000001",
        "--commune",
        "44002",
        "--name",
        "Pays du Canal",
        "--slug",
        "pays-du-canal",
        "--source",
        "INSEE",
        "--vintage",
        "COG test",
        "--default",
    )

    assert "4 communes dont 4 avec contour" in capsys.readouterr().out
    assert Territory.objects.get().is_default


def test_the_command_refuses_an_unknown_epci_with_a_command_error(cog_dir):
    with pytest.raises(CommandError, match="EPCI inconnu"):
        call_command(
            "import_territory",
            *("--cog-dir", str(cog_dir), "--epci", "123"),
            *("--name", "X", "--slug", "x", "--source", "s", "--vintage", "v"),
        )
