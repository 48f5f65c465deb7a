import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from maillage.directory.enums import ImportStatus, Source, Visibility
from maillage.directory.models import ChangeRecord, Establishment, ImportRun, LegalUnit
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.gogocarto import GogocartoImporter
from tests.directory.conftest import REDON

DATA = Path(__file__).parent / "data"
ELEMENTS = DATA / "gogocarto_elements.json"
TAXONOMY = DATA / "gogocarto_taxonomy.json"


def element(id_, **values):
    base = {
        "id": id_,
        "status": 1,
        "name": f"Lieu {id_}",
        "geo": {"latitude": 47.65, "longitude": -2.08},
        "address": {
            "streetAddress": "1 rue du Port",
            "addressLocality": "Redon",
            "postalCode": "35600",
        },
        "telephone": "02 99 00 00 00",
        "email": "contact@lieu.example",
        "website": "lieu.example",
        "categories": ["Alimentation"],
    }
    return base | values


def export(tmp_path, elements, name="export.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"ontology": "gogofull", "data": elements}), encoding="utf-8")
    return path


def test_the_sample_lands_in_the_territory_with_its_themes(territory):
    run = GogocartoImporter(territory).run(ELEMENTS, TAXONOMY)

    assert (run.rows_read, run.rows_created, run.rows_skipped, run.rows_rejected) == (4, 3, 1, 0)
    site = Establishment.objects.get(source_ref="gogocarto:zw9")
    assert site.legal_unit.name == "Cuisines du monde"
    assert site.commune.code == REDON
    assert (site.longitude, site.latitude) == (-2.0852, 47.6517)
    assert "Restauration" in {t.name for t in site.themes.all()}
    assert "Préparation de cocktails" in site.description
    assert site.provenance["website"]["source"] == Source.GOGOCARTO
    assert site.legal_unit.ess_needs_review  # a map does not say the legal form


def test_html_is_stripped_and_hidden_contacts_are_not_kept(territory, tmp_path):
    path = export(tmp_path, [element("a", description="<a href='x'>Épicerie</a>", email="hidden")])

    GogocartoImporter(territory).run(path)

    site = Establishment.objects.get(source_ref="gogocarto:a")
    assert site.description == "Épicerie"
    assert site.email == ""
    assert site.phone == "02 99 00 00 00"
    assert not site.contacts_public  # the file did not say they may be published


def test_contacts_are_public_only_when_the_file_says_so(territory, tmp_path):
    path = export(tmp_path, [element("a", contactsPublics="oui"), element("b")])

    GogocartoImporter(territory).run(path)

    assert Establishment.objects.get(source_ref="gogocarto:a").contacts_public
    assert not Establishment.objects.get(source_ref="gogocarto:b").contacts_public


def test_bad_elements_are_rejected_with_their_number_and_good_ones_kept(territory, tmp_path):
    path = export(
        tmp_path,
        [
            element("ok"),
            element("far", geo={"latitude": 147.0, "longitude": -2.0}),
            element("nowhere", address={"addressLocality": "Atlantide", "postalCode": "35600"}),
            element("dup", siret="12345678900011"),
            element("dup2", siret="12345678900011"),
            {"name": "sans identifiant"},
        ],
    )

    run = GogocartoImporter(territory).run(path)

    reasons = dict(run.rejections.values_list("line", "reason"))
    assert "coordonnées impossibles" in reasons[2]
    assert "commune inconnue" in reasons[3]
    assert "12345678900011 en double (déjà lu ligne 4)" in reasons[5]
    assert "identifiant" in reasons[6]
    assert run.rows_created == 2
    assert Establishment.objects.filter(source_ref="gogocarto:ok").exists()
    assert Establishment.objects.filter(siret="12345678900011").exists()


def test_a_second_import_changes_nothing(territory):
    GogocartoImporter(territory).run(ELEMENTS, TAXONOMY)
    history = ChangeRecord.objects.count()

    run = GogocartoImporter(territory).run(ELEMENTS, TAXONOMY)

    assert (run.rows_created, run.rows_updated, run.rows_unchanged) == (0, 0, 3)
    assert Establishment.objects.count() == 3
    assert ChangeRecord.objects.count() == history


def test_an_element_with_a_siret_lands_on_the_sirene_establishment(territory, tmp_path):
    unit = LegalUnit.objects.create(
        siren="123456789",
        name="SCOP DU PORT",
        ess_family="cooperative",
        provenance={"name": {"source": Source.SIRENE, "confirmed_at": "2026-01-01"}},
    )
    site = Establishment.objects.create(siret="12345678900011", legal_unit=unit)
    path = export(tmp_path, [element("42", siret="123 456 789 00011", name="Le Port")])

    run = GogocartoImporter(territory).run(path)

    assert run.rows_updated == 1
    site.refresh_from_db()
    assert site.source_ref == "gogocarto:42"
    assert site.website == "https://lieu.example"
    assert LegalUnit.objects.get().name == "SCOP DU PORT"  # SIRENE outranks the map
    assert Establishment.objects.count() == 1


def test_what_the_organisation_wrote_survives_a_reimport(territory, tmp_path):
    path = export(tmp_path, [element("a", description="Texte de la carte")])
    GogocartoImporter(territory).run(path)
    site = Establishment.objects.get()
    site.description = "Texte de l’association"
    site.provenance["description"] = {"source": Source.ORGANISATION, "confirmed_at": "2026-01-01"}
    site.save()

    GogocartoImporter(territory).run(export(tmp_path, [element("a", description="Autre")]))

    site.refresh_from_db()
    assert site.description == "Texte de l’association"


def test_an_update_is_kept_in_the_history_without_a_person(territory, tmp_path):
    GogocartoImporter(territory).run(export(tmp_path, [element("a")]))

    GogocartoImporter(territory).run(export(tmp_path, [element("a", telephone="02 99 11 11 11")]))

    record = ChangeRecord.objects.get(field="phone")
    assert (record.old_value, record.new_value) == ("02 99 00 00 00", "02 99 11 11 11")
    assert record.source == Source.GOGOCARTO
    assert record.changed_by is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"data": [{"id": 1, "name": "x"}', "pas un JSON valide"),
        (b'{"features": []}', "pas un export GoGoCarto"),
        (b'[{"foo": 1}]', "n’ont pas d’identifiant « id »"),
        (b'[{"id": 1, "nom": "x"}]', "n’ont pas de nom .*« title » pour Transiscope"),
        (b'{"ontology": "gogocompact", "data": [[1, ["x"]]]}', "ontology=gogofull"),
        ('[{"id": 1, "name": "é"}]'.encode("utf-16"), "UTF-8"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_before_any_write(
    territory, tmp_path, content, message
):
    path = tmp_path / "faux.json"
    path.write_bytes(content)

    with pytest.raises(ImportRefused, match=message):
        GogocartoImporter(territory).run(path)

    assert not Establishment.objects.exists()
    assert ImportRun.objects.get().status == ImportStatus.REFUSED


def test_the_command_prints_the_report(territory, tmp_path, capsys):
    shutil.copy(ELEMENTS, tmp_path / "export.json")

    call_command("import_gogocarto", str(tmp_path / "export.json"), "--taxonomie", str(TAXONOMY))

    assert "3 créées" in capsys.readouterr().out


def test_the_command_refuses_a_broken_file(territory, tmp_path):
    path = tmp_path / "x.json"
    path.write_text("pas du json")

    with pytest.raises(CommandError, match="rien n’a été modifié"):
        call_command("import_gogocarto", str(path))


def test_an_element_gone_from_the_map_is_hidden_not_deleted_and_reported(territory, tmp_path):
    GogocartoImporter(territory).run(export(tmp_path, [element("a"), element("b")]))
    deleted = element("c", status=-1)

    run = GogocartoImporter(territory).run(export(tmp_path, [element("a"), deleted], "2.json"))

    gone = Establishment.objects.get(source_ref="gogocarto:b")
    assert gone.visibility == Visibility.HIDDEN
    assert Establishment.objects.get(source_ref="gogocarto:a").visibility == Visibility.PUBLIC
    assert run.rows_withdrawn == 1
    assert "« Lieu b »" in run.message
    record = ChangeRecord.objects.get(establishment=gone, field="visibility")
    assert (record.new_value, record.source) == (Visibility.HIDDEN, Source.GOGOCARTO)


def test_an_element_back_on_the_map_is_shown_again(territory, tmp_path):
    GogocartoImporter(territory).run(export(tmp_path, [element("a"), element("b")]))
    GogocartoImporter(territory).run(export(tmp_path, [element("a")], "2.json"))

    run = GogocartoImporter(territory).run(export(tmp_path, [element("a"), element("b")], "3.json"))

    assert Establishment.objects.get(source_ref="gogocarto:b").visibility == Visibility.PUBLIC
    assert run.rows_withdrawn == 0


def test_withdrawal_spares_partial_exports_people_s_choices_and_sirene_entries(territory, tmp_path):
    with_siret = element("s", siret="77567227200024")
    GogocartoImporter(territory).run(
        export(tmp_path, [element("a"), element("b"), element("c"), with_siret])
    )
    chosen = Establishment.objects.get(source_ref="gogocarto:b")
    chosen.provenance["visibility"] = {"source": Source.STAFF, "confirmed_at": "2026-01-05"}
    chosen.save()
    only_a = export(tmp_path, [element("a")], "2.json")

    partial = GogocartoImporter(territory).run(only_a, complete=False)
    assert partial.rows_withdrawn == 0
    complete = GogocartoImporter(territory).run(only_a)

    assert complete.rows_withdrawn == 1
    public = Establishment.objects.filter(visibility=Visibility.PUBLIC)
    visible = set(public.values_list("source_ref", flat=True))
    assert visible == {"gogocarto:a", "gogocarto:b", "gogocarto:s"}


def test_the_command_reports_the_hidden_entries_and_offers_a_partial_mode(
    territory, tmp_path, capsys
):
    call_command("import_gogocarto", str(export(tmp_path, [element("a"), element("b")])))
    call_command("import_gogocarto", str(export(tmp_path, [element("a")], "2.json")), "--partiel")
    assert "masquée" not in capsys.readouterr().out

    call_command("import_gogocarto", str(export(tmp_path, [element("a")], "3.json")))

    out = capsys.readouterr().out
    assert "1 masquée car absente de la source" in out
    assert "« Lieu b »" in out
