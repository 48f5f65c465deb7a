"""One definition of employer and jobs, read alike by the demo, both observatory sources and
the tests: the SQL the observatory runs must agree with the Python rule on every bracket."""

from decimal import Decimal

import pytest

from maillage.directory.definitions import (
    bracket_is_employer,
    bracket_jobs,
    ess_family,
    is_employer,
    is_ess,
    jobs,
)
from maillage.directory.enums import EssFamily
from maillage.directory.filters import employers
from maillage.directory.models import Establishment
from maillage.directory.nomenclatures import employee_brackets
from maillage.observatory.facts.counts import total
from maillage.observatory.facts.table import FACTS_COLUMNS
from maillage.observatory.sources.reference_tables import create_brackets, family_of
from maillage.observatory.sources.workspace import connect, insert_rows
from tests.directory.factories import EstablishmentFactory


def test_bracket_00_is_an_employer_that_counts_no_job():
    # INSEE: « 0 salarié » on 31 December but salaried staff during the year.
    assert bracket_is_employer("00")
    assert bracket_jobs("00") == 0
    assert not bracket_is_employer("NN")
    assert bracket_jobs("NN") == 0


def test_jobs_are_the_bracket_midpoints_or_the_known_headcount():
    assert bracket_jobs("01") == Decimal("1.5")
    assert bracket_jobs("22") == Decimal("149.5")
    assert bracket_jobs("53") == 10000  # open-ended: its lower bound
    assert bracket_jobs("") is None
    assert jobs("11", headcount=12) == 12
    assert is_employer("NN", headcount=2)
    assert not is_employer("11", headcount=0)  # a known headcount replaces the bracket
    assert not is_employer("", headcount=None)


def test_ess_membership_follows_the_family_rule():
    assert ess_family("9220", "88.99B", "") == EssFamily.ASSOCIATION
    assert ess_family("9220", "84.13Z", "") is None  # public administration is left out
    assert ess_family("5710", "62.01Z", "O") == EssFamily.COMMERCIAL
    assert family_of("9220", "", "NAFRev2", "8899B") == EssFamily.ASSOCIATION
    assert is_ess(EssFamily.COOPERATIVE)
    assert not is_ess("")


CASES = [(code, headcount) for code in [*employee_brackets(), ""] for headcount in (None, 0, 3)]


@pytest.mark.parametrize(("bracket", "headcount"), CASES)
def test_the_observatory_sql_counts_as_the_definitions(bracket, headcount):
    con = connect()
    create_brackets(con)
    con.execute(f"CREATE TEMP TABLE facts ({FACTS_COLUMNS})")
    row = ("1", "35236", True, bracket, "88.99B", "association", headcount, False)
    insert_rows(con, "facts", [row])

    counts = total(con)

    assert counts.employers == int(is_employer(bracket, headcount))
    expected = jobs(bracket, headcount)
    assert counts.jobs_mid == (expected if expected is not None else 0)
    assert counts.unknown_brackets == int(expected is None)


@pytest.mark.django_db
def test_the_directory_s_employer_filter_selects_as_the_definition():
    sites = [
        EstablishmentFactory(employee_bracket=bracket, headcount=headcount)
        for bracket, headcount in CASES
    ]

    selected = set(Establishment.objects.filter(employers()).values_list("pk", flat=True))

    assert selected == {s.pk for s in sites if is_employer(s.employee_bracket, s.headcount)}
