"""Families staff set against the rule are counted apart in the observatory's method note."""

from datetime import date

from maillage.directory.enums import EssFamily, FamilyDecision
from maillage.directory.models import LegalUnit
from maillage.directory.stewardship import family_decisions
from maillage.observatory.enums import Dimension
from maillage.observatory.figures.compute import compute_from_directory
from maillage.observatory.presentation.pages import method_note
from tests.observatory.conftest import REDON

DAY = date(2025, 1, 1)


def test_the_method_note_counts_the_overridden_families_apart(hand_directory, staff):
    before = compute_from_directory(data_date=DAY)
    # An association of the territory: the directory orders by name, and the factories' random
    # names once put the association of Allaire, outside the territory, first.
    association = (
        LegalUnit.objects.filter(
            ess_family=EssFamily.ASSOCIATION, establishments__commune__code=REDON
        )
        .order_by("pk")
        .first()
    )

    family_decisions.decide(association, FamilyDecision.COOPERATIVE, "SCIC sous statut", staff)
    after = compute_from_directory(data_date=DAY)

    assert "contre la règle" not in method_note(before)
    assert after.pk != before.pk
    assert after.family_overrides == 1
    note = method_note(after)
    assert "1 organisation classée par l’équipe contre la règle de l’INSEE" in note
    assert "comptée dans la famille décidée" in note
    families = {f.key: f.establishments for f in after.figures.of(Dimension.FAMILY)}
    assert families[EssFamily.COOPERATIVE] >= 1
