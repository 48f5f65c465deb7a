from collections import Counter

import pytest

from maillage.core import demo
from maillage.directory.definitions import is_employer, jobs
from maillage.directory.demo import (
    DemoUnavailable,
    create_demo_directory,
    luhn_complete,
    of_place,
)
from maillage.directory.demo.places import contains
from maillage.directory.demo.plan import (
    DEFAULT_COUNT,
    TARGET_ASSOCIATIONS,
    TARGET_COOPERATIVES,
    TARGET_EMPLOYERS,
    TARGET_JOBS,
    quotas,
)
from maillage.directory.enums import EssFamily
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment, LegalUnit
from maillage.directory.stewardship.duplicates import likely_pairs
from maillage.hub import current_hub
from maillage.territory.importer import load_configured_territory

pytestmark = pytest.mark.django_db

FIELDS = (
    "siret",
    "sign",
    "street",
    "commune_id",
    "naf_code",
    "employee_bracket",
    "longitude",
    "latitude",
    "is_open",
    "visibility",
    "description",
    "email",
    "contacts_public",
    "source_ref",
    "search_text",
    "legal_unit__name",
    "legal_unit__is_hub_member",
)


@pytest.fixture
def territory():
    load_configured_territory(current_hub().territory)


def rows():
    return list(Establishment.objects.order_by("source_ref").values_list(*FIELDS))


def luhn_valid(number: str) -> bool:
    return luhn_complete(number[:-1]) == number


def test_the_demo_needs_the_territory():
    with pytest.raises(DemoUnavailable):
        create_demo_directory()


def test_a_second_call_creates_nothing(territory):
    assert create_demo_directory() == DEFAULT_COUNT
    assert create_demo_directory() == 0
    assert Establishment.objects.count() == DEFAULT_COUNT


def test_the_demo_gives_the_duplicate_finder_nothing_to_propose(territory):
    """Each demo organisation has its own name: none shares a name with another in its commune,
    which the duplicate finder would propose to staff (it proposed 74 pairs on the demo)."""
    create_demo_directory()
    assert likely_pairs() == {}


def test_the_same_seed_gives_the_same_rows(territory):
    create_demo_directory(seed=7)
    first = rows()
    Establishment.objects.all().delete()
    LegalUnit.objects.all().delete()

    create_demo_directory(seed=7)

    assert rows() == first
    Establishment.objects.all().delete()
    create_demo_directory(seed=8)
    assert rows() != first


def test_totals_match_the_published_figures_of_the_pays_de_redon_exactly(territory):
    create_demo_directory()
    sites = Establishment.objects.published().select_related("legal_unit")
    employers = [site for site in sites if is_employer(site.employee_bracket, site.headcount)]
    families = Counter(site.legal_unit.ess_family for site in employers)

    assert len(employers) == TARGET_EMPLOYERS == 319
    assert sum(jobs(s.employee_bracket, s.headcount) for s in employers) == TARGET_JOBS == 3042
    assert families[EssFamily.ASSOCIATION] == TARGET_ASSOCIATIONS == 282
    assert families[EssFamily.COOPERATIVE] == TARGET_COOPERATIVES == 32
    assert {EssFamily.MUTUELLE, EssFamily.FONDATION, EssFamily.COMMERCIAL} <= set(families)
    assert any(site.employee_bracket == "00" for site in employers)


def test_every_record_is_marked_fictitious_and_placed_in_its_commune(territory):
    create_demo_directory()
    sites = Establishment.objects.select_related("legal_unit", "commune")

    assert demo.only_demo(sites).count() == sites.count()
    assert demo.only_demo(LegalUnit.objects.all()).count() == LegalUnit.objects.count()
    for site in sites:
        assert "fictive" in site.legal_unit.name
        assert site.siret.startswith("99")
        assert luhn_valid(site.siret)
        assert luhn_valid(site.legal_unit.siren)
        assert not site.email or site.email.endswith("@exemple.invalid")
        assert contains(site.commune.outline, site.longitude, site.latitude)
    assert sites.filter(visibility="hidden").exists()
    assert sites.filter(is_open=False).exists()
    assert sites.filter(legal_unit__is_hub_member=True).exists()
    assert sites.filter(contacts_public=True).exists()
    assert sites.filter(contacts_public=False).exclude(email="").exists()
    assert sites.filter(legal_unit__establishments__is_head_office=False).exists()


def test_search_text_includes_themes(territory):
    create_demo_directory()
    site = Establishment.objects.filter(themes__isnull=False).first()
    stored = (site.search_text, site.search_name, site.search_place)

    site.save()

    assert sorted(stored[0].split()) == sorted(site.search_text.split())
    assert stored[1:] == (site.search_name, site.search_place)


def test_bulk_created_entries_are_found_even_with_a_typo(territory):
    create_demo_directory()
    exact = list(parse_filters({"q": "cooperative"}).results().values_list("pk", flat=True))
    assert exact
    assert list(parse_filters({"q": "coperative"}).results().values_list("pk", flat=True)) == exact


def test_a_large_count_keeps_the_proportions(territory):
    assert create_demo_directory(count=3500) == 3500
    families = Counter(Establishment.objects.values_list("legal_unit__ess_family", flat=True))
    assert 0.86 < families[EssFamily.ASSOCIATION] / 3500 < 0.92


def test_quotas_are_exact_and_proportional():
    assert Counter(quotas({"a": 282, "b": 32}, 314)) == {"a": 282, "b": 32}
    assert len(quotas({"a": 1, "b": 1, "c": 1}, 10)) == 10


def test_luhn_check_digit_follows_the_reference_example():
    assert luhn_complete("7992739871") == "79927398713"


@pytest.mark.parametrize(
    ("commune", "expected"),
    [
        ("Avessac", "d’Avessac"),
        ("Allaire", "d’Allaire"),
        ("Les Fougerêts", "des Fougerêts"),
        ("Le Pouliguen", "du Pouliguen"),
        ("La Chapelle-de-Brain", "de La Chapelle-de-Brain"),
        ("Redon", "de Redon"),
        ("Éréac", "d’Éréac"),
    ],
)
def test_demo_names_elide_de_before_a_vowel_as_french_does(commune, expected):
    assert of_place(commune) == expected
