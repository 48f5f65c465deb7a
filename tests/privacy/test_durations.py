import pytest

from maillage.privacy.durations import duration_text
from maillage.privacy.registry import declaration_for


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (365, "1 an"),
        (3 * 365, "3 ans"),
        (30, "1 mois"),
        (540, "18 mois"),
        (1, "1 jour"),
        (45, "45 jours"),
    ],
)
def test_a_retention_is_written_in_the_largest_whole_unit(days, text):
    assert duration_text(days) == text


def test_the_registry_states_the_retention_the_purges_apply():
    # The defaults of CONTACT_RETENTION_DAYS and SUPPORT_CASE_RETENTION_DAYS.
    assert declaration_for("people.Person").retention.startswith("3 ans après le dernier échange")
    assert declaration_for("journeys.SupportCase").retention.startswith(
        "5 ans après la clôture du dossier"
    )
