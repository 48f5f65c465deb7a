import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.territory.models import Commune

pytestmark = pytest.mark.django_db

# The canal fixture is shared across examples: each example leaves it usable by the next.
read_only = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])

KNOWN = {"35001": "35001", "35900": "35001", "35002": "35002", "35003": "35002", "44001": "44001"}


@read_only
@given(code=st.sampled_from(sorted(KNOWN)), left=st.text(" \t"), right=st.text(" \n"))
def test_known_codes_resolve_whatever_the_surrounding_blanks(canal, code, left, right):
    assert Commune.objects.resolve_code(f"{left}{code}{right}").code == KNOWN[code]


@read_only
@given(code=st.text(alphabet="0123456789AB", max_size=6))
def test_any_other_code_resolves_to_nothing(canal, code):
    resolved = Commune.objects.resolve_code(code)

    if code in KNOWN:
        assert resolved.code == KNOWN[code]
    else:
        assert resolved is None


@read_only
@given(department=st.sampled_from(["2A", "2B"]), number=st.integers(0, 999))
def test_corsican_codes_are_compared_in_upper_case(canal, department, number):
    Commune.objects.filter(name="Canal").update(code=f"{department}{number:03d}")

    assert Commune.objects.resolve_code(f"{department.lower()}{number:03d}").name == "Canal"
