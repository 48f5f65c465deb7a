"""Names sort in French order, in Python and in the database (SQLite and PostgreSQL)."""

import pytest

from maillage.core.collation import by_name, sorted_by_name
from maillage.territory.models import Commune, Departement, Region

NAMES = ["Bruc-sur-Aff", "Béganne", "Avessac", "Éancé", "Redon", "bains-sur-Oust"]
FRENCH_ORDER = ["Avessac", "bains-sur-Oust", "Béganne", "Bruc-sur-Aff", "Éancé", "Redon"]


def test_python_sorts_accented_names_among_their_letter():
    assert sorted_by_name(NAMES) == FRENCH_ORDER


@pytest.mark.django_db
def test_the_database_sorts_in_the_same_french_order():
    region = Region.objects.create(code="53", name="Bretagne")
    ille = Departement.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    for i, name in enumerate(NAMES):
        Commune.objects.create(code=f"35{i:03d}", name=name, departement=ille)

    names = list(Commune.objects.order_by(by_name(), "code").values_list("name", flat=True))

    assert names == FRENCH_ORDER
