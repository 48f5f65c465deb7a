import pytest

from maillage.support.journeys.models import Stage
from maillage.support.journeys.stage_file import StageFileError, load_stages


def test_default_journey_runs_from_welcome_to_closed_in_order():
    names = list(Stage.objects.active().values_list("name", flat=True))
    assert names == ["Accueil", "Émergence", "Structuration", "Lancement", "Développement", "Clos"]
    assert list(Stage.objects.final().values_list("slug", flat=True)) == ["clos"]


def test_loading_the_same_stages_twice_changes_nothing(tmp_path):
    assert load_stages(tmp_path) == 0
    assert Stage.objects.count() == 6


def test_the_hub_folder_file_replaces_the_default_and_hides_removed_stages(tmp_path):
    (tmp_path / "support.yaml").write_text(
        "stages:\n  - {slug: accueil, name: Premier accueil}\n"
        "  - {slug: incubation, name: Incubation}\n  - {slug: clos, name: Clos, final: true}\n",
        encoding="utf-8",
    )

    load_stages(tmp_path)

    assert list(Stage.objects.active().values_list("name", flat=True)) == [
        "Premier accueil", "Incubation", "Clos",
    ]  # fmt: skip
    assert not Stage.objects.get(slug="emergence").is_active


def test_the_pays_de_redon_file_gives_the_default_journey(settings):
    assert load_stages(settings.HUB_DIR) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stages:\n  - {slug: accueil, name: Accueil}\n", "étape finale"),
        ("stages:\n  - {slug: a, name: A}\n  - {slug: a, name: B, final: true}\n", "double"),
        ("stages:\n  - {slug: 'pas un slug', name: A}\n", "invalide"),
        ("stages: [\n", "illisible"),
        ("autre: 1\n", "manque"),
    ],
)
def test_a_faulty_stages_file_is_refused_and_changes_nothing(tmp_path, text, message):
    (tmp_path / "support.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(StageFileError, match=message):
        load_stages(tmp_path)

    assert Stage.objects.active().count() == 6
