"""After `make run`'s loading, every organisation of the directory has the family the rule
gives it: the demonstration shows nothing the ESS rule forbids."""

from io import StringIO

import pytest
from django.core.management import call_command

from maillage.directory import families
from maillage.directory.models import Establishment, LegalUnit


@pytest.mark.django_db
def test_every_demo_organisation_has_the_family_the_rule_gives():
    call_command("load_hub", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())

    units = list(LegalUnit.objects.all())
    wrong = [(u.name, u.ess_family, u.naf_code) for u in units if families.forbidden(u)]
    assert units
    assert wrong == []
    public_administration = Establishment.objects.published().filter(
        legal_unit__naf_code__startswith="84."
    )
    assert not public_administration.exists()
