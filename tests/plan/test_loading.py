from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from maillage.plan.enums import PublicCategory, Scope, TextKind
from maillage.plan.loading import PlanFileError, load_plan
from maillage.plan.models import (
    Action,
    IdentitySection,
    OperationalObjective,
    PlanText,
    PublicGroup,
    StrategicObjective,
    TargetPublic,
    ValueFamily,
    ValueItem,
)

PLAN_MODELS = [
    ValueFamily,
    ValueItem,
    PlanText,
    StrategicObjective,
    OperationalObjective,
    Action,
    TargetPublic,
    PublicGroup,
    IdentitySection,
]


def write_plan(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def plan_data(plan_file):
    return yaml.safe_load(plan_file.read_text(encoding="utf-8"))


def test_values_are_five_families_with_their_items_in_order(loaded_plan):
    families = list(ValueFamily.objects.all())
    assert [family.items.count() for family in families] == [2, 3, 5, 4, 4]
    assert families[0].title == "Prend soin de son territoire et de ses habitants"
    assert list(families[2].items.values_list("text", flat=True))[-1] == "Autonomie des personnes"


def test_vision_and_purpose_are_loaded_with_the_purpose_in_two_paragraphs(loaded_plan):
    texts = dict(PlanText.objects.values_list("kind", "body"))
    assert texts[TextKind.VISION].startswith("Le Pays de Redon : une société")
    assert texts[TextKind.VALUES_INTRO].endswith("une économie qui :")
    assert len(texts[TextKind.PURPOSE].split("\n\n")) == 2


def test_four_strategic_objectives_with_their_operational_objectives(loaded_plan):
    objectives = StrategicObjective.objects.all()
    assert [o.code for o in objectives] == ["1", "2", "3", "4"]
    assert [o.operational_objectives.count() for o in objectives] == [3, 4, 3, 5]
    assert objectives[3].title.startswith("Échanger, transmettre")
    assert OperationalObjective.objects.get(code="4a").actions.count() == 0


def test_actions_of_2a_have_their_sub_actions(loaded_plan):
    roots = Action.objects.filter(operational_objective__code="2a", parent=None)
    assert [action.code for action in roots] == ["2a.1", "2a.2", "2a.3"]
    assert [action.children.count() for action in roots] == [4, 3, 0]
    assert Action.objects.get(code="2a.1.2").title == (
        "Identifier les acteurs réseaux et ressource pouvant participer au projet"
    )


def test_publics_and_scopes_of_each_objective(loaded_plan):
    def groups(code):
        return [
            (group.label, group.scope, group.scope_label, [e.label for e in group.entries.all()])
            for group in PublicGroup.objects.filter(strategic_objective__code=code)
        ]

    (objective_1,) = groups("1")
    assert objective_1[1:3] == (Scope.TERRITORY, "sur le Pays de Redon uniquement")
    assert objective_1[3][0] == "élus des collectivités"
    assert len(objective_1[3]) == 5
    accompaniment, cooperation = groups("2")
    assert accompaniment[:2] == ("Accompagnement", Scope.TERRITORY)
    assert cooperation[:3] == (
        "Coopération / partenariats",
        Scope.TERRITORY_AND_REGIONS,
        "Pays de Redon + région Bretagne et Pays de la Loire",
    )
    assert len(accompaniment[3]) == 4
    assert len(cooperation[3]) == 5
    (objective_3,) = groups("3")
    assert objective_3[1] == Scope.TERRITORY
    assert objective_3[3][0] == "élus"
    (objective_4,) = groups("4")
    assert objective_4[1:3] == (
        Scope.TERRITORY_AND_REGIONS,
        "Pays de Redon, région Bretagne, région Pays de la Loire",
    )
    assert len(objective_4[3]) == 3


def test_a_public_named_by_two_objectives_is_one_shared_record(loaded_plan):
    elus = TargetPublic.objects.get(slug="elus-des-collectivites")
    assert elus.category == PublicCategory.ELUS
    assert set(elus.groups.values_list("strategic_objective__code", flat=True)) == {"1", "3"}


def test_identity_sections_are_loaded_in_order(loaded_plan):
    titles = list(IdentitySection.objects.values_list("title", flat=True))
    assert titles[0] == "Motivations de départ"
    assert "Difficultés rencontrées" in titles
    assert "132 structures employeuses" in IdentitySection.objects.get(slug="nombre-d-acteurs").body


def test_anchors_are_unique(loaded_plan):
    anchors = [
        item.anchor
        for model in (StrategicObjective, OperationalObjective, Action)
        for item in model.objects.all()
    ]
    assert len(anchors) == len(set(anchors))
    assert Action.objects.get(code="1a.1").anchor == "action-1a-1"
    assert Action.objects.get(code="2a.1.2").anchor == "action-2a-1-2"
    assert OperationalObjective.objects.get(code="1a").anchor == "objectif-1a"


def test_a_second_load_creates_and_changes_nothing(loaded_plan, plan_file):
    counts = [model.objects.count() for model in PLAN_MODELS]
    report = load_plan(plan_file)
    assert (report.created, report.updated, report.deleted, report.deactivated) == (0, 0, 0, 0)
    assert [model.objects.count() for model in PLAN_MODELS] == counts


def test_a_load_updates_changed_titles_in_place(loaded_plan, tmp_path, plan_data):
    action = Action.objects.get(code="1a.1")
    plan_data["objectives"][0]["operational"][0]["actions"][0]["title"] = "Nouvel intitulé"
    report = load_plan(write_plan(tmp_path, plan_data))
    assert report.updated == 1
    action.refresh_from_db()
    assert action.title == "Nouvel intitulé"


def test_entries_removed_from_the_file_are_deactivated_or_deleted(loaded_plan, tmp_path, plan_data):
    del plan_data["objectives"][0]["operational"][0]["actions"][1]
    plan_data["values"]["families"][0]["items"].pop()
    load_plan(write_plan(tmp_path, plan_data))
    assert not Action.objects.get(code="1a.2").is_active
    assert ValueFamily.objects.first().items.count() == 1


def test_an_entry_put_back_in_the_file_is_active_again(loaded_plan, tmp_path, plan_data, plan_file):
    del plan_data["objectives"][3]
    load_plan(write_plan(tmp_path, plan_data))
    assert not StrategicObjective.objects.get(code="4").is_active
    assert not Action.objects.get(code="4e.3").is_active
    load_plan(plan_file)
    assert Action.objects.active().filter(code="4e.3").exists()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["objectives"][1]["operational"][0].pop("title"), "objectif 2a"),
        (lambda d: d["objectives"][1]["operational"][0].update(code="3a"), "3a"),
        (lambda d: d["publics"][0].update(category="inconnue"), "elus-des-collectivites"),
        (lambda d: d["objectives"][0]["publics"][0].update(scope="monde"), "objectif 1"),
        (lambda d: d["objectives"][0]["publics"][0]["publics"].append("martiens"), "martiens"),
        (
            lambda d: d["objectives"][0]["operational"][0]["actions"][1].update(code="1a.1"),
            "1a.1",
        ),
        (lambda d: d["values"]["families"][0].update(slug="Pas un slug"), "Pas un slug"),
    ],
)
def test_a_malformed_file_is_refused_with_a_french_message_naming_the_entry(
    db, tmp_path, plan_data, change, named
):
    change(plan_data)
    with pytest.raises(PlanFileError) as error:
        load_plan(write_plan(tmp_path, plan_data))
    assert named in str(error.value)
    assert all(not model.objects.exists() for model in PLAN_MODELS)


def test_a_malformed_file_leaves_a_loaded_plan_untouched(loaded_plan, tmp_path, plan_data):
    plan_data["objectives"][0]["title"] = "Autre titre"
    plan_data["objectives"][3]["operational"][0]["code"] = "4 a"
    with pytest.raises(PlanFileError, match="4 a"):
        load_plan(write_plan(tmp_path, plan_data))
    assert StrategicObjective.objects.get(code="1").title.startswith("Sensibiliser")


def test_a_file_that_is_not_yaml_is_refused(db, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("objectives: [\n", encoding="utf-8")
    with pytest.raises(PlanFileError, match="YAML"):
        load_plan(path)


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(PlanFileError, match="illisible"):
        load_plan(tmp_path / "absent.yaml")


def test_the_command_loads_the_hub_plan_by_default(db, capsys):
    call_command("load_plan")
    assert StrategicObjective.objects.count() == 4
    assert "créés" in capsys.readouterr().out
